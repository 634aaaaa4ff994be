"""Property tests for the number parser and for what qualifiers/rates may (not) change."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.nlp.amounts import find_quantities, parse_number
from newsgraph.nlp.amounts.lexicon import lexicon

SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
ABBREVIATIONS = {"k": 10**3, "m": 10**6, "bn": 10**9, "tn": 10**12}

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
]
_ONES += ["sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

decimals = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


def _spell_below_1000(n: int) -> str:
    words = []
    if n >= 100:
        words += [_ONES[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        words.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n or not words:
        words.append(_ONES[n])
    return " ".join(words)


def spell(n: int) -> str:
    """English words for 0 <= n < 10**9 ("two hundred fifty-one thousand and six" style, no "and")."""
    parts = []
    for scale, word in ((10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            parts.append(f"{_spell_below_1000(n // scale)} {word}")
            n %= scale
    if n or not parts:
        parts.append(_spell_below_1000(n))
    return " ".join(parts)


@given(st.integers(min_value=0, max_value=10**15))
def test_integers_with_thousands_separators_parse_back(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@given(decimals, st.sampled_from(sorted(SCALES)))
def test_decimal_with_scale_word_is_exact(d: Decimal, scale: str) -> None:
    assert parse_number(f"{d:,} {scale}") == d * SCALES[scale]


@given(decimals, st.sampled_from(sorted(ABBREVIATIONS)))
def test_decimal_with_attached_abbreviation_is_exact(d: Decimal, abbr: str) -> None:
    assert parse_number(f"{d}{abbr}") == d * ABBREVIATIONS[abbr]
    assert parse_number(f"{d}{abbr.upper()}") == d * ABBREVIATIONS[abbr]


@given(st.integers(min_value=0, max_value=999_999_999))
def test_number_words_parse_back(n: int) -> None:
    assert parse_number(spell(n)) == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(sorted(SCALES)))
def test_money_value_keeps_full_magnitude(n: int, scale: str) -> None:
    (q,) = find_quantities(f"They paid ${n:,}.5 {scale} for it.")
    assert q.value == (Decimal(n) + Decimal("0.5")) * SCALES[scale]
    assert (q.unit, q.currency, q.qualifier) == ("money", "USD", "exact")


@settings(max_examples=200)
@given(
    decimals.filter(lambda d: d >= 1),
    st.sampled_from(sorted(SCALES)),
    st.sampled_from(sorted(lexicon().qualifiers_before)),
)
def test_qualifiers_never_change_the_value(d: Decimal, scale: str, phrase: str) -> None:
    plain = find_quantities(f"The bill was €{d:,} {scale} last year.")
    qualified = find_quantities(f"The bill was {phrase} €{d:,} {scale} last year.")
    assert [q.value for q in qualified] == [q.value for q in plain] == [d * SCALES[scale]]
    assert qualified[0].qualifier == lexicon().qualifiers_before[phrase]


@given(decimals.filter(lambda d: d >= 1), st.sampled_from(sorted(lexicon().rates)))
def test_rates_set_per_and_keep_the_value(d: Decimal, phrase: str) -> None:
    (q,) = find_quantities(f"Aid of £{d:,} million {phrase} was promised.")
    assert q.value == d * 10**6
    assert q.per == lexicon().rates[phrase]


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_ranges_keep_both_ends_and_report_the_low_one(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    (q,) = find_quantities(f"Losses were between ${lo} and ${hi} billion.")
    assert q.qualifier == "range"
    assert q.range == (lo * 10**9, hi * 10**9)
    assert q.value == lo * 10**9
