"""Resolution of the store, one batch of documents at a time, each against the ones before it.

Documents are resolved online, in ingest order (``ingested_at``, then ``doc_id``): each one's
entities, events and claims are linked to the actors, event clusters and claim groups that the
earlier documents left in the resolver's state (:mod:`newsgraph.corpus.state`). A new batch
therefore costs what its own documents cost, whatever the size of the store, and touches only
the rows of the clusters it joins or merges. A full re-resolve clears the results and the state
and replays every document in the same order, so it gives exactly what the incremental runs gave
(tests/test_resolve_incremental.py checks it); it is needed after a change of rules or of the
``--links`` overrides, which is detected and triggers it.

A batch is ``BATCH_DOCS`` documents in one transaction: its rows, state and links are read and
written together, so memory stays bounded on any store and a crash loses at most one batch.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from newsgraph.corpus.actor_linker import link_document, state_keys
from newsgraph.corpus.actors import EntityRecord, Overrides, actor_id, canonical_name
from newsgraph.corpus.claim_linker import ClaimLinker, ClaimRecord, content_words
from newsgraph.corpus.event_linker import EventLinker, block_keys, log_capped
from newsgraph.corpus.event_links import EventRecord
from newsgraph.corpus.state import StoredState
from newsgraph.corpus.store import Store

log = logging.getLogger(__name__)

# Documents per batch: the state a batch reads grows with its documents' distinct keys, not with
# the store; 5,000 documents keep a batch under ~300 MB and its queries few.
BATCH_DOCS = 5_000
ACTOR_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART")
RESULT_TABLES = ("actor_links", "actors", "event_links", "claim_links", "actor_members", "actor_components",
                 "resolve_state", "resolve_merges", "resolved_documents")  # fmt: skip


def fingerprint(overrides: Overrides) -> str:
    return hashlib.sha1(json.dumps([overrides.must_link, overrides.cannot_link]).encode()).hexdigest()


def pending_documents(store: Store) -> list[str]:
    _, rows = store.query(
        "SELECT doc_id FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM resolved_documents) "
        "ORDER BY ingested_at, doc_id"
    )
    return [str(r[0]) for r in rows]


def clear(store: Store) -> None:
    for table in RESULT_TABLES:
        store.con.execute(f"DELETE FROM {table}")


def run(store: Store, overrides: Overrides, *, full: bool, batch_docs: int = BATCH_DOCS) -> int:
    """Resolve the documents not resolved yet (all of them when ``full``); returns how many."""
    # The objects alive before resolving (a loaded spaCy pipeline: millions of them, in `ingest`)
    # are left out of the cyclic collector while it runs: each full collection would walk them
    # again, and resolving allocates enough to trigger hundreds.
    frozen = gc.get_freeze_count() > 0  # a caller's own freeze is left as it was
    gc.freeze()
    try:
        return _run(store, overrides, full=full, batch_docs=batch_docs)
    finally:
        if not frozen:
            gc.unfreeze()


def _run(store: Store, overrides: Overrides, *, full: bool, batch_docs: int) -> int:
    mark = fingerprint(overrides)
    row = store.con.execute("SELECT value FROM meta WHERE key = 'resolve_overrides'").fetchone()
    if full or row is None or row[0] != mark:
        # One transaction: a full replay is stored whole or not at all (a crash leaves the
        # previous results), and its state is written once, at the end.
        with store.batch():
            clear(store)
            store.con.execute("INSERT OR REPLACE INTO meta VALUES ('resolve_overrides', ?)", [mark])
            todo = pending_documents(store)
            _FullRun(store, overrides).run(todo, batch_docs)
        return len(todo)
    todo = pending_documents(store)
    for start in range(0, len(todo), batch_docs):
        with store.batch():
            _Batch(store, todo[start : start + batch_docs], overrides).run()
    return len(todo)


_WHERE = "doc_id IN (SELECT unnest(?::VARCHAR[]))"
_Entities = dict[str, list[EntityRecord]]
_Events = dict[str, list[tuple[EventRecord, list[str]]]]
_Claims = dict[str, list[tuple[str, str, list[str]]]]


def _read(store: Store, docs: list[str]) -> tuple[_Entities, _Events, _Claims]:
    """The entity, event and claim rows of ``docs``, per document."""

    def rows(sql: str) -> list[tuple[Any, ...]]:
        return store.query(sql, [docs]).rows

    entities: _Entities = defaultdict(list)
    types = ", ".join(f"'{t}'" for t in ACTOR_TYPES)
    for r in rows(
        f"SELECT doc_id, id, name, type, aliases, mentions FROM entities WHERE {_WHERE} AND type IN ({types}) "
        "ORDER BY doc_id, id"
    ):
        entities[r[0]].append(EntityRecord(r[0], r[1], r[2], r[3], tuple(r[4] or ()), int(r[5] or 0)))
    events: _Events = defaultdict(list)
    for r in rows(
        "SELECT e.doc_id, e.id, e.type, e.subtype, CAST(e.earliest AS VARCHAR), CAST(e.latest AS VARCHAR), "
        "p.name, p.lat, p.lon, list(pa.entity_id) FILTER (WHERE pa.entity_id IS NOT NULL), e.trigger_start "
        "FROM events e LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place_id "
        "LEFT JOIN participants pa ON pa.doc_id = e.doc_id AND pa.event_id = e.id "
        f"WHERE e.polarity = 'positive' AND e.{_WHERE} GROUP BY ALL ORDER BY e.doc_id, e.trigger_start, e.id"
    ):
        record = EventRecord(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], frozenset(), int(r[10] or 0)
        )
        events[r[0]].append((record, list(r[9] or ())))
    claims: _Claims = defaultdict(list)
    for r in rows(
        f"SELECT doc_id, id, text, entity_ids FROM claims WHERE {_WHERE} ORDER BY doc_id, start, id"
    ):
        claims[r[0]].append((r[1], r[2], list(r[3] or ())))
    return entities, events, claims


@dataclass
class _Linked:
    """What linking some documents decided, as rows for the result tables."""

    links: list[tuple[EntityRecord, int]] = field(default_factory=list)
    events: list[tuple[str, str, str, float]] = field(default_factory=list)
    claims: list[tuple[str, str, str, float]] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)


class _Linkers:
    """The three online linkers over one state, applied to documents in ingest order."""

    def __init__(self, state: StoredState, overrides: Overrides) -> None:
        self.state = state
        self.overrides = overrides
        self.events = EventLinker(state)
        self.claims = ClaimLinker(state)

    def link(self, docs: list[str], entities: _Entities, events: _Events, claims: _Claims) -> _Linked:
        out = _Linked()
        capped: dict[str, int] = {}
        for doc in docs:
            records = entities.get(doc, [])
            linked = link_document(records, self.state, self.overrides)
            out.touched |= linked.touched
            out.links += zip(records, linked.actor_of, strict=True)
            actor_of = {r.entity_id: a for r, a in zip(records, linked.actor_of, strict=True)}
            fresh = {a for a in linked.actor_of if a > self.state.stored_counters.get("actor", 0)}
            if fresh:  # hub counts of actors created in this run are not in the store
                types = {e.type for e, _ in events.get(doc, [])}
                self.state.absent("event.count", [f"{t}|{a}" for t in types for a in fresh])
            doc_events = [
                EventRecord(e.doc_id, e.event_id, e.type, e.subtype, e.earliest, e.latest, e.place, e.lat, e.lon,
                            frozenset(actor_of[p] for p in parts if p in actor_of), e.position)
                for e, parts in events.get(doc, [])
            ]  # fmt: skip
            found = self.events.link(doc_events)
            capped.update(found.capped)
            out.events += [
                (e.doc_id, e.event_id, c, s)
                for e, c, s in zip(doc_events, found.cluster_of, found.score_of, strict=True)
            ]
            doc_claims = [
                ClaimRecord(doc, cid, text, frozenset(actor_of[x] for x in ids if x in actor_of))
                for cid, text, ids in claims.get(doc, [])
            ]
            groups, scores = self.claims.link(doc_claims)
            out.claims += [
                (c.doc_id, c.claim_id, g, s) for c, g, s in zip(doc_claims, groups, scores, strict=True)
            ]
        log_capped(capped)
        return out


def _register(store: Store, name: str, columns: dict[str, list[Any]]) -> None:
    store.con.register(name, pa.table(columns))


def _insert(store: Store, table: str, columns: dict[str, list[Any]]) -> None:
    if not next(iter(columns.values())):
        return
    _register(store, "_new", columns)
    try:
        names = ", ".join(f'"{c}"' for c in columns)
        store.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _new")
    finally:
        store.con.unregister("_new")


def _describe(store: Store, comps: set[int] | None) -> dict[int, tuple[str, str, list[str], int, int]]:
    """component → (name, type, aliases, documents, mentions), from its members in the store (of
    every component when ``comps`` is None). Members are summed per name and type in SQL, so Python
    sees one row per distinct name of an actor, not one per mention of it in the corpus."""
    if comps is not None:
        _register(store, "_c", {"component": sorted(comps)})
    members = "actor_members" if comps is None else "(SELECT * FROM actor_members JOIN _c USING (component))"
    try:
        joined = f"{members} m JOIN entities e ON e.doc_id = m.doc_id AND e.id = m.entity_id"
        named = store.query(
            "SELECT m.component, e.name, e.type, sum(greatest(coalesce(e.mentions, 0), 1)), "
            f"sum(coalesce(e.mentions, 0)) FROM {joined} GROUP BY ALL"
        ).rows
        documents = dict(
            store.query(f"SELECT m.component, count(DISTINCT e.doc_id) FROM {joined} GROUP BY ALL").rows
        )
        aliases = store.query(
            f"SELECT m.component, list(DISTINCT a) FROM {joined}, "
            "unnest(list_prepend(e.name, coalesce(e.aliases, []::VARCHAR[]))) AS t(a) GROUP BY ALL"
        ).rows
    finally:
        if comps is not None:
            store.con.unregister("_c")
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    kinds: dict[int, Counter[str]] = defaultdict(Counter)
    mentions: Counter[int] = Counter()
    for comp, name, typ, n, m in named:
        votes[comp][name] += int(n)
        kinds[comp][typ] += int(n)
        mentions[comp] += int(m)
    out = {}
    for comp, names in aliases:
        kind = kinds[comp]
        typ = max(kind.items(), key=lambda kv: (kv[1], kv[0]))[0]
        out[comp] = (canonical_name(votes[comp]), typ, sorted(names), int(documents[comp]), mentions[comp])
    return out


def _public_ids(state: StoredState, described: dict[int, tuple[str, str, list[str], int, int]],
                gone: set[int]) -> dict[int, str]:  # fmt: skip
    """Public ids of the actors whose description changed, and of those renumbered by it. Two
    actors with one type and canonical name share a base id; the older keeps it and the others
    are suffixed -2, -3, ... in the order they were created."""
    state.load("actor.comp", [str(c) for c in set(described) | gone])
    new_base = {c: actor_id(d[1], d[0]) for c, d in described.items()}
    changed = [c for c in gone | set(described) if state.get("actor.comp", str(c)) != new_base.get(c)]
    bases = {b for c in changed for b in (state.get("actor.comp", str(c)), new_base.get(c)) if b}
    state.load("actor.base", bases)
    by_base: dict[str, set[int]] = {}
    for comp in changed:
        old, new = state.get("actor.comp", str(comp)), new_base.get(comp)
        if old:
            by_base.setdefault(old, set(state.get("actor.base", old) or [])).discard(comp)
        if new:
            by_base.setdefault(new, set(state.get("actor.base", new) or [])).add(comp)
        state.put("actor.comp", str(comp), new)
    public: dict[int, str] = {}
    for base, members in by_base.items():
        state.put("actor.base", base, sorted(members))
    for base in bases:
        for n, comp in enumerate(state.get("actor.base", base) or []):
            public[comp] = base if n == 0 else f"{base}-{n + 1}"
    unchanged = {new_base[c] for c in described if c not in public}
    state.load("actor.base", unchanged)
    for comp in described:  # an actor that kept its base keeps its place in the base's list
        if comp not in public:
            listed: list[int] = state.get("actor.base", new_base[comp]) or [comp]
            n = listed.index(comp) if comp in listed else 0
            public[comp] = new_base[comp] if n == 0 else f"{new_base[comp]}-{n + 1}"
    return public


_STAGING = {
    "_full_members": "doc_id VARCHAR, entity_id VARCHAR, component BIGINT, score DOUBLE, evidence VARCHAR",
    "_full_events": "doc_id VARCHAR, event_id VARCHAR, cluster_id VARCHAR, score DOUBLE",
    "_full_claims": "doc_id VARCHAR, claim_id VARCHAR, group_id VARCHAR, score DOUBLE",
}


class _FullRun:
    """A replay of the whole store: the state stays in memory from the first document to the
    last (nothing is stored yet, so nothing needs loading), links are appended to staging tables
    chunk by chunk, and the results, the actors and the state are written once at the end, with
    every merge applied in one pass instead of one UPDATE per batch."""

    def __init__(self, store: Store, overrides: Overrides) -> None:
        self.store = store
        self.state = StoredState(store, complete=True)
        self.linkers = _Linkers(self.state, overrides)

    def run(self, docs: list[str], chunk: int) -> None:
        con = self.store.con
        for table, columns in _STAGING.items():
            # Tables of the store, not TEMP ones (held in memory): they grow with the whole store.
            con.execute(f"CREATE OR REPLACE TABLE {table} ({columns})")
        try:
            for start in range(0, len(docs), chunk):
                part = docs[start : start + chunk]
                linked = self.linkers.link(part, *_read(self.store, part))
                self._stage(linked)
                # Records decoded from the state are decoded again when read: memory stays flat.
                self.linkers.events.forget()
                self.linkers.claims.forget()
            self._finish(docs)
        finally:
            for table in _STAGING:
                con.execute(f"DROP TABLE IF EXISTS {table}")

    def _stage(self, linked: _Linked) -> None:
        links = linked.links
        _insert(self.store, "_full_members", {
            "doc_id": [r.doc_id for r, _ in links], "entity_id": [r.entity_id for r, _ in links],
            "component": [a for _, a in links], "score": [r.link_score for r, _ in links],
            "evidence": [r.evidence for r, _ in links],
        })  # fmt: skip
        for table, rows, names in (("_full_events", linked.events, ("doc_id", "event_id", "cluster_id", "score")),
                                   ("_full_claims", linked.claims, ("doc_id", "claim_id", "group_id", "score"))):  # fmt: skip
            _insert(self.store, table, {name: [row[k] for row in rows] for k, name in enumerate(names)})

    def _finish(self, docs: list[str]) -> None:
        store, con, state = self.store, self.store.con, self.state
        maps = {"actor": ("_ma", "BIGINT"), "event": ("_me", "VARCHAR"), "claim": ("_mc", "VARCHAR")}
        for kind, (name, sql_type) in maps.items():
            merges = state.uf(kind).merges()
            con.execute(f"CREATE OR REPLACE TEMP TABLE {name} (old {sql_type}, root {sql_type})")
            _insert(store, name, {"old": list(merges), "root": list(merges.values())})
        try:
            con.execute(
                "INSERT INTO actor_members SELECT t.doc_id, t.entity_id, coalesce(m.root, t.component) "
                "FROM _full_members t LEFT JOIN _ma m ON m.old = t.component"
            )
            con.execute(
                "INSERT INTO event_links SELECT t.doc_id, t.event_id, coalesce(m.root, t.cluster_id), t.score "
                "FROM _full_events t LEFT JOIN _me m ON m.old = t.cluster_id"
            )
            con.execute(
                "INSERT INTO claim_links SELECT t.doc_id, t.claim_id, coalesce(m.root, t.group_id), t.score "
                "FROM _full_claims t LEFT JOIN _mc m ON m.old = t.group_id"
            )
            described = _describe(store, None)
            public = _public_ids(state, described, set())
            comps = sorted(public)
            _insert(store, "actor_components", {"component": comps, "actor_id": [public[c] for c in comps]})
            con.execute(
                "INSERT INTO actor_links SELECT t.doc_id, t.entity_id, c.actor_id, t.score, t.evidence "
                "FROM _full_members t LEFT JOIN _ma m ON m.old = t.component "
                "JOIN actor_components c ON c.component = coalesce(m.root, t.component)"
            )
        finally:
            for name, _ in maps.values():
                con.execute(f"DROP TABLE IF EXISTS {name}")
        _insert_actors(store, public, described)
        _insert(store, "resolved_documents", {"doc_id": docs, "seq": list(range(len(docs)))})
        state.save()


def _insert_actors(store: Store, public: dict[int, str],
                   described: dict[int, tuple[str, str, list[str], int, int]]) -> None:  # fmt: skip
    rows = [c for c in sorted(public) if c in described]
    _insert(store, "actors", {
        "actor_id": [public[c] for c in rows], "name": [described[c][0] for c in rows],
        "type": [described[c][1] for c in rows], "aliases": [described[c][2] for c in rows],
        "documents": [described[c][3] for c in rows], "mentions": [described[c][4] for c in rows],
    })  # fmt: skip


class _Batch:
    def __init__(self, store: Store, docs: list[str], overrides: Overrides) -> None:
        self.store = store
        self.docs = docs
        self.overrides = overrides
        self.state = StoredState(store)

    def run(self) -> None:
        entities, events, claims = _read(self.store, self.docs)
        self._load(entities, events, claims)
        linked = _Linkers(self.state, self.overrides).link(self.docs, entities, events, claims)
        self._write(linked)

    # -- reading the state a batch needs -------------------------------------------------------
    def _load(self, entities: dict[str, list[EntityRecord]], events: dict[str, list[tuple[EventRecord, list[str]]]],
              claims: dict[str, list[tuple[str, str, list[str]]]]) -> None:  # fmt: skip
        state = self.state
        wanted: dict[str, set[str]] = defaultdict(set)
        for records in entities.values():
            for space, keys in state_keys(records, self.overrides).items():
                wanted[space] |= keys
        for doc_events in events.values():
            for e, _ in doc_events:
                wanted["event.block"].update(block_keys(e)[1])
        for doc_claims in claims.values():
            for _, text, _ in doc_claims:
                wanted["claim.word"].update(content_words(text))
        for space, keys in wanted.items():
            state.load(space, keys)
        posts = {p for v in state.spaces["claim.word"].values() for p in v["posts"]}
        state.load("claim.claim", posts)
        actor_ids: set[Any] = set()
        for space in ("actor.strict", "actor.must"):
            actor_ids.update(state.spaces[space].values())
        for reps in state.spaces["actor.spell"].values():
            actor_ids.update(a for a, _ in reps)
        for space in ("actor.ini", "actor.surname"):
            for entry in state.spaces[space].values():
                actor_ids.update(entry["owners"])
                actor_ids.update(entry["pending"])
        clusters: set[Any] = set()
        for block in state.spaces["event.block"].values():
            for entry in block["recent"]:
                clusters.add(entry[0])
                actor_ids.update(entry[10])
        groups: set[Any] = set()
        for claim in state.spaces["claim.claim"].values():
            groups.add(claim[0])
            actor_ids.update(claim[2])
        state.load_merges("actor", actor_ids)
        state.load_merges("event", clusters)
        state.load_merges("claim", groups)
        # Hub counts of the types of this batch, for the actors it can reach (any other is read
        # when asked, see state.LAZY_SPACES): reading the whole space would grow with the store.
        uf = state.uf("actor")
        reach = {str(a) for a in actor_ids} | {str(uf.find(a)) for a in actor_ids}
        types = {e.type for doc_events in events.values() for e, _ in doc_events}
        state.load("event.count", types | {f"{t}|{a}" for t in types for a in reach})

    # -- writing the batch's results ------------------------------------------------------------
    def _apply_merges(self, kind: str, table: str, column: str, cast: type) -> dict[Any, Any]:
        merges = self.state.uf(kind).merges()
        if merges:
            _register(
                self.store,
                "_m",
                {"old": [cast(k) for k in merges], "root": [cast(v) for v in merges.values()]},
            )
            try:
                self.store.con.execute(
                    f"UPDATE {table} t SET {column} = m.root FROM _m m WHERE t.{column} = m.old"
                )
            finally:
                self.store.con.unregister("_m")
        return merges

    def _write(self, linked: _Linked) -> None:
        store, links = self.store, linked.links
        actors, clusters, groups = self.state.uf("actor"), self.state.uf("event"), self.state.uf("claim")
        merged = self._apply_merges("actor", "actor_members", "component", int)
        self._apply_merges("event", "event_links", "cluster_id", str)
        self._apply_merges("claim", "claim_links", "group_id", str)
        _insert(store, "actor_members", {
            "doc_id": [r.doc_id for r, _ in links], "entity_id": [r.entity_id for r, _ in links],
            "component": [int(actors.find(a)) for _, a in links],
        })  # fmt: skip
        _insert(store, "event_links", {
            "doc_id": [d for d, _, _, _ in linked.events], "event_id": [e for _, e, _, _ in linked.events],
            "cluster_id": [str(clusters.find(c)) for _, _, c, _ in linked.events],
            "score": [s for _, _, _, s in linked.events],
        })  # fmt: skip
        _insert(store, "claim_links", {
            "doc_id": [d for d, _, _, _ in linked.claims], "claim_id": [c for _, c, _, _ in linked.claims],
            "group_id": [str(groups.find(g)) for _, _, g, _ in linked.claims],
            "score": [s for _, _, _, s in linked.claims],
        })  # fmt: skip
        components = {int(actors.find(a)) for a in linked.touched} | {int(actors.find(a)) for _, a in links}
        self._name_actors(components, {int(k) for k in merged})
        # The batch's own links get their actor's public id as they are written; older links are
        # rewritten only where their actor's id changed (see _name_actors).
        _register(store, "_l", {
            "doc_id": [r.doc_id for r, _ in links], "entity_id": [r.entity_id for r, _ in links],
            "component": [int(actors.find(a)) for _, a in links], "score": [r.link_score for r, _ in links],
            "evidence": [r.evidence for r, _ in links],
        })  # fmt: skip
        try:
            store.con.execute(
                "INSERT INTO actor_links SELECT l.doc_id, l.entity_id, c.actor_id, l.score, l.evidence "
                "FROM _l l JOIN actor_components c USING (component)"
            )
        finally:
            store.con.unregister("_l")
        _insert(store, "resolved_documents", {"doc_id": self.docs, "seq": list(range(len(self.docs)))})
        self.state.save()

    def _name_actors(self, components: set[int], gone: set[int]) -> None:
        """Names, types, counts and public ids of the actors this batch created, grew or merged
        (and of those renumbered by a change of their base id). Only the rows of actors whose
        public id changed are rewritten in ``actor_links``."""
        store, con = self.store, self.store.con
        described = _describe(store, components)
        public = _public_ids(self.state, described, gone)
        missing = set(public) - set(described)  # renumbered by a change of their base only
        if missing:
            described.update(_describe(store, missing))
        comps = sorted(public)
        _register(store, "_p", {"component": comps, "actor_id": [public[c] for c in comps]})
        _register(store, "_gone", {"component": sorted(gone)})
        try:
            renamed = [
                int(r[0])
                for r in con.execute(
                    "SELECT p.component FROM _p p JOIN actor_components c USING (component) "
                    "WHERE c.actor_id <> p.actor_id"
                ).fetchall()
            ]
            con.execute(
                "DELETE FROM actors WHERE actor_id IN (SELECT actor_id FROM actor_components WHERE component IN "
                "(SELECT component FROM _p UNION ALL SELECT component FROM _gone)) "
                "OR actor_id IN (SELECT actor_id FROM _p)"
            )
            con.execute(
                "DELETE FROM actor_components WHERE component IN "
                "(SELECT component FROM _p UNION ALL SELECT component FROM _gone)"
            )
            con.execute("INSERT INTO actor_components SELECT component, actor_id FROM _p")
            if renamed or gone:
                # Members of a merged-away actor already carry the root's component (see
                # _apply_merges), so they are rewritten with it.
                uf = self.state.uf("actor")
                _register(store, "_r", {"component": sorted(set(renamed) | {int(uf.find(c)) for c in gone})})
                try:
                    con.execute(
                        "UPDATE actor_links l SET actor_id = p.actor_id FROM actor_members m "
                        "JOIN _r USING (component) JOIN _p p USING (component) "
                        "WHERE l.doc_id = m.doc_id AND l.entity_id = m.entity_id AND l.actor_id <> p.actor_id"
                    )
                finally:
                    con.unregister("_r")
        finally:
            con.unregister("_p")
            con.unregister("_gone")
        _insert_actors(store, public, described)
