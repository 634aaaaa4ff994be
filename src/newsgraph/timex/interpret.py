"""From a grammar :class:`Candidate` to a :class:`Reading`: what the words mean, before anchoring.

Context checks that keep look-alikes out live here too: a bare "May" is a month only after a
time preposition; a four-digit number is a year only when it is not a count or a price; "a
month" is a rate ("set") only after an amount ("$700 million a month").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.timex import calendar as cal
from newsgraph.timex.calendar import Granule
from newsgraph.timex.grammar import MAX_YEAR, MIN_YEAR, Candidate
from newsgraph.timex.lexicon import lexicon
from newsgraph.timex.numbers import parse_number
from newsgraph.timex.reading import Anchor, Reading

# Words after which a capitalised ambiguous month name ("May", "March") or a season is a time.
_TIME_PREPOSITION = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|of|during|through|throughout|before|after|last|this|next|early|late|"
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
        return ref.year

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
    finer = {"Y": (12, "M", False), "D": (24, "H", True), "H": (60, "M", True), "W": (7, "D", False)}
    if letter in finer:
        factor, sub, sub_time = finer[letter]
        rest = frac * factor
        if rest == int(rest):
            head = f"{prefix}{whole}{letter}" if whole else prefix
            if sub_time and not time:
                return f"{head}T{int(rest)}{sub}"
            return f"{head}{int(rest)}{sub}"
    return f"{prefix}{n:g}{letter}"


def interpret(c: Candidate, text: str) -> Reading | None:
    """The reading of one candidate, or ``None`` when the context says it is no time expression."""
    handler = _HANDLERS[c.rule]
    return handler(c, text)


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

    def build(a: Anchor) -> Granule | None:
        found = _safe_date(_year_of(a, m, d), m, d)
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
    return Reading(
        c.start, c.end, c.rule, "date", granule=cal.month(int(c.groups["year"]), _month(c.groups["mon"]))
    )


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


def _spelled_year(c: Candidate, text: str) -> Reading | None:
    """ "nineteen ninety-six", "two thousand and one" (broadcast transcripts spell years out)."""
    words = c.groups["spelled"].lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0.0
        y = 2000 + int(rest or 0)
    else:
        head = lexicon().number_words[words[0]]
        rest = parse_number(" ".join(w for w in words[1:] if w != "oh"))
        if rest is None:
            return None
        y = head * 100 + int(rest)
    if not MIN_YEAR <= y <= MAX_YEAR or (words[:2] != ["two", "thousand"] and not c.groups.get("spelled")):
        return None
    if not text[c.start : c.end].lower().startswith("the year") and not _TIME_PREPOSITION.search(
        text[max(0, c.start - 20) : c.start]
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
    return Reading(
        c.start,
        c.end,
        c.rule,
        "date",
        granule=cal.season(int(c.groups["year"]), _season_code(c.groups["season"])),
    )


def _season_rel(c: Candidate, text: str) -> Reading | None:
    code = _season_code(c.groups["season"])
    det = _norm(c.groups["det"])
    if det in _ANAPHORIC_YEAR or det == "that":
        return _year_rel_reading(c, det, lambda y: cal.season(y, code), f"XXXX-{code}")

    def build(a: Anchor) -> Granule:
        ref = _anchor_day(a)
        this = cal.season(ref.year, code)
        assert this.earliest is not None and this.latest is not None
        if det == "last":
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
    if "year" in c.groups:
        return Reading(c.start, c.end, c.rule, "date", granule=_make_part(unit, n, int(c.groups["year"])))
    if "rel" in c.groups:
        return _year_rel_reading(c, c.groups["rel"], lambda y: _make_part(unit, n, y), f"XXXX-{code}")
    return _partial_quarter(c, unit, n, code)


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
    if "year" in c.groups:
        return Reading(c.start, c.end, c.rule, "date", granule=cal.day(spec.date_in(int(c.groups["year"]))))
    det = c.groups.get("det", "").lower()

    def build(a: Anchor) -> Granule:
        ref = _anchor_day(a)
        if not a.is_reference:
            return cal.day(spec.date_in(ref.year))
        options = [spec.date_in(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
        if det == "last":
            return cal.day(max(d for d in options if d < ref))
        if det == "next":
            return cal.day(min(d for d in options if d > ref))
        if det == "this":
            return cal.day(options[1])
        year = _year_of(a, options[1].month, options[1].day)
        return cal.day(spec.date_in(year))

    return Reading(c.start, c.end, c.rule, "date", build=build, policy="partial", unresolved="XXXX-XX-XX")


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


def _weekday(c: Candidate, text: str) -> Reading | None:
    word = c.groups["wd"]
    if not _capitalised(word):
        return None
    wd = lexicon().weekdays[word.lower()]
    det = c.groups.get("det", "").lower() or None
    part = c.groups.get("part")

    def build(a: Anchor) -> Granule:
        d = _weekday_date(a, wd, det)
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
    if "the" in c.groups and det in ("this", "current"):
        return None
    mod = None
    adv = c.groups.get("adv", "").lower()
    if adv:
        mod = "START" if adv == "earlier" else "END"
    policy = "discourse" if det in lex.anaphoric_determiners else "reference"

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
    """ "the quarter", "the latest quarter", "the year-earlier period": the quarter under discussion.

    That is the last quarter mentioned, else the last complete quarter before the document
    date (results are reported after a quarter ends); "year-earlier" ones are a year before it.
    """
    which = _norm(c.groups.get("which", ""))
    what = c.groups.get("what", "quarter").lower()
    if what == "period" and not which:
        return None
    back = -1 if which in ("year-earlier", "year-ago", "prior-year", "comparable") or "adj" in c.groups else 0

    def build(a: Anchor) -> Granule | None:
        if not a.is_reference and a.granule.unit in ("quarter", "half"):
            current = a.granule
        elif a.reference is not None:
            here = cal.of_unit("quarter", a.reference)
            current = here if which == "current" else cal.shift(here, "quarter", -1)
        else:
            return None
        return cal.shift(current, "year", back) if back else current

    return _relative(c, "date", build, "discourse", "XXXX-QX", secondary=bool(back))


def _duration(c: Candidate, text: str) -> Reading | None:
    lex = lexicon()
    unit = lex.units[c.groups["unit"].lower()]
    num = c.groups["num"]
    n = parse_number(num)
    if n is None and _norm(num) not in lex.vague_numbers:
        return None
    if n is not None and "half" in c.groups:
        n += 0.5  # "a year and a half"
    if n == 0 or "old" in c.groups:
        return None  # "a 15-year-old", "52 years old": an age, not a time
    if unit.unit == "quarter" and (
        re.search(r"-quarters?$", text[c.start : c.end].lower()) or re.match(r"\s+of\b", text[c.end :])
    ):
        return None  # "three-quarters of the vote": a fraction
    mod = lex.quantity_modifiers.get(_norm(c.groups.get("qmod", "")))
    return Reading(
        c.start, c.end, c.rule, "duration", value=_duration_value(n, unit.letter, unit.time), mod=mod
    )


def _vague_duration(c: Candidate, text: str) -> Reading | None:
    word = c.groups["unit"].lower()
    unit = lexicon().units[word]
    if not word.endswith("s"):
        return None
    return Reading(c.start, c.end, c.rule, "duration", value=_duration_value(None, unit.letter, unit.time))


def _bare_plural(c: Candidate, text: str) -> Reading | None:
    unit = lexicon().units[c.groups["core"].lower()]
    return Reading(c.start, c.end, c.rule, "duration", value=_duration_value(None, unit.letter, unit.time))


def _set_every(c: Candidate, text: str) -> Reading | None:
    lex = lexicon()
    if "wd" in c.groups:
        if not _capitalised(c.groups["wd"]):
            return None
        return Reading(
            c.start, c.end, c.rule, "set", value=f"XXXX-WXX-{lex.weekdays[c.groups['wd'].lower()]}"
        )
    unit = lex.units[c.groups["unit"].lower()]
    n = parse_number(c.groups["num"]) if "num" in c.groups else 1.0
    if "other" in text[c.start : c.end].lower().split():
        n = 2 * (n or 1)
    return Reading(c.start, c.end, c.rule, "set", value=_duration_value(n, unit.letter, unit.time))


def _set_a(c: Candidate, text: str) -> Reading | None:
    if not _AMOUNT_BEFORE.search(text[max(0, c.start - 30) : c.start]):
        return None
    unit = lexicon().units[c.groups["unit"].lower()]
    return Reading(c.start, c.end, c.rule, "set", value=_duration_value(1, unit.letter, unit.time))


def _set_adv(c: Candidate, text: str) -> Reading | None:
    if _capitalised(c.groups["adv"]) and not _SENTENCE_START.search(text[max(0, c.start - 3) : c.start]):
        return None  # "The Daily Telegraph", "Weekly Standard": a name, not a frequency
    if _ADJECTIVE_USE.match(text[c.end : c.end + 20]):
        return None  # "a quarterly dividend", "daily life": an adjective, not how often something happens
    return Reading(c.start, c.end, c.rule, "set", value=lexicon().set_adverbs[c.groups["adv"].lower()])


def _refword(c: Candidate, text: str) -> Reading | None:
    value = lexicon().reference_words[_norm(c.groups["ref"])]

    def build(a: Anchor) -> Granule:
        ref = _anchor_day(a)
        if value == "PAST_REF":
            return Granule(value, None, ref, "day")
        if value == "FUTURE_REF":
            return Granule(value, ref, None, "day")
        return Granule(value, ref, ref, "day")

    return _relative(c, "date", build, "reference", value)


def _clock(c: Candidate, text: str) -> Reading | None:
    if "noon" in c.groups:
        h, mi = (0, 0) if c.groups["noon"].lower() == "midnight" else (12, 0)
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


_HANDLERS = {
    "iso": _iso,
    "numeric": _numeric,
    "mdy": _month_day,
    "dmy": _month_day,
    "day_range": _day_range,
    "my": _my,
    "month_rel": _month_rel,
    "rel_month": _rel_month,
    "bare_month": _bare_month,
    "year": _year,
    "year_range": _year_range,
    "spelled_year": _spelled_year,
    "season_year": _season_year,
    "season_rel": _season_rel,
    "season_bare": _season_bare,
    "quarter": _quarter,
    "quarter_q": _quarter_q,
    "half_h": _half_h,
    "decade": _decade,
    "decade_short": _decade,
    "decade_word": _decade,
    "quarter_of_rel": _quarter,
    "century": _century,
    "holiday": _holiday,
    "weekday": _weekday,
    "relday": _relday,
    "tonight": _tonight,
    "rel_unit": _rel_unit,
    "shifted": _shifted,
    "duration": _duration,
    "vague_duration": _vague_duration,
    "set_every": _set_every,
    "set_a": _set_a,
    "set_adv": _set_adv,
    "refword": _refword,
    "quarter_ref": _quarter_ref,
    "bare_plural": _bare_plural,
    "clock": _clock,
}
