"""Name keys for matching the same actor across documents.

Three keys, from strict to loose:

- :func:`name_key`: case, diacritics, punctuation and a leading article removed
  ("the U.S." → "us", "Al-Abadi" → "al abadi").
- :func:`skeleton`: a transliteration-tolerant key per word. Arabic and Persian names reach
  English in many spellings that differ in their vowels and a few consonants (Soleimani,
  Suleimani, Sulaimani; Qassem, Kassem, Qasim); dropping vowels after the first letter,
  folding q/k, ph/f, dh/d, and doubled letters gives the same key for such variants.
- :func:`initials`: the acronym a multi-word name would have ("Popular Mobilization Force" → "pmf").
"""

from __future__ import annotations

import re
import unicodedata

_ARTICLE = re.compile(r"^(the|a|an)\s+")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_STOP_IN_NAMES = frozenset(
    {"of", "the", "and", "for", "de", "la", "al", "el", "du", "von", "van", "bin", "ibn"}
)
# Letter groups folded together before vowels are dropped: common romanization alternatives.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("ph", "f"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "c"),
    ("ou", "u"), ("q", "k"), ("ck", "k"), ("w", "v"), ("z", "s"), ("y", "i"),
)  # fmt: skip


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """Strict key: lowercase, no diacritics, no punctuation, no leading article."""
    text = ascii_fold(name).lower().replace("’", "'")
    text = re.sub(r"'s$", "", text)
    text = text.replace(".", "")
    text = _NON_WORD.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return _ARTICLE.sub("", text)


def _word_skeleton(word: str) -> str:
    for a, b in _FOLDS:
        word = word.replace(a, b)
    if not word:
        return ""
    head, rest = word[0], re.sub(r"[aeiouh]", "", word[1:])
    out = head + rest
    return re.sub(r"(.)\1+", r"\1", out)


def skeleton(name: str) -> str:
    """Transliteration-tolerant key: one vowel-less skeleton per content word."""
    words = [w for w in name_key(name).split() if w not in _STOP_IN_NAMES]
    return " ".join(_word_skeleton(w) for w in words)


def initials(name: str) -> str:
    words = [w for w in name_key(name).split() if w not in _STOP_IN_NAMES]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
