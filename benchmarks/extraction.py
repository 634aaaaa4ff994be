"""Article body extraction: newsgraph's HTML ingest vs plain ``trafilatura.extract`` (default settings).

Data: ``<shared>/data/article-extraction/`` (90 DEV pages of the Zyte/Scrapinghub article-extraction
benchmark, ``ground-truth.json``). Scoring as its SOURCE.md describes the upstream evaluation:
``\\w+`` tokens, multisets of 4-token shingles give TP/FP/FN per document, each document's counts are
normalized to sum to 1 (so long pages do not weigh more), then summed into precision, recall and F1;
"accuracy" is the share of documents whose ``\\w+`` token sequence matches the gold exactly.

Two more rows test the plain-text boilerplate pass on unseen pages: ``page-text`` is every line of
visible text of the page (what a user gets by select-all/copy), ``page-text+pass`` is the same
after ``clean_text``. The pass should raise precision without lowering recall.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from newsgraph.errors import InputError
from newsgraph.ingest.boilerplate import clean_text
from newsgraph.ingest.html import extract, page_text

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def match_counts(gold: str, predicted: str) -> tuple[int, int, int]:
    """TP, FP, FN of the predicted body's shingles against the gold body's."""
    g, p = shingles(gold), shingles(predicted)
    return sum((g & p).values()), sum((p - g).values()), sum((g - p).values())


def score(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    tp = fp = fn = 0.0
    exact = 0
    for key, gold_body in gold.items():
        pred = predicted.get(key, "")
        t, f_p, f_n = match_counts(gold_body, pred)
        total = t + f_p + f_n
        if total:
            tp, fp, fn = tp + t / total, fp + f_p / total, fn + f_n / total
        exact += _TOKEN.findall(gold_body) == _TOKEN.findall(pred)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "accuracy": round(exact / len(gold), 4) if gold else 0.0,
    }


def _newsgraph(html: str, url: str) -> str:
    try:
        return extract(html, source=url, url=url).body
    except InputError:
        return ""


def _trafilatura(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def _page_text(html: str, url: str) -> str:
    return page_text(html)


def _page_text_pass(html: str, url: str) -> str:
    return clean_text(page_text(html)).body


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "newsgraph": _newsgraph,
    "trafilatura": _trafilatura,
    "page-text": _page_text,
    "page-text+pass": _page_text_pass,
}


def run(shared: Path) -> dict[str, object]:
    root = Path(shared) / "data" / "article-extraction"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {key: item["articleBody"] for key, item in truth.items()}
    pages = {key: (root / "html" / f"{key}.html").read_text(encoding="utf-8") for key in truth}
    figures: dict[str, object] = {"documents": len(gold)}
    print(f"{'extractor':<15} {'precision':>9} {'recall':>7} {'f1':>7} {'accuracy':>8} {'s/doc':>6}")
    for name, extractor in EXTRACTORS.items():
        started = time.perf_counter()
        predicted = {key: extractor(html, truth[key]["url"]) for key, html in pages.items()}
        per_doc = (time.perf_counter() - started) / max(1, len(pages))
        result = score(gold, predicted)
        figures[name] = {**result, "seconds_per_doc": round(per_doc, 4)}
        print(
            f"{name:<15} {result['precision']:>9.4f} {result['recall']:>7.4f} {result['f1']:>7.4f} "
            f"{result['accuracy']:>8.4f} {per_doc:>6.3f}",
            flush=True,
        )
    return figures
