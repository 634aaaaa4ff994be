"""Cardinal numbers in time expressions: ``3``, ``two``, ``twenty-four``, ``two and a half``, ``5 1/2``."""

from __future__ import annotations

import re

from newsgraph.nlp.times.lexicon import lexicon

_FRACTION = re.compile(r"(\d+)/(\d+)")
_MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1000}


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or ``None`` when it names no definite number ("several")."""
    words = text.lower().replace("-", " ").replace(",", "").split()
    if not words:
        return None
    lex = lexicon()
    joined = " ".join(words)
    if joined in lex.vague_numbers:
        return None
    total = 0.0
    current = 0.0
    i = 0
    seen = False
    while i < len(words):
        w = words[i]
        if w == "and" and words[i + 1 : i + 3] in (["a", "half"], ["one", "half"]):
            current += 0.5
            i += 3
            continue
        if w == "half" and i == 0:
            current += 0.5
            i += 1
            seen = True
            continue
        if w in ("a", "an") and i + 1 < len(words) and words[i + 1] != "half":
            i += 1  # "a dozen", "a couple of": the article is not a number here
            continue
        two = " ".join(words[i : i + 2])
        if two in lex.number_words:
            current += lex.number_words[two]
            i += 2
            seen = True
            continue
        if w in _MULTIPLIERS:
            current = max(current, 1) * _MULTIPLIERS[w]
            seen = True
            i += 1
            continue
        if w in lex.number_words:
            current += lex.number_words[w]
            seen = True
        elif (frac := _FRACTION.fullmatch(w)) and int(frac.group(2)):
            current += int(frac.group(1)) / int(frac.group(2))
        elif re.fullmatch(r"\d+(\.\d+)?", w):
            current += float(w)
            seen = True
        elif w not in ("and", "of"):
            return None
        i += 1
    total += current
    return total if seen or total else None
