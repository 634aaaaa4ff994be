"""Rules of the time-expression finder and normalizer, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.model import ReferenceDate, TimeExpr
from newsgraph.nlp.times import extract

REF = "2016-06-15"  # a Wednesday


def times(text: str, ref: str | None = REF) -> list[TimeExpr]:
    return extract(text, ref).times


def only(text: str, surface: str, ref: str | None = REF) -> TimeExpr:
    found = [t for t in times(text, ref) if t.text == surface]
    assert len(found) == 1, (surface, [t.text for t in times(text, ref)])
    return found[0]


def bounds(t: TimeExpr) -> tuple[str | None, str | None]:
    return t.earliest, t.latest


@pytest.mark.parametrize(
    ("text", "surface", "value", "earliest", "latest"),
    [
        (
            "The plant reopened on 5 March 2015 after repairs.",
            "5 March 2015",
            "2015-03-05",
            "2015-03-05",
            "2015-03-05",
        ),
        (
            "Voting ended on March 5, 2015, in most states.",
            "March 5, 2015",
            "2015-03-05",
            "2015-03-05",
            "2015-03-05",
        ),
        (
            "The photo was taken 3 Mar 2015 near the river.",
            "3 Mar 2015",
            "2015-03-03",
            "2015-03-03",
            "2015-03-03",
        ),
        ("Filed 2015-03-05 with the court.", "2015-03-05", "2015-03-05", "2015-03-05", "2015-03-05"),
        ("Prices rose in March 2015 across the region.", "March 2015", "2015-03", "2015-03-01", "2015-03-31"),
        ("The treaty was signed in 2015 by both sides.", "2015", "2015", "2015-01-01", "2015-12-31"),
        ("Trade grew through the 1990s.", "the 1990s", "199", "1990-01-01", "1999-12-31"),
        ("Sales fell in Q3 2015 for the first time.", "Q3 2015", "2015-Q3", "2015-07-01", "2015-09-30"),
        (
            "Profits fell in the third quarter of 2015.",
            "the third quarter of 2015",
            "2015-Q3",
            "2015-07-01",
            "2015-09-30",
        ),
        (
            "The rebels advanced in the spring of 2014.",
            "the spring of 2014",
            "2014-SP",
            "2014-03-01",
            "2014-05-31",
        ),
        (
            "The company was sold in the first half of 2012.",
            "the first half of 2012",
            "2012-H1",
            "2012-01-01",
            "2012-06-30",
        ),
        (
            "A census was held on 9/14/2011 in the capital.",
            "9/14/2011",
            "2011-09-14",
            "2011-09-14",
            "2011-09-14",
        ),
    ],
)
def test_absolute_dates(text: str, surface: str, value: str, earliest: str, latest: str) -> None:
    t = only(text, surface)
    assert (t.value, t.earliest, t.latest, t.kind, t.anchor) == (value, earliest, latest, "date", None)


@pytest.mark.parametrize(
    ("text", "surface", "mod", "earliest", "latest"),
    [
        ("The mill closed in late 2013 for good.", "late 2013", "END", "2013-09-01", "2013-12-31"),
        ("Work began in early 2014 on the bridge.", "early 2014", "START", "2014-01-01", "2014-04-30"),
        ("Early in 2015, the council voted again.", "Early in 2015", "START", "2015-01-01", "2015-04-30"),
        ("The merger closed in mid-2015.", "mid-2015", "MID", "2015-05-01", "2015-08-31"),
        ("Snow fell in late March across the hills.", "late March", "END", "2016-03-22", "2016-03-31"),
        ("Rents climbed at the end of 2012.", "the end of 2012", "END", "2012-09-01", "2012-12-31"),
        ("The band formed in the late 1970s.", "late 1970s", "END", "1977-01-01", "1979-12-31"),
    ],
)
def test_modifiers_take_a_third(text: str, surface: str, mod: str, earliest: str, latest: str) -> None:
    t = only(text, surface)
    assert (t.mod, t.earliest, t.latest) == (mod, earliest, latest)


@pytest.mark.parametrize(
    ("text", "surface", "earliest", "latest"),
    [
        (
            "Floods hit in April and May 2015 along the coast.",
            "April and May 2015",
            "2015-04-01",
            "2015-05-31",
        ),
        ("Talks ran through May and June 2016 in Geneva.", "May and June 2016", "2016-05-01", "2016-06-30"),
        ("The festival moved from March to May 2015.", "from March to May 2015", "2015-03-01", "2015-05-31"),
        ("Output doubled between 2014 and 2016.", "between 2014 and 2016", "2014-01-01", "2016-12-31"),
        ("His term, 2014-2016, was turbulent.", "2014-2016", "2014-01-01", "2016-12-31"),
        ("The fair ran March 3-5, 2015 in the park.", "March 3-5, 2015", "2015-03-03", "2015-03-05"),
    ],
)
def test_coordinated_and_ranged_expressions_are_intervals(
    text: str, surface: str, earliest: str, latest: str
) -> None:
    t = only(text, surface)
    assert (t.kind, t.earliest, t.latest) == ("interval", earliest, latest)


def test_two_complete_years_joined_by_and_stay_two_dates() -> None:
    found = times("The drought lasted in 2014 and 2015 in the south.")
    assert [(t.text, t.kind) for t in found] == [("2014", "date"), ("2015", "date")]


def test_that_year_and_the_following_year_refer_to_the_last_time_mentioned() -> None:
    text = "The mine opened in August 2011. It flooded in October of that year and closed the following year."
    october = only(text, "October of that year")
    assert (october.value, *bounds(october)) == ("2011-10", "2011-10-01", "2011-10-31")
    assert october.anchor is not None and october.anchor.startswith("discourse:")
    following = only(text, "the following year")
    assert (following.value, *bounds(following)) == ("2012", "2012-01-01", "2012-12-31")


def test_that_month_and_years_later_count_from_the_discourse() -> None:
    text = (
        "The factory burned in March 2009. Workers were laid off that month. Two years later it was rebuilt."
    )
    assert only(text, "that month").value == "2009-03"
    later = only(text, "Two years later")
    assert (later.value, later.earliest) == ("2011", "2011-01-01")


@pytest.mark.parametrize(
    ("text", "surface", "value", "earliest", "latest"),
    [
        ("The minister resigned yesterday.", "yesterday", "2016-06-14", "2016-06-14", "2016-06-14"),
        ("Shares slid last week on the news.", "last week", "2016-W23", "2016-06-06", "2016-06-12"),
        ("Inflation eased this month, the bank said.", "this month", "2016-06", "2016-06-01", "2016-06-30"),
        ("The law was passed last year.", "last year", "2015", "2015-01-01", "2015-12-31"),
        ("The dam was finished two years ago.", "two years ago", "2014", "2014-01-01", "2014-12-31"),
        ("Next year the port will expand.", "Next year", "2017", "2017-01-01", "2017-12-31"),
        ("Now the town is quiet again.", "Now", "PRESENT_REF", "2016-06-15", "2016-06-15"),
    ],
)
def test_relative_expressions_resolve_on_the_reference_date(
    text: str, surface: str, value: str, earliest: str, latest: str
) -> None:
    t = only(text, surface)
    assert (t.value, t.earliest, t.latest, t.anchor) == (value, earliest, latest, "reference")


def test_weekday_in_a_report_is_the_past_one() -> None:
    t = only("The mayor spoke on Monday about the budget.", "Monday")
    assert t.value == "2016-06-13"


def test_since_keeps_the_bounds_of_the_named_time() -> None:
    t = only("Payments have flowed since January 2014 without a break.", "January 2014")
    assert (t.mod, *bounds(t)) == ("ON_OR_AFTER", "2014-01-01", "2014-01-31")


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("The siege lasted more than two years.", "more than two years", "P2Y", "MORE_THAN"),
        ("She served two and a half years in prison.", "two and a half years", "P2Y6M", None),
        ("The strike went on for many months.", "many months", "PXM", None),
        ("It took 5 1/2 hours to cross.", "5 1/2 hours", "PT5H30M", None),
        ("Over the past three weeks, prices fell.", "the past three weeks", "P3W", None),
        ("Three decades of rule ended.", "Three decades", "P30Y", None),
    ],
)
def test_durations_have_no_calendar_bounds(text: str, surface: str, value: str, mod: str | None) -> None:
    t = only(text, surface)
    assert (t.kind, t.value, t.mod, t.earliest, t.latest) == ("duration", value, mod, None, None)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The state pays $40 million a month to the contractor.", "a month", "P1M"),
        ("The committee meets every week in the town hall.", "every week", "P1W"),
        ("The report is published annually.", "annually", "P1Y"),
        ("Buses leave twice a day from the square.", "a day", "P1D"),
    ],
)
def test_sets(text: str, surface: str, value: str) -> None:
    t = only(text, surface)
    assert (t.kind, t.value, t.earliest, t.latest) == ("set", value, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The clinic is open 24/7 for emergencies.",
        "We have watched them 24/365, he said.",
        "The home side won 3-1 in extra time.",
        "He left school at age 15 to work.",
        "A 15-year-old was among the injured.",
        "The ratio was 3:2 in favour.",
        "About 2500 troops crossed the border.",
        "The agency hired 1,998 inspectors.",
        "The Daily Mail and the Weekly Standard ran the story.",
        "You may go now or stay.",
        "The fall of the city shocked the region.",
    ],
)
def test_look_alikes_are_not_calendar_dates(text: str) -> None:
    dated = [t for t in times(text) if t.kind in ("date", "interval") and t.value[:1].isdigit()]
    assert dated == []


def test_bare_month_may_is_a_month_only_after_a_time_word() -> None:
    assert [t.value for t in times("Prices rose in May, and buyers may wait.")] == ["2016-05"]


def test_month_without_year_follows_the_tense() -> None:
    past = extract("Exports collapsed in November.", "2016-02-10", tense_at=lambda _: "past").times
    future = extract("The vote is due in November.", "2016-02-10", tense_at=lambda _: "future").times
    assert (past[0].value, future[0].value) == ("2015-11", "2016-11")


def test_unresolvable_relative_expression_keeps_an_open_value() -> None:
    t = only("Nothing happened yesterday.", "yesterday", ref=None)
    assert (t.value, t.earliest, t.latest) == ("XXXX-XX-XX", None, None)


class TestReferenceInference:
    def test_a_date_said_to_be_now_is_the_reference(self) -> None:
        text = "The war began in March 2011. Now, in August 2013, the front has not moved. Last week shells fell."
        result = extract(text)
        assert result.reference.method == "text"
        assert result.reference.date is not None and result.reference.date.startswith("2013-08")
        assert only(text, "Last week", ref=None).value == "2013-W34"

    def test_otherwise_the_latest_date_not_far_ahead_of_the_others(self) -> None:
        text = "Rains came in May 2012 and in June 2012. The plan runs until March 2030."
        ref = extract(text).reference
        assert ref.date is not None and ref.date.startswith("2012-06")
        assert 0 < ref.confidence < 0.8

    def test_a_given_reference_is_kept(self) -> None:
        result = extract(
            "It rained in May 2012.", ReferenceDate(date="2020-01-01", method="given", confidence=1.0)
        )
        assert result.reference.date == "2020-01-01"

    def test_no_dates_no_reference(self) -> None:
        assert extract("Nothing dated here.").reference.date is None


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Families gathered on Thanksgiving Day to eat.", "Thanksgiving Day", "2015-11-26"),
        ("The lights failed on Christmas Eve 2012.", "Christmas Eve 2012", "2012-12-24"),
        ("Pilgrims came for Easter 2019.", "Easter 2019", "2019-04-21"),
        ("Polls open on Election Day in the county.", "Election Day", "2016-11-08"),
        ("The town was founded in nineteen oh five, he said.", "nineteen oh five", "1905"),
        ("He returned in the year two thousand.", "the year two thousand", "2000"),
    ],
)
def test_named_days_and_spelled_years(text: str, surface: str, value: str) -> None:
    assert only(text, surface).value == value


def test_clock_time_takes_the_day_mentioned_before() -> None:
    text = "The blast came on Aug. 3, 2012. Police arrived at 10:15 p.m. and sealed the street."
    assert only(text, "10:15 p.m.").value == "2012-08-03T22:15"


def test_clock_time_with_a_weekday() -> None:
    assert only("Polls closed at 8 p.m. Tuesday.", "8 p.m. Tuesday").value == "2016-06-14T20:00"


def test_quarter_anaphora_in_an_earnings_report() -> None:
    text = (
        "Profit rose in the second quarter. The quarter was strong, and sales beat those of a year earlier."
    )
    assert only(text, "the second quarter").value == "2016-Q2"
    assert only(text, "The quarter").value == "2016-Q2"
    assert only(text, "a year earlier").value == "2015-Q2"


def test_a_comparison_does_not_become_the_discourse_time() -> None:
    text = "Output fell in 2012 from two years earlier. Later that year, the mine closed."
    assert only(text, "Later that year").value == "2012"


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value"),
    [
        ("Crime fell in the late nineties.", "the late nineties", "date", "199"),
        ("Profit in this year's third quarter rose.", "this year's third quarter", "date", "2016-Q3"),
        ("The repairs took a year and a half.", "a year and a half", "duration", "P1Y6M"),
        ("Members pay $1.50 a week in dues.", "a week", "set", "P1W"),
    ],
)
def test_decade_words_possessive_quarters_and_halves(text: str, surface: str, kind: str, value: str) -> None:
    t = only(text, surface)
    assert (t.kind, t.value) == (kind, value)


def test_reference_ignores_history_and_takes_range_ends() -> None:
    ref = extract("The levy ran from 1998 to 2011, as it did in 1870.").reference
    assert (ref.date, ref.method) == ("2011-12-31", "text")


def test_a_century_gives_no_year_to_a_day() -> None:
    t = only("In the 14th century, on Nov. 5, a fire broke out.", "Nov. 5", ref=None)
    assert (t.value, t.earliest) == ("XXXX-11-05", None)


@pytest.mark.parametrize(
    ("given", "value"), [("2016-10", "2016-09-30"), ("2016", "2015-12-31"), ("junk", "XXXX-XX-XX")]
)
def test_partial_or_bad_reference_dates_do_not_break_resolution(given: str, value: str) -> None:
    assert only("It rained yesterday.", "yesterday", ref=given).value == value


def test_a_future_act_does_not_take_a_past_year_from_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    import newsgraph

    future = "Ruta Valas, who entered parliament in 2016, will present her programme by June 20."
    past = "In 2016 the party won the election, and on June 20 it formed a government."
    (_, june) = newsgraph.analyze(future, nlp=nlp, reference_date="2025-06-10").times
    assert june.earliest == "2025-06-20"
    (_, june_then) = newsgraph.analyze(past, nlp=nlp, reference_date="2025-06-10").times
    assert june_then.earliest == "2016-06-20"  # a past act still reads the year of its sentence
