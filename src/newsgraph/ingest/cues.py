"""The boilerplate cue lists (``resources/boilerplate/cues.yaml``), loaded once and compiled."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newsgraph.errors import ResourceError
from newsgraph.resources import load_yaml

CUES_FILE = "boilerplate/cues.yaml"
REQUIRED_KEYS = (
    "prefixes",
    "contains",
    "whole",
    "share_words",
    "share_strong",
    "caption_credits",
    "bio_verbs",
    "bio_headers",
    "writer_cues",
    "byline_prefixes",
    "byline_stopwords",
    "date_prefixes",
)

# A person's name as printed in bylines and bios: "Jane Doe", "J.E. Dyer", "Lena van der Berg".
NAME_TOKEN = r"(?:[A-Z][\w'’.\-]*|[A-Z]\.|(?:de|da|del|van|von|der|den|al|bin|ibn|el|la|le|du|di|dos|ter)\b)"
NAME = rf"[A-Z][\w'’.\-]*(?:\s+{NAME_TOKEN}){{1,4}}"
NAME_LINE = re.compile(rf"^\s*(?P<name>{NAME})\s*$")
# Optional weekday and clock time around the date of a date line.
WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?"
CLOCK = r"(?:\s*(?:at\s*)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns; ``(kind, pattern)`` pairs name the boilerplate kind a match means."""

    prefixes: tuple[tuple[str, re.Pattern[str]], ...]
    contains: tuple[tuple[str, re.Pattern[str]], ...]
    whole: tuple[tuple[str, re.Pattern[str]], ...]
    share_words: frozenset[str]
    share_strong: frozenset[str]
    credits: tuple[re.Pattern[str], ...]
    bio_start: re.Pattern[str]
    bio_headers: tuple[re.Pattern[str], ...]
    writer_cues: tuple[re.Pattern[str], ...]
    byline: re.Pattern[str]
    byline_stop: frozenset[str]
    date_line: re.Pattern[str]


def _compile(pattern: str, source: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.I)
    except re.error as exc:
        raise ResourceError(f"bad pattern in {CUES_FILE} ({source}): {pattern!r}: {exc}") from exc


@functools.lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lists, compiled once; a bad file raises ResourceError naming it."""
    data = load_yaml(CUES_FILE, required_keys=REQUIRED_KEYS)

    def kinded(section: str, anchor: str, suffix: str = "") -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple(
            (kind, _compile(f"{anchor}(?:{p}){suffix}", f"{section}.{kind}"))
            for kind, patterns in data[section].items()
            for p in patterns
        )

    return Cues(
        prefixes=kinded("prefixes", r"^\W*"),
        contains=kinded("contains", ""),
        whole=kinded("whole", r"^\W*", r"\W*$"),
        share_words=frozenset(str(w).lower() for w in data["share_words"]),
        share_strong=frozenset(str(w).lower() for w in data["share_strong"]),
        credits=tuple(_compile(p, "caption_credits") for p in data["caption_credits"]),
        bio_start=re.compile(rf"^[\s\-–—]*(?P<name>{NAME}),?\s+{data['bio_verbs']}\b"),
        bio_headers=tuple(_compile(rf"^\W*{p}", "bio_headers") for p in data["bio_headers"]),
        writer_cues=tuple(_compile(p, "writer_cues") for p in data["writer_cues"]),
        byline=_compile(rf"^\W*{data['byline_prefixes']}\s+(?P<rest>.+)$", "byline_prefixes"),
        byline_stop=frozenset(str(w).lower() for w in data["byline_stopwords"]),
        date_line=_compile(
            rf"^\W*{data['date_prefixes']}\s*{WEEKDAY}(?P<date>.{{6,30}}?){CLOCK}\W*$", "date_prefixes"
        ),
    )
