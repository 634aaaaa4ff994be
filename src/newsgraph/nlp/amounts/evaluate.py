"""Score amounts against a gold file of sentences (JSON lines), field by field.

Each gold line: ``{"text": ..., "times": [{"text", "kind"}], "amounts": [{"text", "value", "unit",
"currency", "per", "qualifier", "range", "part_of", "time"}]}``; ``value``/``range`` are strings (exact
decimals), ``part_of`` is the text of the whole amount and ``time`` the text of the linked time. A
predicted amount matches a gold one when their texts are equal; it is *correct* when every field
agrees too. The caller gives ``predict(text, times) -> amounts`` so the same scoring serves the tests and
``benchmarks/amounts.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from newsgraph.model import Amount, TimeExpr

Predict = Callable[[str, list[TimeExpr]], list[Amount]]


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def field_accuracy(self) -> float:
        """Share of matched amounts with every field right."""
        return self.correct / self.matched if self.matched else 1.0

    def table(self) -> str:
        return (
            f"gold {self.gold}  predicted {self.predicted}  matched {self.matched}  all-fields-right {self.correct}\n"
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  field accuracy {self.field_accuracy:.3f}"
        )


def load_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_times(line: dict[str, Any]) -> list[TimeExpr]:
    """The gold line's time expressions as records (ids ``t1``..), located in its text."""
    out = []
    for i, t in enumerate(line.get("times", [])):
        start = line["text"].index(t["text"])
        out.append(
            TimeExpr(
                id=f"t{i + 1}",
                text=t["text"],
                start=start,
                end=start + len(t["text"]),
                kind=t["kind"],
                value=t.get("value", ""),
            )
        )
    return out


def _observed(a: Amount, by_id: dict[str, Amount], times: dict[str, str]) -> dict[str, Any]:
    return {
        "value": a.value,
        "unit": a.unit,
        "currency": a.currency,
        "per": a.per,
        "qualifier": a.qualifier,
        "range": list(a.range) if a.range else None,
        "part_of": by_id[a.part_of].text if a.part_of in by_id else None,
        "time": times.get(a.time or ""),
    }


def _expected(g: dict[str, Any]) -> dict[str, Any]:
    return {
        "value": Decimal(g["value"]),
        "unit": g.get("unit", "money"),
        "currency": g.get("currency"),
        "per": g.get("per"),
        "qualifier": g.get("qualifier", "exact"),
        "range": [Decimal(v) for v in g["range"]] if g.get("range") else None,
        "part_of": g.get("part_of"),
        "time": g.get("time"),
    }


def score(gold: Sequence[dict[str, Any]], predict: Predict) -> Scores:
    s = Scores()
    for line in gold:
        times = gold_times(line)
        predicted = predict(line["text"], times)
        by_id = {a.id: a for a in predicted}
        time_text = {t.id: t.text for t in times}
        by_text = {a.text: a for a in predicted}
        s.gold += len(line["amounts"])
        s.predicted += len(predicted)
        gold_texts = {g["text"] for g in line["amounts"]}
        for a in predicted:
            if a.text not in gold_texts:
                s.problems.append(f"extra {a.text!r} in: {line['text']}")
        for g in line["amounts"]:
            found = by_text.get(g["text"])
            if found is None:
                s.problems.append(f"missed {g['text']!r} in: {line['text']}")
                continue
            s.matched += 1
            want, got = _expected(g), _observed(found, by_id, time_text)
            wrong = [k for k in want if want[k] != got[k]]
            if wrong:
                s.problems.append(
                    f"{g['text']!r}: " + ", ".join(f"{k} {got[k]!r} != {want[k]!r}" for k in wrong)
                )
            else:
                s.correct += 1
    return s
