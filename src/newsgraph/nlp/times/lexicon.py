"""The time-expression lexicon (``resources/times/lexicon.yaml``), loaded once into typed tables."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import ResourceError
from newsgraph.nlp.times.holidays import Holiday
from newsgraph.resources import load_yaml

LEXICON_FILE = "times/lexicon.yaml"
_KEYS = (
    "source",
    "months",
    "month_abbreviations",
    "ambiguous_months",
    "weekdays",
    "seasons",
    "season_months",
    "modifiers",
    "adjective_modifiers",
    "quantity_modifiers",
    "units",
    "number_words",
    "vague_numbers",
    "ordinals",
    "day_parts",
    "relative_determiners",
    "anaphoric_determiners",
    "relative_days",
    "shift_words",
    "reference_words",
    "set_adverbs",
    "holidays",
    "decade_words",
)


@dataclass(frozen=True)
class Unit:
    """A calendar unit word: ``unit`` is the calendar key, ``letter`` its TIMEX3 duration letter."""

    unit: str
    letter: str
    time: bool = False


@dataclass(frozen=True)
class Shift:
    sign: int
    discourse: bool


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    season_months: dict[str, tuple[int, int]]
    modifiers: dict[str, str]
    adjective_modifiers: frozenset[str]
    quantity_modifiers: dict[str, str]
    units: dict[str, Unit]  # singular and plural forms
    number_words: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    day_parts: dict[str, str]
    relative_determiners: dict[str, int]
    anaphoric_determiners: frozenset[str]
    relative_days: dict[str, int]
    shift_words: dict[str, Shift]
    reference_words: dict[str, str]
    set_adverbs: dict[str, str]
    holidays: dict[str, Holiday]
    decade_words: dict[str, int]

    def month(self, word: str) -> int | None:
        w = word.lower().rstrip(".")
        return self.months.get(w) or self.month_abbreviations.get(w)


def _mapping(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data[key]
    if not isinstance(value, dict):
        raise ResourceError(f"{LEXICON_FILE}: `{key}` must be a mapping")
    return {str(k).lower(): v for k, v in value.items()}


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, validated; raises :class:`ResourceError` naming the file when it is malformed."""
    data = load_yaml(LEXICON_FILE, required_keys=_KEYS)
    units: dict[str, Unit] = {}
    for name, spec in _mapping(data, "units").items():
        unit = Unit(unit=str(spec["unit"]), letter=str(spec["letter"]), time=bool(spec.get("time", False)))
        units[name] = unit
        units[str(spec["plural"]).lower()] = unit
    season_months = {k.upper(): (int(v[0]), int(v[1])) for k, v in _mapping(data, "season_months").items()}
    seasons = {k: str(v).upper() for k, v in _mapping(data, "seasons").items()}
    if set(seasons.values()) - set(season_months):
        raise ResourceError(f"{LEXICON_FILE}: every season code needs `season_months`")
    return Lexicon(
        months={k: int(v) for k, v in _mapping(data, "months").items()},
        month_abbreviations={k: int(v) for k, v in _mapping(data, "month_abbreviations").items()},
        ambiguous_months=frozenset(str(w).lower() for w in data["ambiguous_months"]),
        weekdays={k: int(v) for k, v in _mapping(data, "weekdays").items()},
        seasons=seasons,
        season_months=season_months,
        modifiers={k: str(v) for k, v in _mapping(data, "modifiers").items()},
        adjective_modifiers=frozenset(str(w).lower() for w in data["adjective_modifiers"]),
        quantity_modifiers={k: str(v) for k, v in _mapping(data, "quantity_modifiers").items()},
        units=units,
        number_words={k: int(v) for k, v in _mapping(data, "number_words").items()},
        vague_numbers=frozenset(str(w).lower() for w in data["vague_numbers"]),
        ordinals={k: int(v) for k, v in _mapping(data, "ordinals").items()},
        day_parts={k: str(v) for k, v in _mapping(data, "day_parts").items()},
        relative_determiners={k: int(v) for k, v in _mapping(data, "relative_determiners").items()},
        anaphoric_determiners=frozenset(str(w).lower() for w in data["anaphoric_determiners"]),
        relative_days={k: int(v) for k, v in _mapping(data, "relative_days").items()},
        shift_words={
            k: Shift(sign=int(v["sign"]), discourse=bool(v["discourse"]))
            for k, v in _mapping(data, "shift_words").items()
        },
        reference_words={k: str(v) for k, v in _mapping(data, "reference_words").items()},
        set_adverbs={k: str(v) for k, v in _mapping(data, "set_adverbs").items()},
        holidays={k: _holiday(k, v) for k, v in _mapping(data, "holidays").items()},
        decade_words={k: int(v) for k, v in _mapping(data, "decade_words").items()},
    )


def _holiday(name: str, spec: Any) -> Holiday:
    try:
        return Holiday(**{str(k): int(v) for k, v in spec.items()})
    except (TypeError, ValueError, AttributeError) as exc:
        raise ResourceError(f"{LEXICON_FILE}: holiday {name!r} is malformed: {exc}") from exc
