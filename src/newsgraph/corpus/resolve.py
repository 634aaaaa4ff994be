"""Cross-document resolution: one actor per real-world actor, one cluster per real-world event,
one group per claim made by several sources.

Every merge keeps a score and its evidence (why two records were joined), and a user file of
``must_link`` / ``cannot_link`` name pairs overrides the rules::

    must_link:
      - [Abu Mahdi al-Muhandis, Jamal Jaafar al-Ibrahimi]
    cannot_link:
      - [George Bush, George W. Bush]

Actors. Entities of compatible types are joined when their names agree under a strict key,
a transliteration skeleton (people: full names only), or an acronym the other's name spells.
A surname-only entity ("Soleimani") joins the one full-name actor with that surname; when two
different full names share the surname it stays apart, so two people are never merged on a
surname alone.

Events. Two events join when their types agree and their time and place do not contradict
each other, with a score from time overlap, place agreement and shared participants.

Claims. Two claims from different documents join when their content words overlap strongly
and they mention the same actors.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from newsgraph.corpus.names import initials, is_acronym, name_key, skeleton
from newsgraph.corpus.store import Store
from newsgraph.errors import ConfigError

TYPE_GROUPS = {
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PERSON": "person",
    "ORG": "org",
    "NORP": "norp",
}

# Scores of the ways two entity names can agree (used as link evidence strength).
SCORE_SAME_NAME = 1.0
SCORE_ALIAS = 0.9
SCORE_SKELETON = 0.8
SCORE_ACRONYM = 0.75
SCORE_SURNAME = 0.7

# Event links: the combined score a pair needs (time overlap 0.4 + place 0.4 + participants 0.2, with
# type agreement required); 0.6 demands that at least two of the three agree.
EVENT_LINK_THRESHOLD = 0.6
# Reports of one event may give dates this far apart (a misdated wire copy, a late report).
MAX_DATE_DISAGREEMENT_DAYS = 120
# Places closer than this are "the same place" for events (a city and its suburbs).
SAME_PLACE_KM = 50.0
# Claims: Jaccard overlap of content words needed to group two claims from different documents.
CLAIM_JACCARD = 0.5

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


@dataclass(frozen=True)
class Overrides:
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
        pairs: dict[str, tuple[tuple[str, str], ...]] = {}
        for key in ("must_link", "cannot_link"):
            raw = data.get(key) or []
            if not isinstance(raw, list) or not all(isinstance(p, list) and len(p) == 2 for p in raw):
                raise ConfigError(f"{key} must be a list of [name, name] pairs", source=str(path))
            pairs[key] = tuple((str(a), str(b)) for a, b in raw)
        return cls(must_link=pairs["must_link"], cannot_link=pairs["cannot_link"])


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


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


def resolve_actors(records: list[EntityRecord], overrides: Overrides = Overrides()) -> list[ActorCluster]:
    """Cluster entity records into actors (see the module docstring for the rules)."""
    uf = _UnionFind()
    blocked = [(name_key(a), name_key(b)) for a, b in overrides.cannot_link]

    def keys_of(i: int) -> set[str]:
        return {name_key(n) for n in records[i].names()}

    members: dict[int, set[int]] = {}

    def cluster_keys(root: int) -> set[str]:
        out: set[str] = set()
        for j in members.get(root, {root}):
            out |= keys_of(j)
        return out

    def try_union(i: int, j: int, score: float, evidence: str) -> None:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            return
        ki, kj = cluster_keys(ri), cluster_keys(rj)
        for a, b in blocked:
            if (a in ki and b in kj) or (b in ki and a in kj):
                return
        uf.union(ri, rj)
        root = uf.find(ri)
        merged = members.pop(ri, {ri}) | members.pop(rj, {rj})
        members[root] = merged
        later = j if records[j].link_score == 1.0 and records[j].evidence == "first of its actor" else i
        records[later].link_score = score
        records[later].evidence = evidence

    # 1. Strict name/alias keys within a type group.
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        for n in r.names():
            key = name_key(n)
            if key:
                by_key[(r.group, key)].append(i)
    for (_, key), idx in by_key.items():
        for j in idx[1:]:
            same = name_key(records[j].name) == name_key(records[idx[0]].name)
            try_union(idx[0], j, SCORE_SAME_NAME if same else SCORE_ALIAS, f"shares the name {key!r}")
    # 2. Transliteration skeletons: multi-word names, or single words of 4+ skeleton letters.
    by_skel: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        words = name_key(r.name).split()
        skel = skeleton(r.name)
        if r.group == "person" and len(words) < 2:
            continue
        if len(words) >= 2 or len(skel) >= 4:
            by_skel[(r.group, skel)].append(i)
    for (_, skel), idx in by_skel.items():
        for j in idx[1:]:
            try_union(idx[0], j, SCORE_SKELETON, f"spelling variant (skeleton {skel!r})")
    # 3. Acronyms: an all-caps alias equal to the initials of another record's name.
    by_initials: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        ini = initials(r.name)
        if ini:
            by_initials[(r.group, ini)].append(i)
    for i, r in enumerate(records):
        for n in r.names():
            if is_acronym(n):
                for j in by_initials.get((r.group, name_key(n)), []):
                    try_union(j, i, SCORE_ACRONYM, f"{n} spells the initials of {records[j].name}")
    # 4. A surname-only person joins the single full-name actor with that surname.
    surname_owners: dict[str, set[int]] = defaultdict(set)
    for i, r in enumerate(records):
        words = name_key(r.name).split()
        if r.group == "person" and len(words) >= 2:
            surname_owners[_word_skel(words[-1])].add(uf.find(i))
    for i, r in enumerate(records):
        words = name_key(r.name).split()
        if r.group == "person" and len(words) == 1:
            owners = {uf.find(o) for o in surname_owners.get(_word_skel(words[0]), set())}
            if len(owners) == 1:
                try_union(
                    next(iter(owners)), i, SCORE_SURNAME, f"surname of the only full name with {r.name!r}"
                )
    # 5. User must-links, by name.
    index_by_key: dict[str, list[int]] = defaultdict(list)
    for i in range(len(records)):
        for k in keys_of(i):
            index_by_key[k].append(i)
    for a, b in overrides.must_link:
        for i in index_by_key.get(name_key(a), []):
            for j in index_by_key.get(name_key(b), []):
                try_union(i, j, 1.0, f"user must-link {a!r} = {b!r}")
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        groups[uf.find(i)].append(i)
    clusters = []
    for idx in groups.values():
        group_records = [records[i] for i in idx]
        name = _canonical_name(group_records)
        typ = Counter(r.type for r in group_records for _ in range(max(1, r.mentions))).most_common(1)[0][0]
        actor_id = "A" + hashlib.sha1(f"{typ}:{name_key(name)}".encode()).hexdigest()[:10]
        clusters.append(ActorCluster(actor_id=actor_id, name=name, type=typ, members=group_records))
    clusters.sort(key=lambda c: (-len({m.doc_id for m in c.members}), c.name))
    return _unique_ids(clusters)


def _word_skel(word: str) -> str:
    return skeleton(word)


def _canonical_name(records: list[EntityRecord]) -> str:
    """The most used of the fullest names (most words, then most mentions)."""
    votes: Counter[str] = Counter()
    for r in records:
        votes[r.name] += max(1, r.mentions)
    return max(votes, key=lambda n: (len(n.split()) if not is_acronym(n) else 0, votes[n], n))


# -- events -------------------------------------------------------------------------------------
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
    actors: frozenset[str]


def _overlap(a: EventRecord, b: EventRecord) -> bool | None:
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return None
    return a.earliest <= b.latest and b.earliest <= a.latest


def _same_place(a: EventRecord, b: EventRecord) -> bool | None:
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        return _km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM
    if a.place and b.place:
        return name_key(a.place) == name_key(b.place)
    return None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _gap_days(a: EventRecord, b: EventRecord) -> int:
    import datetime as dt

    if not (a.earliest and a.latest and b.earliest and b.latest):
        return 0
    a0, a1 = dt.date.fromisoformat(a.earliest), dt.date.fromisoformat(a.latest)
    b0, b1 = dt.date.fromisoformat(b.earliest), dt.date.fromisoformat(b.latest)
    return max((b0 - a1).days, (a0 - b1).days, 0)


def event_link_score(a: EventRecord, b: EventRecord) -> float:
    """How strongly two event mentions look like one event (0..1; 0 = they cannot be).

    Type (and subtype, when both have one) must agree. Time overlap and place agreement give
    0.4 each, shared participants 0.2. Sources disagree about dates and places, and newsgraph
    exists to show that, so a contradiction does not veto a link outright: dates up to
    ``MAX_DATE_DISAGREEMENT_DAYS`` apart still link when place and participants agree, and a
    different place still links when time and participants agree. Far-apart dates never link
    (the 2004 and the 2016 battles for one city are two events).
    """
    if a.type != b.type or (a.subtype and b.subtype and a.subtype != b.subtype):
        return 0.0
    time_ok, place_ok = _overlap(a, b), _same_place(a, b)
    if time_ok is False and _gap_days(a, b) > MAX_DATE_DISAGREEMENT_DAYS:
        return 0.0
    score = 0.4 * bool(time_ok) + 0.4 * bool(place_ok)
    if a.actors & b.actors:
        score += 0.2
    return round(score, 3)


def cluster_events(records: list[EventRecord]) -> dict[tuple[str, str], tuple[str, float]]:
    """(doc_id, event_id) → (cluster id, best link score). Blocking by type keeps it near-linear."""
    uf = _UnionFind()
    best: dict[int, float] = defaultdict(float)
    by_type: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        by_type[r.type].append(i)
    for idx in by_type.values():
        for pos, i in enumerate(idx):
            for j in idx[pos + 1 :]:
                score = event_link_score(records[i], records[j])
                if score >= EVENT_LINK_THRESHOLD:
                    uf.union(i, j)
                    best[i] = max(best[i], score)
                    best[j] = max(best[j], score)
    out: dict[tuple[str, str], tuple[str, float]] = {}
    for i, r in enumerate(records):
        root = records[uf.find(i)]
        cluster = "V" + hashlib.sha1(f"{root.doc_id}:{root.event_id}".encode()).hexdigest()[:10]
        out[(r.doc_id, r.event_id)] = (cluster, best[i] or 1.0)
    return out


# -- claims -------------------------------------------------------------------------------------
def content_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9$€£%.]+", name_key(text.replace("$", " $ ")))
    return frozenset(w.strip(".") for w in words if w not in _STOPWORDS and len(w.strip(".")) > 1)


def group_claims(
    claims: list[tuple[str, str, str, frozenset[str]]],
) -> dict[tuple[str, str], tuple[str, float]]:
    """claims: (doc_id, claim_id, text, actor ids) → (doc_id, claim_id) → (group id, score)."""
    uf = _UnionFind()
    words = [content_words(text) for _, _, text, _ in claims]
    best: dict[int, float] = defaultdict(float)
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            index[w].append(i)
    for i, ws in enumerate(words):
        candidates: Counter[int] = Counter()
        for w in ws:
            if len(index[w]) < 200:  # very common words carry no signal and would make this quadratic
                candidates.update(j for j in index[w] if j > i)
        for j in candidates:
            if claims[i][0] == claims[j][0]:
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
    _, rows = store.query(
        "SELECT doc_id, id, name, type, aliases, mentions FROM entities "
        "WHERE type IN ('PERSON','ORG','GPE','LOC','FAC','NORP','EVENT','LAW','PRODUCT','WORK_OF_ART')"
    )
    records = [EntityRecord(r[0], r[1], r[2], r[3], tuple(r[4] or ()), int(r[5] or 0)) for r in rows]
    actors = resolve_actors(records, overrides)
    actor_of = {(m.doc_id, m.entity_id): c.actor_id for c in actors for m in c.members}

    _, rows = store.query(
        "SELECT e.doc_id, e.id, e.type, e.subtype, CAST(e.earliest AS VARCHAR), CAST(e.latest AS VARCHAR), "
        "p.name, p.lat, p.lon, list(pa.entity_id) FILTER (WHERE pa.entity_id IS NOT NULL) "
        "FROM events e LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place_id "
        "LEFT JOIN participants pa ON pa.doc_id = e.doc_id AND pa.event_id = e.id "
        "WHERE e.polarity = 'positive' "
        "GROUP BY ALL"
    )
    events = [
        EventRecord(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
            frozenset(actor_of.get((r[0], ent), "") for ent in (r[9] or ())) - {""},
        )
        for r in rows
    ]  # fmt: skip
    event_links = cluster_events(events)

    _, rows = store.query("SELECT doc_id, id, text, entity_ids FROM claims")
    claims = [
        (r[0], r[1], r[2], frozenset(actor_of.get((r[0], e), "") for e in (r[3] or ())) - {""}) for r in rows
    ]
    claim_links = group_claims(claims)

    with store.batch():
        for table in ("actor_links", "actors", "event_links", "claim_links"):
            store.con.execute(f"DELETE FROM {table}")
        if records:
            store.con.executemany(
                "INSERT INTO actor_links VALUES (?, ?, ?, ?, ?)",
                [
                    [m.doc_id, m.entity_id, c.actor_id, m.link_score, m.evidence]
                    for c in actors
                    for m in c.members
                ],
            )
            store.con.executemany(
                "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?)",
                [
                    [c.actor_id, c.name, c.type, c.aliases, len({m.doc_id for m in c.members}),
                     sum(m.mentions for m in c.members)]
                    for c in actors
                ],
            )  # fmt: skip
        if event_links:
            store.con.executemany(
                "INSERT INTO event_links VALUES (?, ?, ?, ?)",
                [[d, e, c, s] for (d, e), (c, s) in event_links.items()],
            )
        if claim_links:
            store.con.executemany(
                "INSERT INTO claim_links VALUES (?, ?, ?, ?)",
                [[d, c, g, s] for (d, c), (g, s) in claim_links.items()],
            )
    return ResolveSummary(
        entities=len(records),
        actors=len(actors),
        events=len(events),
        event_clusters=len({c for c, _ in event_links.values()}),
        claims=len(claims),
        claim_groups=len({g for g, _ in claim_links.values()}),
    )


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
