"""Gazetteer lookups: alternate names, kind words, ISO and common names, diacritics."""

from __future__ import annotations

import pytest

from newsgraph.geo.build import admin_keys, middle
from newsgraph.geo.gazetteer import lookup, lookup_demonym
from newsgraph.geo.names import fold
from newsgraph.geo.sources import polygon_centroid, usable_alternate


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


def test_county_and_state_abbreviations() -> None:
    cook = lookup("Cook County")
    assert cook[0].feature == "admin2"
    assert any(c.admin1 == "Illinois" for c in cook)
    assert _best("Calif.", "admin1").name == "California"
    assert _best("W.Va.", "admin1").name == "West Virginia"


def test_saint_and_mount_are_written_both_ways() -> None:
    assert (
        _best("St. Petersburg", "city", "RU").geonames_id
        == _best("Saint Petersburg", "city", "RU").geonames_id
    )
    assert not _best("St. Petersburg", "city", "RU").alternate
    assert _best("Mt. Pleasant", "city", "US").name == "Mount Pleasant"


def test_demonyms_are_kept_apart_from_names() -> None:
    assert lookup("Iraqi") == []
    assert lookup_demonym("Iraqi")[0].country == "IQ"
    assert lookup_demonym("European")[0].feature == "continent"
    assert lookup_demonym("Qwxzplorian") == []


def test_alternate_filter_drops_codes_and_romanisations() -> None:
    assert usable_alternate("Irbil")
    assert not usable_alternate("EBL")
    assert not usable_alternate("si pu lin fei er de")
    assert not usable_alternate("Эрбиль")


def test_area_middle_ignores_a_remote_outlier() -> None:
    points = [(float(lat), float(lon)) for lat in range(40, 45) for lon in range(-80, -70)]
    points.append((60.0, -150.0))
    lat, lon = middle(points * 10)
    assert 41 < lat < 44 and -78 < lon < -72


def test_polygon_centroid_of_a_square() -> None:
    lat, lon, area = polygon_centroid([[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]])
    assert (round(lat, 6), round(lon, 6), round(area, 6)) == (1.0, 1.0, 4.0)


def test_part_of_a_place_falls_back_to_the_place() -> None:
    assert _best("Northeast Georgia", "admin1", "US").name == "Georgia"
    assert _best("southern Iraq", "country").country == "IQ"
    # A name of its own is never cut: South Africa is not Africa.
    assert [c.country for c in lookup("South Africa") if c.feature == "country"] == ["ZA"]


def test_lookup_puts_the_likeliest_place_first() -> None:
    # The city before the governorate named after it; the country before a French village "Us".
    assert (lookup("Irbil")[0].feature, lookup("Irbil")[0].country) == ("city", "IQ")
    assert lookup("Baghdad")[0].feature == "city"
    assert lookup("U.S.")[0].feature == "country"
    assert lookup("Diyala")[0].feature == "admin1"
