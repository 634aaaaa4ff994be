"""Handlers for durations ("more than two years") and sets ("$700 million a month", "every week")."""

from __future__ import annotations

import re

from newsgraph.nlp.times.calendar import Granule
from newsgraph.nlp.times.common import (
    _ADJECTIVE_USE,
    _AMOUNT_BEFORE,
    _SENTENCE_START,
    _capitalised,
    _duration_value,
    _norm,
)
from newsgraph.nlp.times.grammar import Candidate
from newsgraph.nlp.times.lexicon import lexicon
from newsgraph.nlp.times.numbers import parse_number
from newsgraph.nlp.times.reading import Reading

# A capitalised word that is no weekday or month: the frequency word names a publication.
_NAME_AFTER = re.compile(
    r"\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[A-Z][a-z]"
)


_MODAL_BEFORE = re.compile(r"\b(?:will|would|shall|could|might|may|can|must|to)\s+$", re.IGNORECASE)


def _duration(c: Candidate, text: str) -> Reading | None:
    lex = lexicon()
    unit = lex.units[c.groups["unit"].lower()]
    num = c.groups["num"]
    n = parse_number(num)
    if n is None and _norm(num) not in lex.vague_numbers:
        return None
    if n is not None and "half" in c.groups:
        n += 0.5  # "a year and a half"
    if _norm(text[c.start : c.end]) == "one day" and _MODAL_BEFORE.search(
        text[max(0, c.start - 12) : c.start]
    ):
        # "she will one day lead the party": some time in the future, not a day's length
        return Reading(
            c.start,
            c.end,
            c.rule,
            "date",
            build=lambda a: Granule("FUTURE_REF", a.granule.earliest, None, "day"),
            policy="reference",
            unresolved="FUTURE_REF",
        )
    if _capitalised(c.groups["unit"]):
        return None  # "60 Minutes", "Three Days of the Condor": a title
    if re.fullmatch(r"1[6-9]\d\d|20\d\d", num.strip()) and not c.groups["unit"].lower().endswith("s"):
        return None  # "the 1988 quarter": a year naming a period, not 1988 quarters
    if n == 0 or "old" in c.groups:
        return None  # "a 15-year-old", "52 years old": an age, not a time
    if unit.unit == "quarter" and (
        re.search(r"-quarters?$", text[c.start : c.end].lower()) or re.match(r"\s+of\b", text[c.end :])
    ):
        return None  # "three-quarters of the vote": a fraction
    mod = lex.quantity_modifiers.get(_norm(c.groups.get("qmod", "")))
    return Reading(
        c.start, c.end, c.rule, "duration", value=_duration_value(n, unit.letter, unit.time), mod=mod
    )


def _vague_duration(c: Candidate, text: str) -> Reading | None:
    word = c.groups["unit"].lower()
    unit = lexicon().units[word]
    if not word.endswith("s"):
        return None
    return Reading(c.start, c.end, c.rule, "duration", value=_duration_value(None, unit.letter, unit.time))


def _bare_plural(c: Candidate, text: str) -> Reading | None:
    unit = lexicon().units[c.groups["core"].lower()]
    return Reading(c.start, c.end, c.rule, "duration", value=_duration_value(None, unit.letter, unit.time))


def _set_every(c: Candidate, text: str) -> Reading | None:
    lex = lexicon()
    if "wd" in c.groups:
        if not _capitalised(c.groups["wd"]):
            return None
        return Reading(
            c.start, c.end, c.rule, "set", value=f"XXXX-WXX-{lex.weekdays[c.groups['wd'].lower()]}"
        )
    unit = lex.units[c.groups["unit"].lower()]
    n = parse_number(c.groups["num"]) if "num" in c.groups else 1.0
    if "other" in text[c.start : c.end].lower().split():
        n = 2 * (n or 1)
    return Reading(c.start, c.end, c.rule, "set", value=_duration_value(n, unit.letter, unit.time))


def _set_a(c: Candidate, text: str) -> Reading | None:
    if not _AMOUNT_BEFORE.search(text[max(0, c.start - 30) : c.start]):
        return None
    unit = lexicon().units[c.groups["unit"].lower()]
    return Reading(c.start, c.end, c.rule, "set", value=_duration_value(1, unit.letter, unit.time))


def _set_adv(c: Candidate, text: str) -> Reading | None:
    if _capitalised(c.groups["adv"]) and not _SENTENCE_START.search(text[max(0, c.start - 3) : c.start]):
        return None  # "The Daily Telegraph", "Weekly Standard": a name, not a frequency
    if _ADJECTIVE_USE.match(text[c.end : c.end + 20]):
        return None  # "a quarterly dividend", "daily life": an adjective, not how often something happens
    if _NAME_AFTER.match(text[c.end : c.end + 20]):
        return None  # "the party daily Granma": a newspaper
    return Reading(c.start, c.end, c.rule, "set", value=lexicon().set_adverbs[c.groups["adv"].lower()])
