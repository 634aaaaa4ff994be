"""One document's events linked to the event clusters of the documents before it.

The rules are those of :mod:`newsgraph.corpus.event_links`: mentions of one document chain when
nothing contradicts; across documents a pair links at ``EVENT_LINK_THRESHOLD``. Candidates come
only from the blocks an event falls in (type and month, type and place, type and map cell with its
eight neighbours), and each block keeps its ``BLOCK_CAP`` most recent events: a new report is
compared with the latest reports of its month, place and area, never with every earlier event.
A block that reaches the cap is logged once per batch (see :func:`log_capped`).

Hub participants (``HUB_SHARE``) are judged on the events seen so far.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsgraph.corpus.event_links import (
    CELL_DEGREES,
    EVENT_LINK_THRESHOLD,
    HUB_MIN_EVENTS,
    HUB_SHARE,
    MAX_DATE_DISAGREEMENT_DAYS,
    SCORE_SAME_DOCUMENT,
    EventRecord,
    chain_in_document,
    compatible_subtypes,
    gap_days,
    months,
    overlap,
    same_place,
)
from newsgraph.corpus.names import name_key
from newsgraph.corpus.state import State

log = logging.getLogger(__name__)

# Events kept per block. A month of one type in a crawl holds tens of thousands of reports; the
# last 24 of a block are the reports a new one most likely repeats (a story is told within days),
# and 24 × the ~10 blocks of an event keeps the pass at a few hundred comparisons per event. On the
# example corpus no block reaches it (its largest, assaults of January 2020, holds 15).
BLOCK_CAP = 24


@dataclass
class DocumentEvents:
    cluster_of: list[str]  # the cluster id each event got (before later merges)
    score_of: list[float]
    capped: dict[str, int] = field(default_factory=dict)  # block → events it has seen, for blocks at the cap


def cluster_seed(doc_id: str, event_id: str) -> str:
    return "V" + hashlib.sha1(f"{doc_id}:{event_id}".encode()).hexdigest()[:10]


def block_keys(r: EventRecord) -> tuple[list[str], list[str]]:
    """(blocks the event is stored in, blocks it is compared with)."""
    own: list[str] = []
    if r.span is not None:
        own += [f"m|{r.type}|{m}" for m in months(r.span)]
    if r.place:
        own.append(f"p|{r.type}|{name_key(r.place)}")
    search = list(own)
    if r.lat is not None and r.lon is not None:
        y, x = math.floor(r.lat / CELL_DEGREES), math.floor(r.lon / CELL_DEGREES)
        own.append(f"c|{r.type}|{y}|{x}")
        search += [f"c|{r.type}|{y + dy}|{x + dx}" for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    return own, search


def hub_keys(r: EventRecord) -> list[str]:
    return [r.type] + [f"{r.type}|{a}" for a in r.actors]


def _entry(r: EventRecord, cluster: str) -> list[Any]:
    return [cluster, r.doc_id, r.event_id, r.type, r.subtype, r.earliest, r.latest, r.place, r.lat, r.lon,
            sorted(r.actors)]  # fmt: skip


def _record(entry: list[Any]) -> tuple[str, EventRecord]:
    cluster, doc_id, event_id, typ, subtype, earliest, latest, place, lat, lon, actors = entry
    record = EventRecord(doc_id, event_id, typ, subtype, earliest, latest, place, lat, lon,
                         frozenset(actors))  # fmt: skip
    return str(cluster), record


class EventLinker:
    def __init__(self, state: State) -> None:
        self.state = state
        self.clusters = state.uf("event")
        self.actors = state.uf("actor")
        self._cache: dict[tuple[str, str], tuple[str, EventRecord]] = {}

    def forget(self) -> None:
        """Drop the records decoded from the blocks (they are decoded again when read)."""
        self._cache.clear()

    def _actor(self, a: Any) -> Any:
        return self.actors.find(a)

    def _is_hub(self, typ: str, actor: Any) -> bool:
        total = self.state.get("event.count", typ) or 0
        n = self.state.get("event.count", f"{typ}|{actor}") or 0
        return bool(n > HUB_MIN_EVENTS and n > HUB_SHARE * total)

    def _shared(self, a: EventRecord, b: EventRecord) -> bool:
        """Whether two events share a participant that is not a hub of their type. ``b`` is a
        stored event whose actor ids are those it was stored with: they are mapped to their
        current actors here, so a cached record never holds an actor merged away since."""
        if not a.actors or not b.actors:
            return False
        find = self.actors.find
        return any(not self._is_hub(a.type, x) for x in a.actors & {find(y) for y in b.actors})

    def _score(self, r: EventRecord, other: EventRecord) -> float:
        """``event_link_score(r, other, shared)``, without asking whether they share a participant
        (the hub counts of every shared actor) when time and place alone keep the pair below
        the threshold whatever the answer."""
        if r.type != other.type or not compatible_subtypes(r.type, r.subtype, other.subtype):
            return 0.0
        time_ok = overlap(r, other)
        if time_ok is False and gap_days(r, other) > MAX_DATE_DISAGREEMENT_DAYS:
            return 0.0
        score = 0.4 * bool(time_ok) + 0.4 * bool(same_place(r, other))
        if score + 0.2 < EVENT_LINK_THRESHOLD:
            return 0.0
        if self._shared(r, other):
            score += 0.2
        return round(score, 3)

    def link(self, records: list[EventRecord]) -> DocumentEvents:
        """Link one document's events (any order: they are sorted by position here)."""
        records = [
            EventRecord(r.doc_id, r.event_id, r.type, r.subtype, r.earliest, r.latest, r.place, r.lat, r.lon,
                        frozenset(self._actor(a) for a in r.actors), r.position)
            for r in records
        ]  # fmt: skip
        seeds = [cluster_seed(r.doc_id, r.event_id) for r in records]
        best = [0.0] * len(records)
        for i, j in chain_in_document(records):
            self.clusters.union(seeds[i], seeds[j])
            best[j] = max(best[j], SCORE_SAME_DOCUMENT)
        capped: dict[str, int] = {}
        keys = [block_keys(r) for r in records]
        find, get, cache = self.clusters.find, self.state.get, self._cache
        for i, r in enumerate(records):
            seen: set[tuple[str, str]] = set()
            mine = find(seeds[i])
            for key in keys[i][1]:
                block = get("event.block", key)
                if not block:
                    continue
                for entry in block["recent"]:
                    ref = (entry[1], entry[2])
                    if ref in seen or ref[0] == r.doc_id:
                        continue
                    seen.add(ref)
                    cached = cache.get(ref)
                    if cached is None:
                        cached = cache[ref] = _record(entry)
                    cluster, other = cached
                    if find(cluster) == mine:
                        continue
                    score = self._score(r, other)
                    if score >= EVENT_LINK_THRESHOLD:
                        self.clusters.union(cluster, seeds[i])
                        mine = find(seeds[i])
                        best[i] = max(best[i], score)
        for i, r in enumerate(records):  # this document's events join their blocks and the counts
            for key in keys[i][0]:
                block = self.state.get("event.block", key) or {"n": 0, "recent": []}
                block["recent"] = [*block["recent"][-(BLOCK_CAP - 1) :], _entry(r, seeds[i])]
                block["n"] += 1
                if block["n"] >= BLOCK_CAP:
                    capped[key] = block["n"]
                self.state.put("event.block", key, block)
                self._cache.pop((r.doc_id, r.event_id), None)
        counts: dict[str, int] = defaultdict(int)
        for r in records:
            for key in hub_keys(r):
                counts[key] += 1
        for key, n in counts.items():
            self.state.put("event.count", key, (self.state.get("event.count", key) or 0) + n)
        return DocumentEvents(cluster_of=seeds, score_of=[b or 1.0 for b in best], capped=capped)


def log_capped(capped: dict[str, int]) -> None:
    """One line per batch: how many blocks are at the cap, and the largest."""
    if not capped:
        return
    largest = sorted(capped.items(), key=lambda kv: -kv[1])[:3]
    log.info(
        "%d event blocks at the cap of %d (compared with their latest events only); largest: %s",
        len(capped), BLOCK_CAP, ", ".join(f"{k} ({n} events)" for k, n in largest),
    )  # fmt: skip
