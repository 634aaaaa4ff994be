"""Event rules found on held-out articles (sentences written for these tests)."""

from __future__ import annotations

from spacy.language import Language

from newsgraph.nlp.state import get_state


def _events(nlp: Language, text: str) -> list[tuple[str, str, str | None, str | None]]:
    state = get_state(nlp(text))
    places = {p.id: p.name for p in state.places}
    return [(e.type, e.subtype, places.get(e.place or ""), e.earliest) for e in state.events]


def test_armed_agents_entering_a_city_take_it(nlp: Language) -> None:
    found = _events(nlp, "Government troops entered Kherson on 11 November 2022.")
    assert ("fight", "capture", "Kherson", "2022-11-11") in found
    assert not [e for e in _events(nlp, "Shoppers entered Harrods on 11 November 2022.") if e[1] == "capture"]


def test_meeting_needs_a_named_person(nlp: Language) -> None:
    found = _events(
        nlp, "Chancellor Olaf Scholz met Indian Prime Minister Narendra Modi in Berlin on 2 May 2022."
    )
    assert any(t == "consult" and sub == "meeting" for t, sub, _, _ in found)
    assert not [
        e for e in _events(nlp, "The company met its sales targets in May 2022.") if e[1] == "meeting"
    ]


def test_summit_and_agreed_ceasefire(nlp: Language) -> None:
    found = _events(nlp, "Leaders gathered for a summit in Nairobi on 8 February 2025.")
    assert ("consult", "meeting", "Nairobi", "2025-02-08") in found
    found = _events(nlp, "A truce agreed in Doha in March 2024 did not hold.")
    assert any(t == "agree" and place == "Doha" for t, _, place, _ in found)


def test_price_cap_is_a_sanction(nlp: Language) -> None:
    found = _events(nlp, "The European Union capped the price of Russian diesel in February 2023.")
    assert any(sub == "price_cap" and day == "2023-02-01" for _, sub, _, day in found)


def test_subject_of_began_takes_its_date(nlp: Language) -> None:
    found = _events(nlp, "Prices soared after the invasion began on 24 February 2022.")
    assert ("fight", "invasion", None, "2022-02-24") in found


def test_place_through_a_common_noun(nlp: Language) -> None:
    found = _events(
        nlp, "An airstrike on a school in the city of Khan Younis killed nine people on 3 May 2024."
    )
    assert any(sub == "airstrike" and place == "Khan Younis" for _, sub, place, _ in found)


def test_adding_to_a_sanctions_list_is_a_sanction(nlp: Language) -> None:
    state = get_state(
        nlp("The Treasury added Sovcomflot and two of its tankers to its sanctions list in February 2024.")
    )
    names = {e.id: e.name for e in state.entities}
    sanctions = [e for e in state.events if e.type == "sanction"]
    assert sanctions and sanctions[0].earliest == "2024-02-01"
    assert {(names[p.entity], p.role) for p in sanctions[0].participants} >= {
        ("Treasury", "agent"),
        ("Sovcomflot", "patient"),
    }
    # a shopping list is no sanction
    assert not [
        e
        for e in get_state(nlp("Maria added eggs to her shopping list on 3 May 2024.")).events
        if e.type == "sanction"
    ]


def test_a_dateline_is_a_sentence_of_its_own(nlp: Language) -> None:
    text = "GDANSK, Poland — A cargo ship sank near the port on 3 March 2025, officials said."
    doc = nlp(text)
    assert next(s.text.strip() for s in doc.sents) == "GDANSK, Poland —"
    lead = [e for e in _events(nlp, text) if e[3] == "2025-03-03"]
    # the lead's own event keeps the dateline's place
    assert lead and all((e[2] or "").casefold() == "gdansk" for e in lead)
    # a body that opens with an ordinary sentence is left alone
    assert len(list(nlp("NATO - the alliance - met in Oslo on Monday.").sents)) == 1


def test_a_verbs_frame_chooses_its_type(nlp: Language) -> None:
    # "the ferry overturned" is a disaster; "overturned the ruling" a judgment
    assert any(
        e[0] == "disaster"
        for e in _events(nlp, "A ferry carrying 80 people overturned near Calapan on 4 May 2025.")
    )
    assert any(
        e[0] == "judge" for e in _events(nlp, "The Supreme Court overturned the ruling on 4 May 2025.")
    )
    # "operated by a company" runs a ferry; it is no surgery
    found = _events(nlp, "The ferry, operated by Talisay Lines, sank on 4 May 2025.")
    assert not any(e[0] == "health" for e in found)
