"""Regular expressions for time expressions, generated from the lexicon.

Each rule is a named pattern; :func:`scan` runs them all over a text and returns every
:class:`Candidate` (overlaps included; :mod:`newsgraph.nlp.times.compose` picks among them).
Word alternations come from ``resources/times/lexicon.yaml``; no month, season or unit
name is written here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.nlp.times.lexicon import Lexicon, lexicon
from newsgraph.nlp.times.numbers import _MULTIPLIERS

# Years we accept as bare four-digit numbers; wider ranges turn counts ("2500 troops") into years.
MIN_YEAR, MAX_YEAR = 1600, 2099


@dataclass(frozen=True)
class Candidate:
    rule: str
    start: int
    end: int
    groups: dict[str, str]


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first so "sept" wins over "sep"; not empty (a bad lexicon must fail)."""
    items = sorted({w for w in words if w}, key=len, reverse=True)
    if not items:
        raise ValueError("empty alternation")
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def _pieces(lex: Lexicon) -> dict[str, str]:
    months = _alt(lex.months)
    abbrevs = _alt(lex.month_abbreviations)
    number_token = (
        r"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|"
        + _alt((set(lex.number_words) | set(_MULTIPLIERS)) - {"a", "an"})
        + r")"
    )
    number = (
        rf"(?:(?:a|an)\s+(?:{_alt(_MULTIPLIERS)}|couple\s+of)"
        rf"|{number_token}(?:[\s-]+(?:and\s+)?{number_token})*|a|an)"
    )
    number = rf"(?:{number}(?:\s+and\s+a\s+half)?|a\s+half)"
    units_singular = [u for u in lex.units if not u.endswith("s")]
    dets = _alt(lex.relative_determiners)
    ones = _alt(w for w, v in lex.number_words.items() if 1 <= v <= 9 and w not in ("a", "an"))
    teens = _alt(w for w, v in lex.number_words.items() if 10 <= v <= 19)
    tens = _alt(w for w, v in lex.number_words.items() if v in range(20, 100, 10))
    spelled2 = rf"(?:{teens}|{tens}(?:[\s-]+{ones})?|oh[\s-]+{ones})"
    century = _alt(w for w, v in lex.number_words.items() if v in (17, 18, 19, 20))
    return {
        # a year said in words: "nineteen ninety-six", "two thousand and one"
        "SPELLEDYEAR": rf"(?:{century}[\s-]+{spelled2}|two\s+thousand(?:\s+and)?(?:[\s-]+{spelled2})?)",
        "HOLIDAY": _alt(lex.holidays).replace("'", "['’]") + r"(?![\w])",
        "ADJMOD": _alt(lex.adjective_modifiers),
        "PLURALUNIT": _alt(u for u in lex.units if u not in units_singular) + r"(?![\w])",
        "DECADEWORD": _alt(lex.decade_words) + r"(?![\w])",
        "MONTH": rf"(?:{months}|{abbrevs}\.?)(?![\w])",
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "YEAR": r"(?:1[6-9]\d\d|20\d\d)(?![\w%])",
        "WEEKDAY": _alt(lex.weekdays) + r"(?![\w])",
        "SEASON": _alt(lex.seasons) + r"(?![\w])",
        "UNIT": _alt(lex.units) + r"(?![\w])",
        "UNIT1": _alt(units_singular) + r"(?![\w])",
        "NUMBER": number,
        "VAGUE": _alt(lex.vague_numbers - {"recent", "coming", "the past few"}),
        "ORD": _alt(lex.ordinals),
        "DETS": dets,
        "PART": _alt(set(lex.day_parts) - {"tonight"}),
        "QMOD": _alt(lex.quantity_modifiers),
        "RELDAY": _alt(lex.relative_days),
        "REFWORD": _alt(lex.reference_words),
        "SETADV": _alt(lex.set_adverbs),
        "SHIFT": _alt(k for k in lex.shift_words if k not in ("before", "after")),
        "PERIODREF": r"(?:latest|current|same|year-earlier|year-ago|prior-year|comparable|corresponding|previous|"
        r"preceding)",
        "YEARREL": r"(?:this|last|next|that|the\s+(?:same|following|previous|next|prior))",
    }


# Rule name → pattern template ({PIECE} placeholders filled from the lexicon).
_RULES: dict[str, str] = {
    "iso": r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d:])",
    "numeric": r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])",
    "mdy": r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?",
    "dmy": r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})"
    r"(?:,?\s+(?P<year>{YEAR}))?",
    "week_of": r"the\s+week\s+of\s+(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?",
    "day_range": r"(?P<mon>{MONTH})\s+(?P<d1>{DAY})\s*(?:-|–|—|to|through)\s*(?P<d2>{DAY})"
    r"(?:,?\s+(?P<year>{YEAR}))?",
    "my": r"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLEDYEAR})(?![\w-]))",
    "month_rel": r"(?P<mon>{MONTH})\s+(?:of\s+)?(?P<rel>{YEARREL})\s+year(?![\w])",
    "rel_month": r"(?P<det>last|this|next|that)\s+(?P<mon>{MONTH})(?:\s+(?P<day>{DAY})(?![\w:]))?",
    "bare_month": r"(?P<mon>{MONTH})",
    "year": r"(?P<year>{YEAR})",
    "spelled_year": r"(?:the\s+year\s+)?(?P<spelled>{SPELLEDYEAR})(?![\w-])",
    "year_range": r"(?P<y1>{YEAR})\s*(?:-|–|—)\s*(?P<y2>1[6-9]\d\d|20\d\d|\d\d)(?![\w%])",
    "season_year": r"(?:the\s+)?(?P<season>{SEASON})\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLEDYEAR})(?![\w-]))",
    "season_rel": r"(?P<det>last|this(?:\s+past)?|next|that|the\s+(?:following|previous|same))\s+(?P<season>{SEASON})",
    "season_bare": r"the\s+(?:(?P<smod>{ADJMOD})[\s-]+)?(?P<season>{SEASON})",
    "quarter": r"(?:the\s+)?(?:(?P<year0>{YEAR})\s+|(?P<ago>year-ago|year-earlier|prior-year)\s+)?"
    r"(?P<ord>{ORD})[\s-]+(?P<part>quarter|half)"
    r"(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>{YEARREL})\s+year))?(?![\w])",
    "quarter_q": r"(?:(?P<year1>{YEAR})\s+)?Q(?P<q>[1-4])(?:\s+(?P<year>{YEAR})|\s*'(?P<yy>\d\d))?(?![\w])",
    "half_h": r"H(?P<h>[12])\s+(?P<year>{YEAR})",
    "decade": r"(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d0)'?s(?![\w])",
    "decade_word": r"the\s+(?:(?P<dmod>{ADJMOD})[\s-]+)?(?P<decw>{DECADEWORD})",
    "quarter_of_rel": r"(?P<rel>this|last|next)\s+year['’]s\s+(?P<ord>{ORD})[\s-]+(?P<part>quarter|half)(?![\w])",
    "decade_short": r"(?:the\s+)?'(?P<dec2>\d0)s(?![\w])",
    "century": r"(?:the\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[\s-]+century(?![\w])",
    "holiday": r"(?:(?P<det>last|this|next)\s+)?(?P<hol>{HOLIDAY})(?P<hweek>\s+week(?![\w-]))?"
    r"(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?",
    "weekday": r"(?:(?P<det>last|this|next|coming|past)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?",
    "relday": r"(?P<rd>{RELDAY})(?:\s+(?P<part>{PART}))?(?![\w])",
    "tonight": r"(?P<tn>tonight|last\s+night|this\s+(?P<part>{PART}))(?![\w])",
    "rel_unit": r"(?:(?P<adv>earlier|later)\s+)?(?P<the>the\s+)?(?P<det>{DETS})\s+(?P<unit>{UNIT1})",
    "shifted": r"(?:(?P<qmod>{QMOD})\s+)?(?P<num>{NUMBER}|{VAGUE})[\s-]+(?P<unit>{UNIT})\s+"
    r"(?P<shift>{SHIFT}|before(?=[,.;])|after(?=[,.;]))(?![\w])",
    "set_a": r"(?P<art>a|an)\s+(?P<unit>{UNIT1})",
    "duration": r"(?:(?P<qmod>{QMOD})\s+|the\s+(?:(?P<rel>past|last|next|first|coming|previous|following|final|"
    r"latest|initial)\s+)?)?"
    r"(?P<num>{NUMBER}|{VAGUE})[\s-]+(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<old>[\s-]+old)?",
    "vague_duration": r"(?P<pre>recent|(?:the\s+)?(?:past|last|next|coming)(?:\s+few)?)\s+(?P<unit>{UNIT})",
    "set_every": r"(?P<every>every|each|per)\s+(?:other\s+)?(?:(?P<num>{NUMBER})\s+)?"
    r"(?P<unit>{UNIT}|(?P<wd>{WEEKDAY}))",
    "set_adv": r"(?P<adv>{SETADV})",
    "bare_plural": r"(?:for|in|within|over|take|took|takes)\s+(?P<core>{PLURALUNIT})",
    "quarter_ref": r"(?P<core>the\s+(?:(?P<which>{PERIODREF})\s+|(?P<yr>{YEAR})\s+)?(?P<what>quarter|period)"
    r"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?|(?P<adj>year-earlier|year-ago)"
    r"|last\s+year['’]s\s+(?P<lastyears>quarter|period))"
    r"(?![\w-])",
    "refword": r"(?P<ref>{REFWORD})",
    # "the year", "the full year", "year-end": the current (fiscal) year of a report
    "year_ref": r"(?:the\s+(?:(?P<which>current|full)\s+)?(?:fiscal\s+)?year|(?P<end>year(?:['’]s)?[\s-]+end))"
    r"(?![\w-])(?!\s+(?:ago|earlier|later|before|after|\d))",
    "weekend_ref": r"the\s+weekend(?![\w-])",
    # "in the morning" of the day under discussion, "by mid-afternoon"
    "part_ref": r"(?:(?<=\bin\s)|(?<=\bduring\s))the\s+(?P<part>morning|afternoon|evening)(?![\w-])"
    r"|mid[\s-]?(?P<midpart>morning|afternoon)(?![\w-])(?!\s+(?:yesterday|today|tomorrow|on|of)\b)",
    "clock": r"(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?![\w])|(?P<noon>noon|midday|midnight)"
    r"|(?P<h2>1[0-2]|0?[1-9])\s+(?:o['’]clock\s+)?in\s+the\s+(?P<dpart>morning|afternoon|evening|night))"
    r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}))(?![\w]))?"
    r"(?:\s+(?:on\s+)?(?P<wd>{WEEKDAY}|yesterday|today|tomorrow))?",
}


_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9]*)\}")


@functools.lru_cache(maxsize=1)
def compiled() -> dict[str, re.Pattern[str]]:
    pieces = _pieces(lexicon())
    out: dict[str, re.Pattern[str]] = {}
    for name, template in _RULES.items():
        body = _PLACEHOLDER.sub(lambda m: pieces[m.group(1)], template)
        # a time expression starts and ends at a word boundary and never inside "24/7" or "3-1"
        out[name] = re.compile(rf"(?<![\w/.])(?<!\d[-–]){body}(?![/\d])", re.IGNORECASE)
    return out


def scan(text: str) -> list[Candidate]:
    """Every rule match in ``text`` (overlapping ones included)."""
    found: list[Candidate] = []
    for name, pattern in compiled().items():
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            start, end = m.span("core") if groups.get("core") else m.span()
            found.append(Candidate(name, start, end, groups))
    return found
