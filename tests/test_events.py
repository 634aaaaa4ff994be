"""newsgraph_events on sentences written for these tests (one trigger family or pattern each)."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from newsgraph.errors import ResourceError
from newsgraph.model import Event
from newsgraph.nlp.events.lexicon import load_lexicon
from newsgraph.nlp.state import NgState, get_state


def run(nlp: Language, text: str) -> tuple[NgState, list[Event]]:
    state = get_state(nlp(text))
    return state, list(state.events)


def names(state: NgState, event: Event) -> dict[str, str]:
    """entity name -> role"""
    out = {}
    for p in event.participants:
        entity = state.entity(p.entity)
        assert entity is not None
        out[entity.name] = p.role
    return out


def place_name(state: NgState, event: Event) -> str | None:
    return next((p.name for p in state.places if p.id == event.place), None)


def only(events: list[Event], subtype: str) -> Event:
    found = [e for e in events if e.subtype == subtype]
    assert len(found) == 1, [(e.type, e.subtype, e.trigger.text) for e in events]
    return found[0]


def test_verbal_trigger_with_agent_patient_place_and_time(nlp: Language) -> None:
    state, events = run(nlp, "Russia invaded Ukraine in February 2022.")
    ev = only(events, "invasion")
    assert ev.type == "fight" and ev.plover == "ASSAULT" and ev.acled == "Battles"
    assert names(state, ev) == {"Russia": "agent", "Ukraine": "patient"}
    assert place_name(state, ev) == "Ukraine"
    assert (ev.earliest, ev.latest) == ("2022-02-01", "2022-02-28")
    assert ev.trigger.text == "invaded"


def test_nominal_battle_for_place(nlp: Language) -> None:
    state, events = run(nlp, "The Iraqi army led the battle for Basra in March 2008.")
    ev = only(events, "battle")
    assert place_name(state, ev) == "Basra"
    assert ev.earliest == "2008-03-01"


def test_nominal_siege_of_place(nlp: Language) -> None:
    state, events = run(nlp, "The siege of Sarajevo began in April 1992.")
    ev = only(events, "siege")
    assert place_name(state, ev) == "Sarajevo"
    assert ev.latest == "1992-04-30"


def test_air_operations_from_a_base_take_the_base_as_place(nlp: Language) -> None:
    state, events = run(nlp, "French air operations from Niamey started in 2014.")
    ev = only(events, "airstrike")
    assert ev.trigger.text == "air operations"
    assert ev.acled == "Explosions/Remote violence"
    assert place_name(state, ev) == "Niamey"


def test_release_of_funds_with_beneficiary(nlp: Language) -> None:
    state, events = run(nlp, "Japan released $3 billion to Indonesia in March 2009.")
    ev = only(events, "release_of_funds")
    assert ev.type == "aid"
    assert names(state, ev) == {"Japan": "agent", "Indonesia": "beneficiary"}


def test_lifting_sanctions_passive_takes_the_sanctions_target(nlp: Language) -> None:
    state, events = run(nlp, "The sanctions on Cuba were lifted in July 2015.")
    ev = only(events, "lifting_of_sanctions")
    assert ev.type == "concede" and ev.plover == "CONCEDE"
    assert "Cuba" in names(state, ev)
    assert ev.earliest == "2015-07-01"


def test_lifting_with_a_pronoun_resolved_to_sanctions(nlp: Language) -> None:
    _, events = run(nlp, "Canada imposed sanctions on Belarus in 2012, but they were lifted in 2019.")
    assert only(events, "lifting_of_sanctions").earliest == "2019-01-01"
    assert only(events, "sanction").earliest == "2012-01-01"


def test_lift_needs_a_sanction_like_patient(nlp: Language) -> None:
    _, events = run(nlp, "She lifted the heavy box onto the table in 2019.")
    assert not [e for e in events if e.type == "concede"]
    # still an event of the learned layer, untyped: lifting a box is no concession
    assert all(e.type == "other" and e.subtype == "lift" for e in events)


def test_hostages_freed(nlp: Language) -> None:
    state, events = run(nlp, "Hostages were freed in Kabul in August 2010.")
    ev = only(events, "release_of_hostages")
    assert place_name(state, ev) == "Kabul"


def test_signed_agreement(nlp: Language) -> None:
    state, events = run(nlp, "Egypt and Israel signed the Camp David Accords in September 1978.")
    ev = only(events, "agreement")
    assert ev.type == "agree" and ev.plover == "AGREE"
    assert {"Egypt", "Israel"} <= set(names(state, ev))
    assert ev.earliest == "1978-09-01"


def test_deployment_to_a_country_places_it_there(nlp: Language) -> None:
    state, events = run(nlp, "Germany deployed troops to Lithuania in 2017.")
    ev = only(events, "deployment")
    assert names(state, ev) == {"Germany": "agent", "Lithuania": "destination"}
    assert place_name(state, ev) == "Lithuania"


def test_promise(nlp: Language) -> None:
    state, events = run(nlp, "Boris Johnson promised Parliament that taxes would fall.")
    ev = only(events, "promise")
    assert names(state, ev)["Boris Johnson"] == "agent"
    assert ev.modality == "actual"


def test_negated_event(nlp: Language) -> None:
    _, events = run(nlp, "Turkey did not attack Kobani in 2014.")
    assert only(events, "attack").polarity == "negative"


def test_future_event(nlp: Language) -> None:
    _, events = run(nlp, "Poland will deploy troops to Romania next year.")
    ev = only(events, "deployment")
    assert (ev.polarity, ev.modality) == ("positive", "future")


def test_hypothetical_event(nlp: Language) -> None:
    _, events = run(nlp, "If talks fail, Ethiopia would attack Eritrea.")
    assert only(events, "attack").modality == "hypothetical"


def test_uncertain_event(nlp: Language) -> None:
    _, events = run(nlp, "Sudan reportedly bombed Juba in 2012.")
    assert only(events, "bombing").modality == "uncertain"


def test_time_inherited_from_previous_sentence(nlp: Language) -> None:
    _, events = run(nlp, "The war began in June 1967. Israeli forces captured Jerusalem.")
    assert only(events, "capture").earliest == "1967-06-01"


def test_no_time_inherited_across_a_paragraph(nlp: Language) -> None:
    _, events = run(nlp, "The war began in June 1967.\n\nIsraeli forces captured Jerusalem.")
    assert only(events, "capture").time is None


def test_date_inside_the_noun_phrase(nlp: Language) -> None:
    state, events = run(nlp, "The bank defended the March 2019 payment to Argentina.")
    ev = only(events, "payment")
    assert ev.earliest == "2019-03-01"
    assert names(state, ev) == {"Argentina": "beneficiary"}


def test_mentions_of_one_event_in_a_sentence_are_merged(nlp: Language) -> None:
    state, events = run(nlp, "Iraqi forces led the battle to retake Mosul in 2017.")
    fights = [e for e in events if e.type == "fight"]
    assert len(fights) == 1
    assert place_name(state, fights[0]) == "Mosul"


def test_generic_mentions_are_not_events(nlp: Language) -> None:
    _, events = run(nlp, "War is costly and sanctions rarely work.")
    assert events == []


def test_fall_needs_a_place(nlp: Language) -> None:
    _, events = run(nlp, "Prices fell sharply in the fall of 2019.")
    assert not [e for e in events if e.type == "fight"]  # no capture: nothing was taken
    assert [(e.type, e.subtype) for e in events] == [("change", "fall")]  # a price change


def test_event_ids_and_spans(nlp: Language) -> None:
    text = "Germany deployed troops to Lithuania in 2017. Russia invaded Ukraine in February 2022."
    _, events = run(nlp, text)
    assert [e.id for e in events] == ["v1", "v2"]
    for e in events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end


def test_lexicon_types_are_documented() -> None:
    lexicon = load_lexicon()
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "events.md").read_text(encoding="utf-8")
    for name, etype in lexicon.types.items():
        assert f"`{name}`" in doc, name
        if etype.plover is None:  # a type PLOVER has no category for shows the null mapping
            assert re.search(rf"\| `{name}` \|.*\| – \(null\) \|", doc), name
        else:
            assert etype.plover in doc
    for senses in lexicon.senses.values():
        for sense in senses:
            assert f"`{sense.subtype}`" in doc, sense.subtype


def test_bad_trigger_type_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.nlp.events import lexicon as events_lexicon

    def fake(name: str, **_: object) -> object:
        return {"source": "x", "triggers": [{"lemma": "x", "pos": "verb", "type": "nope", "subtype": "y"}]}

    monkeypatch.setattr(events_lexicon, "load_yaml", fake)
    with pytest.raises(ResourceError, match="unknown type 'nope'"):
        events_lexicon._load_senses({})


def test_seed_events(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    events = seed_analysis.events
    places = {p.id: p.name for p in seed_analysis.places}
    battles = {places.get(e.place) for e in events if e.subtype == "battle"}
    assert {"Ramadi", "Fallujah", "Mosul"} <= battles
    assert any(
        e.subtype == "release_of_hostages" and (e.earliest or "").startswith("2016-01") for e in events
    )
    # no flood: a 2,400-word article gives about a hundred anchored events (TimeML would mark
    # several hundred predicates: reporting, mental states and unanchored ones are left out)
    assert len(events) < 130


def test_passive_relative_clause_antecedent_is_the_patient(nlp: Language) -> None:
    _, events = run(nlp, "Police found a Denver boy who was beaten and kidnapped in 2016.")
    ev = only(events, "abduction")
    assert all(p.role != "agent" for p in ev.participants)


def test_calendar_date_preferred_over_deictic_one_at_equal_distance(nlp: Language) -> None:
    _, events = run(nlp, "Now, in May 2019, the siege of Homs has started.")
    assert only(events, "siege").earliest == "2019-05-01"


def test_signing_a_person_is_not_an_agreement(nlp: Language) -> None:
    _, events = run(nlp, "The Detroit Lions signed Joe Smith on Monday, May 2, 2011.")
    assert [e for e in events if e.subtype == "agreement"] == []


def test_place_modifier_of_a_person_is_not_the_agent(nlp: Language) -> None:
    state, events = run(nlp, "A Denver man killed his neighbour in June 2012.")
    ev = only(events, "killing")
    assert "Denver" not in names(state, ev)
