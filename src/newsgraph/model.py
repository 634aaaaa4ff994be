"""The records newsgraph produces, as frozen dataclasses.

Every record that comes from the text keeps its evidence: ``start``/``end`` character
offsets into ``Document.body`` (and the ``text`` found there). Money values are exact
(:class:`decimal.Decimal`); dates keep their precision (ISO strings: ``2014``, ``2014-03``,
``2014-03-05``). ``to_dict()`` gives the ``newsgraph/1`` JSON shape documented in
``docs/format.md`` and checked against ``schema/newsgraph-1.schema.json``.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

FORMAT = "newsgraph/1"

BoilerplateKind = Literal[
    "promo", "bio", "comments", "share", "nav", "caption_duplicate", "title_duplicate", "other"
]
TimeKind = Literal["date", "interval", "duration", "set"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]
ClaimStatus = Literal["asserted", "hedged", "conditional", "speculative", "attributed", "opinion"]
CueKind = Literal[
    "hedge", "condition", "speculation", "attribution", "loaded", "scare_quote", "sarcasm", "rhetorical"
]


@dataclass(frozen=True)
class Span:
    """A piece of the body: ``body[start:end] == text``."""

    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class Boilerplate:
    """Text removed from the body, kept so nothing is silently lost."""

    text: str
    kind: BoilerplateKind


@dataclass(frozen=True)
class ReferenceDate:
    """The date relative expressions are anchored on, and how it was found.

    ``method`` is one of ``given`` (``--date``/API argument), ``metadata`` (HTML/JSONL
    published date), ``text`` (inferred from the article's own dated expressions) or
    ``none``; ``confidence`` is 0..1.
    """

    date: str | None
    method: str
    confidence: float


@dataclass(frozen=True)
class Document:
    id: str
    source: str
    url: str | None
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    reference_date: ReferenceDate
    language: str
    body: str
    boilerplate: tuple[Boilerplate, ...] = ()
    captions: tuple[str, ...] = ()
    site: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class TimeExpr:
    """A time expression with TIMEX3-style ``value``/``mod`` and calendar bounds.

    ``earliest``/``latest`` are ISO dates (``None`` = open end). ``anchor`` says what a
    relative expression was resolved on: ``reference`` (document date), ``discourse:<id>``
    (a time mentioned before) or ``None`` for absolute expressions.
    """

    id: str
    text: str
    start: int
    end: int
    kind: TimeKind
    value: str
    mod: str | None = None
    earliest: str | None = None
    latest: str | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Amount:
    """A quantity: money (``unit`` = ``money``, ``currency`` ISO 4217), a percentage or a count."""

    id: str
    text: str
    start: int
    end: int
    value: Decimal
    unit: str = "money"
    currency: str | None = None
    per: str | None = None
    qualifier: Qualifier = "exact"
    range: tuple[Decimal, Decimal] | None = None
    part_of: str | None = None
    time: str | None = None


@dataclass(frozen=True)
class Place:
    id: str
    text: str
    start: int
    end: int
    name: str
    entity: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None
    confidence: float = 0.0


@dataclass(frozen=True)
class Participant:
    entity: str
    role: str


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    subtype: str | None
    trigger: Span
    sentence: Span
    participants: tuple[Participant, ...] = ()
    place: str | None = None
    time: str | None = None
    earliest: str | None = None
    latest: str | None = None
    polarity: Literal["positive", "negative"] = "positive"
    modality: Literal["actual", "hypothetical", "future", "uncertain"] = "actual"
    claim: str | None = None
    plover: str | None = None
    acled: str | None = None
    # TimeML EVENT class of the trigger (OCCURRENCE, I_ACTION, ...) as the mention model labels it
    timeml_class: str | None = None


@dataclass(frozen=True)
class Relation:
    id: str
    subject: str
    predicate: str
    object: str
    evidence: Span
    polarity: Literal["positive", "negative"] = "positive"
    modality: Literal["actual", "hypothetical", "future", "uncertain"] = "actual"
    time: str | None = None
    # id of the event this relation was derived from (None for descriptions: titles, copulas)
    event: str | None = None


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int
    kind: CueKind


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    start: int
    end: int
    status: ClaimStatus
    checkworthy: float
    cues: tuple[Cue, ...] = ()
    source: str | None = None
    entities: tuple[str, ...] = ()
    times: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """One article, analyzed: the ``newsgraph/1`` document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    amounts: tuple[Amount, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    claims: tuple[Claim, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": FORMAT}
        out.update(_plain(dataclasses.asdict(self)))
        out["document"] = _flatten_reference(out["document"])
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def frame(self, kind: str) -> Any:
        """The records of one kind (``"events"``, ``"entities"``, ...) as a pandas DataFrame whose
        columns are the corpus store's (see :mod:`newsgraph.frames`)."""
        from newsgraph.frames import frame

        return frame(self, kind)

    def _repr_html_(self) -> str:
        # Jupyter calls this to show an Analysis: the highlighted article and its record counts.
        from newsgraph.out.notebook import analysis_html

        return analysis_html(self)


def _flatten_reference(document: dict[str, Any]) -> dict[str, Any]:
    """In JSON, ``reference_date`` is the ISO date itself (what consumers compare), and how it was
    found sits beside it as ``reference_date_method`` / ``reference_date_confidence``."""
    flat: dict[str, Any] = {}
    for key, value in document.items():
        if key == "reference_date":
            flat["reference_date"] = value["date"]
            flat["reference_date_method"] = value["method"]
            flat["reference_date_confidence"] = value["confidence"]
        else:
            flat[key] = value
    return flat


def _plain(value: Any) -> Any:
    """Make ``asdict`` output JSON-ready: tuples → lists, Decimal → int/float (exact where it fits)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    return value
