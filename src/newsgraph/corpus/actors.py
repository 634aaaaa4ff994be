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
    is_acronym,
    name_key,
    name_words,
)
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

    @functools.cached_property  # asked for hundreds of thousands of times by the linker
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


def strict_group(group: str, name: str) -> str:
    """The group a name is matched in by its strict key. A small NER model types one organisation
    as PERSON in one article and ORG in the next ("Kataib Hezbollah"); the same name of two or more
    words under both types is far more often that error than a person and a company sharing a
    name, so such names are matched across the two types."""
    if group in ("person", "org") and len(name_words(name)) >= 2:
        return "person|org"
    return group


@functools.lru_cache(maxsize=1 << 16)
def alike(a: str, b: str) -> bool:
    wa, wb = name_words(a), name_words(b)
    if wa == wb:
        return True
    return len(wa) == len(wb) and all(
        difflib.SequenceMatcher(None, x, y).ratio() >= MIN_WORD_SIMILARITY
        for x, y in zip(wa, wb, strict=True)
    )


def is_short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Given names ("Saif al-Islam" of "Saif al-Islam Gaddafi") or the surname alone, as written:
    one-word skeletons are too short to tell names apart (Meth/Mahut, Howard/Heyward)."""
    if not short or len(short) >= len(full):
        return False
    return short == full[: len(short)] or (len(short) == 1 and short[0] == full[-1])


def resolve_actors(records: list[EntityRecord], overrides: Overrides = Overrides()) -> list[ActorCluster]:
    """Cluster entity records into actors (see the module docstring for the rules), one document
    at a time in the order the records come, as the corpus store does."""
    from newsgraph.corpus.actor_linker import link_document
    from newsgraph.corpus.state import Memory

    state = Memory()
    by_doc: dict[str, list[EntityRecord]] = {}
    for r in records:
        by_doc.setdefault(r.doc_id, []).append(r)
    actor_of: dict[int, int] = {}
    for doc_records in by_doc.values():
        linked = link_document(doc_records, state, overrides)
        for r, actor in zip(doc_records, linked.actor_of, strict=True):
            actor_of[id(r)] = actor
    uf = state.uf("actor")
    groups: dict[int, list[EntityRecord]] = defaultdict(list)
    for r in records:
        groups[uf.find(actor_of[id(r)])].append(r)
    clusters = [
        ActorCluster(actor_id=actor_id(kind, name), name=name, type=kind, members=members)
        for members in groups.values()
        for name, kind in [describe(members)]
    ]
    clusters.sort(key=lambda c: (-len({m.doc_id for m in c.members}), c.name, c.members[0].doc_id))
    return _unique_ids(clusters)


def describe(records: list[EntityRecord]) -> tuple[str, str]:
    """The canonical name and type of an actor with these members."""
    typ: Counter[str] = Counter()
    for m in records:
        typ[m.type] += max(1, m.mentions)
    return _canonical_name(records), max(typ, key=lambda t: (typ[t], t))


def actor_id(kind: str, name: str) -> str:
    """The id of an actor: its type and canonical name key (suffixed when two actors share both)."""
    return "A" + hashlib.sha1(f"{kind}:{name_key(name)}".encode()).hexdigest()[:10]


def _canonical_name(records: list[EntityRecord]) -> str:
    votes: Counter[str] = Counter()
    for r in records:
        votes[r.name] += max(1, r.mentions)
    return canonical_name(votes)


def canonical_name(votes: Counter[str]) -> str:
    """The most used of the fullest names (most content words, then most mentions); ``votes``:
    name → mentions, each record counting at least one."""
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
