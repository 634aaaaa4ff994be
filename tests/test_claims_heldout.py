"""Claim rules found on held-out articles (sentences written for these tests)."""

from __future__ import annotations

from spacy.language import Language

from newsgraph.nlp.state import get_state


def _claims(nlp: Language, text: str) -> dict[str, str]:
    return {c.text: c.status for c in get_state(nlp(text)).claims}


def test_writers_jab_questions_are_rhetorical_opinions(nlp: Language) -> None:
    found = _claims(nlp, "The council spent the money on a new logo. Who could have seen that coming?")
    assert found.get("Who could have seen that coming?") == "opinion"
    found = _claims(nlp, "The logo cost more than the bridge repairs. Good use of public money, anyone?")
    assert found.get("Good use of public money, anyone?") == "opinion"
    found = _claims(nlp, "The trains are late again. But whose fault is that?")
    assert found.get("But whose fault is that?") == "opinion"


def test_real_question_is_still_no_claim(nlp: Language) -> None:
    found = _claims(nlp, "When will the new bridge open to traffic? Engineers gave no date on Friday.")
    assert list(found) == ["Engineers gave no date on Friday."]


def test_reader_addressed_exhortation_is_an_opinion(nlp: Language) -> None:
    found = _claims(nlp, "Ministers promise the line by 2030. Forgive me if I do not hold my breath.")
    assert found.get("Forgive me if I do not hold my breath.") == "opinion"


def test_quoted_question_is_not_the_writers(nlp: Language) -> None:
    found = _claims(nlp, '"Where is the money going?" the mayor asked reporters on Friday.')
    assert all(status != "opinion" for status in found.values())


def test_unclear_is_uncertain(nlp: Language) -> None:
    found = _claims(nlp, "It was not immediately clear who fired the rockets.")
    assert next(iter(found.values())) in ("hedged", "speculative")
    found = _claims(nlp, "It remains unclear how many ships were hit.")
    assert next(iter(found.values())) in ("hedged", "speculative")


def test_speaker_after_the_reported_words(nlp: Language) -> None:
    text = (
        "Floods cut the main road on Monday and swept away two bridges, local officials and residents said."
    )
    assert list(_claims(nlp, text).values()) == ["attributed"]
    assert list(_claims(nlp, "The bridge collapsed on Tuesday, killing four people.").values()) == [
        "asserted"
    ]


def test_accusations_and_estimates_with_a_source_are_attributed(nlp: Language) -> None:
    assert list(_claims(nlp, "Greece accused Turkey of violating its airspace.").values()) == ["attributed"]
    text = "The analyst estimated that the mine produces 40,000 tonnes a year."
    assert list(_claims(nlp, text).values()) == ["attributed"]
