"""Find the sentence around a span of the body, for tables that quote their evidence."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before whitespace, or at a
# blank line. Used only when no record already carries the sentence (claims and events do).
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n\s*\n")


def sentence_around(
    body: str, start: int, end: int, known: Iterable[tuple[int, int]] = ()
) -> tuple[int, int]:
    """The smallest known sentence span holding ``start..end``, else the one found by punctuation."""
    best: tuple[int, int] | None = None
    for s, e in known:
        if s <= start and end <= e and (best is None or e - s < best[1] - best[0]):
            best = (s, e)
    if best is not None:
        return best
    left = 0
    for m in _END.finditer(body, 0, start):
        left = m.end()
    stop = _END.search(body, end)
    right = stop.end() if stop else len(body)
    while left < start and body[left].isspace():
        left += 1
    return left, right
