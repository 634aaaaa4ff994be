"""From a grammar :class:`Candidate` to a :class:`Reading`: what the words mean, before anchoring.

The handlers also check the context that keeps look-alikes out: a bare "May" is a month only after a
time preposition; a four-digit number is a year only when it is not a count or a price; "a
month" is a rate ("set") only after an amount ("$700 million a month").

The handlers live in :mod:`~newsgraph.nlp.times.dates`, :mod:`~newsgraph.nlp.times.relative` and
:mod:`~newsgraph.nlp.times.quantities`; shared helpers in :mod:`~newsgraph.nlp.times.common`.
"""

from __future__ import annotations

from newsgraph.nlp.times.dates import (
    _bare_month,
    _century,
    _day_range,
    _decade,
    _half_h,
    _holiday,
    _iso,
    _month_day,
    _month_rel,
    _my,
    _numeric,
    _quarter,
    _quarter_q,
    _rel_month,
    _season_bare,
    _season_rel,
    _season_year,
    _spelled_year,
    _week_of,
    _year,
    _year_range,
)
from newsgraph.nlp.times.grammar import Candidate
from newsgraph.nlp.times.quantities import (
    _bare_plural,
    _duration,
    _set_a,
    _set_adv,
    _set_every,
    _vague_duration,
)
from newsgraph.nlp.times.reading import Reading
from newsgraph.nlp.times.relative import (
    _clock,
    _part_ref,
    _quarter_ref,
    _refword,
    _rel_unit,
    _relday,
    _shifted,
    _tonight,
    _weekday,
    _weekend_ref,
    _year_ref,
)


def interpret(c: Candidate, text: str) -> Reading | None:
    """The reading of one candidate, or ``None`` when the context says it is no time expression."""
    handler = _HANDLERS[c.rule]
    return handler(c, text)


_HANDLERS = {
    "iso": _iso,
    "numeric": _numeric,
    "mdy": _month_day,
    "dmy": _month_day,
    "day_range": _day_range,
    "week_of": _week_of,
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
    "year_ref": _year_ref,
    "weekend_ref": _weekend_ref,
    "part_ref": _part_ref,
    "quarter_ref": _quarter_ref,
    "bare_plural": _bare_plural,
    "clock": _clock,
}
