"""Coreference metrics on hand-computed examples, and properties over random clusterings."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.corpus.conll import b_cubed, ceafe, evaluate, muc


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-9)


def test_muc_split_entity_loses_one_link() -> None:
    # One key chain of four mentions answered by two pairs: 2 of its 3 links are found, and
    # every response link is right.
    s = muc([["A", "B", "C", "D"]], [["A", "B"], ["C", "D"]])
    assert close(s.recall, 2 / 3) and close(s.precision, 1.0)


def test_b_cubed_merged_entities_lose_precision_only() -> None:
    # Key: a five-mention chain, a pair and another five-mention chain; the response joins the
    # pair with the second chain. Precision: (5·1 + 2·2/7 + 5·5/7) / 12 = 64/84.
    key = [[1, 2, 3, 4, 5], [6, 7], [8, 9, 10, 11, 12]]
    response = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11, 12]]
    s = b_cubed(key, response)
    assert close(s.recall, 1.0) and close(s.precision, 64 / 84)
    m = muc(key, response)
    assert close(m.recall, 1.0) and close(m.precision, 9 / 10)


def test_all_three_on_a_crossed_example() -> None:
    key = [["a", "b", "c"], ["d", "e"]]
    response = [["a", "b"], ["c", "d", "e"]]
    scores = evaluate(key, response)
    assert close(scores.muc.recall, 2 / 3) and close(scores.muc.precision, 2 / 3)
    assert close(scores.b_cubed.recall, 11 / 15) and close(scores.b_cubed.precision, 11 / 15)
    # φ4: {a,b,c}~{a,b} = 4/5, {d,e}~{c,d,e} = 4/5; the alignment sums 8/5 over 2 entities.
    assert close(scores.ceafe.recall, 0.8) and close(scores.ceafe.precision, 0.8)
    assert close(scores.conll_f1, (2 / 3 + 11 / 15 + 0.8) / 3)


def test_ceafe_prefers_the_global_alignment() -> None:
    # φ4: {a,c,d}~{a,b,c} = 2/3, {a,c,d}~{d} = 1/2, {b}~{a,b,c} = 1/2, {b}~{d} = 0. Taking the
    # best pair first would sum 2/3; the optimal alignment crosses over and sums 1.
    s = ceafe([["a", "c", "d"], ["b"]], [["a", "b", "c"], ["d"]])
    assert close(s.recall, 0.5) and close(s.precision, 0.5)


def test_singletons_count_in_b_cubed_and_ceafe_not_muc() -> None:
    key = [["a", "b"], ["c"]]
    response = [["a", "b", "c"]]
    scores = evaluate(key, response)
    assert close(scores.muc.recall, 1.0) and close(scores.muc.precision, 0.5)
    assert close(scores.b_cubed.recall, 1.0)
    assert close(scores.b_cubed.precision, (2 * 2 / 3 + 1 / 3) / 3)
    # φ4({a,b},{a,b,c}) = 4/5 is the best alignment; the key singleton stays unaligned.
    assert close(scores.ceafe.recall, 0.4) and close(scores.ceafe.precision, 0.8)


def test_response_missing_mentions_lowers_recall() -> None:
    scores = evaluate([["a", "b", "c"]], [["a", "b"]])
    assert close(scores.muc.recall, 0.5) and close(scores.muc.precision, 1.0)
    assert close(scores.b_cubed.recall, 4 / 9) and close(scores.b_cubed.precision, 1.0)


def test_duplicate_mentions_are_rejected() -> None:
    with pytest.raises(ValueError):
        evaluate([["a", "b"]], [["a"], ["a", "b"]])


@st.composite
def clusterings(draw: st.DrawFn) -> tuple[list[list[int]], list[list[int]]]:
    n = draw(st.integers(min_value=1, max_value=25))
    key_labels = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))
    resp_labels = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))

    def group(labels: list[int]) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for mention, label in enumerate(labels):
            out.setdefault(label, []).append(mention)
        return list(out.values())

    return group(key_labels), group(resp_labels)


@given(clusterings())
def test_perfect_response_scores_one(pair: tuple[list[list[int]], list[list[int]]]) -> None:
    key, _ = pair
    scores = evaluate(key, key)
    assert close(scores.b_cubed.f1, 1.0) and close(scores.ceafe.f1, 1.0)
    if any(len(c) > 1 for c in key):
        assert close(scores.muc.f1, 1.0) and close(scores.conll_f1, 1.0)


@given(clusterings())
def test_all_singletons_have_no_muc_recall(pair: tuple[list[list[int]], list[list[int]]]) -> None:
    key, _ = pair
    singletons = [[m] for c in key for m in c]
    assert muc(key, singletons).recall == 0.0
    assert close(b_cubed(key, singletons).precision, 1.0)


@given(clusterings())
def test_scores_lie_in_unit_interval(pair: tuple[list[list[int]], list[list[int]]]) -> None:
    key, response = pair
    scores = evaluate(key, response)
    for s in (scores.muc, scores.b_cubed, scores.ceafe):
        for value in (s.precision, s.recall, s.f1):
            assert -1e-12 <= value <= 1 + 1e-12
    assert -1e-12 <= scores.conll_f1 <= 1 + 1e-12


@given(clusterings())
def test_swapping_key_and_response_swaps_precision_and_recall(
    pair: tuple[list[list[int]], list[list[int]]],
) -> None:
    key, response = pair
    a, b = evaluate(key, response), evaluate(response, key)
    for x, y in ((a.muc, b.muc), (a.b_cubed, b.b_cubed), (a.ceafe, b.ceafe)):
        assert close(x.precision, y.recall) and close(x.recall, y.precision)
