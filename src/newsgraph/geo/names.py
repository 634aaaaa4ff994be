"""How place names are compared: one normal form for the gazetteer keys and the queries.

Case, diacritics, punctuation and a leading "the" do not distinguish places ("São Paulo" =
"Sao Paulo", "U.S." = "US", "the Netherlands" = "Netherlands"), so they are folded away.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[\'\u2019\u2018\u02bc\u02bf\u02be`´]")
_DOTTED_INITIALS = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """Lower-case ASCII-like key of a place name ("Al-Anbar" → "al anbar", "U.S." → "us")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # "U.S." and "U.A.E." are initials: drop the dots so they join into one word.
    text = _DOTTED_INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _APOSTROPHES.sub("", text)
    text = _NON_WORD.sub(" ", text.casefold().replace("_", " "))
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text
