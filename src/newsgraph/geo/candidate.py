"""The gazetteer's answer for a name: one place it may refer to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to.

    ``feature`` is ``city``, ``admin1``, ``admin2`` (county, district), ``country``, ``region``
    or ``continent``; ``country``
    is ISO 3166-1 alpha-2 (``None`` for places spanning countries); ``admin1`` is the name of the
    first-level division a city lies in; ``alternate`` is true when the name matched only an
    alternate name, not the place's main name. ``geonames_id`` is ``None`` for admin-1 areas
    outside the US and hand-written regions, whose GeoNames id is not in the installed data.
    """

    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    population: int
    admin1: str | None = None
    alternate: bool = False
