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

import hashlib
import json
import logging
from collections import defaultdict
from typing import Any

import pyarrow as pa

from newsgraph.corpus.actor_linker import link_document, state_keys
from newsgraph.corpus.actors import EntityRecord, Overrides, actor_id, describe
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
    mark = fingerprint(overrides)
    row = store.con.execute("SELECT value FROM meta WHERE key = 'resolve_overrides'").fetchone()
    if full or row is None or row[0] != mark:
        with store.batch():
            clear(store)
            store.con.execute("INSERT OR REPLACE INTO meta VALUES ('resolve_overrides', ?)", [mark])
    todo = pending_documents(store)
    for start in range(0, len(todo), batch_docs):
        with store.batch():
            _Batch(store, todo[start : start + batch_docs], overrides).run()
    return len(todo)


class _Batch:
    def __init__(self, store: Store, docs: list[str], overrides: Overrides) -> None:
        self.store = store
        self.docs = docs
        self.overrides = overrides
        self.state = StoredState(store)

    def _rows(self, sql: str) -> list[tuple[Any, ...]]:
        return self.store.query(sql, [self.docs]).rows

    def run(self) -> None:
        where = "doc_id IN (SELECT unnest(?::VARCHAR[]))"
        entities: dict[str, list[EntityRecord]] = defaultdict(list)
        types = ", ".join(f"'{t}'" for t in ACTOR_TYPES)
        for r in self._rows(
            f"SELECT doc_id, id, name, type, aliases, mentions FROM entities WHERE {where} AND type IN ({types}) "
            "ORDER BY doc_id, id"
        ):
            entities[r[0]].append(EntityRecord(r[0], r[1], r[2], r[3], tuple(r[4] or ()), int(r[5] or 0)))
        events: dict[str, list[tuple[EventRecord, list[str]]]] = defaultdict(list)
        for r in self._rows(
            "SELECT e.doc_id, e.id, e.type, e.subtype, CAST(e.earliest AS VARCHAR), CAST(e.latest AS VARCHAR), "
            "p.name, p.lat, p.lon, list(pa.entity_id) FILTER (WHERE pa.entity_id IS NOT NULL), e.trigger_start "
            "FROM events e LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place_id "
            "LEFT JOIN participants pa ON pa.doc_id = e.doc_id AND pa.event_id = e.id "
            f"WHERE e.polarity = 'positive' AND e.{where} GROUP BY ALL ORDER BY e.doc_id, e.trigger_start, e.id"
        ):
            record = EventRecord(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], frozenset(), int(r[10] or 0)
            )
            events[r[0]].append((record, list(r[9] or ())))
        claims: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
        for r in self._rows(
            f"SELECT doc_id, id, text, entity_ids FROM claims WHERE {where} ORDER BY doc_id, start, id"
        ):
            claims[r[0]].append((r[1], r[2], list(r[3] or ())))
        self._load(entities, events, claims)

        event_linker, claim_linker = EventLinker(self.state), ClaimLinker(self.state)
        links: list[tuple[EntityRecord, int]] = []
        event_rows: list[tuple[str, str, str, float]] = []
        claim_rows: list[tuple[str, str, str, float]] = []
        capped: dict[str, int] = {}
        touched: set[int] = set()
        for doc in self.docs:
            records = entities.get(doc, [])
            linked = link_document(records, self.state, self.overrides)
            touched |= linked.touched
            links += list(zip(records, linked.actor_of, strict=True))
            actor_of = {r.entity_id: a for r, a in zip(records, linked.actor_of, strict=True)}
            doc_events = [
                EventRecord(e.doc_id, e.event_id, e.type, e.subtype, e.earliest, e.latest, e.place, e.lat, e.lon,
                            frozenset(actor_of[p] for p in parts if p in actor_of), e.position)
                for e, parts in events.get(doc, [])
            ]  # fmt: skip
            found = event_linker.link(doc_events)
            capped.update(found.capped)
            event_rows += [
                (e.doc_id, e.event_id, c, s)
                for e, c, s in zip(doc_events, found.cluster_of, found.score_of, strict=True)
            ]
            doc_claims = [
                ClaimRecord(doc, cid, text, frozenset(actor_of[x] for x in ids if x in actor_of))
                for cid, text, ids in claims.get(doc, [])
            ]
            groups, scores = claim_linker.link(doc_claims)
            claim_rows += [
                (c.doc_id, c.claim_id, g, s) for c, g, s in zip(doc_claims, groups, scores, strict=True)
            ]
        log_capped(capped)
        self._write(links, event_rows, claim_rows, touched)

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
        state.load_all("event.count")
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

    # -- writing the batch's results ------------------------------------------------------------
    def _register(self, name: str, columns: dict[str, list[Any]]) -> None:
        self.store.con.register(name, pa.table(columns))

    def _apply_merges(self, kind: str, table: str, column: str, cast: type) -> dict[Any, Any]:
        merges = self.state.uf(kind).merges()
        if merges:
            self._register(
                "_m", {"old": [cast(k) for k in merges], "root": [cast(v) for v in merges.values()]}
            )
            try:
                self.store.con.execute(
                    f"UPDATE {table} t SET {column} = m.root FROM _m m WHERE t.{column} = m.old"
                )
            finally:
                self.store.con.unregister("_m")
        return merges

    def _write(self, links: list[tuple[EntityRecord, int]], events: list[tuple[str, str, str, float]],
               claims: list[tuple[str, str, str, float]], touched: set[int]) -> None:  # fmt: skip
        actors, clusters, groups = self.state.uf("actor"), self.state.uf("event"), self.state.uf("claim")
        merged = self._apply_merges("actor", "actor_members", "component", int)
        self._apply_merges("event", "event_links", "cluster_id", str)
        self._apply_merges("claim", "claim_links", "group_id", str)
        self._insert("actor_members", {
            "doc_id": [r.doc_id for r, _ in links], "entity_id": [r.entity_id for r, _ in links],
            "component": [int(actors.find(a)) for _, a in links],
        })  # fmt: skip
        self._insert("actor_links", {
            "doc_id": [r.doc_id for r, _ in links], "entity_id": [r.entity_id for r, _ in links],
            "actor_id": [""] * len(links), "score": [r.link_score for r, _ in links],
            "evidence": [r.evidence for r, _ in links],
        })  # fmt: skip
        self._insert("event_links", {
            "doc_id": [d for d, _, _, _ in events], "event_id": [e for _, e, _, _ in events],
            "cluster_id": [str(clusters.find(c)) for _, _, c, _ in events], "score": [s for _, _, _, s in events],
        })  # fmt: skip
        self._insert("claim_links", {
            "doc_id": [d for d, _, _, _ in claims], "claim_id": [c for _, c, _, _ in claims],
            "group_id": [str(groups.find(g)) for _, _, g, _ in claims], "score": [s for _, _, _, s in claims],
        })  # fmt: skip
        components = {int(actors.find(a)) for a in touched} | {int(actors.find(a)) for _, a in links}
        self._name_actors(components, {int(k) for k in merged})
        self._insert("resolved_documents", {"doc_id": self.docs, "seq": list(range(len(self.docs)))})
        self.state.save()

    def _insert(self, table: str, columns: dict[str, list[Any]]) -> None:
        if not next(iter(columns.values())):
            return
        self._register("_new", columns)
        try:
            names = ", ".join(f'"{c}"' for c in columns)
            self.store.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _new")
        finally:
            self.store.con.unregister("_new")

    def _describe(self, comps: set[int]) -> dict[int, tuple[str, str, list[str], int, int]]:
        """component → (name, type, aliases, documents, mentions), from its members in the store."""
        self._register("_c", {"component": sorted(comps)})
        try:
            _, rows = self.store.query(
                "SELECT m.component, e.name, e.type, e.mentions, e.doc_id, e.aliases FROM actor_members m "
                "JOIN _c USING (component) JOIN entities e ON e.doc_id = m.doc_id AND e.id = m.entity_id"
            )
        finally:
            self.store.con.unregister("_c")
        members: dict[int, list[EntityRecord]] = defaultdict(list)
        aliases: dict[int, set[str]] = defaultdict(set)
        for comp, name, typ, mentions, doc_id, alias in rows:
            members[comp].append(EntityRecord(doc_id, "", name, typ, (), int(mentions or 0)))
            aliases[comp].update([name, *(alias or ())])
        out = {}
        for comp, records in members.items():
            name, kind = describe(records)
            out[comp] = (name, kind, sorted(aliases[comp]), len({r.doc_id for r in records}),
                         sum(r.mentions for r in records))  # fmt: skip
        return out

    def _name_actors(self, components: set[int], gone: set[int]) -> None:
        """Names, types, counts and public ids of the actors this batch created, grew or merged.
        Two actors with one type and canonical name share a base id; the older keeps it and the
        others are suffixed -2, -3, ... in the order they were created."""
        state = self.state
        state.load("actor.comp", [str(c) for c in components | gone])
        described = self._describe(components)
        new_base = {c: actor_id(d[1], d[0]) for c, d in described.items()}
        changed = [c for c in gone | set(described) if state.get("actor.comp", str(c)) != new_base.get(c)]
        bases = {b for c in changed for b in (state.get("actor.comp", str(c)), new_base.get(c)) if b}
        state.load("actor.base", bases)
        for comp in changed:
            old, new = state.get("actor.comp", str(comp)), new_base.get(comp)
            if old:
                state.put("actor.base", old, [c for c in state.get("actor.base", old) or [] if c != comp])
            if new:
                state.put("actor.base", new, sorted({*(state.get("actor.base", new) or []), comp}))
            state.put("actor.comp", str(comp), new)
        public: dict[int, str] = {}
        for base in bases:
            for n, comp in enumerate(state.get("actor.base", base) or []):
                public[comp] = base if n == 0 else f"{base}-{n + 1}"
        for comp in described:
            public.setdefault(comp, new_base[comp])
        missing = set(public) - set(described)  # renumbered by a change of their base only
        if missing:
            described.update(self._describe(missing))
        comps = sorted(public)
        self._register("_p", {"component": comps, "actor_id": [public[c] for c in comps]})
        try:
            con = self.store.con
            con.execute(
                "DELETE FROM actor_components WHERE component IN (SELECT component FROM _p) "
                "OR component IN (SELECT unnest(?::BIGINT[]))",
                [sorted(gone)],
            )
            con.execute("INSERT INTO actor_components SELECT component, actor_id FROM _p")
            con.execute(
                "UPDATE actor_links l SET actor_id = p.actor_id FROM actor_members m JOIN _p p USING (component) "
                "WHERE l.doc_id = m.doc_id AND l.entity_id = m.entity_id AND l.actor_id <> p.actor_id"
            )
            con.execute(
                "DELETE FROM actors WHERE actor_id NOT IN (SELECT actor_id FROM actor_components) "
                "OR actor_id IN (SELECT actor_id FROM _p)"
            )
        finally:
            self.store.con.unregister("_p")
        rows = [c for c in comps if c in described]
        self._insert("actors", {
            "actor_id": [public[c] for c in rows], "name": [described[c][0] for c in rows],
            "type": [described[c][1] for c in rows], "aliases": [described[c][2] for c in rows],
            "documents": [described[c][3] for c in rows], "mentions": [described[c][4] for c in rows],
        })  # fmt: skip
