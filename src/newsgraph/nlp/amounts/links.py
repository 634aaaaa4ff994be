"""Tie amounts to each other ("$1.3 billion of which ...") and to the time expression they belong to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.model import TimeExpr
from newsgraph.nlp.amounts.lexicon import lexicon
from newsgraph.nlp.amounts.patterns import patterns
from newsgraph.nlp.amounts.scan import LOOKBACK, Quantity

# Time linking scores are character distances plus these penalties; a time the text ties to the amount
# with a preposition right after it ("$5 billion in 2014") wins over a nearer one before it. The values
# order the cases (tied-after < before < untied-after < across another amount or clause) and were set
# by hand on the gold sentences in tests/fixtures/amounts_gold.jsonl.
BEFORE_PENALTY = 20
UNTIED_PENALTY = 60
CROSSING_PENALTY = 200
# Beyond this score the nearest time is usually about something else in a long sentence ("Two people
# briefed on the talks said ... a scheduled Dec. 15 imposition"); set by reading the links made on the
# article-extraction bodies (a tied time 60 characters on still scores under it).
MAX_LINK_SCORE = 100
CLAUSE_BREAKS = (";", " but ", " while ", " whereas ", "—", " – ")

Span = tuple[int, int]


def sentence_of(pos: int, sentences: Sequence[Span]) -> Span:
    for s in sentences:
        if s[0] <= pos < s[1]:
            return s
    return (0, pos + 1)


def _same_kind(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit and (a.unit != "money" or a.currency == b.currency)


def link_parts(text: str, quantities: Sequence[Quantity], sentences: Sequence[Span]) -> list[int | None]:
    """For each amount, the index of the amount it is a part of, or None.

    "$1.7 billion, of which $1.3 billion ..." and "$1.7 billion, $1.3 billion of which ..." make the
    second a part of the first; "$1.3 billion of the $1.7 billion" makes the first a part of the second.
    The whole must be in the same sentence, of the same unit and currency, and not smaller.
    """
    pats = patterns()
    parents: list[int | None] = [None] * len(quantities)
    for j, q in enumerate(quantities):
        sent = sentence_of(q.start, sentences)
        window_start = max(sent[0], q.start - LOOKBACK, quantities[j - 1].end if j else 0)
        window = text[window_start : q.start]
        cut = pats.qualifier_before.search(window)
        if cut:
            window = window[: cut.start()]
        cued = pats.part_before.search(window) is not None or pats.part_after.match(text, q.end) is not None
        if cued:
            for i in range(j - 1, -1, -1):
                whole = quantities[i]
                if whole.start < sent[0]:
                    break
                if _same_kind(whole, q) and whole.value >= q.value and parents[i] is None:
                    parents[j] = i
                    break
        if j + 1 < len(quantities) and parents[j] is None:
            nxt = quantities[j + 1]
            if (
                pats.part_of_link.match(text[q.end : nxt.start])
                and _same_kind(q, nxt)
                and nxt.value >= q.value
                and nxt.start < sent[1]
            ):
                parents[j] = j + 1
    return parents


def link_time(
    text: str, q: Quantity, others: Sequence[Quantity], times: Sequence[TimeExpr], sent: Span
) -> str | None:
    """The id of the time expression ``q`` belongs to, from the times in its sentence (rates excluded)."""
    preps, speech = lexicon().time_prepositions, lexicon().speech_verbs
    best: tuple[int, str] | None = None
    for t in times:
        if t.kind == "set" or not (sent[0] <= t.start < sent[1]) or (t.start < q.end and q.start < t.end):
            continue
        if t.value == "PRESENT_REF":
            continue  # "now", "currently": says nothing about when the amount applies
        if t.start >= q.end:
            gap = text[q.end : t.start]
            words = gap.lower().split()
            tied = bool(words) and (words[-1] in preps or " ".join(words[-2:]) in preps)
            if t.kind == "duration" and not tied:
                continue  # "shaved 3.2 years from ...": a length, not when; "over five years" anchors
            score = len(gap) + (0 if tied else UNTIED_PENALTY)
            lo, hi = q.end, t.start
        elif t.kind == "duration":
            continue  # a length before the amount never says when it happened
        else:
            gap = text[t.end : q.start]
            score = len(gap) + BEFORE_PENALTY
            lo, hi = t.end, q.start
        if score > MAX_LINK_SCORE or speech.intersection(re.findall(r"[a-z]+", gap.lower())):
            continue  # '"$20 billion," Trump said on Oct. 21': the time of the statement, not of the amount
        # Crossing another amount or a clause break only ranks a time lower; it may still be the only one
        # ("fell from $5 billion to $3 billion last year": both belong to last year).
        if any(o is not q and lo <= o.start < hi for o in others) or any(b in gap for b in CLAUSE_BREAKS):
            score += CROSSING_PENALTY
        if best is None or score < best[0]:
            best = (score, t.id)
    return best[1] if best else None
