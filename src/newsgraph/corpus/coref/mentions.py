"""What the coreference passes share: the mention record, its syntactic head, sentence numbers, and
average-linkage clustering into a union-find."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class CorefMention:
    """One mention to cluster: ``tokens`` index the ``Doc`` of ``doc_id`` (may be discontinuous)."""

    id: str
    doc_id: str
    kind: str  # "event" or "entity"
    tokens: tuple[int, ...]
    label: str = field(default="", compare=False)  # free annotation, unused by the clusterer


def mention_head(doc: Doc, tokens: Sequence[int]) -> Token:
    """The syntactic head of a mention: its (last) token whose head lies outside the mention; a
    function word there hands over to its content word inside ("in Los Angeles" → Angeles,
    "checked into" → checked, "the charges against her" → charges)."""
    inside = set(tokens)
    roots = [i for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == i]
    for _ in range(len(inside)):
        content = [i for i in roots if doc[i].pos_ not in _FUNCTION_POS]
        if content:
            return doc[content[-1]]
        below = sorted(c.i for i in roots for c in doc[i].children if c.i in inside)
        if not below:
            break
        roots = below
    return doc[(roots or sorted(inside))[-1]]


_FUNCTION_POS = frozenset({"DET", "ADP", "PUNCT", "CCONJ", "PART", "AUX"})


def agglomerate(dist: np.ndarray, threshold: float) -> list[int]:
    """Average-linkage clusters of a square distance matrix, cut at ``threshold``."""
    n = dist.shape[0]
    if n == 1:
        return [0]
    dist = np.clip((dist + dist.T) / 2, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return [int(x) for x in fcluster(tree, t=threshold, criterion="distance")]


TIME_TYPES = frozenset({"DATE", "TIME"})


def sentence_index(doc: Doc) -> dict[int, int]:
    return {t.i: n for n, sent in enumerate(doc.sents) for t in sent}


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def cluster_by_score(
    members: Sequence[int],
    score: Callable[[int, int], float],
    threshold: float,
    uf: UnionFind,
) -> None:
    """Average-linkage clustering of ``members`` on 1 − score, cut at 1 − ``threshold``."""
    n = len(members)
    if n < 2:
        return
    dist = np.ones((n, n))
    for a in range(n):
        for b in range(a + 1, n):
            dist[a, b] = dist[b, a] = 1.0 - score(members[a], members[b])
    labels = agglomerate(dist, 1.0 - threshold)
    first: dict[int, int] = {}
    for m, lab in zip(members, labels, strict=True):
        if lab in first:
            uf.union(m, first[lab])
        else:
            first[lab] = m
