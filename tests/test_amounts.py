"""newsgraph_amounts on whole sentences: the gold file, the seed article, links to times and parts."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from spacy.language import Language

from conftest import FIXTURES
from newsgraph.model import Amount, ReferenceDate, TimeExpr
from newsgraph.nlp.amounts import find_quantities
from newsgraph.nlp.amounts.component import amounts_of
from newsgraph.nlp.amounts.evaluate import load_gold, score
from newsgraph.nlp.state import NgState

GOLD = FIXTURES / "amounts_gold.jsonl"


def run(nlp: Language, text: str, times: list[TimeExpr] | None = None) -> list[Amount]:
    """Our component alone over a parsed doc, with the given times (other newsgraph parts left out)."""
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("newsgraph_")]):
        doc = nlp(text)
    doc._.ng = NgState(reference=ReferenceDate(date=None, method="none", confidence=0.0), times=times or [])
    return amounts_of(doc)


def test_gold_sentences_exactly(nlp: Language) -> None:
    gold = load_gold(GOLD)
    assert len(gold) >= 25
    scores = score(gold, lambda text, times: run(nlp, text, times))
    print(scores.table())
    assert scores.problems == []


def test_seed_rate_and_upper_bound(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    by_value = {(a.value, a.currency): a for a in seed_analysis.amounts}
    monthly = by_value[(Decimal(700_000_000), "USD")]
    assert monthly.per == "month"
    assert by_value[(Decimal(33_600_000_000), "USD")].qualifier == "at_most"


def test_time_link_prefers_the_tied_time_and_skips_rates(nlp: Language) -> None:
    text = "Since 2013 the state has paid $40 million a month, and $2 billion in 2016."
    times = [
        TimeExpr(id="t1", text="2013", start=6, end=10, kind="date", value="2013"),
        TimeExpr(id="t2", text="a month", start=42, end=49, kind="set", value="P1M"),
        TimeExpr(id="t3", text="2016", start=69, end=73, kind="date", value="2016"),
    ]
    for t in times:
        assert text[t.start : t.end] == t.text
    monthly, lump = run(nlp, text, times)
    assert (monthly.per, monthly.time) == ("month", "t1")
    assert lump.time == "t3"


def test_counts_inside_a_found_date_are_dropped(nlp: Language) -> None:
    text = "The Jan. 5 attacks and 30 deaths since shocked the town."
    times = [TimeExpr(id="t1", text="Jan. 5", start=4, end=10, kind="date", value="XXXX-01-05")]
    assert [a.text for a in run(nlp, text, times)] == ["30 deaths"]


def test_part_of_across_a_comma_clause(nlp: Language) -> None:
    whole, part = run(nlp, "Donors gave ¥90 billion, of which about ¥20 billion was in loans.")
    assert part.part_of == whole.id and part.qualifier == "approx"
    part, whole = run(nlp, "Only $2 million of the $9 million raised reached the clinic.")
    assert part.part_of == whole.id and whole.part_of is None


@pytest.mark.parametrize(
    "text",
    [
        "The 1999 budget was passed in 2003, when 24/7 news covered the 9/11 anniversary.",
        "He turned 45 on the 2nd of May; call 020 7946 0958.",
        "The COVID-19 deaths and F-16 jets were discussed in Resolution 2254.",
        "She bought 5 pounds of flour and ran 10 km.",
        "Boeing delivered 40 737 jets this quarter.",
        "Shares rose to 225.86 -12.99 in late trading.",
        "The suspect is six feet tall and weighs 180 pounds.",
        "Teen Shot 11 Times By Police Monday, Vigil Turns Tense",
        "She was billed as the Million Dollar Mermaid.",
        "See story?id=9208916 Convicted Child Molester Escapes",
    ],
)
def test_not_amounts(text: str) -> None:
    found = find_quantities(text)
    assert all(q.unit != "money" for q in found), found
    assert not any(
        q.text.startswith(("1999", "2003", "24", "9", "45", "2", "19", "16", "2254", "737", "11", "92"))
        for q in found
    )
    assert not any(q.value == 1_000_000 for q in found)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("USD 4.5bn", "4500000000", "USD"),
        ("EUR5m", "5000000", "EUR"),
        ("C$300,000", "300000", "CAD"),
        ("HK$88 billion", "88000000000", "HKD"),
        ("Rs 40 lakh", "4000000", "INR"),
        ("2.4 trillion Iranian rials", "2400000000000", "IRR"),
        ("millions of dollars", "1000000", "USD"),
        ("a $5-billion loan", "5000000000", "USD"),
        ("75 million Canadian dollars", "75000000", "CAD"),
        ("₹1.5 lakh crore", "1500000000000", "INR"),
    ],
)
def test_money_forms(text: str, value: str, currency: str) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.currency, q.unit) == (Decimal(value), currency, "money")


def test_time_of_a_statement_is_not_the_time_of_the_amount(nlp: Language) -> None:
    text = "Exports reached $4 billion, the minister said on Friday."
    friday = TimeExpr(id="t1", text="Friday", start=49, end=55, kind="date", value="2024-W10-5")
    assert text[friday.start : friday.end] == "Friday"
    (amount,) = run(nlp, text, [friday])
    assert amount.time is None
    (amount,) = run(nlp, "Exports reached $4 billion on Friday.", [replace(friday, start=31, end=37)])
    assert amount.time == "t1"


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("Dozens killed in the raid", "12", "dead", "approx"),
        ("thousands displaced by floods", "1000", "displaced", "approx"),
        ("a quarter of a million people", "250000", "people", "exact"),
        ("5,000 Iranian-backed Shia militiamen", "5000", "militiamen", "exact"),
        ("the $2bn-$3bn fund", "2000000000", "money", "range"),
        ("a $5 billion-plus deal", "5000000000", "money", "at_least"),
    ],
)
def test_count_and_range_forms(text: str, value: str, unit: str, qualifier: str) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.qualifier) == (Decimal(value), unit, qualifier)
