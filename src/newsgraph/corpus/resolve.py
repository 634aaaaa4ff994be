"""Cross-document resolution: one actor per real-world actor, one cluster per real-world event,
one group per claim made by several sources.

Actors are resolved by :mod:`newsgraph.corpus.actors` and events by
:mod:`newsgraph.corpus.event_links` (their docstrings give the rules). Every merge keeps a score and
its evidence, and a user file of ``must_link`` / ``cannot_link`` name pairs overrides the rules::

    must_link:
      - [Abu Mahdi al-Muhandis, Jamal Jaafar al-Ibrahimi]
    cannot_link:
      - [George Bush, George W. Bush]

Claims are grouped by :mod:`newsgraph.corpus.claim_linker`. Resolution is online and incremental
(:mod:`newsgraph.corpus.incremental`): each run resolves the documents stored since the last one
against the earlier ones; ``full=True`` replays the whole store and gives the same result.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.corpus.actors import (
    TYPE_GROUPS,
    ActorCluster,
    EntityRecord,
    Overrides,
    resolve_actors,
)
from newsgraph.corpus.claim_linker import CLAIM_JACCARD, ClaimLinker, ClaimRecord, content_words
from newsgraph.corpus.event_links import (
    EVENT_LINK_THRESHOLD,
    MAX_DATE_DISAGREEMENT_DAYS,
    SAME_PLACE_KM,
    EventRecord,
    cluster_events,
    event_link_score,
    km,
)
from newsgraph.corpus.incremental import run
from newsgraph.corpus.state import Memory
from newsgraph.corpus.store import Store

__all__ = [
    "CLAIM_JACCARD", "EVENT_LINK_THRESHOLD", "MAX_DATE_DISAGREEMENT_DAYS", "SAME_PLACE_KM", "TYPE_GROUPS",
    "ActorCluster", "EntityRecord", "EventRecord", "Overrides", "ResolveSummary", "cluster_events",
    "content_words", "event_link_score", "group_claims", "km", "resolve", "resolve_actors",
]  # fmt: skip


def group_claims(
    claims: list[tuple[str, str, str, frozenset[str]]],
) -> dict[tuple[str, str], tuple[str, float]]:
    """claims: (doc_id, claim_id, text, actor ids) → (doc_id, claim_id) → (group id, score),
    grouped one document at a time in the order the claims come, as the corpus store does."""
    state = Memory()
    linker = ClaimLinker(state)
    number: dict[str, int] = {}  # actor ids here are any strings: numbered for the linker
    by_doc: dict[str, list[ClaimRecord]] = {}
    for doc_id, claim_id, text, actors in claims:
        ids = frozenset(number.setdefault(a, len(number) + 1) for a in actors)
        by_doc.setdefault(doc_id, []).append(ClaimRecord(doc_id, claim_id, text, ids))
    out: dict[tuple[str, str], tuple[str, float]] = {}
    for records in by_doc.values():
        seeds, scores = linker.link(records)
        for c, seed, score in zip(records, seeds, scores, strict=True):
            out[(c.doc_id, c.claim_id)] = (seed, score)
    uf = state.uf("claim")
    return {key: (str(uf.find(group)), score) for key, (group, score) in out.items()}


# -- the store-level pass -----------------------------------------------------------------------
@dataclass
class ResolveSummary:
    entities: int
    actors: int
    events: int
    event_clusters: int
    claims: int
    claim_groups: int


def resolve(store: Store, overrides: Overrides = Overrides(), *, full: bool = False) -> ResolveSummary:
    """Resolve the documents stored since the last run against the earlier ones (all documents
    when ``full``, on a first run, or when ``overrides`` changed); see
    :mod:`newsgraph.corpus.incremental`."""
    run(store, overrides, full=full)
    counts = {
        name: int(store.con.execute(sql).fetchone()[0])  # type: ignore[index]
        for name, sql in {
            "entities": "SELECT count(*) FROM actor_links",
            "actors": "SELECT count(*) FROM actors",
            "events": "SELECT count(*) FROM event_links",
            "event_clusters": "SELECT count(DISTINCT cluster_id) FROM event_links",
            "claims": "SELECT count(*) FROM claim_links",
            "claim_groups": "SELECT count(DISTINCT group_id) FROM claim_links",
        }.items()
    }
    return ResolveSummary(**counts)
