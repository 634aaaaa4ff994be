"""What the newsgraph components share while they run over one spaCy ``Doc``.

Each component reads the records made before it from ``doc._.ng`` and appends its own;
none of them reaches back into ingest or forward into rendering. Ids are short, stable
within one analysis and prefixed by kind: ``e`` entity, ``t`` time, ``a`` amount, ``p``
place, ``v`` event, ``r`` relation, ``c`` claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph.model import Amount, Claim, Entity, Event, Place, ReferenceDate, Relation, TimeExpr

if not Doc.has_extension("ng"):
    Doc.set_extension("ng", default=None)


@dataclass
class NgState:
    """Mutable per-document state; turned into frozen records by :func:`newsgraph.analyze`."""

    reference: ReferenceDate
    published: str | None = None
    title: str | None = None
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)`` (the longest overlap wins)."""
        best: Entity | None = None
        best_overlap = 0
        for entity in self.entities:
            for m in entity.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > best_overlap:
                    best, best_overlap = entity, overlap
        return best

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


_TEXT_KEY = "newsgraph.text"


def body_text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token again on each access,
    which inside a per-sentence loop makes a component quadratic in the article's length."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def use_body_text(doc: Doc, body: str) -> None:
    """Make :func:`body_text` answer ``body`` for a Doc built from a same-length masked copy of it
    (see :mod:`newsgraph.nlp.defuse`)."""
    if len(body) != len(doc.text):
        raise ValueError("the body and the Doc's text must have the same length")
    doc.user_data[_TEXT_KEY] = body


def get_state(doc: Doc) -> NgState:
    """The state of ``doc``; a bare one (no reference date) when the caller set none."""
    state = doc._.ng
    if state is None:
        state = NgState(reference=ReferenceDate(date=None, method="none", confidence=0.0))
        doc._.ng = state
    return state
