"""Choose among overlapping readings and join neighbours into larger expressions.

* overlaps: the longest reading wins (ties: the earlier rule in the grammar);
* modifiers: "late 2013", "Early in 2015", "mid-2015", "the end of March" take the
  early/mid/late third of the time they modify (TIMEX3 ``mod`` START/MID/END);
* "since January 2014": the expression stays "January 2014", marked ``ON_OR_AFTER``;
* coordination and ranges: "April and May 2015", "from March to May 2015", "between 2014
  and 2016" become one interval; a bare month borrows the year of the month after it.
"""

from __future__ import annotations

import re

from newsgraph.nlp.times import calendar as cal
from newsgraph.nlp.times.calendar import Granule
from newsgraph.nlp.times.grammar import _RULES, Candidate
from newsgraph.nlp.times.interpret import interpret
from newsgraph.nlp.times.lexicon import lexicon
from newsgraph.nlp.times.reading import Anchor, Reading

_RULE_RANK = {name: i for i, name in enumerate(_RULES)}
# Rules whose meaning a modifier can narrow (a calendar period, not a day or a duration).
_MODIFIABLE = {
    *("year", "my", "bare_month", "month_rel", "rel_month", "season_year", "season_rel", "season_bare"),
    *("decade", "decade_short", "decade_word", "century", "rel_unit", "quarter", "quarter_q", "year_ref"),
}
_RANGE_JOIN = re.compile(r"^\s*(?:and|or|to|through|thru|until|till|-|–|—)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _modifier_prefix() -> re.Pattern[str]:
    alt = "|".join(sorted(lexicon().modifiers, key=len, reverse=True))
    adjectives = "|".join(sorted(lexicon().adjective_modifiers, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:(?:the\s+)?(?P<phrase>{alt})\s+of\s+|(?P<adj>{adjectives})(?:\s+in|\s*-|\s+)\s*)$",
        re.IGNORECASE,
    )


def select(candidates: list[Candidate], text: str) -> list[Reading]:
    readings = [r for c in candidates if (r := interpret(c, text)) is not None]
    readings.sort(key=lambda r: (-(r.end - r.start), _RULE_RANK[r.rule], r.start))
    taken: list[Reading] = []
    for r in readings:
        if all(r.end <= t.start or r.start >= t.end for t in taken):
            taken.append(r)
    taken.sort(key=lambda r: r.start)
    return taken


def apply_modifiers(readings: list[Reading], text: str) -> list[Reading]:
    prefix = _modifier_prefix()
    mods = lexicon().modifiers
    out: list[Reading] = []
    for r in readings:
        if r.rule in _MODIFIABLE and r.mod is None:
            m = prefix.search(text[max(0, r.start - 30) : r.start])
            if m:
                word = (m.group("phrase") or m.group("adj")).lower()
                r = r.with_(start=r.start - (len(m.group(0))), mod=mods[word], weak=False)
        if r.kind == "date" and r.mod is None and _SINCE.search(text[max(0, r.start - 8) : r.start]):
            r = r.with_(mod="ON_OR_AFTER")
        out.append(r)
    return out


def _borrow_year(first: Reading, second: Reading) -> Granule | None:
    """``first`` (a month or day without a year) read in the year of ``second``."""
    if first.build is None or second.granule is None or second.granule.earliest is None:
        return None
    return first.build(Anchor(granule=cal.year(second.granule.earliest.year), is_reference=False))


def join_ranges(readings: list[Reading], text: str) -> list[Reading]:
    out: list[Reading] = []
    i = 0
    while i < len(readings):
        a = readings[i]
        b = readings[i + 1] if i + 1 < len(readings) else None
        joined = _join(a, b, text) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        if not a.weak:
            out.append(a)
        i += 1
    return out


def _join(a: Reading, b: Reading | None, text: str) -> Reading | None:
    if b is None or a.kind not in ("date", "interval") or b.kind not in ("date", "interval"):
        return None
    if not _RANGE_JOIN.match(text[a.end : b.start]):
        return None
    opener = _RANGE_OPEN.search(text[max(0, a.start - 9) : a.start])
    start = a.start - len(opener.group(0)) if opener else a.start
    if a.needs_year and b.granule is not None and b.granule.earliest is not None:
        first = _borrow_year(a, b)
        if first is None or first.earliest is None or first.earliest > b.granule.earliest:
            return None
        return Reading(start, b.end, "range", "interval", granule=cal.span(first, b.granule), mod=a.mod)
    if (
        opener
        and a.granule is not None
        and b.granule is not None
        and a.granule.is_calendar
        and b.granule.is_calendar
    ):
        assert a.granule.latest is not None and b.granule.latest is not None
        if a.granule.latest <= b.granule.latest and a.mod is None and b.mod is None:
            return Reading(start, b.end, "range", "interval", granule=cal.span(a.granule, b.granule))
    if opener and a.needs_year and b.needs_year and a.build is not None and b.build is not None:
        first_build, last_build = a.build, b.build

        def build(anchor: Anchor) -> Granule | None:
            first, last = first_build(anchor), last_build(anchor)
            if first is None or last is None:
                return None
            # each end was placed on its own ("October" ahead of an August date, "December" behind
            # it in a past-tense clause); a range runs forward, so its end follows its start
            if (
                last.unit in ("month", "day")
                and first.earliest
                and last.latest
                and last.latest < first.earliest
            ):
                assert last.earliest is not None
                moved = cal.of_unit(last.unit, cal.move(last.earliest, "year", 1))
                if moved.earliest and moved.earliest >= first.earliest:
                    last = moved
            return cal.span(first, last)

        return Reading(
            start, b.end, "range", "interval", build=build, policy="partial", unresolved=a.unresolved
        )
    return None
