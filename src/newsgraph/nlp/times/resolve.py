"""Anchor readings in document order and turn them into :class:`TimeExpr` records.

Relative expressions are resolved on the reference date ("yesterday", "last week"), on the
last time mentioned ("September of that year", "the following year", "two years later") or,
for a month or weekday without its year, on a time mentioned close before (same sentence
window) and else on the reference date.
"""

from __future__ import annotations

import re
from datetime import date

from newsgraph.model import TimeExpr, TimeKind
from newsgraph.nlp.times import calendar as cal
from newsgraph.nlp.times.calendar import Granule
from newsgraph.nlp.times.reading import Anchor, Reading, Tense

# A month or weekday without a year takes the year of a time mentioned in the same sentence and
# at most this many characters before it; farther back, the document date is the better guess
# (on TempEval-3 news a wider window anchored "January" on an unrelated year mentioned before).
PARTIAL_DISCOURSE_WINDOW = 120
_MODS_WITH_BOUNDS = ("START", "MID", "END")
_TOO_COARSE_TO_DATE_A_DAY = ("decade", "century")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[A-Z\"“]|\n")


def _bounds(g: Granule) -> tuple[str | None, str | None]:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return iso(g.earliest), iso(g.latest)


def _kind_of(r: Reading, g: Granule) -> TimeKind:
    return "interval" if "/" in g.value else r.kind


def resolve(readings: list[Reading], text: str, reference: date | None) -> list[TimeExpr]:
    """Records for ``readings`` (sorted by start); ids ``t1``, ``t2``... in text order."""
    out: list[TimeExpr] = []
    ref_granule = cal.day(reference) if reference else None
    last: tuple[Granule, str, int] | None = None  # the last calendar time mentioned: granule, id, end offset
    period: Granule | None = None  # the last quarter or half-year mentioned
    day: Granule | None = None  # the last single day mentioned
    for i, r in enumerate(readings, start=1):
        tid = f"t{i}"
        surface = text[r.start : r.end]
        granule: Granule | None = r.granule
        anchor_label: str | None = None
        if granule is None and r.build is not None:
            anchor = _choose_anchor(r, ref_granule, last, period, day, text)
            if anchor is not None:
                a, anchor_label = anchor
                try:
                    granule = r.build(a)
                except (ValueError, OverflowError):
                    granule = None  # "5000 years ago" leaves the calendar datetime can represent
        if r.kind in ("duration", "set") and r.value is not None:
            out.append(TimeExpr(tid, surface, r.start, r.end, r.kind, r.value, r.mod))
            continue
        if granule is None:
            out.append(TimeExpr(tid, surface, r.start, r.end, r.kind, r.unresolved, r.mod))
            continue
        if r.mod in _MODS_WITH_BOUNDS and granule.is_calendar and "/" not in granule.value:
            granule = cal.modified(granule, r.mod)
        earliest, latest = _bounds(granule)
        out.append(
            TimeExpr(
                tid,
                surface,
                r.start,
                r.end,
                _kind_of(r, granule),
                granule.value,
                r.mod,
                earliest,
                latest,
                anchor_label,
            )
        )
        if granule.is_calendar and granule.value[:1].isdigit() and not r.secondary:
            last = (granule, tid, r.end)
            if granule.unit in ("quarter", "half"):
                period = granule
            elif granule.unit in ("day", "part", "minute") and granule.earliest == granule.latest:
                day = cal.day(granule.earliest) if granule.earliest else None
    return out


def _choose_anchor(
    r: Reading,
    ref: Granule | None,
    last: tuple[Granule, str, int] | None,
    period: Granule | None,
    day: Granule | None,
    text: str,
) -> tuple[Anchor, str] | None:
    tense: Tense | None = r.tense
    reference = ref.earliest if ref is not None else None
    near = last[0] if last is not None and _same_sentence(text, last[2], r.start) else None
    if near is not None and near.unit in _TOO_COARSE_TO_DATE_A_DAY:
        near = None  # "the 14th century ... Nov. 5": the century gives no year to a day
    from_ref = (
        (Anchor(ref, True, tense, reference, near, period, day), "reference") if ref is not None else None
    )
    from_last = (
        (Anchor(last[0], False, tense, reference, near, period, day), f"discourse:{last[1]}")
        if last is not None
        else None
    )
    if r.policy == "reference":
        return from_ref
    if r.policy == "discourse":
        return from_last or from_ref
    if near is not None and from_last is not None:
        # "who entered parliament in 2016, will present it by June 20": a future act does not
        # take the year of a time already past; the document's date anchors it.
        past = near.latest is not None and reference is not None and near.latest < reference
        if tense == "future" and from_ref is not None and past:
            return from_ref
        # and the mirror: "a year earlier than it had forecast in November", after "the second
        # half of 2027" — a past act does not take the year of a time still to come
        ahead = near.earliest is not None and reference is not None and near.earliest > reference
        if tense == "past" and from_ref is not None and ahead:
            return from_ref
        return from_last
    if last is not None and last[0].unit in _TOO_COARSE_TO_DATE_A_DAY:
        return from_ref
    return from_ref or from_last


def _same_sentence(text: str, end: int, start: int) -> bool:
    """True when nothing but one clause separates a time ending at ``end`` from one starting at ``start``."""
    between = text[end:start]
    return len(between) <= PARTIAL_DISCOURSE_WINDOW and not _SENTENCE_BREAK.search(between)
