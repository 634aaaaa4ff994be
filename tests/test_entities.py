"""newsgraph_entities on short texts written for these tests: merging, types, titles, ids."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Entity
from newsgraph.nlp.state import get_state


def entities(nlp: Language, text: str) -> list[Entity]:
    """Run the pipeline up to and including newsgraph_entities (later components are not needed)."""
    doc: Doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "newsgraph_entities":
            break
    return get_state(doc).entities


def having(ents: list[Entity], alias: str) -> list[Entity]:
    return [e for e in ents if alias in e.aliases or e.name == alias]


def one(ents: list[Entity], alias: str) -> Entity:
    found = having(ents, alias)
    assert len(found) == 1, f"{alias!r} in {[(e.name, e.aliases) for e in ents]}"
    return found[0]


def test_surname_joins_the_full_name(nlp: Language) -> None:
    text = (
        "Angela Merkel met reporters in Berlin on Monday. Merkel said the talks had gone well, "
        "and Merkel's aides agreed."
    )
    ents = entities(nlp, text)
    merkel = one(ents, "Merkel")
    assert merkel.name == "Angela Merkel"
    assert merkel.type == "PERSON"
    assert [m.text for m in merkel.mentions] == ["Angela Merkel", "Merkel", "Merkel"]
    for m in merkel.mentions:
        assert text[m.start : m.end] == m.text


def test_surname_mistyped_by_ner_becomes_person(nlp: Language) -> None:
    # The small English model calls the bare surname a LOC here.
    ents = entities(
        nlp,
        "Esmail Qaani took over the unit in 2020. Since then Qaani has travelled often, "
        "and analysts say Qaani lacks influence.",
    )
    qaani = one(ents, "Qaani")
    assert qaani.name == "Esmail Qaani"
    assert qaani.type == "PERSON"
    assert len(qaani.mentions) == 3


def test_two_people_sharing_a_surname_are_not_merged(nlp: Language) -> None:
    ents = entities(nlp, "Hillary Clinton and Bill Clinton attended the gala. Clinton spoke first.")
    assert len(having(ents, "Hillary Clinton")) == 1
    assert len(having(ents, "Bill Clinton")) == 1
    assert one(ents, "Hillary Clinton") is not one(ents, "Bill Clinton")
    bare = one(ents, "Clinton")
    assert bare.aliases == ("Clinton",)
    assert bare.type == "PERSON"


def test_people_sharing_a_first_name_are_not_merged(nlp: Language) -> None:
    ents = entities(nlp, "John Smith and John Doe founded the firm in Leeds. John Smith later left it.")
    assert one(ents, "John Smith") is not one(ents, "John Doe")


def test_acronym_in_parentheses(nlp: Language) -> None:
    ents = entities(
        nlp,
        "The International Energy Agency (IEA) published its outlook on Tuesday. "
        "The IEA expects demand for oil to peak soon.",
    )
    iea = one(ents, "IEA")
    assert iea.name == "International Energy Agency"
    assert iea.type == "ORG"
    assert len(iea.mentions) == 3


def test_acronym_after_or(nlp: Language) -> None:
    ents = entities(
        nlp,
        "Fighters of the Syrian Democratic Forces, or SDF, took the town after a week. "
        "The SDF later handed it to local councils.",
    )
    sdf = one(ents, "SDF")
    assert sdf.name == "Syrian Democratic Forces"
    assert [m.text for m in sdf.mentions] == ["Syrian Democratic Forces", "SDF", "SDF"]


def test_acronym_matching_initials_of_a_name_in_the_text(nlp: Language) -> None:
    # Initials of every word ("Freedom of Information Act" → FOIA) and of the capitalised ones.
    ents = entities(
        nlp, "Lawyers cited the Freedom of Information Act in their filing. The FOIA request was denied."
    )
    foia = one(ents, "FOIA")
    assert foia.name == "Freedom of Information Act"
    assert foia.type == "LAW"
    ents = entities(nlp, "The World Food Programme warned of famine. The WFP said funding had fallen.")
    assert one(ents, "WFP").name == "World Food Programme"


def test_united_states_variants_are_one_entity(nlp: Language) -> None:
    ents = entities(
        nlp,
        "The United States imposed new tariffs on steel. U.S. officials said the US would not back down.",
    )
    us = one(ents, "U.S.")
    assert us.name == "United States"
    assert us.type == "GPE"
    assert set(us.aliases) == {"United States", "U.S.", "US"}
    assert us.mentions[0].text == "United States"  # "The" trimmed


def test_leading_modifier_joins_the_bare_name(nlp: Language) -> None:
    ents = entities(nlp, "The Russian Wagner Group sent fighters to Mali. Wagner Group commanders denied it.")
    wagner = one(ents, "Wagner Group")
    assert wagner.name == "Wagner Group"
    assert "Russian Wagner Group" in wagner.aliases
    assert wagner.type == "ORG"


def test_country_mistyped_as_person_is_gpe(nlp: Language) -> None:
    ents = entities(nlp, "The Russian Wagner Group sent fighters to Mali. Wagner Group commanders denied it.")
    assert one(ents, "Mali").type == "GPE"


def test_city_mistyped_as_org_is_gpe(nlp: Language) -> None:
    # The small model tags both cities ORG in this sentence.
    ents = entities(
        nlp, "The aid convoy reached Irbil late on Friday, and the planes from Irbil landed in Dohuk."
    )
    irbil = one(ents, "Irbil")
    assert irbil.type == "GPE"
    assert len(irbil.mentions) == 2
    assert one(ents, "Dohuk").type == "GPE"


def test_demonym_stays_apart_from_its_country(nlp: Language) -> None:
    ents = entities(nlp, "Iranian officials said Iran would respond to the sanctions.")
    iranian, iran = one(ents, "Iranian"), one(ents, "Iran")
    assert iranian is not iran
    assert (iranian.type, iran.type) == ("NORP", "GPE")


def test_title_from_apposition(nlp: Language) -> None:
    ents = entities(nlp, "Jens Stoltenberg, the secretary general of NATO, warned of new threats on Friday.")
    assert one(ents, "Jens Stoltenberg").titles == ("secretary general of NATO",)


def test_title_from_copular_sentence(nlp: Language) -> None:
    ents = entities(nlp, "Mark Rutte is the prime minister of the Netherlands.")
    assert one(ents, "Mark Rutte").titles == ("prime minister of the Netherlands",)


def test_title_before_the_name_and_no_entity_inside_it(nlp: Language) -> None:
    ents = entities(nlp, "Secretary of State Antony Blinken arrived in Cairo on Sunday.")
    blinken = one(ents, "Antony Blinken")
    assert blinken.titles == ("Secretary of State",)
    assert not having(ents, "State")


def test_government_of_a_named_person(nlp: Language) -> None:
    ents = entities(nlp, "Critics accused the Nouri al-Maliki government of sectarian policies.")
    maliki = one(ents, "Nouri al-Maliki")
    assert maliki.type == "PERSON"
    assert [m.text for m in maliki.mentions] == ["Nouri al-Maliki"]


def test_times_and_amounts_make_no_entities(nlp: Language) -> None:
    ents = entities(
        nlp, "On 3 March 2015 the bank paid $40 million, about 12 percent of its profit, to Oxfam."
    )
    assert [e.name for e in ents] == ["Oxfam"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Kirkuk confirmed the flights, and Kirkuk airport reopened.",
        "Pfizer and Moderna shipped doses to Peru and Chile in May.",
    ],
)
def test_ids_follow_first_mention_and_offsets_are_exact(nlp: Language, text: str) -> None:
    ents = entities(nlp, text)
    assert [e.id for e in ents] == [f"e{n}" for n in range(1, len(ents) + 1)]
    firsts = [e.mentions[0].start for e in ents]
    assert firsts == sorted(firsts)
    for e in ents:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_seed_has_one_soleimani_typed_person(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in seed_analysis.entities if any(a.endswith("Soleimani") for a in e.aliases)]
    assert len(found) == 1
    assert found[0].type == "PERSON"
    assert found[0].name == "Qassem Soleimani"


def test_bare_first_name_joins_the_only_full_name(nlp: Language) -> None:
    ents = entities(
        nlp, "Greta Thunberg spoke in Davos on Tuesday. Later, Greta told delegates that time was short."
    )
    assert one(ents, "Greta").name == "Greta Thunberg"


def test_shared_first_name_stays_apart(nlp: Language) -> None:
    ents = entities(nlp, "John Smith and John Doe founded the firm. John left in 2010.")
    john = one(ents, "John")
    assert john.aliases == ("John",)


def test_company_named_after_a_person_stays_apart(nlp: Language) -> None:
    ents = entities(
        nlp,
        "Walt Disney opened the park in 1955. Disney shares rose on Monday, and Disney said profits grew.",
    )
    assert one(ents, "Disney") is not one(ents, "Walt Disney")
    assert one(ents, "Disney").type == "ORG"


def test_end_of_a_title_is_no_entity(nlp: Language) -> None:
    assert entities(nlp, "The Secretary of State said the talks would go on.") == []


def test_modifier_joins_a_name_from_the_variant_lexicon(nlp: Language) -> None:
    ents = entities(nlp, "Afghan Taliban fighters entered the city. The Taliban said the war was over.")
    taliban = one(ents, "Taliban")
    assert set(taliban.aliases) == {"Afghan Taliban", "Taliban"}
    assert taliban.name == "Taliban"


def test_place_named_inside_a_name_does_not_split_a_place(nlp: Language) -> None:
    ents = entities(nlp, "Voters in New Mexico and Mexico went to the polls.")
    assert one(ents, "New Mexico") is not one(ents, "Mexico")


def test_full_names_of_one_person_and_a_missed_surname(nlp: Language) -> None:
    # NER finds both full names but not the bare surname: the surname is found by string match.
    text = "H. Ross Perot founded the company. Ross Perot later ran for president, and Perot won many votes."
    perot = one(entities(nlp, text), "Ross Perot")
    assert perot.name == "H. Ross Perot"
    assert [m.text for m in perot.mentions] == ["H. Ross Perot", "Ross Perot", "Perot"]
    assert perot.mentions[-1].start == text.rindex("Perot")


def test_generational_suffix_is_not_the_surname(nlp: Language) -> None:
    king = one(
        entities(nlp, "Martin Luther King Jr. spoke in Memphis. King was cheered by thousands."), "King"
    )
    assert king.name == "Martin Luther King Jr."
    assert king.type == "PERSON"
