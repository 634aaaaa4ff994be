"""The amounts lexicons load, say where they come from, and use real ISO 4217 codes."""

from __future__ import annotations

import pycountry
import pytest

from newsgraph.errors import ResourceError
from newsgraph.nlp.amounts import lexicon as lexicon_module
from newsgraph.nlp.amounts.lexicon import PER_VALUES, lexicon
from newsgraph.nlp.amounts.patterns import alt
from newsgraph.resources import load_yaml


@pytest.mark.parametrize("name", ["currencies", "numbers", "units", "modifiers"])
def test_every_lexicon_states_its_source(name: str) -> None:
    assert load_yaml(f"amounts/{name}.yaml")["source"].strip()


def test_currency_codes_are_iso_4217() -> None:
    for currency in lexicon().currencies:
        assert pycountry.currencies.get(alpha_3=currency.code) is not None, currency.code


def test_no_symbol_or_name_points_at_two_currencies() -> None:
    seen: dict[str, str] = {}
    for currency in lexicon().currencies:
        for form in (*currency.symbols, *(n.lower() for n in currency.names)):
            assert seen.setdefault(form, currency.code) == currency.code, form


def test_rates_are_known_periods() -> None:
    assert set(lexicon().rates.values()) <= set(PER_VALUES)


def test_empty_pattern_group_is_refused() -> None:
    with pytest.raises(ResourceError):
        alt([])


def test_bad_mapping_names_the_file() -> None:
    with pytest.raises(ResourceError, match=r"amounts/modifiers\.yaml"):
        lexicon_module._by_class(
            {"rates": {"fortnight": ["a fortnight"]}}, "rates", "modifiers.yaml", PER_VALUES
        )
