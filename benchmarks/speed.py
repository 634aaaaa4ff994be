"""Throughput: full ``analyze_many`` (ingest + pipeline, batched) vs spaCy's small model
running NER alone, on the same real texts.

Texts: the 90 gold article bodies of ../shared/data/article-extraction (real news, median ~3k
characters). Both sides get the same strings; the figure that matters is the ratio
(full newsgraph docs/s ÷ NER-only docs/s; target ≥ 0.5). Peak memory is the process's max RSS
after each side (it only grows, so the second number includes the first).
"""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path

import spacy

from newsgraph import analyze_many, analyze_raw, load_pipeline
from newsgraph.ingest import RawDocument, SourceItem
from newsgraph.nlp.pipeline import DEFAULT_MODEL


def _texts(shared: Path) -> list[str]:
    gold = json.loads(
        (shared / "data" / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8")
    )
    return [record["articleBody"] for record in gold.values() if record["articleBody"].strip()]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(shared: Path) -> dict[str, object]:
    texts = _texts(shared)
    chars = sum(len(t) for t in texts)

    ner_only = spacy.load(DEFAULT_MODEL, disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    list(ner_only.pipe(texts[:5]))  # warm-up
    started = time.perf_counter()
    for _ in ner_only.pipe(texts, batch_size=16):
        pass
    ner_seconds = time.perf_counter() - started
    ner_peak = _peak_mb()

    nlp = load_pipeline()
    analyze_raw(RawDocument(source="warm-up", body=texts[0]), nlp=nlp)
    started = time.perf_counter()
    results = list(analyze_many((SourceItem(source=f"doc{i}", text=t) for i, t in enumerate(texts)), nlp=nlp))
    full_seconds = time.perf_counter() - started
    failed = [r.source for r in results if not r.ok]
    full_peak = _peak_mb()

    figures: dict[str, object] = {
        "documents": len(texts),
        "failed": len(failed),
        "characters": chars,
        "ner_only_docs_per_s": round(len(texts) / ner_seconds, 2),
        "newsgraph_docs_per_s": round(len(texts) / full_seconds, 2),
        "ratio": round(ner_seconds / full_seconds, 3),
        "peak_rss_mb_ner_only": round(ner_peak, 1),
        "peak_rss_mb_with_newsgraph": round(full_peak, 1),
    }
    print(f"{'':28}{'docs/s':>10}")
    print(f"{'spaCy sm, NER alone':28}{figures['ner_only_docs_per_s']:>10}")
    print(f"{'newsgraph analyze (full)':28}{figures['newsgraph_docs_per_s']:>10}")
    print(f"ratio {figures['ratio']} (target >= 0.5); peak RSS {figures['peak_rss_mb_with_newsgraph']} MB")
    return figures
