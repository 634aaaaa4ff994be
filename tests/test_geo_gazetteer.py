"""Gazetteer lookups: alternate names, kind words, ISO and common names, diacritics."""

from __future__ import annotations

import pytest

from newsgraph.geo.build import admin_keys
from newsgraph.geo.gazetteer import lookup
from newsgraph.geo.names import fold


def _best(name: str, feature: str | None = None, country: str | None = None):  # type: ignore[no-untyped-def]
    for cand in lookup(name):
        if (feature is None or cand.feature == feature) and (country is None or cand.country == country):
            return cand
    raise AssertionError(f"no {feature or 'place'} in {country or 'any country'} for {name!r}")


def test_fold_ignores_case_diacritics_and_dots() -> None:
    assert fold("São Paulo") == fold("SAO PAULO") == "sao paulo"
    assert fold("U.S.") == "us"
    assert fold("the Netherlands") == "netherlands"
    assert fold("Al-Anbar") == "al anbar"


def test_alternate_name_finds_the_same_city() -> None:
    erbil = _best("Erbil", "city", "IQ")
    assert _best("Irbil", "city", "IQ").geonames_id == erbil.geonames_id
    assert _best("Irbil", "city", "IQ").alternate


def test_province_suffix_restricts_to_admin1() -> None:
    cands = lookup("Anbar Province")
    assert cands and all(c.feature in ("admin1", "region") for c in cands)
    assert cands[0].country == "IQ"
    assert abs(cands[0].lat - 33.4) < 1.5 and abs(cands[0].lon - 42.0) < 2.0
    assert _best("Province of Ontario", "admin1").country == "CA"
    assert _best("al-Anbar", "admin1").country == "IQ"


def test_admin_keys_drop_kind_words_and_articles() -> None:
    assert {"salah ad din", "salah ad din governorate"} <= admin_keys("Salah ad Din Governorate")
    assert "karbala" in admin_keys("Muhafazat Karbala'")


@pytest.mark.parametrize("name", ["United States", "U.S.", "USA", "America", "United States of America"])
def test_country_by_iso_and_common_names(name: str) -> None:
    us = _best(name, "country")
    assert us.country == "US"
    # GeoNames places the US near the geographic centre (Kansas); ours must be within ~3 degrees.
    assert abs(us.lat - 39.8) < 3 and abs(us.lon + 98.5) < 4


def test_country_official_name() -> None:
    assert _best("Islamic Republic of Iran", "country").country == "IR"
    assert _best("Iran", "country").country == "IR"


def test_diacritics_are_optional() -> None:
    assert _best("Sao Paulo", "city", "BR").geonames_id == _best("São Paulo", "city", "BR").geonames_id
    assert _best("Zurich", "city", "CH").geonames_id == _best("Zürich", "city", "CH").geonames_id


def test_unknown_name_and_demonym_have_no_candidates() -> None:
    assert lookup("Qwxzplorian") == []
    assert lookup("Iraqi") == []
    assert lookup("") == []


def test_region_from_resource_table() -> None:
    assert _best("Middle East", "region").country is None
