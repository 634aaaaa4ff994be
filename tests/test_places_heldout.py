"""Place rules found on held-out articles: settlement nouns, bare "Congo", added regions
(sentences written for these tests)."""

from __future__ import annotations

from spacy.language import Language

from newsgraph.geo.gazetteer import lookup
from newsgraph.geo.resolve import haversine
from newsgraph.nlp.places.component import names_an_area, settlement_names, untagged_settlements
from newsgraph.nlp.state import get_state


def test_settlement_noun_names_a_place() -> None:
    text = "Shells fell on the village of Kupiansk and the port of Berdyansk overnight."
    names = set(settlement_names(text).values())
    assert names == {"Kupiansk", "Berdyansk"}
    assert not settlement_names("The head of Rosneft spoke at the port of call.")


def test_untagged_settlement_gets_every_mention_outside_entities() -> None:
    text = "Fighting reached the town of Pokrovsk on Monday. Pokrovsk was emptied."
    places = untagged_settlements(text, settlement_names(text), taken=[])
    assert len(places) == 1 and places[0].toponym.name == "Pokrovsk"
    assert len(places[0].toponym.spans) == 2
    # a name an entity already covers is left to that entity
    start = text.index("Pokrovsk")
    assert not untagged_settlements(text, settlement_names(text), taken=[(start, start + 8)])


def test_component_finds_town_the_tagger_missed(nlp: Language) -> None:
    doc = nlp("Rebels shelled the town of Sake in North Kivu on Friday, killing six people.")
    places = {p.name: p for p in get_state(doc).places}
    assert "Sake" in places and places["Sake"].country == "CD"


def test_bare_congo_follows_the_article() -> None:
    countries = {c.country for c in lookup("Congo") if c.feature == "country"}
    assert countries == {"CD", "CG"}


def test_congo_next_to_kivu_towns_is_the_drc(nlp: Language) -> None:
    doc = nlp("Aid reached Goma and Bukavu this week, the first convoy to eastern Congo since March.")
    congo = [p for p in get_state(doc).places if p.name == "Congo"]
    assert congo and congo[0].country == "CD"


def test_regions_added_for_lakes_deserts_and_english_counties() -> None:
    kivu = lookup("Lake Kivu")[0]
    assert haversine(-2.0, 29.2, kivu.lat, kivu.lon) < 50
    assert lookup("West Midlands")[0].country == "GB"
    assert lookup("Yorkshire")[0].country == "GB"


def test_several_word_region_is_an_area_but_one_word_region_is_not() -> None:
    assert names_an_area("Salar de Atacama")
    assert not names_an_area("Amazon")


def test_container_after_a_place_is_a_place(nlp: Language) -> None:
    doc = nlp(
        "A lawyer in Limassol, Cyprus, who was a director, resigned. Talks in Geneva, Switzerland, stalled."
    )
    countries = {p.name: p.country for p in get_state(doc).places}
    assert countries.get("Cyprus") == "CY"
    # a person after a comma is not a container
    doc = nlp("In Washington, Biden said the talks would go on.")
    assert "Biden" not in {p.name for p in get_state(doc).places}
