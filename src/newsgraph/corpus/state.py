"""The resolver's memory between runs: keyed state, loaded only for the keys a batch touches.

Cross-document resolution is online (see :mod:`newsgraph.corpus.incremental`): every document is
resolved against what the documents before it left behind — which actor owns a name key, the
recent events of a block, the claims sharing a rare word. That state is a set of *spaces* (one per
index: ``actor.strict``, ``event.block``, ...), each a map from a string key to a JSON value, kept
in the ``resolve_state`` table. A batch reads the rows of the keys its documents use (one query per
space), changes them in memory, and writes back the changed keys in the same transaction as its
links, so the stored state always matches the stored links.

Clusters merge: two actors become one when a new spelling bridges them. Values already stored
keep the id of the cluster they were written with, so every merge is recorded in
``resolve_merges`` (kept one level deep: an id maps straight to its current root) and ids read
back from the state are mapped through it. :class:`Memory` is the same interface over plain
dicts, for resolving records that are not in a store (tests, one-off calls).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Protocol

import pyarrow as pa

from newsgraph.corpus.store import Store

# Spaces read by keys that are only known while resolving (the actor a cannot_link pair is in):
# a key not loaded yet is read when asked for.
# Event counts are asked for by (type, current actor), which only linking tells: a batch preloads
# the counts of the actors it can reach and any other is read when asked.
LAZY_SPACES = frozenset({"actor.blocked", "event.count"})


class UnionFind:
    """Cluster ids (ints or strings) → their root; a merge keeps the smaller id, so the result
    does not depend on which side asked."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}
        self.merged: dict[Any, Any] = {}  # every id merged away in this batch → its root at the end

    def find(self, x: Any) -> Any:
        parent = self.parent
        root = parent.get(x, x)
        if root == x:  # the common case, called millions of times: x is a root
            return x
        while (up := parent.get(root, root)) != root:
            root = up
        while x != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: Any, b: Any) -> Any:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        root, gone = (ra, rb) if ra < rb else (rb, ra)
        self.parent[gone] = root
        self.merged[gone] = root
        return root

    def merges(self) -> dict[Any, Any]:
        """Id merged away → its final root."""
        return {gone: self.find(gone) for gone in self.merged}


class State(Protocol):
    """What the online resolvers need: keyed values per space and a union-find per cluster kind."""

    def get(self, space: str, key: str) -> Any: ...

    def put(self, space: str, key: str, value: Any) -> None: ...

    def discard(self, space: str, key: str) -> None: ...

    def uf(self, kind: str) -> UnionFind: ...

    def counter(self, name: str) -> int: ...


class Memory:
    """State in plain dicts: nothing is read or written elsewhere."""

    def __init__(self) -> None:
        self.spaces: dict[str, dict[str, Any]] = defaultdict(dict)
        self._ufs: dict[str, UnionFind] = defaultdict(UnionFind)
        self._counters: dict[str, int] = defaultdict(int)

    def get(self, space: str, key: str) -> Any:
        return self.spaces[space].get(key)

    def put(self, space: str, key: str, value: Any) -> None:
        self.spaces[space][key] = value

    def discard(self, space: str, key: str) -> None:
        """Forget a key that will never be read again."""
        self.spaces[space].pop(key, None)

    def uf(self, kind: str) -> UnionFind:
        return self._ufs[kind]

    def counter(self, name: str) -> int:
        self._counters[name] += 1
        return self._counters[name]


class StoredState(Memory):
    """State backed by the store: :meth:`load` the keys of a batch, resolve, :meth:`save`."""

    def __init__(self, store: Store, *, complete: bool = False) -> None:
        """``complete``: the store holds no state (a full replay after clearing it), so every
        value is the one in memory and nothing is ever read."""
        super().__init__()
        self.store = store
        self.complete = complete
        self.dirty: dict[str, set[str]] = defaultdict(set)
        self._read: dict[str, set[str]] = defaultdict(set)  # keys asked of the store, found or not
        _, rows = store.query("SELECT key, value FROM resolve_state WHERE space = 'counter'")
        self._counters.update({str(k): int(v) for k, v in rows})
        self.stored_counters = dict(self._counters)  # ids up to these may have stored state

    def absent(self, space: str, keys: Iterable[str]) -> None:
        """Note keys the store cannot hold (they name an id allocated since it was read), so asking
        for them reads nothing."""
        self._read[space].update(keys)

    def load(self, space: str, keys: Iterable[str]) -> None:
        """Read the stored values of ``keys`` (those not read yet) into memory."""
        if self.complete:
            return
        read = self._read[space]
        wanted = [k for k in set(keys) if k not in read and k not in self.spaces[space]]
        if not wanted:
            return
        read.update(wanted)
        _, rows = self.store.query(
            "SELECT s.key, s.value FROM resolve_state s JOIN (SELECT unnest(?::VARCHAR[]) AS key) w "
            "USING (key) WHERE s.space = ?",
            [wanted, space],
        )
        values = self.spaces[space]
        for key, value in rows:
            values[key] = json.loads(value)

    def load_all(self, space: str) -> None:
        """Read a whole space (for small spaces read by computed keys, such as event counts)."""
        _, rows = self.store.query("SELECT key, value FROM resolve_state WHERE space = ?", [space])
        values = self.spaces[space]
        for key, value in rows:
            values.setdefault(key, json.loads(value))

    def get(self, space: str, key: str) -> Any:
        value = self.spaces[space].get(key)
        if value is None and space in LAZY_SPACES and not self.complete and key not in self._read[space]:
            self.load(space, [key])
            value = self.spaces[space].get(key)
        return value

    def load_merges(self, kind: str, ids: Iterable[Any]) -> None:
        """Seed the union-find of ``kind`` with the stored roots of ``ids``."""
        if self.complete:
            return
        wanted = [str(i) for i in set(ids)]
        if not wanted:
            return
        _, rows = self.store.query(
            "SELECT m.old, m.root FROM resolve_merges m JOIN (SELECT unnest(?::VARCHAR[]) AS old) w "
            "USING (old) WHERE m.kind = ?",
            [wanted, kind],
        )
        cast = int if kind == "actor" else str
        uf = self.uf(kind)
        for old, root in rows:
            uf.parent[cast(old)] = cast(root)

    def put(self, space: str, key: str, value: Any) -> None:
        self.spaces[space][key] = value
        if not self.complete:  # a complete state is written whole (see save)
            self.dirty[space].add(key)

    def discard(self, space: str, key: str) -> None:
        """Forget a key that will never be read again (a row already stored stays: it is never
        read either)."""
        super().discard(space, key)
        self.dirty[space].discard(key)

    def save(self) -> None:
        """Write the changed keys, the counters and this batch's merges (inside the caller's batch)."""
        spaces, keys, values = [], [], []
        dirty = {space: set(values) for space, values in self.spaces.items()} if self.complete else self.dirty
        for space, changed in dirty.items():
            for key in changed:
                spaces.append(space)
                keys.append(key)
                values.append(json.dumps(self.spaces[space][key], separators=(",", ":")))
        for name, n in self._counters.items():
            spaces.append("counter")
            keys.append(name)
            values.append(str(n))
        if spaces:
            self._replace(
                "resolve_state", ["space", "key", "value"], [spaces, keys, values], ["space", "key"]
            )
        for kind, uf in self._ufs.items():
            merges = uf.merges()
            if not merges:
                continue
            olds = [str(k) for k in merges]
            roots = [str(v) for v in merges.values()]
            table = pa.table({"kind": [kind] * len(olds), "old": olds, "root": roots})
            self.store.con.register("_merges", table)
            try:
                # One level deep: ids that pointed at a root merged away now point at its new root.
                self.store.con.execute(
                    "UPDATE resolve_merges m SET root = n.root FROM _merges n "
                    "WHERE m.kind = n.kind AND m.root = n.old"
                )
                self.store.con.execute("INSERT INTO resolve_merges SELECT kind, old, root FROM _merges")
            finally:
                self.store.con.unregister("_merges")
        self.dirty.clear()

    def _replace(self, table: str, columns: list[str], data: list[list[Any]], key: list[str]) -> None:
        view = pa.table(dict(zip(columns, data, strict=True)))
        self.store.con.register("_replace", view)
        try:
            on = " AND ".join(f"t.{k} = r.{k}" for k in key)
            self.store.con.execute(
                f"DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM _replace r WHERE {on})"
            )
            names = ", ".join(columns)
            self.store.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _replace")
        finally:
            self.store.con.unregister("_replace")
