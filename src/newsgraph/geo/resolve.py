"""Choose one gazetteer place for each toponym of a document.

Each distinct toponym (all mentions of one name, or of one entity) is scored per candidate:

1. **prior**: how well known the place is (log population; regions and continents get a fixed
   stand-in) and what kind it is (countries first, then cities, admin-1 areas, second-level
   areas), with a penalty when the name matched only an alternate name;
2. **containment**: "Ramadi, in Anbar", "Irbil, in northern Iraq", "Springfield, Illinois",
   "Springfield, Ill." — candidates inside the named container win;
3. **document context**: the countries and admin-1 areas the *other* toponyms of the document
   point to, and how many of their likely places lie near the candidate — a name found in two
   countries resolves to the one the article is about, a town to the one near the others.

Constants were tuned on the dev half of GeoWebNews and LGL (``benchmarks/places.py``); the
other half of each corpus is held out.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from newsgraph.geo.candidate import Candidate
from newsgraph.geo.gazetteer import lookup, lookup_demonym
from newsgraph.geo.prior import priors

Finder = Callable[[str], list[Candidate]]

# Bonus for a candidate inside the container a phrase names ("X, in Y", "X, Y").
CONTAINMENT_BONUS = 6.0
# Weights of the document context: shares (0..1) of the other toponyms' likely places that lie in
# the candidate's country, in its admin-1 area, or within NEAR_KM of it.
COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 3.0
NEAR_WEIGHT = 3.0
NEAR_KM = 100.0
# Cap on the whole context bonus: context may lift a town over a far bigger namesake, but not a
# village over a country ("Mexico" in an article about Missouri is still Mexico).
CONTEXT_CAP = 6.0
# Confidence of a name placed at the document's focus because the gazetteer does not know it.
FALLBACK_CONFIDENCE = 0.1
# Candidates kept per name (most populous first); the long tail of 500-people hamlets only adds noise.
MAX_CANDIDATES = 60

_AREAS = ("country", "admin1", "admin2", "region")
# Places small enough for "near" to mean something.
_TOWNS = frozenset({"city", "admin2"})
EARTH_KM = 6371.0088
_DIRECTIONS = (
    "north|south|east|west|central|northern|southern|eastern|western|northeast|northwest|southeast|"
    "southwest|northeastern|northwestern|southeastern|southwestern|north-eastern|north-western|"
    "south-eastern|south-western|rural|downtown|upstate"
)
_CONTAINER = re.compile(
    r"^(?:\s*,\s*(?P<word>in|near|outside|of)?\s*|\s+(?P<in>in)\s+|\s*(?P<paren>\()\s*)(?:the\s+)?"
    rf"(?:(?:{_DIRECTIONS})\s+)?"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,3})"
)
# After "X, Y": another name or "and"/"or" means a list ("Mexico, Canada and the US"), not "X in Y".
_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?(?:the\s+)?[A-Z]|(?:and|or)\s+(?:the\s+)?[A-Z])")


@dataclass(frozen=True)
class Toponym:
    """All mentions of one place name in a document: ``name`` and its ``(start, end)`` spans."""

    name: str
    spans: tuple[tuple[int, int], ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    candidate: Candidate
    confidence: float


def candidates_for(toponym: Toponym, find: Finder = lookup, demonyms: bool = False) -> list[Candidate]:
    """Candidates of the name and its aliases (e.g. "U.S." and "United States"), deduplicated.

    With ``demonyms``, a name that is no place but a demonym ("Iraqi") gets the place it points to
    (for evaluations that count such words as toponyms; the places component never does).
    """
    seen: dict[tuple[int | None, str, float, float], Candidate] = {}
    for name in (toponym.name, *toponym.aliases):
        found = find(name)[:MAX_CANDIDATES]
        if demonyms:
            found = [*lookup_demonym(name), *found]
        for c in found:
            key = (c.geonames_id, c.name, c.lat, c.lon)
            old = seen.get(key)
            if old is None or (old.alternate and not c.alternate):
                seen[key] = c
    return list(seen.values())


def _container_candidates(text: str, end: int, find: Finder) -> list[Candidate]:
    """Places named right after a mention as its container ("…, in northern Iraq")."""
    window = text[end : end + 120]
    m = _CONTAINER.match(window)
    if not m:
        return []
    bare_comma = not (m.group("word") or m.group("in") or m.group("paren"))
    words = m.group("name").split()
    # The longest run of capitalised words that names an area wins ("New South Wales", "Ill.").
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).rstrip(",")
        found = [c for c in find(name) if c.feature in _AREAS]
        if not found and name.endswith("."):
            found = [c for c in find(name.rstrip(".")) if c.feature in _AREAS]
        if found:
            rest = window[m.start("name") + len(name) :]
            if bare_comma and _LIST_GOES_ON.match(rest):
                return []
            return found
    return []


def _inside(c: Candidate, container: Candidate) -> bool:
    if c == container:
        return False
    if container.feature == "country":
        return c.country == container.country and c.feature != "country"
    if container.feature == "admin1":
        return c.country == container.country and c.admin1 is not None and c.admin1 == container.name
    if container.feature == "admin2":
        return c.feature == "city" and c.country == container.country and _km(c, container) < NEAR_KM
    if container.feature == "region":
        return c.country == container.country if container.country else _km(c, container) < 1500
    return False


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _km(a: Candidate, b: Candidate) -> float:
    return haversine(a.lat, a.lon, b.lat, b.lon)


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _admin1_of(c: Candidate) -> str | None:
    return c.name if c.feature == "admin1" else c.admin1


@dataclass
class _Votes:
    """What one toponym says about the document's geography (weighted by its mention count)."""

    country: dict[str, float]
    admin1: dict[tuple[str, str], float]
    weight: float


def _votes(toponym: Toponym, cands: list[Candidate], scores: list[float]) -> _Votes:
    by_country: dict[str, float] = defaultdict(float)
    by_admin1: dict[tuple[str, str], float] = defaultdict(float)
    n = len(toponym.spans)
    if cands:
        probs = _softmax(scores)
        for c, p in zip(cands, probs, strict=True):
            if c.country:
                by_country[c.country] += p * n
                admin1 = _admin1_of(c)
                if admin1:
                    by_admin1[(c.country, admin1)] += p * n
    return _Votes(by_country, by_admin1, float(n) if cands else 0.0)


def resolve(
    text: str,
    toponyms: Sequence[Toponym],
    find: Finder = lookup,
    demonyms: bool = False,
    fallback: bool = False,
) -> list[Resolution | None]:
    """One resolution per toponym (``None`` when the gazetteer knows no such place).

    With ``fallback``, a name the gazetteer does not know ("Royal Street", "Camp Speicher") is
    put at the document's focus (see :func:`focus`) with confidence :data:`FALLBACK_CONFIDENCE`.
    """
    out = _resolve(text, toponyms, find, demonyms)
    if fallback and any(r is None for r in out):
        where = focus(toponyms, out)
        if where is not None:
            out = [r or Resolution(where, FALLBACK_CONFIDENCE) for r in out]
    return out


def focus(toponyms: Sequence[Toponym], resolutions: Sequence[Resolution | None]) -> Candidate | None:
    """The place a document is about: its most mentioned town or area, else its most mentioned country."""
    best: tuple[int, int, int] | None = None
    found: Candidate | None = None
    for i, (t, r) in enumerate(zip(toponyms, resolutions, strict=True)):
        if r is None or r.candidate.feature == "continent":
            continue
        local = int(r.candidate.feature not in ("country", "region"))
        key = (local, len(t.spans), -i)
        if best is None or key > best:
            best, found = key, r.candidate
    return found


def _near_support(
    toponyms: Sequence[Toponym], cands: list[list[Candidate]], base: list[list[float]]
) -> list[list[float]]:
    """For each candidate town: how much of the rest of the document lies near it (0..1).

    Each other toponym supports a candidate with the relative probability (to its own best) of
    its likeliest town within NEAR_KM, weighted by its mentions: "Paris" and "Henry County" meet
    in Tennessee even when neither is the most populous of its name. Computed with numpy, as
    the number of candidate pairs grows with the square of the toponyms.
    """
    out = [[0.0] * len(cs) for cs in cands]
    owner: list[int] = []
    lats: list[float] = []
    lons: list[float] = []
    rel: list[float] = []
    for j, (cs, row) in enumerate(zip(cands, base, strict=True)):
        if not cs:
            continue
        probs = _softmax(row)
        top = max(probs)
        for c, p in zip(cs, probs, strict=True):
            if c.feature in _TOWNS:
                owner.append(j)
                lats.append(c.lat)
                lons.append(c.lon)
                rel.append(p / top)
    if not owner:
        return out
    owners = np.asarray(owner)
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    groups = owners[starts]
    weights = np.asarray([len(toponyms[j].spans) for j in groups], dtype=float)
    lat_v, lon_v, rel_v = np.radians(lats), np.radians(lons), np.asarray(rel)
    total = sum(float(len(t.spans)) for t, cs in zip(toponyms, cands, strict=True) if cs)
    for i, cs in enumerate(cands):
        towns = [k for k, c in enumerate(cs) if c.feature in _TOWNS]
        others = total - float(len(toponyms[i].spans))
        if not towns or others <= 0:
            continue
        qlat = np.radians([cs[k].lat for k in towns])[:, None]
        qlon = np.radians([cs[k].lon for k in towns])[:, None]
        # Equirectangular distance: exact enough below a few hundred kilometres.
        dx = (lon_v[None, :] - qlon) * np.cos((lat_v[None, :] + qlat) / 2)
        dist = EARTH_KM * np.sqrt(dx**2 + (lat_v[None, :] - qlat) ** 2)
        best = np.maximum.reduceat(np.where(dist <= NEAR_KM, rel_v[None, :], 0.0), starts, axis=1)
        support = (best * np.where(groups != i, weights, 0.0)[None, :]).sum(axis=1) / others
        for k, value in zip(towns, support, strict=True):
            out[i][k] = min(1.0, float(value))
    return out


def _resolve(text: str, toponyms: Sequence[Toponym], find: Finder, demonyms: bool) -> list[Resolution | None]:
    cands = [candidates_for(t, find, demonyms) for t in toponyms]
    base: list[list[float]] = []
    for t, cs in zip(toponyms, cands, strict=True):
        # A country's own name followed by another ("Mexico, US") is a list, not a containment.
        is_country = any(c.feature == "country" and not c.alternate for c in cs)
        containers = (
            [] if is_country else [c for s in t.spans for c in _container_candidates(text, s[1], find)]
        )
        row = []
        for c, score in zip(cs, priors(cs), strict=True):
            if any(_inside(c, k) for k in containers):
                score += CONTAINMENT_BONUS
            row.append(score)
        base.append(row)

    votes = [_votes(t, cs, row) for t, cs, row in zip(toponyms, cands, base, strict=True)]
    near = _near_support(toponyms, cands, base)
    total_weight = sum(v.weight for v in votes)
    total_country: dict[str, float] = defaultdict(float)
    total_admin1: dict[tuple[str, str], float] = defaultdict(float)
    for v in votes:
        for k, w in v.country.items():
            total_country[k] += w
        for k2, w in v.admin1.items():
            total_admin1[k2] += w

    out: list[Resolution | None] = []
    for i, (cs, row) in enumerate(zip(cands, base, strict=True)):
        if not cs:
            out.append(None)
            continue
        own = votes[i]
        # The context leaves the toponym's own votes out, so an ambiguous name cannot vote for itself.
        others = total_weight - own.weight
        final = []
        for n, (c, score) in enumerate(zip(cs, row, strict=True)):
            bonus = 0.0
            if others > 0:
                if c.country:
                    share = (total_country.get(c.country, 0.0) - own.country.get(c.country, 0.0)) / others
                    bonus += COUNTRY_WEIGHT * share
                    admin1 = _admin1_of(c)
                    if admin1:
                        key = (c.country, admin1)
                        share = (total_admin1.get(key, 0.0) - own.admin1.get(key, 0.0)) / others
                        bonus += ADMIN1_WEIGHT * share
                bonus += NEAR_WEIGHT * near[i][n]
            final.append(score + min(bonus, CONTEXT_CAP))
        probs = _softmax(final)
        best = max(range(len(cs)), key=lambda j: final[j])
        out.append(Resolution(candidate=cs[best], confidence=round(probs[best], 3)))
    return out
