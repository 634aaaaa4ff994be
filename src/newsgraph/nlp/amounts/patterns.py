"""Regular expressions for amounts, generated from the lexicons in ``resources/amounts/``."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.errors import ResourceError
from newsgraph.nlp.amounts.lexicon import lexicon
from newsgraph.nlp.amounts.numbers import NUMERAL

# At most this many words between a number and the noun it counts ("5,000 more US troops"). With three,
# the articles we checked by hand mostly gave a different noun phrase ("30 days of Russian strikes").
MAX_MODIFIERS = 2

MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August", "September"),
    *("October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept"),
    *("Oct", "Nov", "Dec"),
)


def alt(phrases: Iterable[str]) -> str:
    """A regex alternation of ``phrases`` (longest first; spaces match any white space)."""
    items = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    if not items:  # not an assert: must hold under python -O
        raise ResourceError("an amounts lexicon produced an empty pattern group")
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items) + ")"


@dataclass(frozen=True)
class Patterns:
    atom: re.Pattern[str]
    noun: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    rate: re.Pattern[str]
    rate_before: re.Pattern[str]
    joiner: re.Pattern[str]
    range_open: re.Pattern[str]
    part_before: re.Pattern[str]
    part_after: re.Pattern[str]
    part_of_link: re.Pattern[str]
    month_before: re.Pattern[str]
    symbol_currency: dict[str, str]
    name_currency: dict[str, str]
    ambiguous_names: frozenset[str]


@functools.lru_cache(maxsize=1)
def patterns() -> Patterns:
    lex = lexicon()
    symbols = {s: c.code for c in lex.currencies for s in c.symbols}
    names = {n.lower(): c.code for c in lex.currencies for n in (*c.names, *c.ambiguous_names)}
    ambiguous = frozenset(n.lower() for c in lex.currencies for n in c.ambiguous_names)
    scale_words = alt(lex.scales)
    attached = alt(lex.abbreviations)
    spaced = alt(a for a, (_, sp) in lex.abbreviations.items() if sp)
    number_words = alt([*lex.units, *lex.tens, *lex.scales, "hundred and"])
    big = alt(s for s in lex.scales)
    vague_plural = alt(lex.vague_plurals)
    vague_big = alt(p for p, v in lex.vague_plurals.items() if v >= 1000)
    atom = rf"""
        (?<![\w.,/:=#@])
        (?:(?P<sym>{alt(symbols)})\s?|(?<![A-Za-z]-))  # "COVID-19 deaths" is a name, "$2bn-$3bn" a range
        (?P<num>
            (?i:{alt(lex.fractions)})\s+(?i:{big})(?!\w)
          | (?i:{alt(lex.vague_multipliers)})\s+(?i:{big})(?!\w)
          | (?i:{vague_plural})(?:\s+of\s+(?i:{vague_big}))*(?!\w)
          | {NUMERAL}(?:(?i:{attached})(?!\w)|(?:[\s-]+(?i:{scale_words}|{spaced})(?!\w))*)(?![\w]|[.,/:]\d)
          | (?i:(?:an?\s+(?={big}))?{number_words}(?:(?:\s+|-){number_words})*)(?!\w)
        )
        (?:
            (?P<name>\s+(?:of\s+)?(?i:{alt(names)})(?!\w))
          | (?P<pct>\s?%|[\s-](?i:{alt(p for p in lex.percent if p != "%")})(?!\w))
        )?
    """
    # Capitalised modifiers are names and nationalities ("5,000 Iranian troops"), not the function words
    # of a title-case headline ("Shot 11 Times By Police").
    stop = rf"(?!(?i:{alt(lex.modifier_stopwords)})(?!\w))"
    modifier = rf"(?:{stop}[A-Z][\w.'’]*(?:-[\w.'’]+)*|[a-z]+(?:-[a-z]+)+|(?i:{alt(lex.modifiers)}))(?!\w)"
    noun = rf"(?P<of>\s+of)?(?:\s+{modifier}){{0,{MAX_MODIFIERS}}}\s+(?P<noun>(?i:{alt(lex.counted)}))(?!\w)"
    before_words = alt(lex.qualifiers_before)
    return Patterns(
        atom=re.compile(atom, re.VERBOSE),
        noun=re.compile(noun),
        qualifier_after=re.compile(rf"\s*(?P<q>(?i:{alt(lex.qualifiers_after)}))(?![\w+])"),
        qualifier_before=re.compile(rf"(?:^|(?<=[^\w]))(?P<q>(?i:{before_words}))\s*$"),
        rate=re.compile(
            rf"(?:\s*|-)(?P<r>(?i:{alt(lex.rates)}))(?!\w)(?!\s+(?i:{alt(lex.rate_blockers)})(?!\w))"
        ),
        rate_before=re.compile(rf"(?:^|(?<=\W))(?P<r>(?i:{alt(lex.rates_before)}))\s+$"),
        joiner=re.compile(
            rf"^(?:[-–—]|\s+[-–—]\s+|\s+(?P<w>(?i:{alt(j for j in lex.range_joiners if j[0].isalpha())}))\s+)$"
        ),
        range_open=re.compile(rf"(?:^|(?<=\W))(?i:{alt(lex.range_open)})\s+$"),
        part_before=re.compile(rf"(?:^|(?<=\W))(?i:{alt(lex.part_before)})\s*[,:]?\s*$"),
        part_after=re.compile(rf"\s*(?i:{alt(lex.part_after)})(?!\w)"),
        part_of_link=re.compile(rf"^\s+(?i:{alt(lex.part_of_link)})\s+$"),
        month_before=re.compile(rf"(?<!\w){alt(MONTHS)}\.?\s+$"),
        symbol_currency=symbols,
        name_currency=names,
        ambiguous_names=ambiguous,
    )
