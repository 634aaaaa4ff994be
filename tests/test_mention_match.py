"""Matching predicted mentions to gold ones, and CoNLL scores over different mention sets."""

from __future__ import annotations

import math

from newsgraph.corpus.conll import evaluate
from newsgraph.corpus.coref import CorefMention
from newsgraph.corpus.mention_match import align, align_response, detection, trim_determiners


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-9)


WORDS = {
    "d1": ["The", "mayor", "met", "a", "reporter", "on", "Monday", "and", "she", "thanked", "the", "mayor"]
}


def mention(mid: str, *tokens: int) -> CorefMention:
    return CorefMention(mid, "d1", "entity", tokens)


def test_trimming_drops_only_leading_determiners() -> None:
    words = WORDS["d1"]
    assert trim_determiners((0, 1), words) == frozenset({1})  # "The mayor" → "mayor"
    assert trim_determiners((5, 6), words) == frozenset({5, 6})  # "on Monday" keeps "on"
    assert trim_determiners((0,), words) == frozenset({0})  # never emptied


def test_alignment_matches_trimmed_spans_once() -> None:
    gold = [mention("g1", 0, 1), mention("g2", 3, 4), mention("g3", 6), mention("g4", 10, 11)]
    # "mayor" = "The mayor"; "a reporter" = "a reporter"; "on Monday" ≠ "Monday"; "mayor"
    # again (a second prediction of one span) and "she" have no gold mention left.
    pred = [mention("p1", 1), mention("p2", 3, 4), mention("p3", 5, 6), mention("p4", 11), mention("p5", 8)]
    pred.append(mention("p6", 1))
    a = align(gold, pred, WORDS)
    assert a.to_key == {"p1": "g1", "p2": "g2", "p4": "g4"}
    s = a.detection
    assert close(s.precision, 3 / 6) and close(s.recall, 3 / 4)
    assert align_response([["p1", "p5"]], a) == [["g1", "response:p5"]]


def test_detection_with_nothing_predicted() -> None:
    s = detection(0, 4, 0)
    assert s.precision == 0.0 and s.recall == 0.0 and s.f1 == 0.0


def test_conll_scores_with_missed_and_extra_mentions() -> None:
    # Key: {a, b, c} and {d, e}. Response (after alignment): {a, b, x} and {d, y}; c and e are
    # missed, x and y are extra. As the v8.01 reference scorer counts them:
    key = [["a", "b", "c"], ["d", "e"]]
    response = [["a", "b", "x"], ["d", "y"]]
    s = evaluate(key, response)
    # MUC recall: ({a,b,c}: 3 - |{ab}, {c}| = 1) + ({d,e}: 2 - |{d}, {e}| = 0) over 2 + 1 links;
    # precision swaps the roles: ({a,b,x}: 1) + ({d,y}: 0) over 3.
    assert close(s.muc.recall, 1 / 3) and close(s.muc.precision, 1 / 3)
    # B³ recall over the 5 key mentions: a, b 2/3 each, c 0, d 1/2, e 0 → (4/3 + 1/2) / 5.
    # Precision over the 5 response mentions: a, b 2/3 each, x 0, d 1/2, y 0 → the same.
    assert close(s.b_cubed.recall, (4 / 3 + 1 / 2) / 5)
    assert close(s.b_cubed.precision, (4 / 3 + 1 / 2) / 5)
    # CEAF-e: φ4({a,b,c}, {a,b,x}) = 4/6, φ4({d,e}, {d,y}) = 2/4; 7/6 over 2 entities each side.
    assert close(s.ceafe.recall, 7 / 12) and close(s.ceafe.precision, 7 / 12)


def test_extra_singletons_cost_precision_but_not_recall() -> None:
    # An extra response singleton adds a response entity and a response mention, nothing else.
    key = [["a", "b"]]
    s = evaluate(key, [["a", "b"], ["z"]])
    assert close(s.muc.recall, 1.0) and close(s.muc.precision, 1.0)
    assert close(s.b_cubed.recall, 1.0) and close(s.b_cubed.precision, 2 / 3)
    assert close(s.ceafe.recall, 1.0) and close(s.ceafe.precision, 0.5)
