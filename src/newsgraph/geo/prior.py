"""How likely a place is meant by its name alone, before the document is read.

Shared by :func:`newsgraph.geo.gazetteer.lookup` (which returns candidates best first) and by the
resolver (:mod:`newsgraph.geo.resolve`), which adds containment and document context. The
constants were tuned on the dev half of GeoWebNews and LGL (``benchmarks/places.py``).
"""

from __future__ import annotations

import math

from newsgraph.geo.candidate import Candidate

# Stand-in population (for the log prior) of places GeoNames gives none: regions, continents.
REGION_POPULATION = 10_000_000
# Feature bonuses in log10-population units (1.0 = ten times the people). Countries come first
# because a bare country name in news almost always means the country ("Jordan", "Georgia" are
# settled by context when they do not); admin-1 and admin-2 areas carry the summed population of
# their cities, so they are taken down to let a same-named city win ("Baghdad", "Washington").
FEATURE_BONUS = {"country": 2.0, "continent": 1.0, "region": 0.5, "city": 0.0, "admin1": -1.0, "admin2": -1.5}
# Matching only an alternate name (GeoNames lists many minor spellings) costs this much; less for
# big places, whose alternate names are real exonyms ("New York" for New York City, "Hawler"),
# from ALTERNATE_PENALTY at 100,000 people down to ALTERNATE_PENALTY_MIN at ten million.
ALTERNATE_PENALTY = 2.0
ALTERNATE_PENALTY_MIN = 0.5
# An admin-1 area whose name a big city of the same country also matches is taken for the city
# unless the text says "province"/"state" ("Baghdad", "Sao Paulo", "New York"): it loses this much
# when the city has at least CITY_SHARE of the area's population.
SAME_NAME_PENALTY = 2.0
CITY_SHARE = 0.1


def prior(c: Candidate) -> float:
    population = max(c.population, 0)
    if c.feature in ("region", "continent") and population < REGION_POPULATION:
        population = REGION_POPULATION
    score = math.log10(population + 10) + FEATURE_BONUS.get(c.feature, -1.0)
    if c.alternate:
        size = min(max(math.log10(population + 10) - 5.0, 0.0), 2.0) / 2.0
        score -= ALTERNATE_PENALTY - size * (ALTERNATE_PENALTY - ALTERNATE_PENALTY_MIN)
    return score


def priors(cands: list[Candidate]) -> list[float]:
    """Priors of one name's candidates, with the same-name rule between areas and their cities."""
    scores = [prior(c) for c in cands]
    for i, c in enumerate(cands):
        if c.feature == "admin1" and any(
            o.feature == "city" and o.country == c.country and o.population >= CITY_SHARE * c.population
            for o in cands
        ):
            scores[i] -= SAME_NAME_PENALTY
    return scores


def ranked(cands: list[Candidate]) -> list[Candidate]:
    """``cands`` best first by :func:`priors` (the most populous first among equals)."""
    order = sorted(zip(priors(cands), range(len(cands)), strict=True), key=lambda si: -si[0])
    return [cands[i] for _, i in order]
