"""Rates per unit of a good or per person, found on held-out articles (sentences written here)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp.state import get_state


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [
        ("Brent crude traded at $91 per barrel on Monday.", 91, "barrel"),
        ("Farmers were paid 310 euros a tonne for wheat.", 310, "tonne"),
        ("Silver rose to $24 an ounce.", 24, "ounce"),
        ("The board approved a dividend of $0.85 a share.", 0.85, "share"),
        ("Each refugee receives $30 per person in cash aid.", 30, "person"),
        ("Contractors billed $150 an hour.", 150, "hour"),
    ],
)
def test_rate_per_unit(nlp: Language, text: str, value: float, per: str) -> None:
    amounts = get_state(nlp(text)).amounts
    assert [(float(a.value or 0), a.per) for a in amounts] == [(value, per)]


def test_time_rates_still_link_and_units_do_not_swallow_text(nlp: Language) -> None:
    amounts = get_state(nlp("The ministry spends $2 billion a year on fuel, a tonne of paperwork.")).amounts
    assert [(a.text, a.per) for a in amounts] == [("$2 billion a year", "year")]
