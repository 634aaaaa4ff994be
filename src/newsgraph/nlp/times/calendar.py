"""Calendar granules: a named stretch of time with its TIMEX3 value and first/last day.

A :class:`Granule` is what a date expression denotes once resolved: ``2014`` (a year),
``2014-SP`` (a season), ``2014-03-05`` (a day), ``199`` (a decade). Bounds are whole days,
inclusive. Special values (``PRESENT_REF`` ...) may leave one or both bounds open (``None``).
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.nlp.times.lexicon import lexicon

# Units from finest to coarsest; used to decide whether one granule is finer than another.
UNIT_ORDER = (
    *("minute", "hour", "part", "day", "weekend", "week", "month"),
    *("season", "quarter", "half", "year", "decade", "century"),
)


@dataclass(frozen=True)
class Granule:
    value: str
    earliest: date | None
    latest: date | None
    unit: str

    @property
    def is_calendar(self) -> bool:
        """True when both bounds are known: such a granule can anchor later anaphoric expressions."""
        return self.earliest is not None and self.latest is not None


def _last_day(y: int, m: int) -> date:
    return date(y, m, _cal.monthrange(y, m)[1])


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` months, the day clipped to the month's length."""
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, _cal.monthrange(y, m + 1)[1]))


def year(y: int) -> Granule:
    return Granule(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year")


def month(y: int, m: int) -> Granule:
    return Granule(f"{y:04d}-{m:02d}", date(y, m, 1), _last_day(y, m), "month")


def day(d: date) -> Granule:
    return Granule(d.isoformat(), d, d, "day")


def quarter(y: int, q: int) -> Granule:
    first = date(y, 3 * (q - 1) + 1, 1)
    return Granule(f"{y:04d}-Q{q}", first, _last_day(y, 3 * q), "quarter")


def half(y: int, h: int) -> Granule:
    return Granule(f"{y:04d}-H{h}", date(y, 6 * (h - 1) + 1, 1), _last_day(y, 6 * h), "half")


def season(y: int, code: str) -> Granule:
    """Season ``code`` of year ``y``; winter is the one ending in ``y`` (from December of ``y - 1``)."""
    first_m, last_m = lexicon().season_months[code]
    if first_m <= last_m:
        return Granule(f"{y:04d}-{code}", date(y, first_m, 1), _last_day(y, last_m), "season")
    return Granule(f"{y:04d}-{code}", date(y - 1, first_m, 1), _last_day(y, last_m), "season")


def season_of(d: date) -> Granule:
    for code, (first_m, last_m) in lexicon().season_months.items():
        if first_m <= last_m and first_m <= d.month <= last_m:
            return season(d.year, code)
    # the season that wraps round the new year
    code = next(c for c, (a, b) in lexicon().season_months.items() if a > b)
    return season(d.year + 1 if d.month >= 12 else d.year, code)


def decade(first_year: int) -> Granule:
    first_year -= first_year % 10
    return Granule(f"{first_year // 10:03d}", date(first_year, 1, 1), date(first_year + 9, 12, 31), "decade")


def century(first_year: int) -> Granule:
    first_year -= first_year % 100
    return Granule(
        f"{first_year // 100:02d}", date(first_year, 1, 1), date(first_year + 99, 12, 31), "century"
    )


def week(d: date) -> Granule:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Granule(f"{iso.year:04d}-W{iso.week:02d}", monday, monday + timedelta(days=6), "week")


def weekend(d: date) -> Granule:
    """The weekend of the ISO week holding ``d``."""
    w = week(d)
    assert w.earliest is not None
    return Granule(f"{w.value}-WE", w.earliest + timedelta(days=5), w.earliest + timedelta(days=6), "weekend")


def day_part(d: date, code: str) -> Granule:
    return Granule(f"{d.isoformat()}T{code}", d, d, "part")


def clock(d: date, hour: int, minute: int) -> Granule:
    return Granule(f"{d.isoformat()}T{hour:02d}:{minute:02d}", d, d, "minute")


def of_unit(unit: str, d: date) -> Granule:
    """The granule of kind ``unit`` that contains day ``d``."""
    if unit == "year":
        return year(d.year)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "half":
        return half(d.year, 1 if d.month <= 6 else 2)
    if unit == "season":
        return season_of(d)
    if unit == "week":
        return week(d)
    if unit == "weekend":
        return weekend(d)
    if unit == "decade":
        return decade(d.year)
    if unit == "century":
        return century(d.year)
    return day(d)


def move(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` calendar units."""
    if unit in ("day", "part", "hour", "minute"):
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "season": 12, "half": 6, "year": 12, "decade": 120, "century": 1200}[
        unit
    ]
    return add_months(d, months * n)


def shift(g: Granule, unit: str, n: int) -> Granule:
    """The ``unit`` that lies ``n`` units from ``g`` ("the following year" of March 2014 is 2015).

    A quarter or half moved by years stays a quarter or half: "a year earlier" after "the
    third quarter" is the third quarter of the year before, as in financial reporting.
    """
    assert g.earliest is not None
    if unit == "year" and g.unit in ("quarter", "half", "season"):
        return of_unit(g.unit, add_months(g.earliest, 12 * n) if g.unit != "season" else _season_start(g, n))
    return of_unit(unit, move(g.earliest, unit, n))


def _season_start(g: Granule, n: int) -> date:
    assert g.latest is not None
    return add_months(g.latest, 12 * n)


def is_finer(a: str, b: str) -> bool:
    return UNIT_ORDER.index(a) < UNIT_ORDER.index(b)


def modified(g: Granule, mod: str) -> Granule:
    """The early (``START``), middle (``MID``) or late (``END``) third of ``g``; value unchanged.

    Thirds are taken in the next finer unit so the bounds stay on calendar lines: a year
    splits into months (Jan-Apr, May-Aug, Sep-Dec), a month into days (1-10, 11-20, 21-end),
    a decade into years (0-2, 3-6, 7-9).
    """
    assert g.earliest is not None and g.latest is not None
    if g.unit in ("year", "season", "quarter", "half"):
        parts = [add_months(g.earliest, i) for i in range(_months_between(g.earliest, g.latest))]
        ends = [_last_day(p.year, p.month) for p in parts]
    elif g.unit in ("decade", "century"):
        step = 1 if g.unit == "decade" else 10
        parts = [date(y, 1, 1) for y in range(g.earliest.year, g.latest.year + 1, step)]
        ends = [date(y + step - 1, 12, 31) for y in range(g.earliest.year, g.latest.year + 1, step)]
    else:
        n = (g.latest - g.earliest).days + 1
        parts = [g.earliest + timedelta(days=i) for i in range(n)]
        ends = parts
    n = len(parts)
    if n < 3:
        return g
    third = n // 3
    lo, hi = {"START": (0, third - 1), "MID": (third, n - third - 1), "END": (n - third, n - 1)}[mod]
    return Granule(g.value, parts[lo], ends[hi], g.unit)


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month + 1


def span(first: Granule, last: Granule) -> Granule:
    """An interval from the start of ``first`` to the end of ``last`` (value ``first/last``)."""
    return Granule(f"{first.value}/{last.value}", first.earliest, last.latest, first.unit)
