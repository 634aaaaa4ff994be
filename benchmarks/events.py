"""Event mentions on the TempEval-3 dev half (TimeBank + AQUAINT documents in benchmarks/tempeval3_dev.txt).

Figures (TempEval-3 Task B event extraction, see ``benchmarks.timeml_events``):

* ``model``: the shipped mention model (``resources/events/mentions.json``, trained on the other
  80 % by ``scripts/train_event_mentions.py``) over the tokens of the full pipeline's parse:
  precision, recall, F1 and class accuracy against every gold EVENT.
* ``every verb`` baseline: each VERB token an OCCURRENCE (the usual floor of the task).
* ``records``: the triggers of the Event records newsgraph writes (learned layer + lexicon,
  after the anchoring filter) against the same gold, and the same for the lexicon alone
  (the layer before the model, ``learned: false``). Records are meant to be fewer than TimeML
  events (reporting and mental-state verbs, unanchored mentions are left out), so their
  recall is the figure to read, not their F1.

TempEval-3's best systems scored about 0.81 event F1 on the (withheld) platinum test set.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from benchmarks.timeml_events import Predicted, Score, TimeMLDocument, model_score, parse_texts, score, split
from newsgraph._analyze import analyze_raw
from newsgraph.ingest import RawDocument
from newsgraph.nlp.events.mentions import load_model
from newsgraph.nlp.pipeline import load_pipeline


def verb_baseline(docs: Sequence[Doc], gold: Sequence[TimeMLDocument]) -> Score:
    total = Score()
    for doc, g in zip(docs, gold, strict=True):
        verbs = [Predicted(t.idx, t.idx + len(t.text), "OCCURRENCE") for t in doc if t.pos_ == "VERB"]
        total.add(score(g.events, verbs))
    return total


def records_score(gold: Sequence[TimeMLDocument], *, learned: bool) -> Score:
    """Event records of the whole pipeline (learned layer on or off) against the gold EVENTs."""
    nlp = load_pipeline()
    component = nlp.get_pipe("newsgraph_events")
    saved = component.model
    if not learned:
        component.model = None
    total = Score()
    try:
        for g in gold:
            analysis = analyze_raw(RawDocument(source=g.name, body=g.text), reference_date=g.dct, nlp=nlp)
            predicted = [
                Predicted(e.trigger.start, e.trigger.end, e.timeml_class or "OCCURRENCE")
                for e in analysis.events
            ]
            total.add(score(g.events, predicted))
    finally:
        component.model = saved
    return total


def _print(name: str, s: Score) -> None:
    print(
        f"{name:<28} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  class acc {s.class_accuracy:.3f}"
        f"  ({s.system} system / {s.gold} gold)",
        flush=True,
    )


def run(shared: Path) -> dict[str, object]:
    root = shared / "data" / "tempeval3-train"
    started = time.perf_counter()
    _, dev = split(root)
    docs = parse_texts(load_pipeline(), dev)
    print(f"TempEval-3 dev half: {len(dev)} documents, {sum(len(d.events) for d in dev)} gold EVENTs")
    out: dict[str, object] = {"documents": len(dev)}
    for name, s in (
        ("model", model_score(load_model(), docs, dev)),
        ("every verb (baseline)", verb_baseline(docs, dev)),
        ("records", records_score(dev, learned=True)),
        ("records, lexicon only", records_score(dev, learned=False)),
    ):
        _print(name, s)
        out[name] = s.as_dict()
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


if __name__ == "__main__":
    import sys

    run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared")
