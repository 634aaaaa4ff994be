"""Read one written number exactly: numerals with separators, scale words and abbreviations, number words.

``read_number("1.2m")`` → 1200000; ``read_number("two hundred fifty thousand")`` → 250000;
``read_number("tens of thousands")`` → 10000 flagged vague (the smallest value the phrase can mean).
Values are :class:`~decimal.Decimal` of full magnitude, never floats, so "$11.9 billion" is exactly
11900000000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from newsgraph.nlp.amounts.lexicon import lexicon

# A numeral as written in English text: 1234, 1,234, 1,234.5, 0.75.
NUMERAL = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMERAL_RE = re.compile(rf"^({NUMERAL})([a-z]*)$")


@dataclass(frozen=True)
class Reading:
    """A number read from text: ``value`` at full magnitude; ``scaled`` when a scale word/abbreviation
    was written (so a bare number before it may borrow it: "$11.9 and $12 billion"); ``vague`` for
    "hundreds", "several thousand" and the like."""

    value: Decimal
    scaled: bool = False
    vague: bool = False
    scale: Decimal = Decimal(1)  # the multiplier the scale words applied (1 when none was written)


def canonical(value: Decimal) -> Decimal:
    """The same number without trailing zeros or exponent noise (11900000000.0 → 11900000000)."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _tokens(text: str) -> list[str]:
    return re.sub(r"(?<=[\da-z])-(?=[a-z])", " ", text.strip().lower()).split()


def _scale_of(token: str) -> int | None:
    lex = lexicon()
    if token in lex.scales:
        return lex.scales[token]
    if token in lex.abbreviations:
        return lex.abbreviations[token][0]
    return None


def _numeral(tokens: list[str]) -> Reading | None:
    m = _NUMERAL_RE.match(tokens[0])
    if not m:
        return None
    try:
        value = Decimal(m.group(1).replace(",", ""))
    except InvalidOperation:
        return None
    scales = ([m.group(2)] if m.group(2) else []) + tokens[1:]
    multiplier = Decimal(1)
    for token in scales:
        scale = _scale_of(token)
        if scale is None:
            return None
        multiplier *= scale
    return Reading(canonical(value * multiplier), scaled=bool(scales), scale=multiplier)


def _words(tokens: list[str]) -> Reading | None:
    """English number words: "two hundred and fifty thousand", "a billion", "a dozen"."""
    lex = lexicon()
    total = current = Decimal(0)
    last_scale = Decimal(1)
    seen_number = scaled = False
    if tokens[0] in lex.scales and tokens[0] != "dozen":
        return None  # "Million Dollar Mermaid": a scale word needs a number (or "a") before it
    for i, token in enumerate(tokens):
        if token in ("a", "an") and i == 0 and len(tokens) > 1:
            current = Decimal(1)
        elif token == "and" and seen_number:
            continue
        elif token in lex.units:
            current += lex.units[token]
        elif token in lex.tens:
            current += lex.tens[token]
        elif token in ("hundred", "dozen"):
            current = (current or Decimal(1)) * lex.scales[token]
        elif token in lex.scales:
            total += (current or Decimal(1)) * lex.scales[token]
            current = Decimal(0)
            scaled = True
            last_scale = Decimal(lex.scales[token])
        else:
            return None
        seen_number = True
    if not seen_number:
        return None
    return Reading(canonical(total + current), scaled=scaled, scale=last_scale if not current else Decimal(1))


def _vague(tokens: list[str]) -> Reading | None:
    """ "hundreds", "tens of thousands", "several hundred", "a few thousand"."""
    lex = lexicon()
    text = " ".join(tokens)
    for phrase, mult in sorted(lex.vague_multipliers.items(), key=lambda kv: -len(kv[0])):
        if text.startswith(phrase + " "):
            rest = _words(text[len(phrase) + 1 :].split())
            if rest is None or rest.value < 10:
                return None
            return Reading(canonical(rest.value * mult), scaled=True, vague=True, scale=rest.value)
    parts = [p for p in tokens if p != "of"]
    if not parts or any(p not in lex.vague_plurals for p in parts) or len(parts) != (len(tokens) + 1) // 2:
        return None
    value = Decimal(1)
    for p in parts:
        value *= lex.vague_plurals[p]
    return Reading(canonical(value), scaled=True, vague=True, scale=value)


def _fraction(tokens: list[str]) -> Reading | None:
    lex = lexicon()
    text = " ".join(tokens)
    for phrase, frac in sorted(lex.fractions.items(), key=lambda kv: -len(kv[0])):
        if text.startswith(phrase + " "):
            rest = tokens[len(phrase.split()) :]
            if len(rest) == 1 and rest[0] in lex.scales:
                scale = Decimal(lex.scales[rest[0]])
                return Reading(canonical(frac * scale), scaled=True, scale=scale)
    return None


def read_number(text: str) -> Reading | None:
    """Read ``text`` as one number, or ``None`` when it is not one."""
    tokens = _tokens(text)
    if not tokens:
        return None
    if tokens[0][0].isdigit():
        return _numeral(tokens)
    return _fraction(tokens) or _vague(tokens) or _words(tokens)


def parse_number(text: str) -> Decimal | None:
    """The exact value of a written number ("1,234.5", "1.2m", "$"-less "11.9 billion", "two million")."""
    reading = read_number(text)
    return reading.value if reading else None
