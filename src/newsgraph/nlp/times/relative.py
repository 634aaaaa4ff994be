"""Handlers for expressions resolved on an anchor: weekdays, "yesterday", "last week", "two years later", clock times."""

from __future__ import annotations

import re
from datetime import timedelta

from newsgraph.nlp.times import calendar as cal
from newsgraph.nlp.times.calendar import Granule
from newsgraph.nlp.times.common import (
    _COMPARISON,
    _anchor_day,
    _capitalised,
    _duration_value,
    _norm,
    _relative,
    _start,
    _weekday_date,
)
from newsgraph.nlp.times.grammar import Candidate
from newsgraph.nlp.times.lexicon import lexicon
from newsgraph.nlp.times.numbers import parse_number
from newsgraph.nlp.times.reading import Anchor, Reading

# After "the year": a fiscal year named by its last day ("the year ended March 31").
_PERIOD_ENDED = re.compile(r"\s+end(?:ed|ing)\b", re.IGNORECASE)
# Discourse times whose year "the year" refers to (a decade or a century names no one year).
_WITHIN_A_YEAR = ("minute", "part", "day", "weekend", "week", "month", "season", "quarter", "half", "year")
_HIGH = re.compile(r"\bhigh\s+$", re.IGNORECASE)
# Before a weekday: the coming one whatever the tense ("could arrive as early as Tuesday").
_BY_THE_LATEST = re.compile(r"\b(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+$", re.IGNORECASE)
_FOR_A_DAY = re.compile(r"\bfor\s+$", re.IGNORECASE)
# Before "the weekend": the coming one whatever the tense ("sold ahead of the weekend").
_BEFORE_WEEKEND = re.compile(r"\b(?:ahead\s+of|before|until|till|by)\s+$", re.IGNORECASE)


def _weekday(c: Candidate, text: str) -> Reading | None:
    word = c.groups["wd"]
    if not _capitalised(word):
        return None
    wd = lexicon().weekdays[word.lower()]
    det = c.groups.get("det", "").lower() or None
    part = c.groups.get("part")
    before = text[max(0, c.start - 20) : c.start]
    upcoming = (
        det is None
        and (
            bool(_BY_THE_LATEST.search(before))
            # "a day of mourning for Wednesday", "talks set for Friday": a day something is set for
            # is to come ("jailed for Monday's attack" names a past day, and is left to the tense)
            or (bool(_FOR_A_DAY.search(before)) and text[c.end : c.end + 2] not in ("'s", "’s"))
        )
    )

    def build(a: Anchor) -> Granule:
        d = _weekday_date(a, wd, "this" if upcoming else det)
        return cal.day_part(d, lexicon().day_parts[part.lower()]) if part else cal.day(d)

    return Reading(
        c.start, c.end, c.rule, "date", build=build, policy="reference", unresolved=f"XXXX-WXX-{wd}"
    )


def _relday(c: Candidate, text: str) -> Reading | None:
    off = lexicon().relative_days[_norm(c.groups["rd"])]
    part = c.groups.get("part")

    def build(a: Anchor) -> Granule:
        d = _anchor_day(a) + timedelta(days=off)
        return cal.day_part(d, lexicon().day_parts[part.lower()]) if part else cal.day(d)

    return _relative(c, "date", build, "reference", "XXXX-XX-XX")


def _tonight(c: Candidate, text: str) -> Reading | None:
    phrase = _norm(c.groups["tn"])
    parts = lexicon().day_parts
    if phrase == "tonight":
        off, code = 0, parts["tonight"]
    elif phrase.startswith("last"):
        off, code = -1, parts["night"]
    else:
        off, code = 0, parts[c.groups["part"].lower()]
    return _relative(
        c,
        "date",
        lambda a: cal.day_part(_anchor_day(a) + timedelta(days=off), code),
        "reference",
        "XXXX-XX-XX",
    )


def _rel_unit(c: Candidate, text: str) -> Reading | None:
    lex = lexicon()
    det = c.groups["det"].lower()
    unit = lex.units[c.groups["unit"].lower()]
    off = lex.relative_determiners[det]
    if "the" in c.groups and det in ("past", "last", "next", "coming"):
        # "the past year", "the next month": a stretch of time (TimeML DURATION), not a calendar unit
        value = _duration_value(1, unit.letter, unit.time)
        return Reading(c.start, c.end, c.rule, "duration", value=value)
    if unit.time:
        return None
    if _capitalised(c.groups["unit"]):
        return None  # "ABC's This Week": a title
    if "the" in c.groups and det in ("this", "current"):
        return None
    mod = None
    adv = c.groups.get("adv", "").lower()
    if adv:
        mod = "START" if adv == "earlier" else "END"
    policy = "discourse" if det in lex.anaphoric_determiners else "reference"
    if adv and policy == "reference":
        # "later this month" on 9 July runs from the day after to 31 July (built below); a
        # modifier would cut that again to the month's last third
        mod = None

    def build(a: Anchor) -> Granule:
        base = a.granule if not a.is_reference else cal.day(_anchor_day(a))
        g = cal.shift(base, unit.unit, off) if base.unit != unit.unit or off else base
        if adv and a.is_reference and g.earliest and g.latest:
            ref = _anchor_day(a)
            return (
                Granule(g.value, g.earliest, ref, g.unit)
                if adv == "earlier"
                else Granule(g.value, ref, g.latest, g.unit)
            )
        return g

    return _relative(c, "date", build, policy, "XXXX", mod=mod)


def _shifted(c: Candidate, text: str) -> Reading | None:
    lex = lexicon()
    unit = lex.units[c.groups["unit"].lower()]
    n = parse_number(c.groups["num"])
    word = _norm(c.groups["shift"])
    shift = lex.shift_words[word]
    mod = lex.quantity_modifiers.get(_norm(c.groups.get("qmod", "")))
    comparison = word == "earlier" and _COMPARISON.search(text[max(0, c.start - 16) : c.start])
    policy = "discourse" if shift.discourse and not comparison else "reference"
    if n is None:
        value = "PAST_REF" if shift.sign < 0 else "FUTURE_REF"

        def vague(a: Anchor) -> Granule:
            d = (
                _anchor_day(a)
                if a.is_reference
                else (a.granule.earliest if shift.sign < 0 else a.granule.latest)
            )
            assert d is not None
            return Granule(value, None, d, "day") if shift.sign < 0 else Granule(value, d, None, "day")

        return _relative(c, "date", vague, policy, value, mod=mod)
    steps = int(n) * shift.sign
    target = "day" if unit.time else unit.unit

    def build(a: Anchor) -> Granule:
        base = a.granule if not a.is_reference else cal.day(_anchor_day(a))
        if target == "day" and unit.time:
            return base
        # "profit fell from a year earlier" in a report on "the third quarter": that quarter a year before
        if a.period is not None and target == "year" and shift.sign < 0:
            return cal.shift(a.period, "year", steps)
        return cal.of_unit(target, cal.move(_start(base), target, steps))

    return _relative(c, "date", build, policy, "XXXX", mod=mod, secondary=shift.sign < 0)


def _quarter_ref(c: Candidate, text: str) -> Reading | None:
    """ "the quarter", "the latest quarter", "the year-earlier period", "last year's quarter": the quarter
    under discussion.

    That is the last quarter mentioned, else the last complete quarter before the document
    date (results are reported after a quarter ends); "year-earlier" ones are a year before it.
    """
    which = _norm(c.groups.get("which", ""))
    what = c.groups.get("what", c.groups.get("lastyears", "quarter")).lower()
    year_before = {
        "adj",
        "ago",
        "lastyears",
    } & c.groups.keys()  # "the year-ago quarter", "the period a year ago"
    if what == "period" and not which and not year_before and "yr" not in c.groups:
        return None
    back = (
        -1
        if which in ("year-earlier", "year-ago", "prior-year", "comparable", "corresponding") or year_before
        else 0
    )

    def build(a: Anchor) -> Granule | None:
        if which == "current" and a.reference is not None:
            current = cal.of_unit("quarter", a.reference)  # "the current quarter" is the document's
        elif not a.is_reference and a.granule.unit in ("quarter", "half"):
            current = a.granule
        elif a.reference is not None:
            current = cal.shift(cal.of_unit("quarter", a.reference), "quarter", -1)
        else:
            return None
        if "yr" in c.groups:  # "the 1988 quarter": the quarter under discussion, in that year
            assert current.earliest is not None
            return cal.shift(current, "year", int(c.groups["yr"]) - current.earliest.year)
        return cal.shift(current, "year", back) if back else current

    return _relative(c, "date", build, "discourse", "XXXX-QX", secondary=bool(back) or "yr" in c.groups)


def _year_ref(c: Candidate, text: str) -> Reading | None:
    """ "the year", "the full year", "the current fiscal year", "year-end": the document's year, or for
    a bare "the year" the year of the time under discussion.

    "The year ended March 31" is a twelve-month stretch rather than a calendar year (TimeML
    DURATION ``P1Y``); "year-end" is the year's end (``mod`` END).
    """
    if "end" not in c.groups and _PERIOD_ENDED.match(text[c.end :]):
        return Reading(c.start, c.end, c.rule, "duration", value="P1Y")
    mod = "END" if "end" in c.groups else None
    deictic = "which" in c.groups  # "the current year", "the full year": the document's, whatever came before

    def build(a: Anchor) -> Granule:
        # anaphoric: the year of the time under discussion ("in August 2014 ... throughout the year"),
        # else the document's
        if not deictic and not a.is_reference and a.granule.unit in _WITHIN_A_YEAR:
            return cal.year(_anchor_day(a).year)
        return cal.year((a.reference or _anchor_day(a)).year)

    return _relative(c, "date", build, "discourse", "XXXX", mod=mod)


def _part_ref(c: Candidate, text: str) -> Reading | None:
    """ "in the morning", "by mid-afternoon": that part of the day under discussion (``TMO``, ``TAF``...)."""
    code = lexicon().day_parts[(c.groups.get("part") or c.groups["midpart"]).lower()]

    def build(a: Anchor) -> Granule:
        d = _anchor_day(Anchor(a.day, False)) if a.day is not None else a.reference or _anchor_day(a)
        return cal.day_part(d, code)

    return _relative(c, "date", build, "discourse", f"XXXX-XX-XXT{code}")


def _weekend_ref(c: Candidate, text: str) -> Reading | None:
    """ "the weekend": the last one (or the one under way) in a report, the next one when announced.

    Its TIMEX3 value is the ISO week's weekend (``1998-W32-WE``).
    """
    upcoming = bool(_BEFORE_WEEKEND.search(text[max(0, c.start - 12) : c.start]))

    def build(a: Anchor) -> Granule:
        ref = _anchor_day(a)
        if upcoming or a.tense == "future" or ref.isoweekday() >= 6:
            return cal.weekend(ref)
        return cal.weekend(ref - timedelta(days=7))

    return _relative(c, "date", build, "reference", "XXXX-WXX-WE")


def _refword(c: Candidate, text: str) -> Reading | None:
    value = lexicon().reference_words[_norm(c.groups["ref"])]
    following = re.match(r"\s+(\d+|[a-z]+)\b", text[c.end : c.end + 20]) if value == "PAST_REF" else None
    if (
        following
        and following.group(1) not in ("a", "an")
        and (
            following.group(1).isdigit()
            or following.group(1) in lexicon().number_words
            or following.group(1) in lexicon().vague_numbers
        )
    ):
        return None  # "the past three summers", "the past few seasons": a stretch, not the past as a whole

    def build(a: Anchor) -> Granule:
        ref = _anchor_day(a)
        if value == "PAST_REF":
            return Granule(value, None, ref, "day")
        if value == "FUTURE_REF":
            return Granule(value, ref, None, "day")
        return Granule(value, ref, ref, "day")

    return _relative(c, "date", build, "reference", value)


def _clock(c: Candidate, text: str) -> Reading | None:
    if "noon" in c.groups and _HIGH.search(text[max(0, c.start - 6) : c.start]):
        return None  # "high noon": a showdown, not midday
    if "noon" in c.groups:
        h, mi = (0, 0) if c.groups["noon"].lower() == "midnight" else (12, 0)
    elif "h2" in c.groups:  # "4 in the morning", "11 at night"
        part, mi = c.groups["dpart"].lower(), 0
        h = int(c.groups["h2"]) % 12
        h += 0 if part == "morning" or (part == "night" and h < 6) else 12
    else:
        h = int(c.groups["h"]) % 12 + (12 if c.groups["ampm"].lower().startswith("p") else 0)
        mi = int(c.groups.get("mi", "0"))
    day_word = c.groups.get("wd", "").lower()
    lex = lexicon()

    def build(a: Anchor) -> Granule:
        if day_word in lex.weekdays:
            d = _weekday_date(a, lex.weekdays[day_word], None)
        elif day_word:
            d = _anchor_day(a) + timedelta(days=lex.relative_days.get(day_word, 0))
        elif a.day is not None:
            d = _anchor_day(Anchor(a.day, False))  # "at 10 p.m." in a story about Oct. 23: that day
        else:
            d = a.reference or _anchor_day(a)
        return cal.clock(d, h, mi)

    policy = "reference" if day_word else "discourse"
    return _relative(c, "date", build, policy, f"XXXX-XX-XXT{h:02d}:{mi:02d}")
