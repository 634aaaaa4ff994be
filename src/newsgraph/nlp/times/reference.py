"""Infer the document's reference date from its own dated expressions.

Used when neither the caller (``--date``) nor the metadata gave one. In order:

1. a dated expression said to be the present: a full or month date in the same sentence as
   and within a few words of "now", "currently", "today", "this month" or "at present"
   ("Now, in October 2016, ...") → that date, confidence 0.8;
2. otherwise the latest full (day) or month date, ignoring dates that lie implausibly far
   after the others (more than :data:`OUTLIER_YEARS` past the next latest: a plan for 2030
   in a 2016 article) → its last day, confidence 0.5;
3. otherwise the latest year (ends of year ranges included), same outlier rule, → its last
   day, confidence 0.2.

Dates before :data:`MIN_REFERENCE_YEAR` never count.

The reference is the last day of the chosen granule: a text that narrates a month in the
past tense was written after it, rarely before.
"""

from __future__ import annotations

import re
from datetime import date

from newsgraph.model import ReferenceDate
from newsgraph.nlp.times.calendar import Granule
from newsgraph.nlp.times.reading import Reading

# Dates more than this many years after the next latest one are plans or forecasts, not the present.
OUTLIER_YEARS = 3
# Dates before this year are history, never the date an article in our scope was written.
MIN_REFERENCE_YEAR = 1900
# How far (characters) a present-tense marker may stand from the date it dates.
PRESENT_WINDOW = 40
_PRESENT = re.compile(r"\b(?:now|currently|today|this\s+month|at\s+present|as\s+of)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")

CONFIDENCE_PRESENT = 0.8
CONFIDENCE_LATEST = 0.5
CONFIDENCE_YEAR = 0.2


def _dated(
    readings: list[Reading], units: tuple[str, ...], kinds: tuple[str, ...] = ("date",)
) -> list[tuple[Reading, Granule]]:
    out = []
    for r in readings:
        g = r.granule
        if g is None or g.unit not in units or g.latest is None or r.kind not in kinds:
            continue
        if g.latest.year < MIN_REFERENCE_YEAR:
            continue  # a history piece still has a modern date of writing
        out.append((r, g))
    return out


def _latest(items: list[tuple[Reading, Granule]]) -> Granule | None:
    ends = sorted({g.latest for _, g in items if g.latest is not None})
    while len(ends) > 1 and (ends[-1] - ends[-2]).days > 365 * OUTLIER_YEARS:
        ends.pop()
    if not ends:
        return None
    return next(g for _, g in items if g.latest == ends[-1])


def _said_to_be_present(r: Reading, text: str) -> bool:
    before = text[max(0, r.start - PRESENT_WINDOW) : r.start]
    after = text[r.end : r.end + PRESENT_WINDOW]
    before = _SENTENCE_END.split(before)[-1]
    after = _SENTENCE_END.split(after)[0]
    return bool(_PRESENT.search(before) or _PRESENT.search(after))


def infer_reference(readings: list[Reading], text: str) -> ReferenceDate:
    """The reference date the text itself suggests (``method="text"``), or ``date=None``."""
    precise = _dated(readings, ("day", "month"))
    present = [(r, g) for r, g in precise if _said_to_be_present(r, text)]
    if present:
        g = _latest(present)
        if g is not None and g.latest is not None:
            return ReferenceDate(date=_iso(g.latest), method="text", confidence=CONFIDENCE_PRESENT)
    g = _latest(precise)
    if g is not None and g.latest is not None:
        return ReferenceDate(date=_iso(g.latest), method="text", confidence=CONFIDENCE_LATEST)
    g = _latest(_dated(readings, ("year",), kinds=("date", "interval")))
    if g is not None and g.latest is not None:
        return ReferenceDate(date=_iso(g.latest), method="text", confidence=CONFIDENCE_YEAR)
    return ReferenceDate(date=None, method="none", confidence=0.0)


def _iso(d: date) -> str:
    return d.isoformat()
