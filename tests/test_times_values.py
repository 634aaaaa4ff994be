"""TIMEX3 values of report-style expressions ("the year", "the weekend", "the 2015 quarter"), on sentences
written for these tests. Each case checks the value and the calendar bounds together."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.model import TimeExpr
from newsgraph.nlp.times import extract, find
from newsgraph.nlp.times.resolve import resolve

REF = "2016-06-15"  # a Wednesday


def only(text: str, surface: str, ref: str = REF) -> TimeExpr:
    found = [t for t in extract(text, ref).times if t.text == surface]
    assert len(found) == 1, (surface, [t.text for t in extract(text, ref).times])
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "mod", "earliest", "latest"),
    [
        ("For the year, the brewer sold fewer kegs.", "the year", "date", "2016", None, "2016-01-01", "2016-12-31"),
        ("Margins should widen over the full year.", "the full year", "date", "2016", None, "2016-01-01",
         "2016-12-31"),
        ("Sales in the current fiscal year will be flat.", "the current fiscal year", "date", "2016", None,
         "2016-01-01", "2016-12-31"),
        ("The merger should be completed by year-end.", "year-end", "date", "2016", "END", "2016-09-01",
         "2016-12-31"),
        ("Both plants will shut by the end of the year.", "the end of the year", "date", "2016", "END",
         "2016-09-01", "2016-12-31"),
        # a fiscal year named by its last day is twelve months, not a calendar year
        ("The bank lost money in the year ended March 31.", "the year", "duration", "P1Y", None, None, None),
        ("Revenue rose in the fiscal year ending Sept. 30.", "the fiscal year", "duration", "P1Y", None, None,
         None),
    ],
)  # fmt: skip
def test_the_year_of_a_report(
    text: str, surface: str, kind: str, value: str, mod: str | None, earliest: str | None, latest: str | None
) -> None:
    t = only(text, surface)
    assert (t.kind, t.value, t.mod, t.earliest, t.latest) == (kind, value, mod, earliest, latest)


def test_the_year_does_not_swallow_a_year_ago() -> None:
    assert [t.text for t in extract("Shipments doubled from the year before.", REF).times] == []


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest"),
    [
        # reported on a Wednesday: the weekend just past (ISO week 23 of 2016)
        ("Protesters gathered outside the ministry over the weekend.", "2016-W23-WE", "2016-06-11", "2016-06-12"),
        # announced: the coming one
        ("The minister will travel to Lagos over the weekend.", "2016-W24-WE", "2016-06-18", "2016-06-19"),
        ("Dealers cut their positions ahead of the weekend.", "2016-W24-WE", "2016-06-18", "2016-06-19"),
    ],
)  # fmt: skip
def test_the_weekend_is_an_iso_week_weekend(text: str, value: str, earliest: str, latest: str) -> None:
    tense = "future" if " will " in text else "past"
    readings = [r.with_(tense=tense) for r in find(text)]
    [t] = [t for t in resolve(readings, text, date.fromisoformat(REF)) if t.text == "the weekend"]
    assert (t.value, t.earliest, t.latest) == (value, earliest, latest)


@pytest.mark.parametrize("phrase", ["the near future", "the near term", "the short term"])
def test_vague_future_phrases_are_future_ref(phrase: str) -> None:
    t = only(f"Rates are unlikely to move in {phrase}, the governor said.", phrase)
    assert (t.value, t.earliest, t.latest) == ("FUTURE_REF", REF, None)


@pytest.mark.parametrize(
    ("text", "surface", "value", "earliest", "latest"),
    [
        ("Losses in the 2015 second quarter were smaller.", "the 2015 second quarter", "2015-Q2", "2015-04-01",
         "2015-06-30"),
        # the quarter being reported (the last one completed before mid-June is Q1), in the year named
        ("Profit beat the 2015 quarter by a wide margin.", "the 2015 quarter", "2015-Q1", "2015-01-01",
         "2015-03-31"),
        ("Profit beat the 2015 period by a wide margin.", "the 2015 period", "2015-Q1", "2015-01-01",
         "2015-03-31"),
        ("The mill earned less than in the year-ago first quarter.", "the year-ago first quarter", "2015-Q1",
         "2015-01-01", "2015-03-31"),
    ],
)  # fmt: skip
def test_quarters_named_with_a_year_before(
    text: str, surface: str, value: str, earliest: str, latest: str
) -> None:
    t = only(text, surface)
    assert (t.kind, t.value, t.earliest, t.latest) == ("date", value, earliest, latest)


def test_a_year_number_before_a_unit_is_no_duration() -> None:
    assert all(t.value != "P2015Q" for t in extract("Compare it with the 2015 quarter.", REF).times)


def test_a_day_without_year_is_the_nearest_to_the_day_beside_it() -> None:
    # "Jan. 10" is next year's (after mid-June it is ahead); "Dec. 20" beside it is the December before it
    text = "The dividend is payable Jan. 10 to shareholders of record Dec. 20, the board said."
    assert only(text, "Jan. 10", "2016-11-25").value == "2017-01-10"
    t = only(text, "Dec. 20", "2016-11-25")
    assert (t.value, t.earliest, t.latest) == ("2016-12-20", "2016-12-20", "2016-12-20")


def test_a_bare_the_year_is_the_year_under_discussion() -> None:
    text = "The harbour froze in February 2011. Ferries were idle for much of the year."
    t = only(text, "the year")
    assert (t.value, t.earliest, t.latest) == ("2011", "2011-01-01", "2011-12-31")
    # "the current year" is the document's whatever was mentioned before
    t = only("The harbour froze in February 2011. Ice is thinner in the current year.", "the current year")
    assert (t.value, t.earliest, t.latest) == ("2016", "2016-01-01", "2016-12-31")


def test_last_month_and_day_is_the_latest_such_day_before() -> None:
    t = only("The mayor was elected last Nov. 8 by a wide margin.", "last Nov. 8")
    assert (t.value, t.earliest, t.latest) == ("2015-11-08", "2015-11-08", "2015-11-08")
    t = only("The plant reopens next March 3 after repairs.", "next March 3")
    assert (t.value, t.earliest) == ("2017-03-03", "2017-03-03")


def test_a_weekday_after_as_early_as_is_the_coming_one() -> None:
    # "as early as" points ahead even in a sentence without a future verb (reported on a Wednesday)
    t = only("Officials said the convoy could leave as early as Monday.", "Monday")
    assert (t.value, t.earliest) == ("2016-06-20", "2016-06-20")


@pytest.mark.parametrize(
    "text",
    [
        "The duel was staged like a scene from High Noon, one witness said.",
        "For the two rival clubs, high noon arrives this weekend.",
        "The party daily Pravda printed the speech in full.",
        'The minister appeared on the Sunday show "Face the Week" and on "48 Hours" later.',
        'She told the programme "This Week" that talks had stalled.',
    ],
)
def test_names_and_idioms_are_not_times(text: str) -> None:
    found = [t.text for t in extract(text, REF).times if t.text.lower() not in ("this weekend", "sunday")]
    assert found == []


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "earliest", "latest"),
    [
        ("For the quarter a year ago, the chain lost money.", "the quarter a year ago", "2015-Q2", "2015-04-01",
         "2015-06-30"),
        ("Margins were thinner in the corresponding period last year.", "the corresponding period last year",
         "2015-Q2", "2015-04-01", "2015-06-30"),
        ("Exports beat last year's quarter by 4%.", "last year's quarter", "2015-Q2", "2015-04-01", "2015-06-30"),
        # "current" is the document's quarter, even after another quarter was named
        ("Profit fell in the second quarter, but the current quarter began well.", "the current quarter",
         "2016-Q3", "2016-07-01", "2016-09-30"),
    ],
)  # fmt: skip
def test_year_ago_and_current_quarters(
    sentence: str, surface: str, value: str, earliest: str, latest: str
) -> None:
    # the document is dated in mid-August, after the second quarter it reports on
    t = only(sentence if "second quarter" in sentence else f"Profit rose in the second quarter. {sentence}", surface,
             "2016-08-15")  # fmt: skip
    assert (t.value, t.earliest, t.latest) == (value, earliest, latest)


def test_a_period_ended_on_a_day_lies_before_the_document() -> None:
    # without "ended", Sept. 30 three months ahead would be nearer than the one nine months back
    t = only("The group has revenue of $4 million in the year ended Sept. 30.", "Sept. 30", "2016-06-20")
    assert (t.value, t.earliest) == ("2015-09-30", "2015-09-30")
    assert only("The group expects revenue of $4 million by Sept. 30.", "Sept. 30", "2016-06-20").value == (
        "2016-09-30"
    )


@pytest.mark.parametrize(
    ("text", "surface", "value", "earliest", "latest"),
    [
        ("Prices last fell this far in the autumn of nineteen eighty-six.", "the autumn of nineteen eighty-six",
         "1986-FA", "1986-09-01", "1986-11-30"),
        ("The studio closed. March nineteen seventy-two. A new owner arrived.", "March nineteen seventy-two",
         "1972-03", "1972-03-01", "1972-03-31"),
        ("It recalled a nineteen eighty-one strike at the docks.", "nineteen eighty-one", "1981", "1981-01-01",
         "1981-12-31"),
        ("Berlin, nineteen eighty-nine. The wall opens.", "nineteen eighty-nine", "1989", "1989-01-01",
         "1989-12-31"),
    ],
)  # fmt: skip
def test_years_said_in_words(text: str, surface: str, value: str, earliest: str, latest: str) -> None:
    t = only(text, surface)
    assert (t.value, t.earliest, t.latest) == (value, earliest, latest)


def test_a_spelled_number_before_a_noun_stays_a_count() -> None:
    assert extract("Officers counted nineteen twenty-five ballots twice.", REF).times == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("On June 2 the fleet sailed in the morning and anchored at dusk.", "the morning", "2016-06-02TMO"),
        ("By mid-afternoon, the river had crested.", "mid-afternoon", "2016-06-15TAF"),
        ("The court met at midday.", "midday", "2016-06-15T12:00"),
        ("The tanks rolled out at 5 in the morning.", "5 in the morning", "2016-06-15T05:00"),
        ("The vote closed at 10 in the evening.", "10 in the evening", "2016-06-15T22:00"),
    ],
)
def test_parts_of_the_day_keep_their_timex3_form(text: str, surface: str, value: str) -> None:
    t = only(text, surface)
    day = value[:10]
    assert (t.value, t.earliest, t.latest) == (value, day, day)


def test_more_timex3_forms() -> None:
    t = only("The pilot answered a minute and a half later.", "a minute and a half")
    assert (t.kind, t.value) == ("duration", "PT1M30S")
    t = only("Scientists think the comet will one day hit the moon.", "one day")
    assert (t.value, t.earliest, t.latest) == ("FUTURE_REF", REF, None)
    assert only("The match lasted one day.", "one day").value == "P1D"
    # "the past" before a count is no PAST_REF ("the past three winters")
    assert [t.text for t in extract("Floods hit the valley in the past three winters.", REF).times] == []
    t = only("Sales slumped this past winter.", "this past winter")
    assert (t.value, t.earliest, t.latest) == ("2016-WI", "2015-12-01", "2016-02-29")
    t = only("Water levels fell from the highs of the late spring.", "the late spring")
    assert (t.value, t.mod, t.earliest, t.latest) == ("2016-SP", "END", "2016-05-01", "2016-05-31")
    assert only("Repairs will drag on well into the autumn.", "the autumn").value == "2016-FA"


def test_the_week_of_a_day_is_its_iso_week() -> None:
    t = only("The trial opens the week of Sept. 12, the clerk said.", "the week of Sept. 12")
    assert (t.value, t.earliest, t.latest) == ("2016-W37", "2016-09-12", "2016-09-18")


def test_a_holiday_week_is_the_iso_week_of_the_holiday() -> None:
    # Easter 2016 fell on Sunday March 27, the last day of ISO week 12
    t = only("Crowds filled the squares during Easter week.", "Easter week")
    assert (t.value, t.earliest, t.latest) == ("2016-W12", "2016-03-21", "2016-03-27")
