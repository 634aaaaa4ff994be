"""One document's claims grouped with the claims of the documents before it.

Two claims from different documents join when their content words overlap strongly (Jaccard ≥
``CLAIM_JACCARD``) and they mention the same actors (or neither mentions any). Candidates come
from an inverted index of content words: a new claim is compared only with earlier claims sharing
one of its rarer words. A word found in ``CLAIM_COMMON_WORD`` claims stops proposing candidates
("said", "government") and its posting list is dropped, so no list grows past that cap.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from newsgraph.corpus.names import name_key
from newsgraph.corpus.state import State

# Claims: Jaccard overlap of content words needed to group two claims from different documents.
CLAIM_JACCARD = 0.5
# A word found in this many claims carries no signal for grouping and would make candidate
# generation quadratic; rarer words propose the candidate pairs.
CLAIM_COMMON_WORD = 200
# A claim needs this many content words to be grouped: short stock phrases ("Here are the
# highlights:", "We got her.") recur across unrelated articles; on 90 real articles every group of
# sentences under 5 content words was such a phrase.
CLAIM_MIN_WORDS = 5
# Earlier claims compared with a new one: those sharing the most rare words with it. A claim
# repeated by a hundred outlets is one group after its first few reports; comparing with every
# copy would cost a hundred Jaccards per new report and change no group.
CLAIM_CANDIDATES = 32

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "that",
        "this",
        "these",
        "those",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "as",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "how",
        "than",
        "then",
        "there",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "not",
        "no",
        "so",
        "such",
        "also",
        "very",
        "more",
        "most",
        "can",
        "could",
        "would",
        "should",
        "may",
        "might",
        "will",
    ]
)


@functools.lru_cache(maxsize=1 << 16)  # wire copies repeat a claim's sentence word for word
def content_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9$€£%.]+", name_key(text.replace("$", " $ ")))
    return frozenset(w.strip(".") for w in words if w not in _STOPWORDS and len(w.strip(".")) > 1)


def group_seed(doc_id: str, claim_id: str) -> str:
    return "G" + hashlib.sha1(f"{doc_id}:{claim_id}".encode()).hexdigest()[:10]


@dataclass(frozen=True)
class ClaimRecord:
    doc_id: str
    claim_id: str
    text: str
    actors: frozenset[int]


def _ref(doc_id: str, claim_id: str) -> str:
    return f"{doc_id}\x1f{claim_id}"


def _best(shared: Counter[str], need: int) -> list[str]:
    """The ``CLAIM_CANDIDATES`` claims sharing most words (ties by id) among those sharing at
    least ``need``. Jaccard ≥ 0.5 needs half of a claim's words shared, which the rare words a
    candidate shares plus all the common ones bound from above; the bound only falls with the
    count, so dropping the candidates under it first keeps the same ones as ranking them all.
    Counts are small integers: candidates are bucketed by count and only the buckets taken are
    sorted (a sentence repeated by a hundred outlets has a hundred candidates of one count)."""
    by_count: dict[int, list[str]] = defaultdict(list)
    for ref, n in shared.items():
        if n >= need:
            by_count[n].append(ref)
    out: list[str] = []
    for n in sorted(by_count, reverse=True):
        refs = by_count[n]
        refs.sort()
        out += refs
        if len(out) >= CLAIM_CANDIDATES:
            return out[:CLAIM_CANDIDATES]
    return out


class ClaimLinker:
    def __init__(self, state: State) -> None:
        self.state = state
        self.groups = state.uf("claim")
        self.actors = state.uf("actor")
        # ref → its words as a set: a stored claim never changes, and the JSON list it is read
        # back as would be turned into a set at every comparison.
        self._words: dict[str, frozenset[str]] = {}

    def forget(self) -> None:
        """Drop the word sets read back from the state (they are read again when needed)."""
        self._words.clear()

    def candidates(self, words: frozenset[str]) -> tuple[Counter[str], int]:
        """Earlier claims sharing a still-rare word of ``words``, with how many such words each
        shares; and how many of ``words`` are common (they propose nobody but may be shared)."""
        shared: Counter[str] = Counter()
        common = 0
        for w in words:
            entry = self.state.get("claim.word", w)
            if entry and entry["n"] >= CLAIM_COMMON_WORD:
                common += 1
            elif entry:
                shared.update(entry["posts"])
        return shared, common

    def link(self, claims: list[ClaimRecord]) -> tuple[list[str], list[float]]:
        """Group one document's claims; returns each claim's group id and score."""
        seeds = [group_seed(c.doc_id, c.claim_id) for c in claims]
        best = [0.0] * len(claims)
        words = [content_words(c.text) for c in claims]
        for i, c in enumerate(claims):
            if len(words[i]) < CLAIM_MIN_WORDS:
                continue
            actors: frozenset[Any] | None = None
            shared, common = self.candidates(words[i])
            # Jaccard ≥ 0.5 needs half of this claim's words shared: the rare words a candidate
            # shares plus all the common ones bound that from above. The bound only falls with the
            # count, so dropping the candidates below it before taking the CLAIM_CANDIDATES with
            # most shared words keeps the same ones as taking them first, at a fraction of the cost.
            need = (len(words[i]) + 1) // 2 - common
            mine = self.groups.find(seeds[i])
            for ref in _best(shared, need):
                other: list[Any] | None = self.state.get("claim.claim", ref)
                if other is None or self.groups.find(other[0]) == mine:
                    continue
                other_words = self._words.get(ref)
                if other_words is None:
                    other_words = self._words[ref] = frozenset(other[1])
                union = len(words[i] | other_words)
                jac = len(words[i] & other_words) / union if union else 0.0
                if jac < CLAIM_JACCARD:
                    continue
                if actors is None:
                    actors = frozenset(self.actors.find(a) for a in c.actors)
                other_actors = frozenset(self.actors.find(a) for a in other[2])
                if actors & other_actors or not (actors or other_actors):
                    self.groups.union(other[0], seeds[i])
                    mine = self.groups.find(seeds[i])
                    best[i] = max(best[i], jac)
        for i, c in enumerate(claims):  # this document's claims join the index
            rich = len(words[i]) >= CLAIM_MIN_WORDS
            ref = _ref(c.doc_id, c.claim_id)
            if rich:
                self.state.put("claim.claim", ref, [seeds[i], sorted(words[i]), sorted(c.actors)])
            posted = False
            for w in words[i]:
                entry = self.state.get("claim.word", w) or {"n": 0, "posts": []}
                entry["n"] += 1
                if entry["n"] >= CLAIM_COMMON_WORD:
                    dropped, entry["posts"] = entry["posts"], []  # common now: never read again
                    self.state.put("claim.word", w, entry)
                    if dropped:
                        self._drop_unreachable(dropped)
                    continue
                if rich:
                    entry["posts"].append(ref)
                    posted = True
                self.state.put("claim.word", w, entry)
            if rich and not posted:  # every word of it was common already: never a candidate
                self.state.discard("claim.claim", ref)
        return seeds, [b or 1.0 for b in best]

    def _drop_unreachable(self, refs: list[str]) -> None:
        """Forget the claims no posting list holds any more: a claim is only ever read as a
        candidate from the posts of one of its words still rare (a word's posts only empty when
        it turns common, for good), so once all its words are common it is dead weight, and
        keeping it would make the state grow with every claim of the corpus."""
        get = self.state.get
        for ref in refs:
            other = get("claim.claim", ref)
            if other is None:
                continue
            if not any(
                (entry := get("claim.word", w)) is None or entry["n"] < CLAIM_COMMON_WORD for w in other[1]
            ):
                self.state.discard("claim.claim", ref)
                self._words.pop(ref, None)
