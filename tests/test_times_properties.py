"""Properties of the time normalizer over generated inputs (hypothesis)."""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.nlp.times import calendar as cal
from newsgraph.nlp.times import extract

MONTHS = list(calendar.month_name)[1:]
days = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))


@settings(max_examples=150, deadline=None)
@given(days)
def test_month_day_year_normalizes_to_that_day(d: date) -> None:
    text = f"The accord was signed on {MONTHS[d.month - 1]} {d.day}, {d.year}, in the capital."
    found = extract(text, "2020-01-01").times
    assert [(t.value, t.earliest, t.latest) for t in found] == [(d.isoformat(), d.isoformat(), d.isoformat())]


@settings(max_examples=100, deadline=None)
@given(days)
def test_day_month_year_normalizes_to_that_day(d: date) -> None:
    text = f"Troops withdrew on {d.day} {MONTHS[d.month - 1]} {d.year}."
    assert [t.value for t in extract(text, "2020-01-01").times] == [d.isoformat()]


@settings(max_examples=100, deadline=None)
@given(st.integers(1800, 2099), st.integers(1, 12))
def test_month_year_covers_the_whole_month(y: int, m: int) -> None:
    t = extract(f"Prices rose in {MONTHS[m - 1]} {y}.", "2020-01-01").times[0]
    assert t.earliest == date(y, m, 1).isoformat()
    assert t.latest == date(y, m, calendar.monthrange(y, m)[1]).isoformat()


modifier = st.sampled_from(["early", "mid-", "late", "Early in", "the end of", "the beginning of"])
period = st.one_of(
    st.integers(1800, 2099).map(str),
    st.tuples(st.sampled_from(MONTHS), st.integers(1800, 2099)).map(lambda p: f"{p[0]} {p[1]}"),
    st.tuples(st.sampled_from(["spring", "summer", "autumn", "winter"]), st.integers(1800, 2099)).map(
        lambda p: f"the {p[0]} of {p[1]}"
    ),
    st.integers(180, 209).map(lambda d: f"the {d}0s"),
)


@settings(max_examples=200, deadline=None)
@given(modifier, period, days)
def test_earliest_never_after_latest(mod: str, what: str, ref: date) -> None:
    sep = "" if mod.endswith("-") else " "
    for t in extract(f"It happened in {mod}{sep}{what}, and again last month.", ref.isoformat()).times:
        if t.earliest is not None and t.latest is not None:
            assert t.earliest <= t.latest, t


@settings(max_examples=200, deadline=None)
@given(
    days,
    st.sampled_from(["START", "MID", "END"]),
    st.sampled_from(["year", "month", "quarter", "decade", "season"]),
)
def test_a_modified_period_lies_inside_the_period(d: date, mod: str, unit: str) -> None:
    whole = cal.of_unit(unit, d)
    part = cal.modified(whole, mod)
    assert whole.earliest is not None and whole.latest is not None
    assert part.earliest is not None and part.latest is not None
    assert whole.earliest <= part.earliest <= part.latest <= whole.latest
    assert part.value == whole.value


@settings(max_examples=200, deadline=None)
@given(days, st.integers(-30, 30), st.sampled_from(["day", "week", "month", "quarter", "year", "decade"]))
def test_shift_lands_on_a_unit_of_the_asked_kind(d: date, n: int, unit: str) -> None:
    g = cal.shift(cal.day(d), unit, n)
    assert g.unit == unit
    assert g.earliest is not None and g.latest is not None and g.earliest <= g.latest


words = st.sampled_from(
    ["in", "the", "late", "early", "May", "March", "2014", "and", "since", "years", "ago", "5000", "that", "year",
     "following", "Q3", "spring", "of", "a", "month", "$", "million", "24/7", "3-1", "Tuesday", "next", "last",
     "week", "mid-", "1990s", "between", "to", ",", ".", "two", "half", "earlier", "quarter", "now", "9", "p.m."]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=14), st.one_of(st.none(), days))
def test_any_word_salad_gives_valid_records(tokens: list[str], ref: date | None) -> None:
    text = " ".join(tokens)
    for t in extract(text, ref.isoformat() if ref else None).times:
        assert text[t.start : t.end] == t.text
        assert t.kind in ("date", "interval", "duration", "set")
        if t.earliest is not None and t.latest is not None:
            assert t.earliest <= t.latest
        if t.kind in ("duration", "set"):
            assert t.earliest is None and t.latest is None
