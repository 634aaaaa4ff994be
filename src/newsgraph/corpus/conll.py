"""Coreference metrics: MUC, B³, CEAF-e and their mean, the CoNLL F1.

Our own implementation from the definitions:

- **MUC** (Vilain et al. 1995): link-based. Recall sums, over key entities K,
  ``|K| - |p(K)|`` (the links needed to connect K, minus those the response splits off) and
  divides by ``Σ |K| - 1``; ``p(K)`` partitions K by the response entities, a mention the response
  lacks being a part of its own. Precision swaps key and response. Singletons carry no links, so
  they neither help nor hurt.
- **B³** (Bagga & Baldwin 1998): mention-based. Recall averages, over key mentions m,
  ``|K(m) ∩ R(m)| / |K(m)|``; precision averages ``|K(m) ∩ R(m)| / |R(m)|`` over response mentions.
- **CEAF-e** (Luo 2005): entity-based with φ4 ``= 2 |K ∩ R| / (|K| + |R|)``. The key and response
  entities are aligned one to one so that the summed φ4 is largest (Hungarian algorithm);
  recall divides the sum by the number of key entities, precision by the number of response entities.
- **CoNLL F1**: the unweighted mean of the three F1 scores.

Singletons are kept as the CoNLL-2012 reference scorer (v8.01) keeps them: they count as entities
in B³ and CEAF-e and contribute nothing to MUC. Mentions are any hashable keys, which must be
spelled identically in key and response; a mention in only one of them just fails to overlap.
Duplicate mentions inside one clustering are an error (the reference scorer rejects them too).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = Sequence[Iterable[Hashable]]


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one metric, each in [0, 1]."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(frozen=True)
class CorefScores:
    muc: Score
    b_cubed: Score
    ceafe: Score

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceafe.f1) / 3


def _entities(clusters: Clusters, side: str) -> list[frozenset[Hashable]]:
    out: list[frozenset[Hashable]] = []
    seen: set[Hashable] = set()
    for cluster in clusters:
        members = list(cluster)
        entity = frozenset(members)
        if not entity:
            continue
        if len(entity) != len(members) or entity & seen:
            raise ValueError(f"a mention appears twice in the {side} clustering")
        seen |= entity
        out.append(entity)
    return out


def _index(entities: list[frozenset[Hashable]]) -> dict[Hashable, int]:
    return {m: i for i, e in enumerate(entities) for m in e}


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _muc_recall(key: list[frozenset[Hashable]], response: list[frozenset[Hashable]]) -> float:
    where = _index(response)
    num = den = 0
    for entity in key:
        # A mention absent from the response is a partition of its own.
        parts = {where.get(m, ("missing", m)) for m in entity}
        num += len(entity) - len(parts)
        den += len(entity) - 1
    return _ratio(num, den)


def _b_cubed_recall(key: list[frozenset[Hashable]], response: list[frozenset[Hashable]]) -> float:
    where = _index(response)
    total = 0.0
    count = 0
    for entity in key:
        overlaps: dict[int, int] = {}
        for m in entity:
            if m in where:
                overlaps[where[m]] = overlaps.get(where[m], 0) + 1
        # Σ over mentions of |K ∩ R(m)| / |K| = Σ over response parts of |K ∩ R|² / |K|.
        total += sum(n * n for n in overlaps.values()) / len(entity)
        count += len(entity)
    return _ratio(total, count)


def _ceafe(key: list[frozenset[Hashable]], response: list[frozenset[Hashable]]) -> Score:
    if not key or not response:
        return Score(0.0, 0.0)
    phi = np.zeros((len(key), len(response)))
    where = _index(response)
    for i, entity in enumerate(key):
        for m in entity:
            j = where.get(m)
            if j is not None:
                phi[i, j] += 1
    sizes_k = np.array([len(e) for e in key], dtype=float)
    sizes_r = np.array([len(e) for e in response], dtype=float)
    phi = 2 * phi / (sizes_k[:, None] + sizes_r[None, :])
    rows, cols = linear_sum_assignment(phi, maximize=True)
    best = float(phi[rows, cols].sum())
    return Score(precision=best / len(response), recall=best / len(key))


def muc(key: Clusters, response: Clusters) -> Score:
    k, r = _entities(key, "key"), _entities(response, "response")
    return Score(precision=_muc_recall(r, k), recall=_muc_recall(k, r))


def b_cubed(key: Clusters, response: Clusters) -> Score:
    k, r = _entities(key, "key"), _entities(response, "response")
    return Score(precision=_b_cubed_recall(r, k), recall=_b_cubed_recall(k, r))


def ceafe(key: Clusters, response: Clusters) -> Score:
    return _ceafe(_entities(key, "key"), _entities(response, "response"))


def evaluate(key: Clusters, response: Clusters) -> CorefScores:
    """All three metrics of ``response`` against ``key`` (both lists of mention groups)."""
    k, r = _entities(key, "key"), _entities(response, "response")
    return CorefScores(
        muc=Score(precision=_muc_recall(r, k), recall=_muc_recall(k, r)),
        b_cubed=Score(precision=_b_cubed_recall(r, k), recall=_b_cubed_recall(k, r)),
        ceafe=_ceafe(k, r),
    )
