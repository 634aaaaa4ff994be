"""newsgraph_events: what happened, to whom, where and when.

Verbal and nominal event mentions are found twice over: by a trigger lexicon
(``resources/events/triggers.yaml``: "X attacked Y", "the siege of Z", "sanctions were
lifted", each sense with its constraints) and by a mention model learned from TimeBank
(:mod:`newsgraph.nlp.events.mentions`), which finds the eventive predicates of any genre ("the
merger", "was fined", "evacuated"); those get their type from lemma classes
(``resources/events/classes.yaml``) or ``other``. Every mention is typed in our vocabulary
(``docs/events.md``) with its PLOVER and ACLED mapping, and given
participants (entity ids and roles from the dependency parse), a place (a Place record),
a time (the nearest time expression of the clause, or of the sentence before when the
sentence has none) and polarity/modality, so negated, future, hypothetical and
uncertain events are not reported as facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.model import Event, Place, Span, TimeExpr
from newsgraph.nlp.events.frames import Mention, general_mention, merge, sentence_mentions
from newsgraph.nlp.events.index import RecordIndex
from newsgraph.nlp.events.lexicon import OTHER_TYPE, Lexicon, load_lexicon
from newsgraph.nlp.events.mentions import MentionModel, load_model, mentions
from newsgraph.nlp.events.syntax import polarity_modality, tree_distance
from newsgraph.nlp.events.timing import clause_time
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


# Parts of speech a record's trigger can have (general_mention takes verbs, nouns and the
# participles the tagger calls adjectives); the model need not score any other token.
RECORD_POS = frozenset({"VERB", "NOUN", "ADJ"})


def dateline_place(doc: Doc, index: RecordIndex) -> tuple[Place, int] | None:
    """The place of a wire dateline that opens the body ("GOMA, Congo — The ...") and the end
    of the lead sentence it opens; None when the body opens otherwise.

    Wire copy is filed from where its lead happened, so a lead-sentence event that names no
    place of its own is placed there (the convention event coders such as ACLED and GDELT use
    as their fallback); later sentences are not.
    """
    span = index.dateline
    if span is None:
        return None
    # the dateline is a sentence of its own (newsgraph_paragraphs); the lead is the next one
    k = span.end
    while k < len(doc) and not doc[k].is_sent_start:
        k += 1  # past the dash
    lead = doc[k].sent if k < len(doc) else span.sent
    for tok in span:
        place = index.place(tok)
        if place is not None:
            return place, max(lead.end_char, span.sent.end_char)
    return None


def _is_specific(m: Mention, own_time: bool) -> bool:
    """Keep a mention only when it is anchored: a participant, a place or a time of its own.

    Bare generic mentions ("war is costly", "sanctions rarely work") would flood the output.
    An untyped (``other``) predicate needs a named participant or a time of its own ("results
    released on Monday"): a place alone does not make "the plan in Paris" news.
    """
    if m.sense.type == OTHER_TYPE:
        return bool(m.participants or own_time)
    if m.participants or m.place is not None or own_time:
        return True
    # "Police detained 31 people": a typed act with a subject or object of its own, in a
    # passage that says when, is a reported event even when no one in it is named.
    return m.time is not None and _has_core_argument(m.trigger)


CORE_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent"})


def _has_core_argument(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        c.dep_ in CORE_ARGUMENT_DEPS and c.pos_ in ("NOUN", "PROPN", "NUM", "PRON") for c in tok.children
    )


# A news report's lead dates what it reports ("... on Tuesday"); the report's later acts in the
# past tense that carry no date of their own, and inherit none from the sentence before, belong
# to that day, as event coders (ACLED, GDELT) code them. Only a lead date close to the article's
# own date counts: an anniversary piece's lead is no news day.
LEAD_SENTENCES = 3
STORY_WINDOW_DAYS = 14


def story_time(doc: Doc, index: RecordIndex) -> TimeExpr | None:
    """The single day the lead sentences report, within STORY_WINDOW_DAYS before the article's date."""
    reference = index.state.reference.date
    if not reference:
        return None
    ref = dt.date.fromisoformat(reference[:10])
    for k, sent in enumerate(doc.sents):
        if k >= LEAD_SENTENCES:
            break
        for _, time_expr in index.times_in(sent):
            if (
                not time_expr.earliest
                or time_expr.earliest != time_expr.latest
                or len(time_expr.earliest) != 10
            ):
                continue
            day = dt.date.fromisoformat(time_expr.earliest)
            if dt.timedelta(0) <= ref - day <= dt.timedelta(days=STORY_WINDOW_DAYS):
                return time_expr
    return None


# Adverbs that make a past act a habit or a background fact, no act of the news day.
HABITUAL = frozenset(
    {
        "repeatedly",
        "often",
        "always",
        "long",
        "frequently",
        "regularly",
        "previously",
        "once",
        "already",
        "never",
    }
)


def _reported_act(tok: Token) -> bool:
    """A main-clause verb in the simple past ("rejected"), not marked as a habit ("repeatedly");
    the present perfect ("has called on") mostly states a standing position, so it is left out."""
    if tok.pos_ != "VERB" or tok.dep_ not in ("ROOT", "conj") or tok.tag_ != "VBD":
        return False
    return not any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in HABITUAL for c in tok.children)


def extract_events(
    doc: Doc, lexicon: Lexicon, index: RecordIndex, model: MentionModel | None = None, first_id: int = 1
) -> list[Event]:
    """Events of ``doc``, numbered ``v{first_id}`` onwards.

    Two sources, one record shape: the trigger senses of the lexicon (typed, with constraints),
    then every other eventive predicate the learned mention model finds (``model``), typed by
    the lemma classes or ``other``. Both are kept only when anchored (:func:`_is_specific`).
    """
    dateline = dateline_place(doc, index)
    story = story_time(doc, index)
    learned = (
        {m.token.i: m for m in mentions(doc, model, lexicon.class_nominals, RECORD_POS)}
        if model is not None
        else {}
    )
    events: list[Event] = []
    for sent in doc.sents:
        found: list[Mention] = []
        claimed: set[int] = set()
        for m in sentence_mentions(sent, lexicon, index):
            claimed.add(m.trigger.i)
            found.append(m)
        for i in range(sent.start, sent.end):
            em = learned.get(i)
            if em is None or i in claimed:
                continue
            general = general_mention(em.token, em.timeml_class, lexicon, index)
            if general is not None:
                found.append(general)
        kept: list[Mention] = []
        for m in found:
            m.time = clause_time(index, m.trigger, inherit=True)
            m.polarity, m.modality = polarity_modality(m.trigger, lexicon.modality)
            if _is_specific(m, own_time(index, m.trigger)):
                if (
                    m.time is None
                    and story is not None
                    and _reported_act(m.trigger)
                    and m.modality == "actual"
                ):
                    m.time = story
                kept.append(m)
        for m in merge(kept):
            if m.place is None and dateline is not None and sent.start_char <= dateline[1]:
                m.place = dateline[0]  # the lead sentence happens where the dateline says
            em = learned.get(m.trigger.i)
            record = _record(m, f"v{first_id + len(events)}", sent.start_char, sent.end_char, lexicon)
            events.append(replace(record, timeml_class=em.timeml_class) if em is not None else record)
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

    def __init__(self, lexicon: Lexicon, model: MentionModel | None) -> None:
        self.lexicon = lexicon
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        index = RecordIndex(doc, state)
        first = len(state.events) + 1
        state.events.extend(extract_events(doc, self.lexicon, index, self.model, first_id=first))
        return doc


@Language.factory("newsgraph_events", assigns=["doc._.ng"], default_config={"learned": True})
def make_component(nlp: Language, name: str, learned: bool) -> EventComponent:
    """``learned: false`` keeps the lexicon triggers only (the layer before the mention model)."""
    return EventComponent(load_lexicon(), load_model() if learned else None)
