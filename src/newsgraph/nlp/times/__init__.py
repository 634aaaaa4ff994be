"""Times: every date expression, normalized to TIMEX3 values with calendar bounds.

In: text and a reference date. Out: ``TimeExpr`` records (value, mod, earliest/latest, anchor); the
``newsgraph_times`` factory in :mod:`.component` runs it over the Doc and adds verb tense from the parse.

``extract(text, reference)`` finds every time expression in ``text`` and resolves it;
``find(text)`` gives the unanchored readings; ``infer_reference(readings, text)`` guesses
the document date when nobody gave one. Pure text in, records out: no spaCy needed (the
component in :mod:`newsgraph.nlp.times.component` adds sentence tense from the parse).

Modules: ``lexicon`` (the YAML word lists) → ``grammar`` (regexes built from them) →
``interpret`` (what each match means) → ``compose`` (overlaps, modifiers, ranges) →
``resolve`` (anchoring on the reference date or the discourse) and ``reference``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from newsgraph.model import ReferenceDate, TimeExpr
from newsgraph.nlp.times.compose import apply_modifiers, join_ranges, select
from newsgraph.nlp.times.grammar import scan
from newsgraph.nlp.times.reading import Reading, Tense
from newsgraph.nlp.times.reference import infer_reference
from newsgraph.nlp.times.resolve import resolve

__all__ = ["Extraction", "extract", "find", "infer_reference"]


def find(text: str, tense_at: Callable[[int], Tense | None] | None = None) -> list[Reading]:
    """Every time expression in ``text``, interpreted but not anchored, in text order."""
    readings = join_ranges(apply_modifiers(select(scan(text), text), text), text)
    if tense_at is not None:
        readings = [r.with_(tense=tense_at(r.start)) for r in readings]
    return readings


@dataclass(frozen=True)
class Extraction:
    times: list[TimeExpr]
    reference: ReferenceDate


def extract(
    text: str,
    reference: ReferenceDate | str | None = None,
    tense_at: Callable[[int], Tense | None] | None = None,
) -> Extraction:
    """Find and resolve the time expressions of ``text``.

    ``reference`` is the document date (ISO string or :class:`ReferenceDate`); when it is
    missing it is inferred from the text (see :mod:`newsgraph.nlp.times.reference`) and the
    inferred one is returned with the times.
    """
    if isinstance(reference, str) or reference is None:
        reference = (
            ReferenceDate(date=reference[:10], method="given", confidence=1.0)
            if reference
            else ReferenceDate(date=None, method="none", confidence=0.0)
        )
    readings = find(text, tense_at)
    if reference.date is None:
        reference = infer_reference(readings, text)
    return Extraction(times=resolve(readings, text, _day_of(reference.date)), reference=reference)


def _day_of(iso: str | None) -> date | None:
    """The day an ISO date (or a month ``2016-10``, a year ``2016``) stands for; ``None`` if unreadable."""
    if not iso:
        return None
    for size, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return date.fromisoformat(iso[:size] + suffix)
        except ValueError:
            continue
    return None
