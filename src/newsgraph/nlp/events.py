"""newsgraph_events: what happened, to whom, where and when.

Verbal and nominal event mentions ("X attacked Y", "the siege of Z", "sanctions were
lifted") are found from a trigger lexicon (``resources/events/triggers.yaml``), typed in
our vocabulary (``docs/events.md``) with its PLOVER and ACLED mapping, and given
participants (entity ids and roles from the dependency parse), a place (a Place record),
a time (the nearest time expression of the clause, or of the sentence before when the
sentence has none) and polarity/modality, so negated, future, hypothetical and
uncertain events are not reported as facts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.model import Event, Span
from newsgraph.nlp.events_frames import Mention, merge, sentence_mentions
from newsgraph.nlp.events_lexicon import Lexicon, load_lexicon
from newsgraph.nlp.events_syntax import RecordIndex, clause_time, polarity_modality, tree_distance
from newsgraph.nlp.state import body_text, get_state

# A time belongs to the trigger's own phrase when it sits in the trigger's subtree at most
# this many arcs away ("the January 2016 payment", "released ... since May").
OWN_TIME_ARCS = 3


# "the invasion began on 24 February": a verb of beginning or ending says when its subject happened.
ASPECTUAL_VERBS = frozenset(
    {"begin", "start", "end", "continue", "resume", "finish", "conclude", "erupt", "break"}
)


def own_time(index: RecordIndex, trigger: Token) -> bool:
    holder = trigger
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_.lower() in ASPECTUAL_VERBS:
        holder = trigger.head
    subtree = trigger.doc[holder.left_edge.i : holder.right_edge.i + 1]
    return any(tree_distance(holder, head) <= OWN_TIME_ARCS for head, _ in index.times_in(subtree))


def _is_specific(m: Mention, own_time: bool) -> bool:
    """Keep a mention only when it is anchored: a participant, a place or a time of its own.

    Bare generic mentions ("war is costly", "sanctions rarely work") would flood the output.
    """
    return bool(m.participants or m.place is not None or own_time)


def extract_events(doc: Doc, lexicon: Lexicon, index: RecordIndex, first_id: int = 1) -> list[Event]:
    """Events of ``doc``, numbered ``v{first_id}`` onwards."""
    events: list[Event] = []
    for sent in doc.sents:
        mentions: list[Mention] = []
        for m in sentence_mentions(sent, lexicon, index):
            m.time = clause_time(index, m.trigger, inherit=True)
            m.polarity, m.modality = polarity_modality(m.trigger, lexicon.modality)
            if _is_specific(m, own_time(index, m.trigger)):
                mentions.append(m)
        for m in merge(mentions):
            events.append(_record(m, f"v{first_id + len(events)}", sent.start_char, sent.end_char, lexicon))
    return events


def _record(m: Mention, event_id: str, start: int, end: int, lexicon: Lexicon) -> Event:
    tok = m.trigger
    t_start = tok.idx
    if m.modifier is not None and m.modifier.i < tok.i and tok.i - m.modifier.i <= 2:
        t_start = m.modifier.idx  # "air operations": the modifier is part of the trigger
    t_end = tok.idx + len(tok.text)
    etype = lexicon.types[m.sense.type]
    return Event(
        id=event_id,
        type=m.sense.type,
        subtype=m.sense.subtype,
        trigger=Span(start=t_start, end=t_end, text=body_text(tok.doc)[t_start:t_end]),
        sentence=Span(start=start, end=end, text=""),
        participants=tuple(m.participants),
        place=m.place.id if m.place else None,
        time=m.time.id if m.time else None,
        earliest=m.time.earliest if m.time else None,
        latest=m.time.latest if m.time else None,
        polarity=m.polarity,
        modality=m.modality,
        plover=etype.plover,
        acled=m.sense.acled or etype.acled,
    )


class EventComponent:
    """Finds event mentions and writes :class:`~newsgraph.model.Event` records to the doc state."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        index = RecordIndex(doc, state)
        state.events.extend(extract_events(doc, self.lexicon, index, first_id=len(state.events) + 1))
        return doc


@Language.factory("newsgraph_events", assigns=["doc._.ng"], default_config={})
def make_component(nlp: Language, name: str) -> EventComponent:
    return EventComponent(load_lexicon())
