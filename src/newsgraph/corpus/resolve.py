"""Cross-document resolution: one actor per real-world actor, one cluster per real-world event,
one group per claim made by several sources.

Actors are resolved by :mod:`newsgraph.corpus.actors` and events by
:mod:`newsgraph.corpus.event_links` (their docstrings give the rules). Every merge keeps a score and
its evidence, and a user file of ``must_link`` / ``cannot_link`` name pairs overrides the rules::

    must_link:
      - [Abu Mahdi al-Muhandis, Jamal Jaafar al-Ibrahimi]
    cannot_link:
      - [George Bush, George W. Bush]

Claims. Two claims from different documents join when their content words overlap strongly
(Jaccard ≥ ``CLAIM_JACCARD``) and they mention the same actors (or neither mentions any).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from newsgraph.corpus.actors import (
    TYPE_GROUPS,
    ActorCluster,
    EntityRecord,
    Overrides,
    resolve_actors,
)
from newsgraph.corpus.event_links import (
    EVENT_LINK_THRESHOLD,
    MAX_DATE_DISAGREEMENT_DAYS,
    SAME_PLACE_KM,
    EventRecord,
    cluster_events,
    event_link_score,
    km,
)
from newsgraph.corpus.names import name_key
from newsgraph.corpus.store import Store
from newsgraph.corpus.unionfind import UnionFind

__all__ = [
    "CLAIM_JACCARD", "EVENT_LINK_THRESHOLD", "MAX_DATE_DISAGREEMENT_DAYS", "SAME_PLACE_KM", "TYPE_GROUPS",
    "ActorCluster", "EntityRecord", "EventRecord", "Overrides", "ResolveSummary", "cluster_events",
    "content_words", "event_link_score", "group_claims", "km", "resolve", "resolve_actors",
]  # fmt: skip

# Claims: Jaccard overlap of content words needed to group two claims from different documents.
CLAIM_JACCARD = 0.5
# A word found in more claims than this carries no signal for grouping ("said", "government") and
# would make candidate generation quadratic; rarer words propose the candidate pairs.
CLAIM_COMMON_WORD = 200
# A claim needs this many content words to be grouped: short stock phrases ("Here are the
# highlights:", "We got her.") recur across unrelated articles; on 90 real articles every group of
# sentences under 5 content words was such a phrase.
CLAIM_MIN_WORDS = 5

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "that",
        "this",
        "these",
        "those",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "as",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "how",
        "than",
        "then",
        "there",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "not",
        "no",
        "so",
        "such",
        "also",
        "very",
        "more",
        "most",
        "can",
        "could",
        "would",
        "should",
        "may",
        "might",
        "will",
    ]
)


# -- claims -------------------------------------------------------------------------------------
def content_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9$€£%.]+", name_key(text.replace("$", " $ ")))
    return frozenset(w.strip(".") for w in words if w not in _STOPWORDS and len(w.strip(".")) > 1)


def group_claims(
    claims: list[tuple[str, str, str, frozenset[str]]],
) -> dict[tuple[str, str], tuple[str, float]]:
    """claims: (doc_id, claim_id, text, actor ids) → (doc_id, claim_id) → (group id, score)."""
    uf = UnionFind()
    words = [content_words(text) for _, _, text, _ in claims]
    best: dict[int, float] = defaultdict(float)
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            index[w].append(i)
    for i, ws in enumerate(words):
        if len(ws) < CLAIM_MIN_WORDS:
            continue
        candidates: Counter[int] = Counter()
        for w in ws:
            if len(index[w]) < CLAIM_COMMON_WORD:
                candidates.update(j for j in index[w] if j > i)
        for j in candidates:
            if claims[i][0] == claims[j][0] or len(words[j]) < CLAIM_MIN_WORDS:
                continue
            union = len(ws | words[j])
            jac = len(ws & words[j]) / union if union else 0.0
            if jac >= CLAIM_JACCARD and (claims[i][3] & claims[j][3] or not (claims[i][3] or claims[j][3])):
                uf.union(i, j)
                best[i], best[j] = max(best[i], jac), max(best[j], jac)
    out: dict[tuple[str, str], tuple[str, float]] = {}
    for i, (doc_id, claim_id, _, _) in enumerate(claims):
        root = claims[uf.find(i)]
        group = "G" + hashlib.sha1(f"{root[0]}:{root[1]}".encode()).hexdigest()[:10]
        out[(doc_id, claim_id)] = (group, best[i] or 1.0)
    return out


# -- the store-level pass -----------------------------------------------------------------------
@dataclass
class ResolveSummary:
    entities: int
    actors: int
    events: int
    event_clusters: int
    claims: int
    claim_groups: int


def resolve(store: Store, overrides: Overrides = Overrides()) -> ResolveSummary:
    """Recompute actors, event clusters and claim groups for the whole store (one transaction)."""
    # ORDER BY everywhere: the first record of a cluster names it, so ids are stable across runs.
    _, rows = store.query(
        "SELECT doc_id, id, name, type, aliases, mentions FROM entities "
        "WHERE type IN ('PERSON','ORG','GPE','LOC','FAC','NORP','EVENT','LAW','PRODUCT','WORK_OF_ART') "
        "ORDER BY doc_id, id"
    )
    records = [EntityRecord(r[0], r[1], r[2], r[3], tuple(r[4] or ()), int(r[5] or 0)) for r in rows]
    actors = resolve_actors(records, overrides)
    actor_of = {(m.doc_id, m.entity_id): c.actor_id for c in actors for m in c.members}

    _, rows = store.query(
        "SELECT e.doc_id, e.id, e.type, e.subtype, CAST(e.earliest AS VARCHAR), CAST(e.latest AS VARCHAR), "
        "p.name, p.lat, p.lon, list(pa.entity_id) FILTER (WHERE pa.entity_id IS NOT NULL), e.trigger_start "
        "FROM events e LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place_id "
        "LEFT JOIN participants pa ON pa.doc_id = e.doc_id AND pa.event_id = e.id "
        "WHERE e.polarity = 'positive' "
        "GROUP BY ALL ORDER BY e.doc_id, e.trigger_start, e.id"
    )
    events = [
        EventRecord(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
            frozenset(actor_of.get((r[0], ent), "") for ent in (r[9] or ())) - {""}, int(r[10] or 0),
        )
        for r in rows
    ]  # fmt: skip
    event_links = cluster_events(events)

    _, rows = store.query("SELECT doc_id, id, text, entity_ids FROM claims ORDER BY doc_id, start, id")
    claims = [
        (r[0], r[1], r[2], frozenset(actor_of.get((r[0], e), "") for e in (r[3] or ())) - {""}) for r in rows
    ]
    claim_links = group_claims(claims)

    members = [(m, c) for c in actors for m in c.members]
    tables: dict[str, dict[str, list[Any]]] = {
        "actor_links": {
            "doc_id": [m.doc_id for m, _ in members], "entity_id": [m.entity_id for m, _ in members],
            "actor_id": [c.actor_id for _, c in members], "score": [m.link_score for m, _ in members],
            "evidence": [m.evidence for m, _ in members],
        },
        "actors": {
            "actor_id": [c.actor_id for c in actors], "name": [c.name for c in actors],
            "type": [c.type for c in actors], "aliases": [c.aliases for c in actors],
            "documents": [len({m.doc_id for m in c.members}) for c in actors],
            "mentions": [sum(m.mentions for m in c.members) for c in actors],
        },
        "event_links": {
            "doc_id": [d for d, _ in event_links], "event_id": [e for _, e in event_links],
            "cluster_id": [c for c, _ in event_links.values()], "score": [s for _, s in event_links.values()],
        },
        "claim_links": {
            "doc_id": [d for d, _ in claim_links], "claim_id": [c for _, c in claim_links],
            "group_id": [g for g, _ in claim_links.values()], "score": [s for _, s in claim_links.values()],
        },
    }  # fmt: skip
    with store.batch():
        for table, columns in tables.items():
            store.con.execute(f"DELETE FROM {table}")
            _insert_columns(store, table, columns)
    return ResolveSummary(
        entities=len(records),
        actors=len(actors),
        events=len(events),
        event_clusters=len({c for c, _ in event_links.values()}),
        claims=len(claims),
        claim_groups=len({g for g, _ in claim_links.values()}),
    )


def _insert_columns(store: Store, table: str, columns: dict[str, list[Any]]) -> None:
    """Bulk insert through Arrow: row-by-row inserts take minutes for 100,000s of links."""
    if not next(iter(columns.values())):
        return
    data = pa.table(columns)
    view = f"_new_{table}"
    store.con.register(view, data)
    try:
        names = ", ".join(f'"{c}"' for c in columns)
        store.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}")
    finally:
        store.con.unregister(view)
