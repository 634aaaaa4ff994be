"""newsgraph_entities: spaCy NER plus our layer that merges aliases, fixes types and reads titles.

Steps (each in its own module):

1. mention candidates: NER entities with our labels, trimmed of determiners, possessives and
   titles; abbreviations defined in the text or standing alone that NER missed
   (:mod:`newsgraph.nlp.entities.mentions`);
2. merging into one cluster per real-world entity (:mod:`newsgraph.nlp.entities.merge`);
3. repeat mentions NER missed elsewhere of a found name, or of the surname of a found person;
4. the type of each cluster (:mod:`newsgraph.nlp.entities.types`, with the evidence of the words
   around its mentions from :mod:`newsgraph.nlp.entities.context`) and the titles of people
   (:mod:`newsgraph.nlp.entities.titles`).

Entities are numbered ``e1, e2, ...`` in order of first mention.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Entity, Mention
from newsgraph.nlp.entities.context import context_type
from newsgraph.nlp.entities.institutions import institution_candidates, split_of_person, vessel_candidates
from newsgraph.nlp.entities.lexicon import EntityLexicon, lexicon
from newsgraph.nlp.entities.mentions import (
    acronym_candidates,
    acronym_definitions,
    is_acronym,
    is_junk,
    ner_candidates,
    relabel_places,
    repeat_mentions,
    sentence_starts,
)
from newsgraph.nlp.entities.merge import Group, cluster, make_groups, mark_people, unique_surnames
from newsgraph.nlp.entities.places import is_known_place
from newsgraph.nlp.entities.titles import dependency_titles, prefix_title, titled_names, titled_people
from newsgraph.nlp.entities.types import cluster_type
from newsgraph.nlp.state import get_state


def canonical_name(groups: list[Group]) -> str:
    """The fullest proper form: the lexicon's canonical name, else the longest name that is not
    an abbreviation or a modifier variant ("Qods Force" over "Iranian Qods Force")."""
    known = [g for g in groups if g.lexicon_type]
    if known:
        return max(known, key=lambda g: (len(g.words), len(g.name))).name
    plain = [g for g in groups if not g.modifier_variant and not (len(g.words) == 1 and is_acronym(g.name))]
    pool = plain or groups
    best = max(pool, key=lambda g: (len(g.words), len(g.cands), -g.cands[0].start))
    name = best.cands[0].text if best.name == best.cands[0].text else best.name
    if name.isupper() and len(name) > 3:  # a dateline's capitals ("ANTWERP"): the text's own case
        cased = next(
            (
                c.text
                for g in groups
                for c in g.cands
                if c.text.casefold() == name.casefold() and not c.text.isupper()
            ),
            None,
        )
        return cased or name
    return name


def _unique(items: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return tuple(out)


def find_entities(doc: Doc, lex: EntityLexicon) -> list[Entity]:
    """All entities of ``doc``, merged and typed, numbered by first mention."""
    sent_starts = sentence_starts(doc)
    cands = ner_candidates(doc, lex, sent_starts)
    pairs = acronym_definitions(doc, cands)
    cands.extend(a for _, a in pairs if all(a is not c for c in cands))
    cands.extend(acronym_candidates(doc, cands, lex))
    cands.extend(institution_candidates(doc, cands, lex))
    cands.extend(split_of_person(doc, cands, lex))
    cands.extend(vessel_candidates(doc, cands))
    by_end = {c.j: c for c in cands}
    for cand in cands:
        title = prefix_title(doc, cand, by_end, sent_starts[cand.i], lex)
        if title:
            cand.titles.append(title)
    cands.extend(titled_names(doc, cands, lex))
    titled_people(doc, cands, lex)

    relabel_places(doc, cands, is_known_place)
    groups = make_groups(cands, lex)
    mark_people(doc, groups, lex)
    clusters = cluster(doc, groups, pairs, lex)

    taken = list(cands)
    surnames = unique_surnames(clusters)
    for n, cl in enumerate(clusters):
        forms = {c.text for g in cl for c in g.cands}
        if n in surnames and surnames[n] not in lex.demonyms and lex.variant(surnames[n]) is None:
            forms.add(surnames[n])
        extra = repeat_mentions(doc, sorted(forms, key=len, reverse=True), taken)
        cl[0].cands.extend(extra)
        taken.extend(extra)

    entities: list[tuple[int, str, str, tuple[str, ...], tuple[str, ...], tuple[Mention, ...]]] = []
    for cl in clusters:
        mentions = sorted((c for g in cl for c in g.cands if not is_junk(c.text)), key=lambda c: c.start)
        if not mentions:
            continue
        name = canonical_name(cl)
        kind = cluster_type(cl, name, lex, context_type(doc, mentions))
        titles: list[str] = []
        if kind == "PERSON":  # roles belong to people; "Imam" before "Muslim" is no title of a group
            titles = [t for c in mentions for t in c.titles]
            titles.extend(t for c in mentions for t in dependency_titles(doc, c, lex))
        entities.append(
            (
                mentions[0].start,
                name,
                kind,
                _unique([c.text for c in mentions]),
                _unique(titles),
                tuple(Mention(start=c.start, end=c.end, text=c.text) for c in mentions),
            )
        )
    entities.sort(key=lambda e: e[0])
    return [
        Entity(id=f"e{n}", name=name, type=kind, aliases=aliases, titles=titles, mentions=mentions)
        for n, (_, name, kind, aliases, titles, mentions) in enumerate(entities, start=1)
    ]


class EntityComponent:
    """Writes :class:`~newsgraph.model.Entity` records into ``get_state(doc).entities``."""

    def __init__(self) -> None:
        self.lex = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        state.entities = find_entities(doc, self.lex)
        return doc


@Language.factory("newsgraph_entities", assigns=["doc._.ng"], requires=["doc.ents"], default_config={})
def make_component(nlp: Language, name: str) -> EntityComponent:
    return EntityComponent()
