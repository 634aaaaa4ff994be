"""What a matched time expression means before it is anchored: a :class:`Reading`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from newsgraph.model import TimeKind
from newsgraph.nlp.times.calendar import Granule

Tense = Literal["past", "present", "future"]
# How a relative reading finds its anchor: the document date, the last time mentioned, or
# ("partial", a month or weekday without its year) the last time nearby and else the document date.
AnchorPolicy = Literal["reference", "discourse", "partial"]


@dataclass(frozen=True)
class Anchor:
    """What a relative expression is resolved on."""

    granule: Granule
    is_reference: bool
    tense: Tense | None = None
    reference: date | None = None  # the document date, also when ``granule`` is a discourse time
    near: Granule | None = None  # a time mentioned just before (same sentence), if any
    period: Granule | None = None  # the last quarter or half-year mentioned (the period a report is about)
    day: Granule | None = None  # the last single day mentioned (the day a story narrates)


Build = Callable[[Anchor], "Granule | None"]


@dataclass(frozen=True)
class Reading:
    """One time expression found in the text.

    Exactly one of ``granule`` (absolute), ``build`` (relative: needs an anchor) or ``value``
    (a duration or set, or a special value like ``PRESENT_REF``) carries the meaning.
    ``weak`` readings (a bare "May") are kept only when a neighbour confirms them.
    """

    start: int
    end: int
    rule: str
    kind: TimeKind
    granule: Granule | None = None
    build: Build | None = None
    policy: AnchorPolicy | None = None
    unresolved: str = "XXXX"
    value: str | None = None
    mod: str | None = None
    weak: bool = False
    needs_year: bool = False  # a month/day/season/quarter whose year a neighbour may give
    tense: Tense | None = None
    # a time named only to compare with ("up 5% from a year ago"): it does not become the
    # time later anaphoric expressions ("that year", "the quarter") refer to
    secondary: bool = False

    def with_(self, **changes: object) -> Reading:
        return replace(self, **changes)  # type: ignore[arg-type]
