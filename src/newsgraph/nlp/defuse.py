"""Text that would make the tokenizer or the pipeline super-linear, masked before spaCy sees it.

spaCy's tokenizer splits prefixes and suffixes off a whitespace-free run one character at a time,
so its cost grows with the square of the run: 20,000 "(" take about 50 s, 8,000 characters of
"&#" about 8 s. And a stretch of text with no letter at all ("1 1 1 ..." a hundred thousand
times) is a flood of tokens that carry nothing a component reads, but that the parser, NER and
every record pass still walk.

Neither is an article's prose. :func:`defuse` returns a copy of the body **of the same length**
in which such runs are blanked (their characters replaced by spaces, line breaks kept), and a
note per kind of change for ``Analysis.warnings``. The body itself is never changed: the records'
offsets index it exactly as before, and the masked stretches simply yield no records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A whitespace-free run longer than this is cut every LONG_RUN_STEP characters (a long URL is
# 100-300 characters; at 500 the tokenizer spends about a millisecond on it).
LONG_RUN = 500
LONG_RUN_STEP = 100
# A stretch this long without a single letter is no prose (a dense figure table still has
# letters in its labels every few hundred characters).
LETTERLESS = 2000

# Characters kept at each end of a blanked stretch: the full stop after the last word, the
# bracket before the next one.
EDGE = 2

_LONG_TOKEN = re.compile(r"\S{" + str(LONG_RUN + 1) + ",}")
_LETTERLESS = re.compile(r"[^\W\d_]")  # any letter, of any script


@dataclass(frozen=True)
class Defused:
    text: str  # same length as the body
    notes: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return bool(self.notes)


def defuse(body: str) -> Defused:
    """The body with pathological runs blanked, and what was blanked (empty when nothing was)."""
    chars: list[str] | None = None
    notes: list[str] = []

    blank_total = 0
    blank_runs = 0
    for start, end in _letterless_stretches(body):
        chars = chars if chars is not None else list(body)
        for i in range(start, end):
            if chars[i] not in "\n":
                chars[i] = " "
        blank_total += end - start
        blank_runs += 1
    if blank_runs:
        notes.append(
            f"{blank_total:,} characters in {blank_runs} stretch(es) with no letter (from offset "
            f"{_first_letterless(body)}) were not analysed: they hold no prose"
        )

    cut_runs = 0
    source = "".join(chars) if chars is not None else body
    for m in _LONG_TOKEN.finditer(source):
        chars = chars if chars is not None else list(body)
        for i in range(m.start() + LONG_RUN_STEP, m.end(), LONG_RUN_STEP):
            chars[i] = " "
        cut_runs += 1
    if cut_runs:
        notes.append(
            f"{cut_runs} run(s) of over {LONG_RUN} characters without a space were read in pieces of "
            f"{LONG_RUN_STEP}, so no record spans them whole"
        )
    return Defused(text="".join(chars) if chars is not None else body, notes=tuple(notes))


def _letterless_stretches(body: str) -> list[tuple[int, int]]:
    """[start, end) of every stretch over LETTERLESS characters that holds no letter."""
    out: list[tuple[int, int]] = []
    last = 0
    for m in _LETTERLESS.finditer(body):
        if m.start() - last > LETTERLESS:
            out.append((last + EDGE, m.start() - EDGE))
        last = m.end()
    if len(body) - last > LETTERLESS:
        out.append((last + EDGE, len(body)))
    return out


def _first_letterless(body: str) -> int:
    stretches = _letterless_stretches(body)
    return stretches[0][0] if stretches else 0
