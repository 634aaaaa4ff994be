"""Entity rules found on held-out articles (sentences written for these tests)."""

from __future__ import annotations

from spacy.language import Language

from newsgraph.nlp.state import get_state


def _entities(nlp: Language, text: str) -> dict[str, tuple[str, set[str]]]:
    state = get_state(nlp(text))
    return {e.name: (e.type, {e.name, *e.aliases}) for e in state.entities}


def test_name_before_an_abbreviation_in_parentheses_is_clean(nlp: Language) -> None:
    found = _entities(
        nlp, "The Bureau of Industry and Security (BIS) blocked the deal. BIS gave no reason on Monday."
    )
    names = [n for n in found if "Industry" in n]
    assert names == ["Bureau of Industry and Security"]
    assert "BIS" in found[names[0]][1]
    assert not any("(" in n for n in found)


def test_company_with_and_without_its_legal_form_is_one_organisation(nlp: Language) -> None:
    text = (
        "Ownership records show that Northgale Shipping Ltd bought four tankers last year. "
        "Northgale Shipping did not reply. Brennvik Holdings AG, a Swiss firm, paid the fees; "
        "Brennvik declined to comment."
    )
    found = _entities(nlp, text)
    northgale = [v for v in found.values() if "Northgale Shipping Ltd" in v[1]]
    assert len(northgale) == 1 and "Northgale Shipping" in northgale[0][1] and northgale[0][0] == "ORG"
    brennvik = [v for v in found.values() if "Brennvik Holdings AG" in v[1]]
    assert len(brennvik) == 1 and "Brennvik" in brennvik[0][1] and brennvik[0][0] == "ORG"


def test_name_after_town_of_is_a_place(nlp: Language) -> None:
    found = _entities(nlp, "Shelling hit the nuclear plant near the town of Enerhodar on Thursday.")
    assert found["Enerhodar"][0] == "GPE"
