"""Scoring coreference over predicted mentions: match them to the gold ones, then score.

With predicted mentions the key (gold) and the response (system) hold different mention sets.
A predicted mention *matches* a gold mention of the same document when their token sets are
identical once leading determiners are dropped from both ("the police" = "police"; "on Friday"
≠ "Friday"; a longer or shorter span is no match). :func:`align_response` renames every matched
response mention to its gold id and keeps the others under their own ids, so that
:func:`newsgraph.corpus.conll.evaluate` scores them as the CoNLL-2012 reference scorer (v8.01)
does: an unmatched key mention is missed (it lowers recall), an unmatched response mention is
extra (it lowers precision); B³ recall averages over key mentions and precision over response
mentions. :func:`detection` gives mention detection precision, recall and F1.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsgraph.corpus.conll import Score
from newsgraph.corpus.coref import CorefMention

# Articles and demonstratives: the words ECB+ spans and parser spans disagree on most often at
# the left edge of a noun phrase. Possessives ("his car") are not dropped: ECB+ annotates them
# as mentions of their own.
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those"})


def trim_determiners(tokens: Sequence[int], words: Sequence[str]) -> frozenset[int]:
    """The token set of a mention without its leading determiners (never emptied)."""
    ordered = sorted(tokens)
    while len(ordered) > 1 and words[ordered[0]].lower() in DETERMINERS:
        ordered = ordered[1:]
    return frozenset(ordered)


@dataclass(frozen=True)
class Alignment:
    """Response mention id → gold mention id, for the matched predicted mentions."""

    to_key: dict[str, str]
    key_count: int
    response_count: int

    @property
    def detection(self) -> Score:
        return detection(len(self.to_key), self.key_count, self.response_count)


def align(
    key: Sequence[CorefMention], response: Sequence[CorefMention], words: Mapping[str, Sequence[str]]
) -> Alignment:
    """Match response mentions to key mentions (same document, same trimmed token set); each key
    mention takes at most one response mention, the first one in ``response`` order."""
    gold: dict[tuple[str, frozenset[int]], str] = {}
    for m in key:
        gold.setdefault((m.doc_id, trim_determiners(m.tokens, words[m.doc_id])), m.id)
    taken: set[str] = set()
    to_key: dict[str, str] = {}
    for m in response:
        gid = gold.get((m.doc_id, trim_determiners(m.tokens, words[m.doc_id])))
        if gid is not None and gid not in taken:
            taken.add(gid)
            to_key[m.id] = gid
    return Alignment(to_key=to_key, key_count=len(key), response_count=len(response))


def align_response(clusters: Sequence[Sequence[str]], alignment: Alignment) -> list[list[str]]:
    """``clusters`` of response ids with matched mentions renamed to their gold ids; unmatched
    ones are prefixed so that they can never collide with a gold id."""
    return [[alignment.to_key.get(m, f"response:{m}") for m in c] for c in clusters]


def detection(matched: int, key_count: int, response_count: int) -> Score:
    """Mention detection: precision over predicted mentions, recall over gold mentions."""
    return Score(
        precision=matched / response_count if response_count else 0.0,
        recall=matched / key_count if key_count else 0.0,
    )
