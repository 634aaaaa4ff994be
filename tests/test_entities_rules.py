"""The entity layer's rules one by one: lexicons, mention candidates, typing and the place adapter."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.entities import places as entities_places
from newsgraph.nlp.entities.component import find_entities
from newsgraph.nlp.entities.lexicon import lexicon
from newsgraph.nlp.entities.mentions import (
    Cand,
    acronym_candidates,
    is_acronym,
    is_junk,
    ner_candidates,
    repeat_mentions,
)
from newsgraph.nlp.entities.merge import make_groups
from newsgraph.nlp.entities.types import cluster_type
from newsgraph.nlp.state import get_state


def parsed(nlp: Language, text: str) -> Doc:
    """The pipeline up to and including spaCy's NER (tags, sentences, parse, entities)."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ner":
            break
    return doc


def cand(text: str, label: str | None, start: int = 0) -> Cand:
    return Cand(i=0, j=len(text.split()), start=start, end=start + len(text), text=text, label=label)


def test_variant_lexicon() -> None:
    lex = lexicon()
    for text in ("U.S.", "US", "USA", "United States", "America"):
        found = lex.variant(text)
        assert found is not None and found.name == "United States", text
    assert lex.variant("Quds Force") == lex.variant("Qods Force")
    assert lex.variant("us") is None  # the pronoun is never the country
    assert lex.variant("Iranian") is None  # demonyms are not variants of the country


@pytest.mark.parametrize("text", ["a", "X", "the government", "2015", "42"])
def test_junk_mentions(text: str) -> None:
    assert is_junk(text)


@pytest.mark.parametrize("text", ["NATO", "U.N.", "Oxfam", "al-Shabaab"])
def test_real_names_are_not_junk(text: str) -> None:
    assert not is_junk(text)


def test_acronym_shape() -> None:
    assert is_acronym("IAEA") and is_acronym("U.S.") and is_acronym("COP26")
    assert not is_acronym("Iran") and not is_acronym("A") and not is_acronym("ABCDEFGHIJ")


def test_bare_abbreviation_missed_by_ner_is_added(nlp: Language) -> None:
    doc = parsed(nlp, "Negotiators said the CTBT was never ratified, the CEO of the firm said.")
    found = [c.text for c in acronym_candidates(doc, [], lexicon())]
    assert found == ["CTBT"]  # CEO is a role, not a name


def test_no_abbreviations_from_shouted_headlines(nlp: Language) -> None:
    doc = parsed(nlp, "BREAKING NEWS: MARKETS FALL AS BANKS WOBBLE")
    assert acronym_candidates(doc, [], lexicon()) == []


def test_repeat_mentions_on_token_boundaries(nlp: Language) -> None:
    text = "Angela Merkel won again. The Merkel-led coalition held, but Merkelism faded and Merkel left."
    doc = parsed(nlp, text)
    first = Cand(i=0, j=2, start=0, end=13, text="Angela Merkel", label="PERSON")
    found = repeat_mentions(doc, ["Merkel"], [first])
    assert [(c.text, text[c.start : c.end]) for c in found] == [("Merkel", "Merkel"), ("Merkel", "Merkel")]
    assert [c.start for c in found] == [text.index("Merkel-led"), text.rindex("Merkel")]


def test_repeat_mentions_skip_part_of_a_longer_name(nlp: Language) -> None:
    doc = parsed(nlp, "Barack Obama spoke. Later Michelle Obama spoke too.")
    first = Cand(i=0, j=2, start=0, end=12, text="Barack Obama", label="PERSON")
    assert repeat_mentions(doc, ["Obama"], [first]) == []


def test_org_head_word_overrules_person_label() -> None:
    lex = lexicon()
    groups = make_groups([cand("Wagner Force", "PERSON"), cand("Wagner Force", "ORG", 40)], lex)
    assert cluster_type(groups, "Wagner Force", lex) == "ORG"


def test_place_head_word_makes_a_place() -> None:
    lex = lexicon()
    groups = make_groups([cand("Nineveh Governorate", "ORG")], lex)
    assert cluster_type(groups, "Nineveh Governorate", lex) == "GPE"


def test_natural_feature_head_word_makes_a_location() -> None:
    lex = lexicon()
    groups = make_groups([cand("Zambezi River", "PERSON"), cand("Zambezi River", "GPE", 40)], lex)
    assert cluster_type(groups, "Zambezi River", lex) == "LOC"


def test_majority_vote_of_labels() -> None:
    lex = lexicon()
    labels = ["PRODUCT", "ORG", "PRODUCT"]
    groups = make_groups([cand("Zorblax", label, 20 * n) for n, label in enumerate(labels)], lex)
    assert cluster_type(groups, "Zorblax", lex) == "PRODUCT"


def test_found_only_by_us_defaults_to_org() -> None:
    lex = lexicon()
    groups = make_groups([cand("QXZ", None)], lex)
    assert cluster_type(groups, "QXZ", lex) == "ORG"


def test_gazetteer_hits_that_may_overrule_ner() -> None:
    strong = entities_places._strong

    def hit(name: str, feature: str, population: int) -> SimpleNamespace:
        return SimpleNamespace(name=name, feature=feature, population=population)

    assert strong(hit("Kenya", "country", 0), "Kenya")
    assert strong(hit("Erbil", "city", 1_600_000), "Arbil")  # a spelling of a large city
    # a translated name, a mid-size city's alternate and a hamlet all stay out
    assert not strong(hit("Casablanca", "city", 3_600_000), "White House")
    assert not strong(hit("Topeka", "city", 125_000), "Topika")
    assert not strong(hit("Congress", "city", 2_000), "Congress")


def test_fallback_index() -> None:
    index = entities_places._fallback_index()
    assert index["baghdad"] == "major"
    assert index["iraq"] == "country"
    assert index["calais"] == "place"
    assert index["hillah"] == "place"  # "Al Ḩillah", folded and without its article
    assert "google" not in index and "congress" not in index


def test_place_kind_of_common_names() -> None:
    assert entities_places.place_kind("Kenya") == "country"
    assert entities_places.place_kind("Nairobi") == "major"
    assert entities_places.place_kind("Calais") == "place"
    assert entities_places.place_kind("Zorblaxia") is None
    assert entities_places.place_kind("nairobi") is None  # lower case is never a name


def test_locative_preposition_makes_a_known_place_a_place(nlp: Language) -> None:
    text = "Flooding hit homes in Calais overnight. Calais officials said the damage was severe."
    doc = with_ents(parsed(nlp, text), [("Calais", "PERSON"), ("Calais", "PERSON")])
    (calais,) = find_entities(doc, lexicon())
    assert calais.type == "GPE"


def test_possessive_after_a_place_name_keeps_the_person(nlp: Language) -> None:
    text = "Critics found little in Calais's speech. Calais replied on Monday."
    doc = with_ents(parsed(nlp, text), [("Calais", "PERSON"), ("Calais", "PERSON"), ("Monday", "DATE")])
    (calais,) = find_entities(doc, lexicon())
    assert calais.type == "PERSON"


def test_major_city_tagged_person_is_a_place(nlp: Language) -> None:
    doc = with_ents(parsed(nlp, "Nairobi welcomed the delegates."), [("Nairobi", "PERSON")])
    assert find_entities(doc, lexicon())[0].type == "GPE"


def with_ents(doc: Doc, spans: list[tuple[str, str]]) -> Doc:
    """Set NER output by hand (text of the span → label) to test what our layer makes of it."""
    ents = []
    after = 0
    for text, label in spans:  # in order of appearance
        start = doc.text.index(text, after)
        after = start + len(text)
        span = doc.char_span(start, start + len(text), label=label)
        assert span is not None, text
        ents.append(span)
    doc.ents = ents
    return doc


def test_mentions_are_trimmed_to_the_name(nlp: Language) -> None:
    text = "Buyers chose the earlier MacBook Pro over Dell’s laptops, said Mr. Osama bin Laden’s cousin."
    doc = with_ents(
        parsed(nlp, text),
        [("the earlier MacBook Pro", "ORG"), ("Dell’s", "ORG"), ("Mr. Osama bin Laden’s", "PERSON")],
    )
    found = ner_candidates(doc, lexicon())
    assert [c.text for c in found] == ["MacBook Pro", "Dell", "Osama bin Laden"]
    for c in found:
        assert text[c.start : c.end] == c.text


def test_mention_across_a_paragraph_break_keeps_one_line(nlp: Language) -> None:
    text = "We reviewed Thunderbolt 3\n\nApple Watch owners wrote in."
    doc = with_ents(parsed(nlp, text), [("Thunderbolt 3\n\nApple Watch", "PERSON")])
    assert [c.text for c in ner_candidates(doc, lexicon())] == ["Apple Watch"]


def test_swallowed_title_becomes_a_title(nlp: Language) -> None:
    doc = with_ents(parsed(nlp, "Yesterday President Lula visited the port."), [("President Lula", "PERSON")])
    (found,) = ner_candidates(doc, lexicon())
    assert (found.text, found.titles) == ("Lula", ["President"])


def test_numeric_labels_make_no_candidates(nlp: Language) -> None:
    doc = with_ents(parsed(nlp, "In 2015 they paid $5 million."), [("2015", "DATE"), ("$5 million", "MONEY")])
    assert ner_candidates(doc, lexicon()) == []


def test_place_inside_a_name_joins_the_bare_name(nlp: Language) -> None:
    doc = with_ents(
        parsed(nlp, "The Kansas City Chiefs won on Sunday. The Chiefs now lead the division."),
        [("Kansas City Chiefs", "ORG"), ("Sunday", "DATE"), ("Chiefs", "ORG")],
    )
    (chiefs,) = find_entities(doc, lexicon())
    assert chiefs.name == "Kansas City Chiefs"
    assert chiefs.aliases == ("Kansas City Chiefs", "Chiefs")


def test_two_names_sharing_a_bare_name_leave_it_alone(nlp: Language) -> None:
    doc = with_ents(
        parsed(nlp, "Ohio Democrats won, and Texas Democrats lost. Democrats celebrated anyway."),
        [("Ohio Democrats", "NORP"), ("Texas Democrats", "NORP"), ("Democrats", "NORP")],
    )
    assert [e.aliases for e in find_entities(doc, lexicon())] == [
        ("Ohio Democrats",),
        ("Texas Democrats",),
        ("Democrats",),
    ]


def test_a_region_of_a_country_is_not_the_country(nlp: Language) -> None:
    doc = with_ents(
        parsed(nlp, "Smog covers North India every winter. India has tried to cut it."),
        [("North India", "LOC"), ("India", "GPE")],
    )
    assert [e.name for e in find_entities(doc, lexicon())] == ["North India", "India"]


def test_name_ending_in_a_demonym_is_a_group(nlp: Language) -> None:
    doc = with_ents(parsed(nlp, "Young Republicans met in Austin."), [("Young Republicans", "PERSON")])
    assert find_entities(doc, lexicon())[0].type == "NORP"


def test_company_named_after_a_town_stays_an_organisation(nlp: Language) -> None:
    doc = with_ents(
        parsed(nlp, "Toyota raised prices on Monday. Toyota shares fell."),
        [("Toyota", "ORG"), ("Monday", "DATE"), ("Toyota", "ORG")],
    )
    assert find_entities(doc, lexicon())[0].type == "ORG"


def test_all_capital_words_are_not_looked_up_as_places() -> None:
    assert entities_places.place_kind("IPO") is None
    assert entities_places.place_kind("PARIS") is None


def test_religion_is_not_the_surname_of_a_person(nlp: Language) -> None:
    text = "Nazrul Islam wrote poems. Islam spread east, and scholars of Islam met."
    doc = with_ents(parsed(nlp, text), [("Nazrul Islam", "PERSON"), ("Islam", "NORP"), ("Islam", "ORG")])
    ents = find_entities(doc, lexicon())
    assert [e.name for e in ents] == ["Nazrul Islam", "Islam"]
    assert ents[1].type != "PERSON"


def test_adjective_titles_stay_in_the_names_of_things(nlp: Language) -> None:
    text = "General Motors said the General Data Protection Regulation applies. General Dan Caine agreed."
    names = {e.name: e.type for e in get_state(nlp(text)).entities}
    assert names.get("General Motors") == "ORG"
    assert names.get("General Data Protection Regulation") != "PERSON"
    assert names.get("Dan Caine") == "PERSON"
