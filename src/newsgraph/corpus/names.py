"""Name keys for matching the same actor across documents.

Three keys, from strict to loose:

- :func:`name_key`: case, diacritics, punctuation and a leading article removed
  ("the U.S." → "us", "Al-Abadi" → "al abadi").
- :func:`skeleton`: a transliteration-tolerant key per word. Arabic and Persian names reach
  English in many spellings that differ in their vowels and a few consonants (Soleimani,
  Suleimani, Sulaimani; Qassem, Kassem, Qasim); dropping vowels after the first letter,
  folding q/g/k (the Arabic qaf is written q, k or g: Qaddafi, Gaddafi), ph/f, dh/d, and
  doubled letters gives the same key for such variants.
- :func:`initials`: the acronym a multi-word name would have ("Popular Mobilization Force" → "pmf").
"""

from __future__ import annotations

import functools
import re
import unicodedata

_ARTICLE = re.compile(r"^(the|a|an)\s+")
# An apostrophe inside a word marks a transliterated glottal stop or ayn (Sa'id, Kata'ib) or an
# Irish/French elision (O'Brien, d'Estaing): writers drop it freely, so the key drops it too.
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['`\u02bc\u02bf](?=\w)")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_STOP_IN_NAMES = frozenset(
    {"of", "the", "and", "for", "de", "la", "al", "el", "du", "von", "van", "bin", "ibn"}
)
# Letter groups folded together before vowels are dropped: common romanization alternatives.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("ph", "f"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "c"),
    ("ou", "u"), ("q", "k"), ("g", "k"), ("ck", "k"), ("w", "v"), ("z", "s"), ("y", "i"),
)  # fmt: skip


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 18)  # a corpus repeats its names thousands of times
def name_key(name: str) -> str:
    """Strict key: lowercase, no diacritics, no punctuation, no leading article."""
    text = ascii_fold(name).lower().replace("’", "'")
    text = re.sub(r"'s$", "", text)
    text = _INNER_APOSTROPHE.sub("", text)
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


@functools.lru_cache(maxsize=1 << 18)
def name_words(name: str) -> tuple[str, ...]:
    """The content words of a name: its strict key without particles ("Muammar al-Qadhafi" → 2 words)."""
    return tuple(w for w in name_key(name).split() if w not in _STOP_IN_NAMES)


@functools.lru_cache(maxsize=1 << 18)
def skeleton(name: str) -> str:
    """Transliteration-tolerant key: one vowel-less skeleton per content word."""
    return " ".join(_word_skeleton(w) for w in name_words(name))


@functools.lru_cache(maxsize=1 << 18)
def initials(name: str) -> str:
    words = name_words(name)
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


@functools.lru_cache(maxsize=1 << 18)
def possessive_tail(name: str) -> str | None:
    """The named thing after a possessive ("Iran's Quds Force" → "Quds Force"), when it is a name
    of two or more content words; otherwise None."""
    parts = re.split(r"['\u2019]s\s+", name)
    if len(parts) < 2:
        return None
    tail = parts[-1].strip()
    return tail if len(name_words(tail)) >= 2 else None


@functools.lru_cache(maxsize=1 << 18)
def is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
