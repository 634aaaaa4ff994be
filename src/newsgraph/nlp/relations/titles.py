"""Relations read from the titles the entities component attached ("commander of the X Force").

The parse may miss a role stated in an unusual construction, but the entities component
keeps such roles as ``Entity.titles``; a title made of a role noun, "of"/"at"/"for" and
the name of another entity is the same statement as "E is the <role> of <entity>".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from newsgraph.model import Entity, Span
from newsgraph.nlp.relations.lexicon import RelationLexicon

_TITLE = re.compile(r"^(?:[\w-]+\s+){0,2}?(?P<role>[a-z]+?)s?\s+(?:of|at|for)\s+(?:the\s+)?(?P<org>.+)$")
# How far from one of the entity's mentions a title may be written to count as its evidence.
EVIDENCE_WINDOW = 300


def _norm(text: str) -> str:
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", text.strip().lower()))


def title_relations(
    doc: Doc, entities: list[Entity], lexicon: RelationLexicon
) -> Iterator[tuple[str, str, str, Span]]:
    """(subject id, predicate, object id, evidence) for each title naming a role in another entity."""
    names: dict[str, str] = {}
    for e in entities:
        for n in (e.name, *e.aliases, *(m.text for m in e.mentions)):
            names.setdefault(_norm(n), e.id)
    for e in entities:
        for title in e.titles:
            m = _TITLE.match(title.strip().lower())
            if not m or m.group("role") not in lexicon.role_nouns:
                continue
            org = _norm(m.group("org"))
            target = names.get(org) or next(
                (eid for n, eid in names.items() if n and org.endswith(" " + n)), None
            )
            if target is None or target == e.id:
                continue
            evidence = title_evidence(doc, e, title)
            if evidence is not None:
                yield e.id, lexicon.role_nouns[m.group("role")], target, evidence


def title_evidence(doc: Doc, entity: Entity, title: str) -> Span | None:
    """The sentence where ``title`` is written near one of the entity's mentions."""
    text = doc.text
    for mention in entity.mentions:
        lo = max(0, mention.start - EVIDENCE_WINDOW)
        at = text.find(title, lo, mention.end + EVIDENCE_WINDOW)
        if at >= 0:
            span = doc.char_span(at, at + len(title), alignment_mode="expand")
            if span is not None:
                sent = span.sent
                return Span(start=sent.start_char, end=sent.end_char, text=sent.text)
    return None
