"""Handlers for calendar dates: full and partial dates, years, seasons, quarters, decades, named days."""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.nlp.times import calendar as cal
from newsgraph.nlp.times.calendar import Granule
from newsgraph.nlp.times.common import (
    _ANAPHORIC_YEAR,
    _NOT_YEAR_AFTER,
    _NOT_YEAR_BEFORE,
    _TIME_PREPOSITION,
    _anchor_day,
    _capitalised,
    _month,
    _norm,
    _relative,
    _safe_date,
    _year_of,
    _year_rel_reading,
)
from newsgraph.nlp.times.grammar import MAX_YEAR, MIN_YEAR, Candidate
from newsgraph.nlp.times.lexicon import lexicon
from newsgraph.nlp.times.numbers import parse_number
from newsgraph.nlp.times.reading import Anchor, Reading


def _iso(c: Candidate, text: str) -> Reading | None:
    d = _safe_date(int(c.groups["y"]), int(c.groups["m"]), int(c.groups["d"]))
    return Reading(c.start, c.end, c.rule, "date", granule=cal.day(d)) if d else None


def _numeric(c: Candidate, text: str) -> Reading | None:
    a, b, y = int(c.groups["a"]), int(c.groups["b"]), int(c.groups["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    # month first (US news usage) unless the first number cannot be a month
    m, d = (b, a) if a > 12 else (a, b)
    found = _safe_date(y, m, d)
    return Reading(c.start, c.end, c.rule, "date", granule=cal.day(found)) if found else None


_ENDED = re.compile(r"\bended\s+$", re.IGNORECASE)


def _month_day(c: Candidate, text: str) -> Reading | None:
    mon = c.groups["mon"]
    if not _capitalised(mon) or (
        mon.lower() in lexicon().month_abbreviations and not mon.endswith(".") and len(mon) < 3
    ):
        return None
    m = _month(mon)
    d = int(re.sub(r"\D", "", c.groups["day"]))
    if "year" in c.groups:
        found = _safe_date(int(c.groups["year"]), m, d)
        return Reading(c.start, c.end, c.rule, "date", granule=cal.day(found)) if found else None
    if _safe_date(2000, m, d) is None:
        return None

    ended = bool(_ENDED.search(text[max(0, c.start - 10) : c.start]))

    def build(a: Anchor) -> Granule | None:
        # "the quarter ended Sept. 30": a period's last day that has passed, whatever the clause's tense
        found = _safe_date(_year_of(replace(a, tense="past") if ended else a, m, d), m, d)
        return cal.day(found) if found else None

    return Reading(
        c.start,
        c.end,
        c.rule,
        "date",
        build=build,
        policy="partial",
        unresolved=f"XXXX-{m:02d}-{d:02d}",
        needs_year=True,
    )


def _day_range(c: Candidate, text: str) -> Reading | None:
    if not _capitalised(c.groups["mon"]):
        return None
    m = _month(c.groups["mon"])
    d1, d2 = (int(re.sub(r"\D", "", c.groups[k])) for k in ("d1", "d2"))
    if d2 <= d1:
        return None

    def make(y: int) -> Granule | None:
        a, b = _safe_date(y, m, d1), _safe_date(y, m, d2)
        return cal.span(cal.day(a), cal.day(b)) if a and b else None

    if "year" in c.groups:
        g = make(int(c.groups["year"]))
        return Reading(c.start, c.end, c.rule, "interval", granule=g) if g else None
    return Reading(
        c.start,
        c.end,
        c.rule,
        "interval",
        build=lambda a: make(_year_of(a, m, d1)),
        policy="partial",
        unresolved=f"XXXX-{m:02d}-{d1:02d}",
        needs_year=True,
    )


def _my(c: Candidate, text: str) -> Reading | None:
    if not _capitalised(c.groups["mon"]):
        return None
    y = _year_of_words(c)
    if y is None:
        return None
    return Reading(c.start, c.end, c.rule, "date", granule=cal.month(y, _month(c.groups["mon"])))


def _month_rel(c: Candidate, text: str) -> Reading | None:
    if not _capitalised(c.groups["mon"]):
        return None
    m = _month(c.groups["mon"])
    return _year_rel_reading(c, c.groups["rel"], lambda y: cal.month(y, m), f"XXXX-{m:02d}")


def _rel_month(c: Candidate, text: str) -> Reading | None:
    if not _capitalised(c.groups["mon"]):
        return None
    m = _month(c.groups["mon"])
    det = c.groups["det"].lower()
    if "day" in c.groups:
        return _rel_month_day(c, det, m, int(re.sub(r"\D", "", c.groups["day"])))
    if det == "that":
        return _relative(c, "date", lambda a: cal.month(_anchor_day(a).year, m), "discourse", f"XXXX-{m:02d}")

    def build(a: Anchor) -> Granule:
        ref = _anchor_day(a)
        if det == "last":
            return cal.month(ref.year if m < ref.month else ref.year - 1, m)
        if det == "next":
            return cal.month(ref.year if m > ref.month else ref.year + 1, m)
        return cal.month(ref.year, m)

    return _relative(c, "date", build, "reference", f"XXXX-{m:02d}")


def _week_of(c: Candidate, text: str) -> Reading | None:
    """ "the week of March 6": the ISO week holding that day (TIMEX3 ``2000-W10``)."""
    day = _month_day(c, text)
    if day is None:
        return None
    if day.granule is not None:
        assert day.granule.earliest is not None
        return day.with_(granule=cal.week(day.granule.earliest))
    assert day.build is not None
    build_day = day.build

    def build(a: Anchor) -> Granule | None:
        g = build_day(a)
        return cal.week(g.earliest) if g is not None and g.earliest is not None else None

    return day.with_(build=build, unresolved="XXXX-WXX")


def _rel_month_day(c: Candidate, det: str, m: int, d: int) -> Reading | None:
    """ "last Oct. 23": the latest such day before the document date; "next March 3" the first after it."""
    if _safe_date(2000, m, d) is None:
        return None

    def build(a: Anchor) -> Granule | None:
        ref = _anchor_day(a)
        if det == "that":
            found = _safe_date(ref.year, m, d)
        elif det == "last":
            found = next(
                (x for y in (ref.year, ref.year - 1) if (x := _safe_date(y, m, d)) and x < ref), None
            )
        elif det == "next":
            found = next(
                (x for y in (ref.year, ref.year + 1) if (x := _safe_date(y, m, d)) and x > ref), None
            )
        else:
            found = _safe_date(ref.year, m, d)
        return cal.day(found) if found else None

    policy = "discourse" if det == "that" else "reference"
    return _relative(c, "date", build, policy, f"XXXX-{m:02d}-{d:02d}")


def _bare_month(c: Candidate, text: str) -> Reading | None:
    word = c.groups["mon"]
    lex = lexicon()
    if not _capitalised(word):
        return None
    m = _month(word)
    bare = word.lower().rstrip(".")
    weak = False
    if bare in lex.month_abbreviations and not word.endswith("."):
        return None  # "Jan", "Mar" alone are names or words more often than months
    if bare in lex.ambiguous_months:
        weak = not _TIME_PREPOSITION.search(text[max(0, c.start - 20) : c.start])

    def build(a: Anchor) -> Granule:
        return cal.month(_year_of(a, m, 1), m)

    return Reading(
        c.start,
        c.end,
        c.rule,
        "date",
        build=build,
        policy="partial",
        unresolved=f"XXXX-{m:02d}",
        weak=weak,
        needs_year=True,
    )


def _year(c: Candidate, text: str) -> Reading | None:
    y = int(c.groups["year"])
    before, after = text[max(0, c.start - 12) : c.start], text[c.end : c.end + 16]
    if _NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.match(after):
        return None
    if re.search(r"\d[,.]?\s*$", before) or re.match(r"^\s*[-–]\s*\d", after):
        return None
    return Reading(c.start, c.end, c.rule, "date", granule=cal.year(y))


def _spelled_year_number(spelled: str) -> int | None:
    """1996 for "nineteen ninety-six", 2001 for "two thousand and one" (transcripts spell years out)."""
    words = spelled.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0.0
        y = 2000 + int(rest or 0)
    else:
        head = lexicon().number_words[words[0]]
        rest = parse_number(" ".join(w for w in words[1:] if w != "oh"))
        if rest is None:
            return None
        y = head * 100 + int(rest)
    return y if MIN_YEAR <= y <= MAX_YEAR else None


# Around a spelled-out number, what makes it a year: an article before it ("a nineteen ninety-seven
# attack") or the end of a clause after it ("Atlanta, nineteen ninety-six.").
_ARTICLE_BEFORE = re.compile(r"\b(?:a|the)\s+$", re.IGNORECASE)
_CLAUSE_END_AFTER = re.compile(r"^\s*(?:[.;:!?]|,\s)")


def _year_of_words(c: Candidate) -> int | None:
    return int(c.groups["year"]) if "year" in c.groups else _spelled_year_number(c.groups["spelled"])


def _spelled_year(c: Candidate, text: str) -> Reading | None:
    y = _spelled_year_number(c.groups["spelled"])
    if y is None:
        return None
    introduced = text[c.start : c.end].lower().startswith("the year") or _TIME_PREPOSITION.search(
        text[max(0, c.start - 20) : c.start]
    )
    if not (introduced or _ARTICLE_BEFORE.search(text[max(0, c.start - 5) : c.start])) and not (
        _CLAUSE_END_AFTER.match(text[c.end : c.end + 3])
    ):
        return None  # "nineteen twenty-five people": a count unless introduced like a year
    return Reading(c.start, c.end, c.rule, "date", granule=cal.year(y))


def _year_range(c: Candidate, text: str) -> Reading | None:
    y1, raw2 = int(c.groups["y1"]), c.groups["y2"]
    y2 = int(raw2) if len(raw2) == 4 else y1 - y1 % 100 + int(raw2)
    if not y1 < y2 <= y1 + 100 or _NOT_YEAR_BEFORE.search(text[max(0, c.start - 12) : c.start]):
        return None
    return Reading(c.start, c.end, c.rule, "interval", granule=cal.span(cal.year(y1), cal.year(y2)))


def _season_code(word: str) -> str:
    return lexicon().seasons[word.lower()]


def _season_year(c: Candidate, text: str) -> Reading | None:
    y = _year_of_words(c)
    if y is None:
        return None
    return Reading(c.start, c.end, c.rule, "date", granule=cal.season(y, _season_code(c.groups["season"])))


def _season_rel(c: Candidate, text: str) -> Reading | None:
    code = _season_code(c.groups["season"])
    det = _norm(c.groups["det"])
    if det in _ANAPHORIC_YEAR or det == "that":
        return _year_rel_reading(c, det, lambda y: cal.season(y, code), f"XXXX-{code}")

    def build(a: Anchor) -> Granule:
        ref = _anchor_day(a)
        this = cal.season(ref.year, code)
        assert this.earliest is not None and this.latest is not None
        if det in ("last", "this past"):
            return this if this.latest < ref else cal.season(ref.year - 1, code)
        if det == "next":
            return this if this.earliest > ref else cal.season(ref.year + 1, code)
        return this

    return _relative(c, "date", build, "reference", f"XXXX-{code}")


def _season_bare(c: Candidate, text: str) -> Reading | None:
    if not _TIME_PREPOSITION.search(text[max(0, c.start - 20) : c.start]) or re.match(
        r"\s+of\b", text[c.end :]
    ):
        return None
    code = _season_code(c.groups["season"])

    def build(a: Anchor) -> Granule:
        ref = _anchor_day(a)
        if not a.is_reference:
            return cal.season(ref.year, code)
        this = cal.season(ref.year, code)
        assert this.earliest is not None
        if a.tense == "past" and this.earliest > ref:
            return cal.season(ref.year - 1, code)
        if a.tense == "future" and this.earliest < ref:
            return cal.season(ref.year + 1, code)
        return this

    return Reading(
        c.start,
        c.end,
        c.rule,
        "date",
        build=build,
        policy="partial",
        unresolved=f"XXXX-{code}",
        needs_year=True,
        mod=lexicon().modifiers[c.groups["smod"].lower()]
        if "smod" in c.groups
        else None,  # "the early summer"
    )


def _part_of_year(part: str, n: int) -> tuple[str, int] | None:
    if part.lower() == "half":
        return ("half", n) if n in (1, 2) else None
    return ("quarter", n) if 1 <= n <= 4 else None


def _make_part(unit: str, n: int, y: int) -> Granule:
    return cal.half(y, n) if unit == "half" else cal.quarter(y, n)


def _quarter(c: Candidate, text: str) -> Reading | None:
    ord_word = c.groups["ord"].lower()
    n = lexicon().ordinals[ord_word]
    part = c.groups["part"]
    if ord_word == "last":
        if "year" not in c.groups and "rel" not in c.groups:
            return None  # "last quarter" is the quarter before this one: rel_unit reads it
        n = 2 if part.lower() == "half" else 4
    spec = _part_of_year(part, n)
    if spec is None:
        return None
    unit, n = spec
    code = f"{'H' if unit == 'half' else 'Q'}{n}"
    year = c.groups.get("year") or c.groups.get(
        "year0"
    )  # "the third quarter of 1988", "the 1988 third quarter"
    if year:
        return Reading(c.start, c.end, c.rule, "date", granule=_make_part(unit, n, int(year)))
    if "rel" in c.groups:
        return _year_rel_reading(c, c.groups["rel"], lambda y: _make_part(unit, n, y), f"XXXX-{code}")
    reading = _partial_quarter(c, unit, n, code)
    if "ago" in c.groups and reading.build is not None:
        # "the year-ago third quarter": that quarter one year before the one the report is about
        this_year = reading.build

        def year_before(a: Anchor) -> Granule | None:
            g = this_year(a)
            return cal.shift(g, "year", -1) if g is not None else None

        return reading.with_(build=year_before, needs_year=False, secondary=True)
    return reading


def _partial_quarter(c: Candidate, unit: str, n: int, code: str) -> Reading:
    def build(a: Anchor) -> Granule:
        ref = _anchor_day(a)
        g = _make_part(unit, n, ref.year)
        assert g.earliest is not None
        # the latest such quarter that has begun, as in earnings reports ("the fourth quarter" in January)
        if a.is_reference and a.tense != "future" and g.earliest > ref:
            return _make_part(unit, n, ref.year - 1)
        return g

    return Reading(
        c.start,
        c.end,
        c.rule,
        "date",
        build=build,
        policy="reference",
        unresolved=f"XXXX-{code}",
        needs_year=True,
    )


def _quarter_q(c: Candidate, text: str) -> Reading | None:
    q = int(c.groups["q"])
    if "year1" in c.groups:
        return Reading(c.start, c.end, c.rule, "date", granule=cal.quarter(int(c.groups["year1"]), q))
    if "year" in c.groups:
        return Reading(c.start, c.end, c.rule, "date", granule=cal.quarter(int(c.groups["year"]), q))
    if "yy" in c.groups:
        yy = int(c.groups["yy"])
        return Reading(
            c.start, c.end, c.rule, "date", granule=cal.quarter(2000 + yy if yy < 50 else 1900 + yy, q)
        )
    return _partial_quarter(c, "quarter", q, f"Q{q}")


def _half_h(c: Candidate, text: str) -> Reading | None:
    return Reading(
        c.start, c.end, c.rule, "date", granule=cal.half(int(c.groups["year"]), int(c.groups["h"]))
    )


def _decade(c: Candidate, text: str) -> Reading | None:
    if "decw" in c.groups:
        first = 1900 + 10 * lexicon().decade_words[c.groups["decw"].lower()]
    elif "dec" in c.groups:
        first = int(c.groups["dec"])
    else:
        short = int(c.groups["dec2"])
        first = 1900 + short if short >= 30 else 2000 + short
    mod = lexicon().modifiers[c.groups["dmod"].lower()] if "dmod" in c.groups else None
    return Reading(c.start, c.end, c.rule, "date", granule=cal.decade(first), mod=mod)


def _century(c: Candidate, text: str) -> Reading | None:
    n = int(c.groups["cent"])
    return (
        Reading(c.start, c.end, c.rule, "date", granule=cal.century((n - 1) * 100)) if 1 <= n <= 21 else None
    )


def _holiday(c: Candidate, text: str) -> Reading | None:
    name = c.groups["hol"]
    if not _capitalised(name):
        return None
    spec = lexicon().holidays[_norm(name).replace("’", "'")]
    # "Easter week", "Christmas week": the ISO week holding the holiday (TIMEX3 "2000-W16")
    unit = cal.week if "hweek" in c.groups else cal.day
    if "year" in c.groups:
        return Reading(c.start, c.end, c.rule, "date", granule=unit(spec.date_in(int(c.groups["year"]))))
    det = c.groups.get("det", "").lower()

    def build(a: Anchor) -> Granule:
        ref = _anchor_day(a)
        if not a.is_reference:
            return unit(spec.date_in(ref.year))
        options = [spec.date_in(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
        if det == "last":
            return unit(max(d for d in options if d < ref))
        if det == "next":
            return unit(min(d for d in options if d > ref))
        if det == "this":
            return unit(options[1])
        year = _year_of(a, options[1].month, options[1].day)
        return unit(spec.date_in(year))

    unresolved = "XXXX-WXX" if "hweek" in c.groups else "XXXX-XX-XX"
    return Reading(c.start, c.end, c.rule, "date", build=build, policy="partial", unresolved=unresolved)
