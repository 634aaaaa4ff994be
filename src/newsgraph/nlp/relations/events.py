"""Relations derived from events: who did what to whom, as an actor-to-actor link.

An event with a named agent and a named patient, target, beneficiary or partner ("Acme
acquired Beta", "the regulator fined the bank", "X's attack on Y") gives one relation per
(agent, other) pair. Its predicate is the trigger's lemma (``acquire``, ``fine``, ``attack``),
so the link says what happened in the article's own word; ``event`` names the record it came
from, and its polarity, modality and time are the event's. The evidence is the clause that
holds the trigger, not the whole sentence.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from spacy.tokens import Doc, Token

from newsgraph.model import Event, Span
from newsgraph.nlp.events.lexicon import Lexicon
from newsgraph.nlp.events.syntax import governors
from newsgraph.nlp.state import body_text, get_state

# Roles whose entity is on the receiving end of the agent's act.
OBJECT_ROLES = frozenset({"patient", "target", "beneficiary", "partner"})
# Event types that are no dyadic act between actors (a fire does not do anything to its victims
# in the sense a relation records; an announcement is the frame of a claim, not a link).
UNLINKED_TYPES = frozenset({"disaster", "communicate"})


# Children of a clause's verb that start another clause of their own.
OTHER_CLAUSE_DEPS = frozenset({"conj", "cc", "parataxis"})
EDGE_PUNCT = frozenset({",", ";", ":", "—", "–", "-", "."})


def clause_span(tok: Token) -> tuple[int, int]:
    """Character bounds of the clause holding ``tok``: the subtree of its governing verb
    without coordinated clauses ("X acquired Y, and shares rose": the first clause only)."""
    top = governors(tok)[-1]
    dropped: set[int] = set()
    for child in top.children:
        if child.dep_ in OTHER_CLAUSE_DEPS:
            dropped.update(t.i for t in child.subtree)
    kept = [t for t in top.subtree if t.i not in dropped]
    while len(kept) > 1 and kept[-1].text in EDGE_PUNCT:
        kept.pop()
    while len(kept) > 1 and kept[0].text in EDGE_PUNCT:
        kept.pop(0)
    first, last = kept[0], kept[-1]
    return first.idx, last.idx + len(last.text)


def trigger_token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


# Prepositions on an unnamed object that name whom the act reached: "cut its deliveries to X",
# "filed a complaint against X".
RECIPIENT_PREPS = frozenset({"to", "against"})
RECIPIENT_TYPES = frozenset({"ORG", "GPE", "PERSON", "NORP"})
# Types whose "to" names a destination: "sent troops to X" moves them there.
DESTINATION_TYPES = frozenset({"move", "mobilize", "displace", "retreat", "fight", "assault", "rescue"})


def _recipients(doc: Doc, trigger: Token, etype: str = "") -> list[str]:
    """Entities named by a "to"/"against" phrase on the verb's unnamed direct object, or on the
    verb itself when it has one ("sold six frigates to Chile", "cut its deliveries to X"); a
    movement's "to" is where, not whom ("moved troops to X")."""
    state = get_state(doc)
    out: list[str] = []
    for obj in trigger.children:
        if obj.dep_ != "dobj" or obj.ent_type_ or state.entity_at(obj.idx, obj.idx + len(obj.text)):
            continue
        heads = [obj] if etype in DESTINATION_TYPES else [obj, trigger]
        for prep in (p for h in heads for p in h.children if h is obj or p.i > obj.i):
            if prep.dep_ in ("prep", "dative") and prep.lower_ in RECIPIENT_PREPS:
                for pobj in prep.children:
                    entity = (
                        state.entity_at(pobj.idx, pobj.idx + len(pobj.text)) if pobj.dep_ == "pobj" else None
                    )
                    if entity is not None and entity.type in RECIPIENT_TYPES and entity.id not in out:
                        out.append(entity.id)
    return out


# Acts of stance toward what another actor did or said: "X rejected Y's accusations", "X welcomed
# the decision of Y" are stances toward Y.
STANCE_TYPES = frozenset({"reject", "disapprove", "support", "accuse"})


def _owners_of_object(doc: Doc, trigger: Token) -> list[str]:
    """Entities that own the verb's unnamed direct object: "Y's plan", "the decision of Y"."""
    state = get_state(doc)
    out: list[str] = []
    for obj in trigger.children:
        if obj.dep_ != "dobj" or state.entity_at(obj.idx, obj.idx + len(obj.text)):
            continue
        owners = [c for c in obj.children if c.dep_ == "poss"]
        owners += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        for owner in owners:
            entity = state.entity_at(owner.idx, owner.idx + len(owner.text))
            if entity is not None and entity.type in RECIPIENT_TYPES and entity.id not in out:
                out.append(entity.id)
    return out


def event_relations(
    doc: Doc, events: Iterable[Event], lexicon: Lexicon, known: Collection[str] = ()
) -> Iterator[tuple[str, str, str, Event, Span]]:
    """(subject, predicate, object, event, clause evidence) for every linked pair of participants.

    Verbs in ``known`` (the relation lexicon's verbs) are left to the lexicon's patterns, which
    read them more precisely ("lead" never takes an "including" list).
    """
    text = body_text(doc)
    for ev in events:
        if ev.type in UNLINKED_TYPES:
            continue
        agents = [p.entity for p in ev.participants if p.role == "agent"]
        others = [p.entity for p in ev.participants if p.role in OBJECT_ROLES]
        if not agents:
            continue
        tok = trigger_token(doc, ev)
        if tok is None:
            continue
        if not others:
            others = [e for e in _recipients(doc, tok, ev.type) if e not in agents]
        if not others and ev.type in STANCE_TYPES:
            others = [e for e in _owners_of_object(doc, tok) if e not in agents]
        if not others:
            continue
        predicate = lexicon.lemma(tok)
        if tok.pos_ in ("VERB", "AUX") and predicate in known:
            continue
        start, end = clause_span(tok)
        evidence = Span(start=start, end=end, text=text[start:end])
        for subj in agents:
            for obj in others:
                if subj != obj:
                    yield subj, predicate, obj, ev, evidence
