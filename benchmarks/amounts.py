"""Amounts: field-by-field scores on the gold sentences, and a throughput figure on real article bodies.

``python -m benchmarks --only amounts``. The gold sentences are ``tests/fixtures/amounts_gold.jsonl``
(written for newsgraph; the test suite checks them exactly). The article bodies come from
``<shared>/data/article-extraction/ground-truth.json`` (no amount gold there): we report how many
amounts per 1,000 words the scan finds and how fast, so a change that floods or starves the output shows.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from newsgraph.model import Amount, ReferenceDate, TimeExpr
from newsgraph.nlp.amounts import find_quantities
from newsgraph.nlp.amounts.component import amounts_of
from newsgraph.nlp.amounts.evaluate import load_gold, score
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.nlp.state import NgState

GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "amounts_gold.jsonl"


def run(shared: Path) -> dict[str, object]:
    nlp = load_pipeline()

    def predict(text: str, times: list[TimeExpr]) -> list[Amount]:
        with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("newsgraph_")]):
            doc = nlp(text)
        doc._.ng = NgState(reference=ReferenceDate(date=None, method="none", confidence=0.0), times=times)
        return amounts_of(doc)

    scores = score(load_gold(GOLD), predict)
    print(scores.table())
    for problem in scores.problems:
        print("  ", problem)
    figures: dict[str, object] = {
        "gold_amounts": scores.gold,
        "precision": round(scores.precision, 3),
        "recall": round(scores.recall, 3),
        "field_accuracy": round(scores.field_accuracy, 3),
    }
    bodies_file = shared / "data" / "article-extraction" / "ground-truth.json"
    if bodies_file.exists():
        bodies = [v["articleBody"] for v in json.loads(bodies_file.read_text(encoding="utf-8")).values()]
        words = sum(len(b.split()) for b in bodies)
        started = time.perf_counter()
        found = sum(len(find_quantities(b)) for b in bodies)
        seconds = time.perf_counter() - started
        print(
            f"article bodies: {len(bodies)} articles, {found} amounts, {1000 * found / words:.1f} per 1,000 words"
        )
        print(f"scan speed: {words / seconds:,.0f} words/s (scan only, no spaCy)")
        figures.update(
            articles=len(bodies),
            amounts_found=found,
            per_1000_words=round(1000 * found / words, 2),
            words_per_second=round(words / seconds),
        )
    return figures
