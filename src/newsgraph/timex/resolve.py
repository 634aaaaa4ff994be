"""Anchor readings in document order and turn them into :class:`TimeExpr` records.

Relative expressions are resolved on the reference date ("yesterday", "last week"), on the
last time mentioned ("September of that year", "the following year", "two years later") or,
for a month or weekday without its year, on a time mentioned close before (same sentence
window) and else on the reference date.
"""

from __future__ import annotations

from datetime import date

from newsgraph.model import TimeExpr, TimeKind
from newsgraph.timex import calendar as cal
from newsgraph.timex.calendar import Granule
from newsgraph.timex.reading import Anchor, Reading, Tense

# A month or weekday without a year takes the year of a time mentioned at most this many
# characters before it (about one sentence of news prose); farther back, the document date
# is the better guess (TempEval-3 news: DCT-anchored partial dates dominate).
PARTIAL_DISCOURSE_WINDOW = 120
_MODS_WITH_BOUNDS = ("START", "MID", "END")


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
    for i, r in enumerate(readings, start=1):
        tid = f"t{i}"
        surface = text[r.start : r.end]
        granule: Granule | None = r.granule
        anchor_label: str | None = None
        if granule is None and r.build is not None:
            anchor = _choose_anchor(r, ref_granule, last)
            if anchor is not None:
                a, anchor_label = anchor
                granule = r.build(a)
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
        if granule.is_calendar and granule.value[:1].isdigit():
            last = (granule, tid, r.end)
    return out


def _choose_anchor(
    r: Reading, ref: Granule | None, last: tuple[Granule, str, int] | None
) -> tuple[Anchor, str] | None:
    tense: Tense | None = r.tense
    from_ref = (Anchor(ref, True, tense), "reference") if ref is not None else None
    from_last = (Anchor(last[0], False, tense), f"discourse:{last[1]}") if last is not None else None
    if r.policy == "reference":
        return from_ref
    if r.policy == "discourse":
        return from_last or from_ref
    near = last is not None and r.start - last[2] <= PARTIAL_DISCOURSE_WINDOW
    if near and from_last is not None:
        return from_last
    return from_ref or from_last
