"""Relations derived from events: who did what to whom, as an actor-to-actor link.

An event with a named agent and a named patient, target, beneficiary or partner ("Acme
acquired Beta", "the regulator fined the bank", "X's attack on Y") gives one relation per
(agent, other) pair. Its predicate is the trigger's lemma (``acquire``, ``fine``, ``attack``),
so the link says what happened in the article's own word; ``event`` names the record it came
from, and its polarity, modality and time are the event's. The evidence is the clause that
holds the trigger, not the whole sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from newsgraph.model import Event, Relation, Span
from newsgraph.nlp.events_syntax import governors
from newsgraph.nlp.state import body_text

# Roles whose entity is on the receiving end of the agent's act.
OBJECT_ROLES = frozenset({"patient", "target", "beneficiary", "partner"})
# Event types that are no dyadic act between actors (a fire does not do anything to its victims
# in the sense a relation records; a change or a contest result is not a link).
UNLINKED_TYPES = frozenset({"disaster", "change", "communicate"})


def clause_span(tok: Token) -> tuple[int, int]:
    """Character bounds of the clause holding ``tok``: the subtree of its governing verb."""
    top = governors(tok)[-1]
    sent = tok.sent
    start = max(top.left_edge.idx, sent.start_char)
    last = top.right_edge
    end = min(last.idx + len(last.text), sent.end_char)
    return start, end


def trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


def event_relations(doc: Doc, events: Iterable[Event]) -> Iterator[tuple[str, str, str, Event, Span]]:
    """(subject, predicate, object, event, clause evidence) for every linked pair of participants."""
    text = body_text(doc)
    for ev in events:
        if ev.type in UNLINKED_TYPES:
            continue
        agents = [p.entity for p in ev.participants if p.role == "agent"]
        others = [p.entity for p in ev.participants if p.role in OBJECT_ROLES]
        if not agents or not others:
            continue
        tok = trigger_token(doc, ev)
        if tok is None:
            continue
        start, end = clause_span(tok)
        evidence = Span(start=start, end=end, text=text[start:end])
        predicate = tok.lemma_.lower()
        for subj in agents:
            for obj in others:
                if subj != obj:
                    yield subj, predicate, obj, ev, evidence
