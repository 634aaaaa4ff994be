"""Place resolution with document context and containment, and the newsgraph_places component."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.geo.gazetteer import lookup
from newsgraph.geo.resolve import Resolution, Toponym, haversine, resolve
from newsgraph.model import Entity, Mention
from newsgraph.nlp.places.component import PlaceName, accept, places_of, written_name
from newsgraph.nlp.state import get_state


def _toponyms(text: str, names: list[str]) -> list[Toponym]:
    out = []
    for name in names:
        spans = []
        start = text.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
        assert spans, name
        out.append(Toponym(name=name, spans=tuple(spans)))
    return out


def test_name_in_two_countries_follows_the_country_the_text_is_about() -> None:
    text = (
        "Pakistan's election commission said turnout in Sindh was low. Voters in Karachi, "
        "Sukkur and Hyderabad queued for hours, and Pakistan's army guarded polling stations."
    )
    names = ["Pakistan", "Sindh", "Karachi", "Sukkur", "Hyderabad"]
    res = resolve(text, _toponyms(text, names))
    hyderabad = res[names.index("Hyderabad")]
    assert hyderabad is not None and hyderabad.candidate.country == "PK"
    # Hyderabad, Sindh lies at about 25.4 N, 68.4 E (the Indian one at 17.4 N, 78.5 E).
    assert haversine(25.39, 68.37, hyderabad.candidate.lat, hyderabad.candidate.lon) < 50


def test_the_same_name_without_context_is_the_bigger_place() -> None:
    text = "The software company opened an office in Hyderabad last year."
    (res,) = resolve(text, _toponyms(text, ["Hyderabad"]))
    assert res is not None and res.candidate.country == "IN"


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        # "X, in Y": Richmond, Kentucky rather than the larger Richmond, Virginia.
        ("Storms damaged homes in Richmond, in Kentucky, overnight.", "Richmond", 37.75, -84.29),
        # "X, Y" with a state name, and with an AP abbreviation.
        ("The governor spoke in Springfield, Illinois, on Tuesday.", "Springfield", 39.80, -89.64),
        ("The governor spoke in Springfield, Ill., on Tuesday.", "Springfield", 39.80, -89.64),
        # Direction words between the comma and the container.
        ("A bridge collapsed near Portland, in southern Maine, on Sunday.", "Portland", 43.66, -70.26),
    ],
)
def test_containment_phrase_picks_the_place_inside(text: str, name: str, lat: float, lon: float) -> None:
    (res,) = resolve(text, _toponyms(text, [name]))
    assert res is not None
    assert haversine(lat, lon, res.candidate.lat, res.candidate.lon) < 60


def test_capital_city_beats_its_same_named_province() -> None:
    text = "Car bombs went off in Baghdad and Kirkuk on Thursday."
    res = resolve(text, _toponyms(text, ["Baghdad", "Kirkuk"]))
    assert all(r is not None and r.candidate.feature == "city" for r in res)


def test_unknown_name_has_no_resolution_unless_asked_for_the_focus() -> None:
    text = "Protesters gathered on Qwxzplor Street in Lyon, France."
    tops = _toponyms(text, ["Qwxzplor Street", "Lyon", "France"])
    assert resolve(text, tops)[0] is None
    placed = resolve(text, tops, fallback=True)[0]
    assert placed is not None and placed.candidate.name == "Lyon" and placed.confidence < 0.5


def test_written_name_prefers_the_article_spelling() -> None:
    assert written_name("Erbil", ["Irbil", "Irbil"]) == "Irbil"
    assert written_name("United States", ["U.S.", "United States"]) == "United States"


def test_component_writes_places_with_countries(nlp: Language) -> None:
    doc = nlp(
        "Flooding hit Dhaka and Chittagong in Bangladesh this week. Officials in the U.S. and "
        "in Germany pledged aid, and Bangladeshi engineers met President Lopez in Berlin."
    )
    places = get_state(doc).places
    by_name = {p.name: p for p in places}
    assert by_name["Bangladesh"].country == "BD" and by_name["Bangladesh"].feature == "country"
    assert by_name["Dhaka"].country == "BD" and by_name["Dhaka"].feature == "city"
    us = next(p for p in places if p.country == "US" and p.feature == "country")
    assert us.text in ("U.S.", "the U.S.")
    assert by_name["Berlin"].country == "DE"
    # A demonym and a person are no places.
    assert not any(p.name.startswith(("Bangladeshi", "Lopez", "President")) for p in places)
    for p in places:
        assert doc.text[p.start : p.end] == p.text
        assert p.id.startswith("p") and 0 < p.confidence <= 1


def test_seed_places_are_near_the_truth(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    places = seed_analysis.places

    def near(name: str, lat: float, lon: float, km: float) -> bool:
        return any(
            p.lat is not None
            and p.lon is not None
            and (name in p.name or name in p.text)
            and haversine(lat, lon, p.lat, p.lon) <= km
            for p in places
        )

    assert near("Irbil", 36.19, 44.01, 50)
    assert near("Diyala", 33.9, 45.0, 150)


def test_facility_is_a_same_named_town_only_near_the_other_places() -> None:
    town = next(c for c in lookup("White House") if c.country == "US" and c.feature == "city")
    washington = next(c for c in lookup("Washington") if c.feature == "city" and c.country == "US")
    nashville = next(c for c in lookup("Nashville") if c.admin1 == "Tennessee")
    fac = PlaceName(None, "FAC", Toponym(name="White House", spans=((0, 11),)))
    res = Resolution(town, 0.9)
    assert not accept(fac, res, [washington])
    assert accept(fac, res, [nashville])
    gpe = PlaceName(None, "GPE", Toponym(name="White House", spans=((0, 11),)))
    assert accept(gpe, res, [])


def test_area_names_mistagged_as_organisations_are_places(nlp: Language) -> None:
    text = "Connecticut beat Duke, and Microsoft praised Connecticut. Jackson scored twice."
    doc = nlp.make_doc(text)

    def ent(eid: str, name: str, etype: str) -> Entity:
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(start, start + len(name), name))
            start = text.find(name, start + 1)
        return Entity(eid, name, etype, (name,), (), tuple(mentions))

    get_state(doc).entities = [
        ent("e1", "Connecticut", "ORG"),
        ent("e2", "Microsoft", "ORG"),
        ent("e3", "Jackson", "PERSON"),
    ]
    places = places_of(doc)
    assert [(p.name, p.entity, p.country, p.feature) for p in places] == [
        ("Connecticut", "e1", "US", "admin1")
    ]
