"""Bylines and date lines: person names ("By Jane Doe and John Roe, Reuters") and publication dates."""

from __future__ import annotations

import re

from newsgraph.ingest.cues import NAME_LINE, cues

# A date line ("Published: Tuesday, March 5, 2024 10:04 a.m. EST") fits in 80 characters.
MAX_DATE_LINE = 80
_MONTHS = {
    m: i + 1
    for i, ms in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in ms
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATES = (
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)", re.I),
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)", re.I),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)"),
)
# Where the names of a byline end: a separator, a date, "Updated ...".
_BYLINE_END = re.compile(r"\s+[|•·]\s+|\s[–—-]\s|;|\b(?:updated|published|posted)\b|\d", re.I)
POSTED_BY = re.compile(r"\bby\s+(?P<rest>[A-Z].*)$")


def parse_names(fragment: str) -> list[str]:
    """Person names in a byline fragment ("Jane Doe and John Roe, Reuters" → two names).

    A comma separates names only in a list that ends with "and"/"&" ("A, B and C"); otherwise
    what follows the comma is an affiliation ("Jane Doe, Gulf Monitor"), not a second person.
    """
    c = cues()
    fragment = _BYLINE_END.split(fragment)[0]
    listed = re.search(r"\s+and\s+|\s*&\s*", fragment)
    if not listed:
        fragment = fragment.split(",")[0]
    else:
        tail = fragment[listed.end() :]
        fragment = fragment[: listed.end()] + tail.split(",")[0]  # "A and B, Reuters"
    names: list[str] = []
    for part in re.split(r",|\s+and\s+|\s*&\s*", fragment):
        part = part.strip(" .:")
        words = part.split()
        if any(w.lower().strip(".,") in c.byline_stop for w in words):
            # "Jane Doe in Kyiv", "Jane Doe for The Times": keep what precedes the stop word
            head: list[str] = []
            for w in words:
                if w.lower().strip(".,") in c.byline_stop:
                    break
                head.append(w)
            words = head
            part = " ".join(words)
        if part.isupper():  # "JANE DOE" in an upper-case byline
            part = part.title()
        if 2 <= len(words) <= 5 and NAME_LINE.match(part) and part not in names:
            names.append(part)
    return names


def person_names(authors: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Metadata authors cleaned like a byline; "Desert Wire staff" or "Reuters" are not people."""
    c = cues()
    found: list[str] = []
    for author in authors:
        names = parse_names(author)
        if not names and not any(w.lower().strip(".,") in c.byline_stop for w in author.split()):
            names = [author.strip()]
        found.extend(n for n in names if n and n not in found)
    return tuple(found)


def is_date_line(text: str) -> bool:
    """A line that is only a (publication) date: "Updated: Tue 5 March 2024, 10:04"."""
    return len(text) <= MAX_DATE_LINE and bool(cues().date_line.match(text)) and parse_date(text) is not None


def parse_date(text: str) -> str | None:
    """ISO date of the first "March 4, 2024" / "4 March 2024" / "2024-03-04" in ``text``."""
    for pattern in _DATES:
        m = pattern.search(text)
        if not m:
            continue
        if "mnum" in pattern.groupindex:
            month = int(m.group("mnum"))
        else:
            key = m.group("month").lower().rstrip(".")
            month = _MONTHS.get(key) or _MONTHS.get(key[:3], 0)
        day, year = int(m.group("day")), int(m.group("year"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None
