"""Shared pieces of the rule handlers: context patterns, anchoring helpers, TIMEX3 duration values."""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.nlp.times.calendar import Granule
from newsgraph.nlp.times.grammar import Candidate
from newsgraph.nlp.times.lexicon import lexicon
from newsgraph.nlp.times.reading import Anchor, Reading

# Words after which a capitalised ambiguous month name ("May", "March") or a season is a time.
_TIME_PREPOSITION = re.compile(
    r"(?:\b(?:in|into|since|by|until|till|from|of|during|through|throughout|before|after|last|this|next|early|late|"
    r"mid|and|or|to|between|around|on|for|over|that|of|end|beginning|start|middle)[\s-]*|[-–])\s*$",
    re.IGNORECASE,
)


# Before a bare four-digit number, these make it a count, a price or a code rather than a year.
_NOT_YEAR_BEFORE = re.compile(
    r"(?:[$€£#]|\b(?:No|no|number|page|pp|p|Route|route|flight|Flight|room|Room)\.?)\s*$"
)


# After it, these make it a quantity ("2000 troops", "1500 km").
_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:%|percent|per\b|[a-z]*illion\b|thousand\b|people\b|persons\b|troops\b|soldiers\b|fighters\b|men\b|"
    r"women\b|children\b|residents\b|units\b|km\b|kilometers\b|kilometres\b|miles\b|meters\b|metres\b|feet\b|"
    r"tons\b|tonnes\b|barrels\b|dollars\b|euros\b|pounds\b|votes\b|points\b|cases\b|deaths\b|rounds\b|times\b|"
    r"hours\b|-?(?:year|day|month|week)s?\b|[.,]\d)",
)


# Before "a month"/"a year": an amount or a frequency makes it a rate (TIMEX3 SET).
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:[a-z]*illion|thousand|hundred|dozen|percent|once|twice|thrice|times|dollars|euros|pounds|"
    r"barrels|tons|tonnes|people)|%)\s*$",
    re.IGNORECASE,
)


_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][\"'”’)]?\s*)$")


# After a frequency word, a lower-case word that is not a function word shows an adjective ("daily life").
_ADJECTIVE_USE = re.compile(
    r"\s+(?!(?:and|or|but|in|on|at|to|for|from|since|by|with|until|over|through|during|as|than|if|when|while|because|"
    r"so|the|a|an|this|that|these|those|basis|rate)\b)[a-z]+\b"
)


# Before "a year earlier": a comparison ("up 5% from a year earlier") counts from the document date.
_COMPARISON = re.compile(r"\b(?:from|than|with|over|versus|vs\.?|against)\s+$", re.IGNORECASE)


# How much a month that lies on the other side of the document date than the verb's tense says is
# pushed away, in days. 240 keeps "Nov. 10" in a past-tense sentence of a late-October article in
# this year (an announced date), sends "October" in a past-tense sentence of May to last year, and
# "November" in a future-tense sentence of February to this year (checked on TempEval-3 train).
TENSE_PENALTY_DAYS = 240


# Without a clear tense, news more often recounts than announces: a smaller push towards the past.
UNKNOWN_TENSE_PENALTY_DAYS = 60


# Discourse times short enough that a month or day without a year is the nearest one to them.
_SHORT_UNITS = ("minute", "part", "day", "weekend", "week", "month")


_ANAPHORIC_YEAR = {
    "that": 0,
    "the same": 0,
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the prior": -1,
}


_REFERENCE_YEAR = {"this": 0, "last": -1, "next": 1}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _month(word: str) -> int:
    m = lexicon().month(word)
    assert m is not None, word
    return m


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_of(anchor: Anchor, month: int, day: int = 1) -> int:
    """The year of an expression that names a month (and day) but no year.

    On a discourse time, its year. On the document date, the year that puts the date
    closest to it ("December" in a February article is last December), where a tense that
    points the other way costs :data:`TENSE_PENALTY_DAYS` ("Nov. 10" in a past-tense sentence
    of late October is still this year's; "October" in a past-tense one in May is last year's).
    """
    assert anchor.granule.earliest is not None
    ref = anchor.granule.earliest
    if not anchor.is_reference:
        if anchor.granule.unit not in _SHORT_UNITS or anchor.granule.latest is None:
            return ref.year  # "in 1987 ... in March": inside that year
        # next to a day or a month, the nearest such date: "payable Jan. 3 to holders of record Nov. 16"
        lo, hi = ref, anchor.granule.latest

        def gap(y: int) -> int:
            when = _safe_date(y, month, min(day, 28) if month == 2 else day) or date(y, month, 1)
            return max((lo - when).days, (when - hi).days, 0)

        return min((ref.year, ref.year - 1, ref.year + 1), key=gap)

    def cost(y: int) -> int:
        when = _safe_date(y, month, min(day, 28) if month == 2 else day) or date(y, month, 1)
        days = (when - ref).days
        penalty = 0
        if (anchor.tense == "past" and days > 0) or (anchor.tense == "future" and days < 0):
            penalty = TENSE_PENALTY_DAYS
        elif anchor.tense != "future" and days > 0:
            penalty = UNKNOWN_TENSE_PENALTY_DAYS
        return abs(days) + penalty

    return min((ref.year - 1, ref.year, ref.year + 1), key=cost)


def _start(g: Granule) -> date:
    assert g.earliest is not None
    return g.earliest


def _anchor_day(anchor: Anchor) -> date:
    assert anchor.granule.earliest is not None
    return anchor.granule.earliest


def _relative(c: Candidate, kind: str, build: object, policy: str, unresolved: str, **kw: object) -> Reading:
    return Reading(c.start, c.end, c.rule, "date", build=build, policy=policy, unresolved=unresolved, **kw)  # type: ignore[arg-type]


def _year_rel_reading(c: Candidate, rel: str, make: object, unresolved: str) -> Reading:
    """ "<month> of that year" (discourse) / "<month> this year" (document date)."""
    rel = _norm(rel)
    if rel in _ANAPHORIC_YEAR:
        off = _ANAPHORIC_YEAR[rel]
        return _relative(c, "date", lambda a: make(_anchor_day(a).year + off), "discourse", unresolved)  # type: ignore[operator]
    off = _REFERENCE_YEAR[rel]
    return _relative(c, "date", lambda a: make(_anchor_day(a).year + off), "reference", unresolved)  # type: ignore[operator]


_IN_YEARS = {"DE": 10, "CE": 100}


def _duration_value(n: float | None, letter: str, time: bool) -> str:
    prefix = "PT" if time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if letter in _IN_YEARS:  # ISO 8601 has no decades or centuries: "four decades" is P40Y
        n, letter = n * _IN_YEARS[letter], "Y"
    if n == int(n):
        return f"{prefix}{int(n)}{letter}"
    whole, frac = int(n), n - int(n)
    # a fraction in the next unit down: "a minute and a half" is PT1M30S, "a day and a half" P1DT12H
    finer = {
        ("Y", False): (12, "M", False),
        ("D", False): (24, "H", True),
        ("H", True): (60, "M", True),
        ("M", True): (60, "S", True),
        ("W", False): (7, "D", False),
    }
    if (letter, time) in finer:
        factor, sub, sub_time = finer[(letter, time)]
        rest = frac * factor
        if rest == int(rest):
            head = f"{prefix}{whole}{letter}" if whole else prefix
            if sub_time and not time:
                return f"{head}T{int(rest)}{sub}"
            return f"{head}{int(rest)}{sub}"
    return f"{prefix}{n:g}{letter}"


def _weekday_date(a: Anchor, wd: int, det: str | None) -> date:
    ref = _anchor_day(a)
    back = (ref.isoweekday() - wd) % 7
    ahead = (wd - ref.isoweekday()) % 7
    if det == "last" or det == "past":
        return ref - timedelta(days=back or 7)
    if det == "next":
        return ref + timedelta(days=ahead or 7)
    if det in ("this", "coming"):
        return ref + timedelta(days=ahead)
    # news reports what happened in the last days ("said Tuesday") and announces what is
    # scheduled in the present tense ("meets Monday"): the tense picks the side
    if not a.is_reference or a.tense == "future":
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)
