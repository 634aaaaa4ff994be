"""Event mentions clustered across the articles of one group (step 3): trigger similarity and
argument overlap, average linkage cut at a threshold tuned on ECB+ training topics."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.corpus.coref.mentions import (
    TIME_TYPES,
    CorefMention,
    UnionFind,
    cluster_by_score,
    mention_head,
    sentence_index,
)
from newsgraph.corpus.names import name_key
from newsgraph.resources import load_yaml

# Nominalisation and inflection endings, longest first: "killing" ~ "kill", "arrival" ~ "arrive",
# "announcement" ~ "announce", "election" ~ "elect".
_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ions",
    "ion",
    "als",
    "al",
    "ed",
    "es",
    "e",
    "s",
)
_MIN_STEM = 3
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def trigger_stem(lemma: str) -> str:
    """A crude derivational stem that nominal and verbal forms of one trigger share."""
    word = lemma.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    # "announcement" → "announce" → "announc", as "announce" itself becomes.
    if word.endswith("e") and len(word) > _MIN_STEM + 1:
        word = word[:-1]
    # "shooting" → "shoot", "stopped" → "stopp" → "stop": undouble a final consonant.
    if len(word) > _MIN_STEM and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    return word


def _synonym_sets() -> dict[str, frozenset[int]]:
    """Stem → the synonym sets it belongs to (a word may sit in several: "fire" ~ "blaze",
    "fire" ~ "shoot")."""
    data = load_yaml("coref/event_synonyms.yaml", required_keys=("source", "sets"))
    out: dict[str, set[int]] = defaultdict(set)
    for n, words in enumerate(data["sets"]):
        for w in words:
            out[trigger_stem(str(w))].add(n)
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True)
class _Event:
    mention: CorefMention
    sent: int
    lemma: str
    stem: str
    synsets: frozenset[int]  # the synonym sets its stem belongs to
    args: frozenset[int]  # entity clusters mentioned in its sentence
    times: frozenset[str]  # normalised time and place names in its sentence
    places: frozenset[str]


# A compound's last part names the same event when it is long enough to be a word of its own:
# "earthquake" ~ "quake", "firestorm" ~ "storm" (but "gunfire" is not "fire").
_MIN_CLIPPED = 5


def _clipped(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return len(short) >= _MIN_CLIPPED and long != short and long.endswith(short)


def _event_score(a: _Event, b: _Event) -> float:
    if a.lemma == b.lemma or a.stem == b.stem or _clipped(a.lemma, b.lemma):
        lex = 1.0
    elif a.synsets & b.synsets:
        lex = SYNONYM_SCORE
    else:
        lex = 0.0
    shared = len(a.args & b.args)
    union = len(a.args | b.args)
    overlap = shared / union if union else 0.0
    conflict = (a.times and b.times and not a.times & b.times) or (
        a.places and b.places and not a.places & b.places
    )
    score = lex * (LEX_WEIGHT + ARG_WEIGHT * min(1.0, 2 * overlap))
    if conflict:
        score -= CONFLICT_PENALTY
    return max(0.0, score)


# Weights of trigger similarity and argument overlap, and the threshold; chosen on the ECB+
# training topics (grid over threshold 0.3–0.8 with the weights below) for event CoNLL F1.
SYNONYM_SCORE = 1.0
LEX_WEIGHT = 0.8
ARG_WEIGHT = 0.2
CONFLICT_PENALTY = 0.2
EVENT_THRESHOLD = 0.3


def cluster_events(
    mentions: Sequence[CorefMention],
    docs: Mapping[str, Doc],
    groups: Iterable[Iterable[str]],
    entity_clusters: Sequence[Sequence[str]] = (),
    entity_mentions: Sequence[CorefMention] = (),
    threshold: float = EVENT_THRESHOLD,
) -> list[list[str]]:
    """Clusters of event mention ids; ``entity_clusters`` (of ``entity_mentions``) give the
    arguments two event mentions share."""
    sent_of = {d: sentence_index(doc) for d, doc in docs.items()}
    cluster_of = {m: n for n, c in enumerate(entity_clusters) for m in c}
    args_in: dict[tuple[str, int], set[int]] = defaultdict(set)
    for em in entity_mentions:
        if em.id in cluster_of:
            head = mention_head(docs[em.doc_id], em.tokens)
            args_in[(em.doc_id, sent_of[em.doc_id][head.i])].add(cluster_of[em.id])
    synsets = _synonym_sets()
    events: list[_Event] = []
    for m in mentions:
        doc = docs[m.doc_id]
        head = mention_head(doc, m.tokens)
        sent = sent_of[m.doc_id][head.i]
        span = head.sent
        times = frozenset(name_key(e.text) for e in span.ents if e.label_ in TIME_TYPES)
        places = frozenset(name_key(e.text) for e in span.ents if e.label_ in _PLACE_TYPES)
        lemma = head.lemma_.lower()
        stem = trigger_stem(lemma)
        # A particle changes the event: "check in" is not "check out".
        particle = [c.lower_ for c in head.children if c.dep_ == "prt"]
        if particle:
            lemma = stem = f"{lemma} {particle[0]}"
        args = frozenset(args_in.get((m.doc_id, sent), set()))
        events.append(_Event(m, sent, lemma, stem, synsets.get(stem, frozenset()), args, times, places))
    uf = UnionFind(len(events))
    group_of = {d: g for g, members in enumerate(groups) for d in members}
    by_group: dict[int, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        by_group[group_of.get(e.mention.doc_id, -1)].append(i)
    for members in by_group.values():
        cluster_by_score(members, lambda a, b: _event_score(events[a], events[b]), threshold, uf)
    return [[mentions[i].id for i in g] for g in uf.groups()]
