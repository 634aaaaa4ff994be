"""Event clusters: the mentions of one real-world event, within and across documents.

Within a document, an article tells one event over several sentences ("the strike killed ten
people", "the attack was ordered by ..."): an event joins the nearest earlier event of the same
document whose type agrees, whose subtype is compatible, and whose time and place do not
contradict it (an undated mention contradicts nothing).

Across documents, a pair is scored: type must agree and subtypes be compatible; overlapping
times give 0.4, the same place 0.4, a shared participant actor 0.2; ``EVENT_LINK_THRESHOLD``
(0.6) asks for two of the three. Sources disagree about dates and places, and newsgraph exists
to show that, so a contradiction is no veto (a hub participant such as "United States" in a
crawl's sanctions does not count as shared, see ``HUB_SHARE``): dates up to ``MAX_DATE_DISAGREEMENT_DAYS`` apart
still link when place and participants agree. Far-apart dates never link (the 2004 and the 2016
battles for one city are two events). Pairs are only scored inside capped blocks (type and month,
type and place, type and map cell; :mod:`newsgraph.corpus.event_linker`), so the pass stays linear
on large corpora.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsgraph.corpus.names import name_key
from newsgraph.corpus.unionfind import UnionFind
from newsgraph.resources import load_yaml

LINKS_FILE = "corpus/event_links.yaml"

# The combined score a cross-document pair needs (see the module docstring): two of time, place
# and participants must agree.
EVENT_LINK_THRESHOLD = 0.6
# Reports of one event may give dates this far apart (a misdated wire copy, a late report).
MAX_DATE_DISAGREEMENT_DAYS = 120
# A time wider than this ("in the 2010s", "since 2014") says nothing about which event is meant.
MAX_TIME_SPAN_DAYS = 400
# Places closer than this are "the same place" for events (a city and its suburbs).
SAME_PLACE_KM = 50.0
# Map cells for blocking, in degrees: with the 3×3 neighbourhood searched, every pair closer than
# SAME_PLACE_KM is compared up to ~63° latitude, where a degree of longitude shrinks below 50 km.
CELL_DEGREES = 1.0
# A participant in more than this share of a type's events (and in more than HUB_MIN_EVENTS of them)
# is a hub ("United States" in sanctions): sharing it says little about being the same event, so it
# does not count as a shared participant. 5% keeps every actor of a 20-article story corpus and drops
# the few actors present in a large share of a crawl's events.
HUB_SHARE = 0.05
HUB_MIN_EVENTS = 20
# The score an in-document link records.
SCORE_SAME_DOCUMENT = 0.5


@dataclass
class EventRecord:
    doc_id: str
    event_id: str
    type: str
    subtype: str | None
    earliest: str | None
    latest: str | None
    place: str | None
    lat: float | None
    lon: float | None
    actors: frozenset[Any]  # actor ids (ints in the store, any hashable in tests)
    position: int = 0  # where the trigger starts in the body: orders mentions inside a document
    span: tuple[dt.date, dt.date] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.earliest and self.latest:
            lo, hi = dt.date.fromisoformat(self.earliest[:10]), dt.date.fromisoformat(self.latest[:10])
            if (hi - lo).days <= MAX_TIME_SPAN_DAYS:
                self.span = (lo, hi)


@functools.cache
def _generic_subtypes() -> dict[str, frozenset[str]]:
    data = load_yaml(LINKS_FILE, required_keys=("source", "generic_subtypes"))
    return {str(t): frozenset(str(s) for s in subs or []) for t, subs in data["generic_subtypes"].items()}


def compatible_subtypes(event_type: str, a: str | None, b: str | None) -> bool:
    """Whether two subtypes of one type can name the same event (one generic, or both the same)."""
    if a is None or b is None or a == b:
        return True
    generic = _generic_subtypes().get(event_type, frozenset())
    return a in generic or b in generic


def overlap(a: EventRecord, b: EventRecord) -> bool | None:
    if a.span is None or b.span is None:
        return None
    return a.span[0] <= b.span[1] and b.span[0] <= a.span[1]


def gap_days(a: EventRecord, b: EventRecord) -> int:
    if a.span is None or b.span is None:
        return 0
    return max((b.span[0] - a.span[1]).days, (a.span[0] - b.span[1]).days, 0)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def same_place(a: EventRecord, b: EventRecord) -> bool | None:
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        return km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM
    if a.place and b.place:
        return name_key(a.place) == name_key(b.place)
    return None


def event_link_score(a: EventRecord, b: EventRecord, shared_actor: bool | None = None) -> float:
    """How strongly two event mentions from different documents look like one event (0..1);
    ``shared_actor`` when the caller already knows whether they share a (non-hub) participant."""
    if a.type != b.type or not compatible_subtypes(a.type, a.subtype, b.subtype):
        return 0.0
    time_ok, place_ok = overlap(a, b), same_place(a, b)
    if time_ok is False and gap_days(a, b) > MAX_DATE_DISAGREEMENT_DAYS:
        return 0.0
    score = 0.4 * bool(time_ok) + 0.4 * bool(place_ok)
    if shared_actor if shared_actor is not None else a.actors & b.actors:
        score += 0.2
    return round(score, 3)


def _same_document_match(a: EventRecord, b: EventRecord) -> bool:
    return (
        a.type == b.type
        and compatible_subtypes(a.type, a.subtype, b.subtype)
        and overlap(a, b) is not False
        and same_place(a, b) is not False
    )


def months(span: tuple[dt.date, dt.date]) -> Iterator[int]:
    first, last = span[0].year * 12 + span[0].month, span[1].year * 12 + span[1].month
    yield from range(first, last + 1)


def chain_in_document(records: list[EventRecord]) -> list[tuple[int, int]]:
    """The in-document links (earlier, later) of one document's events: each mention joins the
    nearest earlier mention whose whole story so far agrees with it (an undated mention must not
    chain two differently dated events together)."""
    uf = UnionFind()
    order = sorted(range(len(records)), key=lambda i: records[i].position)
    story: dict[int, list[int]] = {}  # root → its mentions so far
    links: list[tuple[int, int]] = []
    for pos, i in enumerate(order):
        earlier = next(
            (
                j
                for j in reversed(order[:pos])
                if all(_same_document_match(records[m], records[i]) for m in story[uf.find(j)])
            ),
            None,
        )
        if earlier is None:
            story[i] = [i]
            continue
        root = uf.find(earlier)
        members = story.pop(root)
        uf.union(root, i)
        story[uf.find(i)] = [*members, i]
        links.append((earlier, i))
    return links


def cluster_events(records: list[EventRecord]) -> dict[tuple[str, str], tuple[str, float]]:
    """(doc_id, event_id) → (cluster id, best link score), resolving one document at a time in the
    order the records come, as the corpus store does (see :mod:`newsgraph.corpus.event_linker`)."""
    from newsgraph.corpus.event_linker import EventLinker
    from newsgraph.corpus.state import Memory

    state = Memory()
    linker = EventLinker(state)
    by_doc: dict[str, list[EventRecord]] = defaultdict(list)
    for r in records:
        by_doc[r.doc_id].append(r)
    found: dict[tuple[str, str], tuple[str, float]] = {}
    for doc_records in by_doc.values():
        linked = linker.link(doc_records)
        for r, cluster, score in zip(doc_records, linked.cluster_of, linked.score_of, strict=True):
            found[(r.doc_id, r.event_id)] = (cluster, score)
    uf = state.uf("event")
    return {key: (str(uf.find(cluster)), score) for key, (cluster, score) in found.items()}
