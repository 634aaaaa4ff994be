"""Look place names up in the offline GeoNames gazetteer.

``lookup("Irbil")`` → candidates (the city of Erbil, the Arbil governorate, ...), best known
first. Names are compared folded (case, diacritics and punctuation ignored; see
:func:`newsgraph.geo.names.fold`), alternate names count, and a kind word ("Anbar Province",
"Basra Governorate", "Province of Ontario") restricts the answer to administrative areas.

The data lives in one SQLite file built from installed packages by :mod:`newsgraph.geo.build`
(at ``make install``; on first use when missing). Opening it is instant and each lookup is one
indexed query, so no start-up cost is paid for names a document never uses.
"""

from __future__ import annotations

import functools
import sqlite3
import sys
import threading
import time
from pathlib import Path
from typing import Any

from newsgraph.geo.build import build
from newsgraph.geo.candidate import Candidate
from newsgraph.geo.layout import ADMIN_PREFIXES, ADMIN_WORDS, ARTICLES, SCHEMA_VERSION, database_path
from newsgraph.geo.names import fold
from newsgraph.geo.prior import ranked

# Kind words that say the name is a first-level division, not a city of the same name.
_ADMIN1_WORDS = frozenset(ADMIN_WORDS) - {"county", "district", "municipality"}
_CITY_WORDS = frozenset({"city", "town"})


def _candidate(r: tuple[Any, ...]) -> Candidate:
    """A candidate from a ``place`` row (with the ``alternate`` flag as 9th column, if any)."""
    return Candidate(
        geonames_id=r[0],
        name=r[1],
        lat=r[2],
        lon=r[3],
        country=r[4],
        feature=r[5],
        population=r[6] or 0,
        admin1=r[7],
        alternate=bool(r[8]) if len(r) > 8 else False,
    )


def _current(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == SCHEMA_VERSION


class Gazetteer:
    """Read-only access to one gazetteer file (built when missing or out of date)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or database_path()
        if not _current(self.path):
            # A wheel installed with plain pip has no gazetteer yet: say why the first analysis waits.
            sys.stderr.write(
                f"newsgraph: building the offline gazetteer (once, about a minute) at {self.path}\n"
            )
            started = time.perf_counter()
            n = build(self.path)
            sys.stderr.write(
                f"newsgraph: gazetteer ready, {n} places in {time.perf_counter() - started:.0f} s\n"
            )
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()

    def exact(self, key: str) -> list[Candidate]:
        """Places with the folded name ``key`` (main or alternate), most populous first."""
        with self._lock:
            rows = self._con.execute(
                "SELECT p.geonames_id, p.name, p.lat, p.lon, p.country, p.feature, p.population, p.admin1,"
                " MIN(a.alternate) FROM alias a JOIN place p ON p.rowid = a.place"
                " WHERE a.key = ? GROUP BY p.rowid",
                (key,),
            ).fetchall()
        found = [_candidate(r) for r in rows]
        found.sort(key=lambda c: (c.alternate, -c.population))
        return found

    def demonym(self, name: str) -> list[Candidate]:
        """Places an adjective points to ("Iraqi" → Iraq, "European" → Europe), most populous first."""
        with self._lock:
            rows = self._con.execute(
                "SELECT p.geonames_id, p.name, p.lat, p.lon, p.country, p.feature, p.population, p.admin1"
                " FROM demonym d JOIN place p ON p.rowid = d.place WHERE d.key = ?",
                (fold(name),),
            ).fetchall()
        found = [_candidate(r) for r in rows]
        found.sort(key=lambda c: -c.population)
        return found

    def lookup(self, name: str) -> list[Candidate]:
        key = fold(name)
        if not key:
            return []
        found = self.exact(key)
        for variant in _variants(key):
            # "St. Petersburg" is the main name of a place spelled "Saint Petersburg" too.
            better = {(c.geonames_id, c.name): c for c in self.exact(variant)}
            found = [better.pop((c.geonames_id, c.name), c) if c.alternate else c for c in found]
            found += list(better.values())
        found.sort(key=lambda c: (c.alternate, -c.population))
        stripped, kind = _strip_kind(key)
        if kind is not None and stripped:
            extra = [c for c in self.exact(stripped) if _fits_kind(c, kind)]
            if not extra:
                for article in ARTICLES:
                    if stripped.startswith(article):
                        extra = [c for c in self.exact(stripped[len(article) :]) if _fits_kind(c, kind)]
                        break
            fitting = [c for c in found if _fits_kind(c, kind)]
            # "Boulder City" is a city of that name when there is one, not any city called Boulder.
            found = fitting or [*found, *(c for c in extra if c not in set(found))]
            if kind in ("county", "district") and not any(c.feature == "admin2" for c in found):
                # No second-level area of that name: a place named like it (often its seat) is nearest.
                found = found or [c for c in self.exact(stripped) if c.feature in ("city", "admin1")]
        elif not found:
            for article in ARTICLES:
                if key.startswith(article):
                    found = self.exact(key[len(article) :])
                    break
        if not found:
            # "Northeast Georgia", "southern Sudan", "Columbus North": the part of a known place.
            words = key.split(" ")
            if len(words) >= 2 and words[0] in _PARTS:
                found = self.lookup(" ".join(words[1:]))
            elif len(words) >= 2 and words[-1] in _PARTS:
                found = self.lookup(" ".join(words[:-1]))
        return found


# Words naming a part of a place; a name made of one and a known place means (roughly) that place.
_PARTS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
        "greater",
        "n",
        "s",
        "e",
        "w",
    ]
)

# Abbreviations that place names are written both ways with ("Mt. Pleasant", "St. Marys").
_ABBREVIATIONS = {"mt": "mount", "mount": "mt", "st": "saint", "saint": "st", "ft": "fort", "fort": "ft"}


def _variants(key: str) -> list[str]:
    words = key.split(" ")
    out = []
    for i, w in enumerate(words):
        if w in _ABBREVIATIONS:
            out.append(" ".join([*words[:i], _ABBREVIATIONS[w], *words[i + 1 :]]))
    return out


def _strip_kind(key: str) -> tuple[str, str | None]:
    """``"anbar province"`` → ``("anbar", "province")``; ``"city of london"`` → ``("london", "city")``."""
    words = key.split(" ")
    if len(words) >= 2 and words[-1] in (_ADMIN1_WORDS | _CITY_WORDS | {"county", "district"}):
        return " ".join(words[:-1]), words[-1]
    for prefix in (*ADMIN_PREFIXES, "city of ", "town of "):
        if key.startswith(prefix):
            return key[len(prefix) :], prefix.split(" ")[0] if prefix != "mayorality of " else "city"
    return key, None


def _fits_kind(candidate: Candidate, kind: str) -> bool:
    if kind in _CITY_WORDS:
        return candidate.feature == "city"
    if kind in _ADMIN1_WORDS or kind == "muhafazat" or kind == "ostan":
        return candidate.feature in ("admin1", "region")
    # County/district/municipality: a second-level area.
    return candidate.feature == "admin2"


@functools.lru_cache(maxsize=1)
def default() -> Gazetteer:
    """The process-wide gazetteer (opened once)."""
    return Gazetteer()


@functools.lru_cache(maxsize=65536)
def _cached_lookup(name: str) -> tuple[Candidate, ...]:
    return tuple(ranked(default().lookup(name)))


def lookup(name: str) -> list[Candidate]:
    """Candidates for a place name, likeliest first when nothing else is known (the city of Erbil
    before the governorate for "Irbil"); an empty list when the name is unknown."""
    return list(_cached_lookup(name))


@functools.lru_cache(maxsize=4096)
def _cached_demonym(name: str) -> tuple[Candidate, ...]:
    return tuple(default().demonym(name))


def lookup_demonym(name: str) -> list[Candidate]:
    """Places a demonym points to ("Iraqi" → Iraq); never part of :func:`lookup`."""
    return list(_cached_demonym(name))
