"""One document's entity records linked to the actors of the documents before it.

The rules are those of :mod:`newsgraph.corpus.actors`, applied online: the records of a document
are first linked among themselves and to earlier actors through the state's indexes (strict name
key → actor, skeleton → spelling representatives, initials → owning actors, surname → owning
full names), then get actor ids and are added to those indexes. Every lookup is one dict access:
nothing is compared with all earlier records.

"Only when a single actor owns these initials / this surname" is judged on the documents seen so
far, and a bare acronym or surname with no owner yet waits in the index: the first owner to arrive
takes it (so "Obama" before any "Barack Obama" still joins him), a second owner stops that.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsgraph.corpus.actors import (
    ACRONYM_GROUPS,
    MIN_SINGLE_SKELETON,
    SCORE_ACRONYM,
    SCORE_ALIAS,
    SCORE_SAME_NAME,
    SCORE_SHORT_FORM,
    SCORE_SKELETON,
    SCORE_SURNAME,
    EntityRecord,
    Overrides,
    alike,
    group_key,
    is_short_form,
    strict_group,
)
from newsgraph.corpus.names import initials, is_acronym, name_key, name_words, possessive_tail, skeleton
from newsgraph.corpus.state import State

FIRST = "first of its actor"
SEP = "\x1f"  # joins the parts of a state key: never inside a name key


@dataclass
class DocumentActors:
    """What linking one document decided: an actor id per record and the actors it touched."""

    actor_of: list[int]
    touched: set[int] = field(default_factory=set)


class _Local:
    """Union-find over this document's records (negative ids) and earlier actors (positive ids)."""

    def __init__(self, records: list[EntityRecord], state: State, overrides: Overrides) -> None:
        self.records = records
        self.state = state
        self.glob = state.uf("actor")
        self.parent: dict[int, int] = {}
        self.blocked = [(name_key(a), name_key(b)) for a, b in overrides.cannot_link]
        self.keys: dict[int, set[str]] = {}  # root → blocked-pair name keys inside it (cannot_link only)

    def node(self, i: int) -> int:
        return -(i + 1)

    def actor(self, actor_id: int) -> int:
        return int(self.glob.find(actor_id))

    def find(self, x: int) -> int:
        while (up := self.parent.get(x, x)) != x:
            self.parent[x] = self.parent.get(up, up)
            x = up
        return x

    def _names_of(self, root: int) -> set[str]:
        if root in self.keys:
            return self.keys[root]
        if root < 0:
            names = {name_key(n) for n in self.records[-root - 1].names()}
        else:
            names = set(self.state.get("actor.blocked", str(root)) or [])
        return names

    def join(self, a: int, b: int, score: float, evidence: str) -> bool:
        """Join two nodes; the record that joins (a record of this document, never the one that was
        first of its actor) keeps the score and evidence."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.blocked:
            ka, kb = self._names_of(ra), self._names_of(rb)
            if any((x in ka and y in kb) or (y in ka and x in kb) for x, y in self.blocked):
                return False
            self.keys[ra] = ka | kb
            self.keys.pop(rb, None)
        self.parent[rb] = ra
        joining = next(
            (n for n in (b, a) if n < 0 and self.records[-n - 1].evidence == FIRST),
            b if b < 0 else a,
        )
        if joining < 0:
            self.records[-joining - 1].link_score = score
            self.records[-joining - 1].evidence = evidence
        return True


def _tails(name: str) -> set[str]:
    return {name} | {t for t in [possessive_tail(name)] if t}


def _key(*parts: str) -> str:
    return SEP.join(parts)


class DocumentLinker:
    def __init__(self, records: list[EntityRecord], state: State, overrides: Overrides) -> None:
        self.records = records
        self.state = state
        self.overrides = overrides
        self.local = _Local(records, state, overrides)
        self.words = [name_words(r.name) for r in records]
        self.initials: dict[str, list[int]] = defaultdict(list)  # initials → records of this document
        for i, r in enumerate(records):
            for n in _tails(r.name):
                if ini := initials(n):
                    self.initials[ini].append(i)
        self.pending: list[tuple[str, str, int]] = []  # (space, key, record) waiting for an owner
        self._key_names: dict[int, set[str]] = {}

    # -- helpers ------------------------------------------------------------------------------
    def _spelled_out(self, i: int, acronym: str) -> list[int]:
        r = self.records[i]
        here = [j for j in self.initials.get(acronym, []) if j != i]
        same = [j for j in here if self.records[j].group == r.group]
        return same or [j for j in here if self.records[j].group in ACRONYM_GROUPS]

    def _defined_here(self, i: int, acronym: str) -> bool:
        own = {initials(n) for n in _tails(self.records[i].name)}
        return acronym in own or bool(self._spelled_out(i, acronym))

    def key_names(self, i: int) -> set[str]:
        """The names of record ``i`` matched by their strict key (asked by every pass: kept)."""
        cached = self._key_names.get(i)
        if cached is None:
            cached = self._key_names[i] = self._compute_key_names(i)
        return cached

    def _compute_key_names(self, i: int) -> set[str]:
        r = self.records[i]
        names = set(r.names())
        names |= {t for n in names if (t := possessive_tail(n))}
        if r.group == "person":
            names = {n for n in names if len(name_words(n)) >= 2}
        return {n for n in names if not (is_acronym(n) and self._defined_here(i, name_key(n)))}

    def _owners(self, space: str, key: str) -> list[int]:
        entry = self.state.get(space, key) or {"owners": [], "pending": []}
        return sorted({self.local.actor(a) for a in entry["owners"]})

    # -- the rules ----------------------------------------------------------------------------
    def same_names(self) -> None:
        first: dict[str, int] = {}
        for i, r in enumerate(self.records):
            for n in sorted(self.key_names(i)):
                key = group_key(n, r.group)
                if not key:
                    continue
                skey = _key(strict_group(r.group, n), key)
                if skey not in first:
                    known = self.state.get("actor.strict", skey)
                    first[skey] = self.local.actor(known) if known is not None else self.local.node(i)
                    if known is None:
                        continue
                target = first[skey]
                same = target < 0 and name_key(self.records[-target - 1].name) == name_key(r.name)
                score = (
                    SCORE_SAME_NAME
                    if same or (target > 0 and name_key(n) == name_key(r.name))
                    else SCORE_ALIAS
                )
                self.local.join(target, self.local.node(i), score, f"shares the name {key!r}")

    def spelling_variants(self) -> None:
        reps: dict[str, list[tuple[int, str]]] = {}
        for i, r in enumerate(self.records):
            for n in sorted(_tails(r.name)):
                words, skel = name_words(n), skeleton(n)
                if r.group == "person" and len(words) < 2:
                    continue
                if not (len(words) >= 2 or len(skel) >= MIN_SINGLE_SKELETON):
                    continue
                bucket = _key(r.group, skel)
                if bucket not in reps:
                    stored = self.state.get("actor.spell", bucket) or []
                    reps[bucket] = [(self.local.actor(a), str(name)) for a, name in stored]
                node = self.local.node(i)
                match = next(
                    (rep for rep in reps[bucket] if self.local.find(rep[0]) == self.local.find(node) or alike(rep[1], n)),
                    None,
                )  # fmt: skip
                if match is None:
                    reps[bucket].append((node, n))
                else:
                    self.local.join(
                        match[0],
                        node,
                        SCORE_SKELETON,
                        f"spelling variant of {match[1]!r} (skeleton {skel!r})",
                    )
        self._new_reps = reps

    def acronyms(self) -> None:
        for i, r in enumerate(self.records):
            for n in sorted(r.names()):
                if not is_acronym(n):
                    continue
                key = name_key(n)
                local = self._spelled_out(i, key)
                if local:
                    for j in local:
                        self.local.join(
                            self.local.node(j), self.local.node(i), SCORE_ACRONYM,
                            f"{n} spells the initials of {self.records[j].name} here",
                        )  # fmt: skip
                    continue
                space_key = _key(r.group, key)
                owners = self._owners("actor.ini", space_key)
                me = self.local.find(self.local.node(i))
                if len(owners) == 1 and self.local.find(owners[0]) != me:
                    self.local.join(
                        owners[0],
                        self.local.node(i),
                        SCORE_ACRONYM,
                        f"{n} spells the initials of an actor named with them",
                    )
                elif not owners:
                    self.pending.append(("actor.ini", space_key, i))

    def short_forms(self) -> None:
        full = [j for j, r in enumerate(self.records) if r.group == "person" and len(self.words[j]) >= 2]
        unresolved: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            if r.group != "person" or not self.words[i]:
                continue
            shorts = {w for w in (name_words(n) for n in r.names()) if w}
            me = self.local.find(self.local.node(i))
            local = {
                self.local.find(self.local.node(j)): j
                for j in full
                if self.local.find(self.local.node(j)) != me and any(is_short_form(s, self.words[j]) for s in shorts)
            }  # fmt: skip
            if len(local) == 1:
                j = next(iter(local.values()))
                self.local.join(
                    self.local.node(j), self.local.node(i), SCORE_SHORT_FORM,
                    f"short form of {self.records[j].name!r} in the same document",
                )  # fmt: skip
                continue
            if len(self.words[i]) != 1:
                continue
            if not local:
                owners = self._owners("actor.surname", self.words[i][0])
                if len(owners) == 1 and self.local.find(owners[0]) != me:
                    self.local.join(
                        owners[0], self.local.node(i), SCORE_SURNAME, "surname of the only full name with it"
                    )
                    continue
                if not owners:
                    self.pending.append(("actor.surname", self.words[i][0], i))
            unresolved[name_key(r.name)].append(i)
        for key, idx in unresolved.items():
            for j in idx[1:]:
                self.local.join(
                    self.local.node(idx[0]), self.local.node(j), SCORE_SAME_NAME,
                    f"the same single name {key!r} in one document",
                )  # fmt: skip

    def must_links(self) -> None:
        for k, (a, b) in enumerate(self.overrides.must_link):
            wanted = {name_key(a), name_key(b)}
            mine = [i for i, r in enumerate(self.records) if wanted & {name_key(n) for n in r.names()}]
            if not mine:
                continue
            known = self.state.get("actor.must", str(k))
            target = self.local.actor(known) if known is not None else self.local.node(mine[0])
            for i in mine:
                self.local.join(target, self.local.node(i), 1.0, f"user must-link {a!r} = {b!r}")

    # -- ids and the indexes ------------------------------------------------------------------
    def assign(self) -> DocumentActors:
        """Actor ids for this document's records; the state learns its names."""
        glob = self.local.glob
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.records)):
            groups[self.local.find(self.local.node(i))].append(i)
        # Earlier actors joined through this document merge into the oldest (smallest id).
        members: dict[int, set[int]] = defaultdict(set)
        for x in list(self.local.parent):
            if x > 0:
                members[self.local.find(x)].add(x)
        id_of_root: dict[int, int] = {}
        touched: set[int] = set()
        for root in set(groups) | set(members):
            earlier = members.get(root, set()) | ({root} if root > 0 else set())
            if earlier:
                actor = min(earlier)
                for other in earlier:
                    actor = int(glob.union(actor, other))
            else:
                actor = self.state.counter("actor")
            id_of_root[root] = actor
            touched.add(actor)
        actor_of = [id_of_root[self.local.find(self.local.node(i))] for i in range(len(self.records))]
        self._index(actor_of)
        return DocumentActors(actor_of=actor_of, touched={int(glob.find(a)) for a in touched})

    def _index(self, actor_of: list[int]) -> None:
        put, get = self.state.put, self.state.get
        for i, r in enumerate(self.records):
            for n in self.key_names(i):
                key = group_key(n, r.group)
                if key:
                    skey = _key(strict_group(r.group, n), key)
                    if get("actor.strict", skey) is None:
                        put("actor.strict", skey, actor_of[i])
        for bucket, reps in self._new_reps.items():
            stored = [[actor_of[-a - 1] if a < 0 else self.local.actor(a), name] for a, name in reps]
            if stored != (get("actor.spell", bucket) or []):
                put("actor.spell", bucket, stored)
        for i, r in enumerate(self.records):  # owners of initials and surnames
            for n in _tails(r.name):
                if ini := initials(n):
                    self._own("actor.ini", _key(r.group, ini), actor_of[i])
            if r.group == "person" and len(self.words[i]) >= 2:
                self._own("actor.surname", self.words[i][-1], actor_of[i])
        for space, key, i in self.pending:
            entry = get(space, key) or {"owners": [], "pending": []}
            if not entry["owners"]:
                entry["pending"] = sorted({*entry["pending"], actor_of[i]})
                put(space, key, entry)
        for k, (a, b) in enumerate(self.overrides.must_link):
            wanted = {name_key(a), name_key(b)}
            mine = [i for i, r in enumerate(self.records) if wanted & {name_key(n) for n in r.names()}]
            if mine and get("actor.must", str(k)) is None:
                put("actor.must", str(k), actor_of[mine[0]])
        if self.local.blocked:
            blocked = {x for pair in self.local.blocked for x in pair}
            for i, r in enumerate(self.records):
                names = {name_key(n) for n in r.names()} & blocked
                if names:
                    key = str(actor_of[i])
                    put("actor.blocked", key, sorted(set(get("actor.blocked", key) or []) | names))

    def _own(self, space: str, key: str, actor: int) -> None:
        """Record an owner; the first owner of a key takes the acronyms or surnames waiting for it."""
        entry: dict[str, Any] = self.state.get(space, key) or {"owners": [], "pending": []}
        owners = {self.local.actor(a) for a in entry["owners"]}
        if actor in owners:
            return
        if not owners and entry["pending"]:
            glob = self.local.glob
            for waiting in entry["pending"]:
                glob.union(actor, waiting)
            entry["pending"] = []
        entry["owners"] = sorted(owners | {actor})
        self.state.put(space, key, entry)


def link_document(
    records: list[EntityRecord], state: State, overrides: Overrides = Overrides()
) -> DocumentActors:
    """Link the entity records of one document (in reading order) against ``state``."""
    linker = DocumentLinker(records, state, overrides)
    linker.same_names()
    linker.spelling_variants()
    linker.acronyms()
    linker.short_forms()
    linker.must_links()
    return linker.assign()


def state_keys(records: list[EntityRecord], overrides: Overrides = Overrides()) -> dict[str, set[str]]:
    """The state keys linking ``records`` (one document) will read, per space: what a batch loads."""
    out: dict[str, set[str]] = defaultdict(set)
    linker = DocumentLinker(records, _NoState(), overrides)
    for i, r in enumerate(records):
        for n in linker.key_names(i):
            if key := group_key(n, r.group):
                out["actor.strict"].add(_key(strict_group(r.group, n), key))
        for n in _tails(r.name):
            out["actor.spell"].add(_key(r.group, skeleton(n)))
            if ini := initials(n):
                out["actor.ini"].add(_key(r.group, ini))
        for n in r.names():
            if is_acronym(n):
                out["actor.ini"].add(_key(r.group, name_key(n)))
        words = linker.words[i]
        if r.group == "person" and words:
            out["actor.surname"].add(words[-1])
            out["actor.surname"].add(words[0])
    if overrides.must_link:
        out["actor.must"] = {str(k) for k in range(len(overrides.must_link))}
    return out


class _NoState:
    """A state that knows nothing (for computing keys only)."""

    def get(self, space: str, key: str) -> Any:
        return None

    def put(self, space: str, key: str, value: Any) -> None:
        raise AssertionError("computing keys writes nothing")

    def discard(self, space: str, key: str) -> None:
        raise AssertionError("computing keys writes nothing")

    def uf(self, kind: str) -> Any:
        from newsgraph.corpus.state import UnionFind

        return UnionFind()

    def counter(self, name: str) -> int:
        raise AssertionError("computing keys allocates nothing")
