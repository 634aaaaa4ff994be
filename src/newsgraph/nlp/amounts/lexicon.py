"""The amounts lexicons (``resources/amounts/*.yaml``), loaded once and checked."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from newsgraph.errors import ResourceError
from newsgraph.resources import load_yaml

# A rate is per period of time ("$700 million a month") or per unit of a traded good or of people
# ("$74 a barrel", "$3 per share", "$40 a head").
PER_TIME = ("hour", "day", "week", "month", "year")
PER_VALUES = (*PER_TIME, "barrel", "tonne", "ounce", "litre", "gallon", "kilogram", "share", "person")
QUALIFIERS = ("approx", "at_least", "at_most")


@dataclass(frozen=True)
class Currency:
    code: str
    symbols: tuple[str, ...]
    names: tuple[str, ...]
    ambiguous_names: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    currencies: tuple[Currency, ...]
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    abbreviations: dict[str, tuple[int, bool]]  # lower-case text -> (value, may follow a space)
    vague_plurals: dict[str, int]
    vague_multipliers: dict[str, int]
    fractions: dict[str, Decimal]
    percent: dict[str, str]  # written form -> unit
    counted: dict[str, str]  # written form (lower case) -> unit
    modifiers: frozenset[str]
    modifier_stopwords: tuple[str, ...]
    bare_vague: frozenset[str]
    qualifiers_before: dict[str, str]  # phrase (lower case) -> qualifier
    qualifiers_after: dict[str, str]
    rates: dict[str, str]  # phrase -> per
    rates_before: dict[str, str]
    rate_blockers: tuple[str, ...]
    part_before: tuple[str, ...]
    part_after: tuple[str, ...]
    part_of_link: tuple[str, ...]
    range_open: tuple[str, ...]
    range_joiners: tuple[str, ...]
    change_verbs: frozenset[str]
    time_prepositions: frozenset[str]
    speech_verbs: frozenset[str]


def _strings(data: dict[str, Any], key: str, name: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError(f"resource file amounts/{name}: {key!r} must be a list of non-empty strings")
    return tuple(value)


def _int_map(data: dict[str, Any], key: str, name: str) -> dict[str, int]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
        raise ResourceError(f"resource file amounts/{name}: {key!r} must map words to integers")
    return {str(k).lower(): v for k, v in value.items()}


def _by_class(data: dict[str, Any], key: str, name: str, allowed: tuple[str, ...]) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ResourceError(f"resource file amounts/{name}: {key!r} must be a mapping")
    out: dict[str, str] = {}
    for cls in value:
        if cls not in allowed:
            raise ResourceError(f"resource file amounts/{name}: {key!r} has unknown class {cls!r}")
        for phrase in _strings(value, cls, name):
            out[phrase.lower()] = cls
    return out


def _currencies() -> tuple[Currency, ...]:
    data = load_yaml("amounts/currencies.yaml", required_keys=("source", "currencies"))
    out = []
    for entry in data["currencies"]:
        code = entry.get("code")
        if not isinstance(code, str) or len(code) != 3 or not code.isupper():
            raise ResourceError(f"resource file amounts/currencies.yaml: bad currency code {code!r}")
        out.append(
            Currency(
                code=code,
                symbols=_strings(entry, "symbols", "currencies.yaml"),
                names=_strings(entry, "names", "currencies.yaml"),
                ambiguous_names=_strings(entry, "ambiguous_names", "currencies.yaml"),
            )
        )
    return tuple(out)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All amounts lexicons; raises :class:`ResourceError` naming the file when one is malformed."""
    numbers = load_yaml(
        "amounts/numbers.yaml",
        required_keys=("source", "units", "tens", "scales", "abbreviations", "vague_plurals", "fractions"),
    )
    units = load_yaml("amounts/units.yaml", required_keys=("source", "percent", "counted", "modifiers"))
    mods = load_yaml(
        "amounts/modifiers.yaml",
        required_keys=(
            "source",
            "qualifiers_before",
            "qualifiers_after",
            "rates",
            "part_before",
            "range_open",
        ),
    )
    counted: dict[str, str] = {}
    for unit in units["counted"]:
        for form in _strings(units["counted"], unit, "units.yaml"):
            counted[form.lower()] = str(unit)
    abbreviations = {
        str(a["text"]).lower(): (int(a["value"]), bool(a.get("spaced", False)))
        for a in numbers["abbreviations"]
    }
    return Lexicon(
        currencies=_currencies(),
        units=_int_map(numbers, "units", "numbers.yaml"),
        tens=_int_map(numbers, "tens", "numbers.yaml"),
        scales=_int_map(numbers, "scales", "numbers.yaml"),
        abbreviations=abbreviations,
        vague_plurals=_int_map(numbers, "vague_plurals", "numbers.yaml"),
        vague_multipliers=_int_map(numbers, "vague_multipliers", "numbers.yaml"),
        fractions={str(k).lower(): Decimal(str(v)) for k, v in numbers["fractions"].items()},
        percent={str(p["text"]).lower(): str(p["unit"]) for p in units["percent"]},
        counted=counted,
        modifiers=frozenset(m.lower() for m in _strings(units, "modifiers", "units.yaml")),
        modifier_stopwords=_strings(units, "modifier_stopwords", "units.yaml"),
        bare_vague=frozenset(_strings(units, "bare_vague", "units.yaml")),
        qualifiers_before=_by_class(mods, "qualifiers_before", "modifiers.yaml", QUALIFIERS),
        qualifiers_after=_by_class(mods, "qualifiers_after", "modifiers.yaml", QUALIFIERS),
        rates=_by_class(mods, "rates", "modifiers.yaml", PER_VALUES),
        rates_before=_by_class(mods, "rates_before", "modifiers.yaml", PER_VALUES),
        rate_blockers=_strings(mods, "rate_blockers", "modifiers.yaml"),
        part_before=_strings(mods, "part_before", "modifiers.yaml"),
        part_after=_strings(mods, "part_after", "modifiers.yaml"),
        part_of_link=_strings(mods, "part_of_link", "modifiers.yaml"),
        range_open=_strings(mods, "range_open", "modifiers.yaml"),
        range_joiners=_strings(mods, "range_joiners", "modifiers.yaml"),
        change_verbs=frozenset(v.lower() for v in _strings(mods, "change_verbs", "modifiers.yaml")),
        time_prepositions=frozenset(v.lower() for v in _strings(mods, "time_prepositions", "modifiers.yaml")),
        speech_verbs=frozenset(v.lower() for v in _strings(mods, "speech_verbs", "modifiers.yaml")),
    )
