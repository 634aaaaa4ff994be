"""Regression gate on the held-out articles (``tests/fixtures/heldout/``), like an eval gate.

Each article is analyzed and scored by ``../shared/eval/score.py``; every figure must stay at or
above its floor in ``tests/fixtures/heldout/floors.json`` (error counts at or below it). Floors are
what the code scored when they were last raised; raise them (never lower them to make a change
pass) with ``python -m benchmarks.heldout --floors`` after an improvement.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _bench() -> ModuleType:
    """benchmarks/heldout.py, loaded by path (benchmarks/ is not an installed package)."""
    spec = importlib.util.spec_from_file_location("bench_heldout", REPO / "benchmarks" / "heldout.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
FLOORS: Path = BENCH.FLOORS
articles = BENCH.articles


def _floors() -> dict[str, dict[str, float]]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data["floors"]


@pytest.fixture(scope="module")
def scorer() -> Any:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared/eval/score.py is not beside the checkout")
    return BENCH.load_scorer(SHARED)


def test_every_fixture_has_floors() -> None:
    names = {name for name, _, _ in articles()}
    assert len(names) >= 5
    assert names == set(_floors())


@pytest.mark.parametrize("name", sorted(name for name, _, _ in articles()))
def test_heldout_figures_meet_floors(nlp: Language, scorer: Any, name: str) -> None:
    _, article, gold = next(a for a in articles() if a[0] == name)
    figures, misses = BENCH.score_article(article, gold, scorer, nlp)
    low = []
    for key, floor in _floors()[name].items():
        value = figures[key]
        bad = value > floor if key.endswith("_errors") else value < floor
        if bad:
            low.append(f"{key}={value} (floor {floor})")
    assert not low, f"{name}: " + "; ".join(low) + "\n" + "\n".join(misses)


def test_floors_only_go_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"a": {"body": 0.9, "times_errors": 1}}}), encoding="utf-8")
    monkeypatch.setattr(BENCH, "FLOORS", floors)
    BENCH.write_floors({"articles": {"a": {"body": 0.5, "times_errors": 3, "score": 0.1, "events_total": 9}}})
    assert json.loads(floors.read_text(encoding="utf-8"))["floors"] == {"a": {"body": 0.9, "times_errors": 1}}
