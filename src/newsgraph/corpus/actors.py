"""Actors across documents: one cluster of entity records per real-world actor.

Entities of compatible types (``TYPE_GROUPS``) are joined, strongest evidence first:

1. the same name under a strict key (case, diacritics, punctuation, a leading article; for groups of
   people "Houthis" = "Houthi"), also for the name after a possessive ("Iran's Quds Force" → "Quds
   Force"); names of two or more words match across PERSON and ORG (NER mistypes one for the
   other). A one-word person name is never such a key: "Gaddafi" names several people;
2. a transliteration variant: the same per-word skeleton (Qassem Soleimani = Qasim Sulaimani) and
   every word pair still alike as written (so Mohammed ≠ Mahmoud, which share a skeleton);
3. an acronym that spells another name's initials: inside one document for any type (where an
   article defines it: "Kata'ib Hizballah ... KH"), across documents only when the initials
   belong to a single actor;
4. a short form of a person's name, as written: a surname or given names inside the same document
   join the one full name there that they shorten; a bare surname elsewhere joins the single
   full-name actor with that surname in the whole corpus. When two full names share the surname
   (Muammar and Saif al-Islam Gaddafi) the bare surname joins neither, and bare names that stay
   unresolved are not joined across documents: precision over recall;
5. the user's ``must_link`` pairs. ``cannot_link`` pairs veto any join that would put both names
   in one actor.

Every record keeps the score and the evidence of the join that brought it into its actor.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from newsgraph.corpus.names import (
    initials,
    is_acronym,
    name_key,
    name_words,
    possessive_tail,
    skeleton,
)
from newsgraph.corpus.unionfind import UnionFind
from newsgraph.errors import ConfigError

TYPE_GROUPS = {
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PERSON": "person",
    "ORG": "org",
    "NORP": "norp",
}
# Acronyms are defined for organisations, but a small NER model often types the defined name as a
# person ("Kata'ib Hizballah"); inside one document an acronym may join any of these groups.
ACRONYM_GROUPS = frozenset({"org", "person", "norp", "place"})

# Scores of the ways two entity names can agree (stored as the link's strength).
SCORE_SAME_NAME = 1.0
SCORE_ALIAS = 0.9
SCORE_SKELETON = 0.8
SCORE_ACRONYM = 0.75
SCORE_SHORT_FORM = 0.7
SCORE_SURNAME = 0.6
# One-word names join on a skeleton only when it keeps this many consonants: "Hamas"/"Humus"-sized
# keys of 2-3 letters match unrelated words.
MIN_SINGLE_SKELETON = 4
# Words with one skeleton must also look alike as written (difflib ratio, word by word). Chosen on
# transliteration pairs: Soleimani/Sulaimani 0.78, Qassem/Qasim 0.73, Gaddafi/Qadhafi 0.71,
# Hussein/Husayn 0.62 join; Mohammed/Mahmoud (0.40, one Arabic root, two names) does not.
MIN_WORD_SIMILARITY = 0.6


@dataclass(frozen=True)
class Overrides:
    """User decisions that win over the rules: pairs of names that must or must not be one actor."""

    must_link: tuple[tuple[str, str], ...] = ()
    cannot_link: tuple[tuple[str, str], ...] = ()

    @classmethod
    def load(cls, path: str | Path | None) -> Overrides:
        if path is None:
            return cls()
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read the link overrides file: {exc}", source=str(path)) from exc
        if not isinstance(data, dict):
            raise ConfigError(
                "the link overrides file must map must_link/cannot_link to pairs", source=str(path)
            )
        unknown = set(data) - {"must_link", "cannot_link"}
        if unknown:
            raise ConfigError(
                f"unknown keys {sorted(unknown)}; expected must_link and cannot_link", source=str(path)
            )
        pairs: dict[str, tuple[tuple[str, str], ...]] = {}
        for key in ("must_link", "cannot_link"):
            raw = data.get(key) or []
            if not isinstance(raw, list) or not all(isinstance(p, list) and len(p) == 2 for p in raw):
                raise ConfigError(f"{key} must be a list of [name, name] pairs", source=str(path))
            pairs[key] = tuple((str(a), str(b)) for a, b in raw)
        return cls(must_link=pairs["must_link"], cannot_link=pairs["cannot_link"])


@dataclass
class EntityRecord:
    doc_id: str
    entity_id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    link_score: float = 1.0
    evidence: str = "first of its actor"

    @property
    def group(self) -> str:
        return TYPE_GROUPS.get(self.type, self.type.lower())

    def names(self) -> set[str]:
        return {self.name, *self.aliases}


@dataclass
class ActorCluster:
    actor_id: str
    name: str
    type: str
    members: list[EntityRecord] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        return sorted({n for m in self.members for n in m.names()})


def group_key(name: str, group: str) -> str:
    """The strict key of a name within its type group (groups of people lose a plural -s)."""
    key = name_key(name)
    if group == "norp":
        key = re.sub(r"(?<=\w{3})s$", "", key)
    return key


def _strict_group(group: str, name: str) -> str:
    """The group a name is matched in by its strict key. A small NER model types one organisation
    as PERSON in one article and ORG in the next ("Kataib Hezbollah"); the same name of two or more
    words under both types is far more often that error than a person and a company sharing a
    name, so such names are matched across the two types."""
    if group in ("person", "org") and len(name_words(name)) >= 2:
        return "person|org"
    return group


@functools.lru_cache(maxsize=1 << 16)
def _alike(a: str, b: str) -> bool:
    wa, wb = name_words(a), name_words(b)
    if wa == wb:
        return True
    return len(wa) == len(wb) and all(
        difflib.SequenceMatcher(None, x, y).ratio() >= MIN_WORD_SIMILARITY
        for x, y in zip(wa, wb, strict=True)
    )


def _is_short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Given names ("Saif al-Islam" of "Saif al-Islam Gaddafi") or the surname alone, as written:
    one-word skeletons are too short to tell names apart (Meth/Mahut, Howard/Heyward)."""
    if not short or len(short) >= len(full):
        return False
    return short == full[: len(short)] or (len(short) == 1 and short[0] == full[-1])


class _Linker:
    def __init__(self, records: list[EntityRecord], overrides: Overrides) -> None:
        self.records = records
        self.overrides = overrides
        self.uf = UnionFind()
        self.blocked = [(name_key(a), name_key(b)) for a, b in overrides.cannot_link]
        self.block_keys: dict[int, set[str]] = {}  # root → name keys of its members (only with cannot_link)
        self.words = [name_words(r.name) for r in records]
        self._owner_cache: dict[tuple[str, str], dict[int, int]] = {}
        # Initials of every name, per document: where an acronym is spelled out in its own article.
        self.initials_in_doc: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, r in enumerate(records):
            for n in {r.name} | {t for t in [possessive_tail(r.name)] if t}:
                if ini := initials(n):
                    self.initials_in_doc[(r.doc_id, ini)].append(i)

    def find(self, i: int) -> int:
        return self.uf.find(i)

    def _keys_of(self, root: int) -> set[str]:
        keys = self.block_keys.get(root)
        if keys is None:
            keys = {name_key(n) for n in self.records[root].names()}
        return keys

    def join(self, i: int, j: int, score: float, evidence: str) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        if self.blocked:
            ki, kj = self._keys_of(ri), self._keys_of(rj)
            for a, b in self.blocked:
                if (a in ki and b in kj) or (b in ki and a in kj):
                    return False
            root = self.uf.union(ri, rj)
            self.block_keys.pop(ri, None)
            self.block_keys.pop(rj, None)
            self.block_keys[root] = ki | kj
        else:
            self.uf.union(ri, rj)
        joining = j if self.records[j].evidence == "first of its actor" else i
        self.records[joining].link_score = score
        self.records[joining].evidence = evidence
        return True

    def _key_names(self, i: int) -> set[str]:
        r = self.records[i]
        names = set(r.names())
        names |= {t for n in names if (t := possessive_tail(n))}
        if r.group == "person":  # one word never identifies a person across documents
            names = {n for n in names if len(name_words(n)) >= 2}
        # An acronym its own article spells out means that expansion there (step 3), whatever the
        # same letters mean elsewhere ("KH" is Kata'ib Hizballah in one article, another group in the next).
        return {n for n in names if not (is_acronym(n) and self._defined_here(i, name_key(n)))}

    def _defined_here(self, i: int, acronym: str) -> bool:
        r = self.records[i]
        own = {initials(n) for n in {r.name} | {t for t in [possessive_tail(r.name)] if t}}
        return acronym in own or bool(self._spelled_out(i, acronym))

    def _spelled_out(self, i: int, acronym: str) -> list[int]:
        """Records of i's document whose name the acronym spells: same type group first."""
        r = self.records[i]
        local = [j for j in self.initials_in_doc.get((r.doc_id, acronym), []) if j != i]
        same_group = [j for j in local if self.records[j].group == r.group]
        return same_group or [j for j in local if self.records[j].group in ACRONYM_GROUPS]

    # 1 --------------------------------------------------------------------------------------
    def same_names(self) -> None:
        by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            for n in self._key_names(i):
                key = group_key(n, r.group)
                if key:
                    by_key[(_strict_group(r.group, n), key)].append(i)
        for (_, key), idx in by_key.items():
            first = idx[0]
            for j in idx[1:]:
                same = name_key(self.records[j].name) == name_key(self.records[first].name)
                self.join(first, j, SCORE_SAME_NAME if same else SCORE_ALIAS, f"shares the name {key!r}")

    # 2 --------------------------------------------------------------------------------------
    def spelling_variants(self) -> None:
        by_skel: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
        for i, r in enumerate(self.records):
            names = {r.name} | {t for t in [possessive_tail(r.name)] if t}
            for n in names:
                words = name_words(n)
                skel = skeleton(n)
                if r.group == "person" and len(words) < 2:
                    continue
                if len(words) >= 2 or len(skel) >= MIN_SINGLE_SKELETON:
                    by_skel[(r.group, skel)].append((i, n))
        for (_, skel), entries in by_skel.items():
            representatives: list[tuple[int, str]] = []
            for i, n in entries:
                match = next(
                    (
                        rep
                        for rep in representatives
                        if self.find(rep[0]) == self.find(i) or _alike(rep[1], n)
                    ),
                    None,
                )
                if match is None:
                    representatives.append((i, n))
                else:
                    self.join(
                        match[0], i, SCORE_SKELETON, f"spelling variant of {match[1]!r} (skeleton {skel!r})"
                    )

    # 3 --------------------------------------------------------------------------------------
    def acronyms(self) -> None:
        corpus: dict[tuple[str, str], list[int]] = defaultdict(list)
        for (_, ini), idx in self.initials_in_doc.items():
            for i in idx:
                corpus[(self.records[i].group, ini)].append(i)
        for i, r in enumerate(self.records):
            for n in r.names():
                if not is_acronym(n):
                    continue
                key = name_key(n)
                local = self._spelled_out(i, key)
                if local:
                    for j in local:
                        self.join(
                            j, i, SCORE_ACRONYM, f"{n} spells the initials of {self.records[j].name} here"
                        )
                    continue
                # Only when one actor has these initials: counting the acronym's own actor too, since
                # an earlier join of the same letters may have put it with another expansion.
                owners = self._owners(corpus, (r.group, key))
                if len(owners) == 1 and self.find(i) not in owners:
                    owner = next(iter(owners.values()))
                    self.join(
                        owner, i, SCORE_ACRONYM, f"{n} spells the initials of {self.records[owner].name}"
                    )

    def _owners(self, index: dict[tuple[str, str], list[int]], key: tuple[str, str]) -> dict[int, int]:
        """The actors (root → one of its records) of the records under ``key``: computed once, then
        only re-rooted, so a common acronym or surname ("US", "Trump") does not rescan thousands of
        records at each of its mentions."""
        cached = self._owner_cache.get(key)
        records = index.get(key, []) if cached is None else cached.values()
        owners = {self.find(j): j for j in records}
        self._owner_cache[key] = owners
        return owners

    # 4 --------------------------------------------------------------------------------------
    def short_forms(self) -> None:
        full_in_doc: dict[str, list[int]] = defaultdict(list)
        surname_owners: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            if r.group == "person" and len(self.words[i]) >= 2:
                full_in_doc[r.doc_id].append(i)
                surname_owners[("surname", self.words[i][-1])].append(i)
        unresolved: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            if r.group != "person" or not self.words[i]:
                continue
            shorts = {w for w in (name_words(n) for n in r.names()) if w}  # "Gaddafi" may be an alias
            local = {
                self.find(j): j
                for j in full_in_doc.get(r.doc_id, [])
                if self.find(j) != self.find(i) and any(_is_short_form(s, self.words[j]) for s in shorts)
            }
            if len(local) == 1:
                j = next(iter(local.values()))
                self.join(
                    j, i, SCORE_SHORT_FORM, f"short form of {self.records[j].name!r} in the same document"
                )
                continue
            if len(self.words[i]) != 1:
                continue
            if not local:
                owners = self._owners(surname_owners, ("surname", self.words[i][0]))
                if len(owners) == 1 and self.find(i) not in owners:
                    j = next(iter(owners.values()))
                    self.join(
                        j,
                        i,
                        SCORE_SURNAME,
                        f"surname of the only full name with it, {self.records[j].name!r}",
                    )
                    continue
            unresolved[(r.doc_id, name_key(r.name))].append(i)
        # A bare name that stays ambiguous is one actor per document, joined to no person: "Max" in two
        # articles is rarely one man, and "Gaddafi" where two Gaddafis are named is neither of them.
        for (_, key), idx in unresolved.items():
            for j in idx[1:]:
                self.join(idx[0], j, SCORE_SAME_NAME, f"the same single name {key!r} in one document")

    # 5 --------------------------------------------------------------------------------------
    def must_links(self) -> None:
        index: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            for n in r.names():
                index[name_key(n)].append(i)
        for a, b in self.overrides.must_link:
            left, right = index.get(name_key(a), []), index.get(name_key(b), [])
            for i in left[:1]:
                for j in right:
                    self.join(i, j, 1.0, f"user must-link {a!r} = {b!r}")
            for i in left[1:]:
                self.join(left[0], i, 1.0, f"user must-link {a!r} = {b!r}")

    def clusters(self) -> list[ActorCluster]:
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.records)):
            groups[self.find(i)].append(i)
        clusters = []
        for idx in groups.values():
            members = [self.records[i] for i in idx]
            name = _canonical_name(members)
            typ: Counter[str] = Counter()
            for m in members:
                typ[m.type] += max(1, m.mentions)
            kind = typ.most_common(1)[0][0]
            actor_id = "A" + hashlib.sha1(f"{kind}:{name_key(name)}".encode()).hexdigest()[:10]
            clusters.append(ActorCluster(actor_id=actor_id, name=name, type=kind, members=members))
        clusters.sort(key=lambda c: (-len({m.doc_id for m in c.members}), c.name))
        return _unique_ids(clusters)


def resolve_actors(records: list[EntityRecord], overrides: Overrides = Overrides()) -> list[ActorCluster]:
    """Cluster entity records into actors (see the module docstring for the rules)."""
    linker = _Linker(records, overrides)
    linker.same_names()
    linker.spelling_variants()
    linker.acronyms()
    linker.short_forms()
    linker.must_links()
    return linker.clusters()


def _canonical_name(records: list[EntityRecord]) -> str:
    """The most used of the fullest names (most content words, then most mentions)."""
    votes: Counter[str] = Counter()
    for r in records:
        votes[r.name] += max(1, r.mentions)
    return max(votes, key=lambda n: (0 if is_acronym(n) else len(name_words(n)), votes[n], n))


def _unique_ids(actors: Iterable[ActorCluster]) -> list[ActorCluster]:
    """Two clusters can hash to the same id only if they share type and canonical key; suffix the later."""
    seen: set[str] = set()
    out = []
    for c in actors:
        actor_id, n = c.actor_id, 1
        while actor_id in seen:
            n += 1
            actor_id = f"{c.actor_id}-{n}"
        c.actor_id = actor_id
        seen.add(actor_id)
        out.append(c)
    return out
