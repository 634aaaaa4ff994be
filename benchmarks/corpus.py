"""Corpus mode at scale: ingest throughput, store size, ready-view query times, resolve time.

1. Ingest: the 22 articles of examples/corpus/ through ``newsgraph.corpus.ingest`` (analysis and
   storage, one worker, pipeline loaded beforehand) → documents/second.
2. A synthetic corpus of ``SYNTHETIC_DOCS`` documents built from those 22 analyses without
   re-running NLP: each copy gets a new document id and source, its dates shifted by up to
   ±5 years, and half of its people and organisations renamed with one of 97 suffixes (so actors
   recur across hundreds of documents, as they do in a crawl). Stored with ``Store.add_many``.
3. Scaling: the store grows to each of ``SIZES`` documents; at each size a full ``resolve()`` is
   timed, then the growth exponent is fitted (log time on log size, least squares); into the
   largest store 1,000 new documents are added and resolved incrementally. Peak RSS and the store
   size are printed. By default the sizes are 2k, 4k, 8k and 16k documents (a few minutes in
   all); ``NEWSGRAPH_BENCH_CORPUS_SIZES=20000,50000,100000,200000`` runs the sizes of issue 17
   (about an hour: building the store costs about as much as resolving it), and
   ``NEWSGRAPH_BENCH_CORPUS_1M=1`` adds 1,000,000 documents (hours). Peak RSS is the whole
   process's, with the spaCy pipeline of step 1 loaded.
4. On the largest store: the store's size per 1,000 documents; and the median of ``REPEATS`` runs
   of each query the CLI's ready views issue (``actors``, ``timeline --actor``, ``money``,
   ``claims --status --min-checkworthy``) and of ``compare()``.

``python -m benchmarks --only corpus`` (no ../shared data needed).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import math
import os
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsgraph import load_pipeline
from newsgraph.corpus.compare import compare
from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.resolve import resolve
from newsgraph.corpus.store import Store
from newsgraph.ingest.loader import expand_sources

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
SIZES = [int(n) for n in os.environ.get("NEWSGRAPH_BENCH_CORPUS_SIZES", "2000,4000,8000,16000").split(",")]
if os.environ.get("NEWSGRAPH_BENCH_CORPUS_1M") == "1":
    SIZES.append(1_000_000)
ADDED_DOCS = 1_000
REPEATS = 5
MAX_SHIFT_DAYS = 5 * 365
SUFFIXES = [
    f"{a}{b}"
    for a in ("Al", "Be", "Ka", "Mo", "Ra", "Su", "Ta", "Vo", "Za", "No", "Pe")
    for b in "nrstkml dz"
]

# The SQL the CLI runs for each ready view (cli/views.py), with its default LIMIT.
VIEW_QUERIES: dict[str, tuple[str, list[Any]]] = {
    "v_actors (newsgraph actors)": (
        "SELECT name, type, documents, mentions, array_to_string(aliases, ' | ') FROM v_actors LIMIT 30",
        [],
    ),
    "v_timeline --actor": (
        "SELECT earliest, latest, type, subtype, place, site, title, sentence FROM v_timeline t WHERE EXISTS ("
        "SELECT 1 FROM participants pa JOIN actor_links l ON l.doc_id = pa.doc_id AND l.entity_id = pa.entity_id "
        "JOIN actors a USING (actor_id) WHERE pa.doc_id = t.doc_id AND pa.event_id = t.event_id AND "
        "(lower(a.name) = lower(?) OR list_contains(list_transform(a.aliases, lambda x: lower(x)), lower(?)))) LIMIT 50",
        ["Qassem Soleimani", "Qassem Soleimani"],
    ),
    "v_money (newsgraph money)": (
        "SELECT value, currency, per, qualifier, text, earliest, latest, site, title FROM v_money LIMIT 50",
        [],
    ),
    "v_claims --status --min-checkworthy": (
        "SELECT round(checkworthy, 2), status, text, site, title FROM v_claims "
        "WHERE checkworthy >= ? AND status IN (?, ?) LIMIT 50",
        [0.5, "attributed", "asserted"],
    ),
}


def _shift(value: str | None, days: int) -> str | None:
    """Shift an ISO date of year, month or day precision by about ``days``, keeping its precision."""
    if not value:
        return value
    head, rest = value[:10], value[10:]
    parts = head.split("-")
    try:
        if len(parts) == 3:
            return (dt.date.fromisoformat(head) + dt.timedelta(days=days)).isoformat() + rest
        year = int(parts[0])
        if len(parts) == 2:
            month = year * 12 + int(parts[1]) - 1 + round(days / 30.4)
            return f"{month // 12:04d}-{month % 12 + 1:02d}" + rest
        return f"{year + round(days / 365.25):04d}" + rest
    except ValueError:  # not a plain date (e.g. a season value): leave it
        return value


def synthetic(analyses: list[dict[str, Any]], n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` perturbed copies of ``analyses`` (see the module docstring)."""
    rng = random.Random(seed)
    for k in range(n):
        data = copy.deepcopy(analyses[k % len(analyses)])
        doc = data["document"]
        doc["id"] = hashlib.sha256(f"{doc['id']}:{k}".encode()).hexdigest()
        doc["source"] = f"synthetic/{k}/{doc['source']}"
        days = rng.randint(-MAX_SHIFT_DAYS, MAX_SHIFT_DAYS)
        doc["published"] = _shift(doc["published"], days)
        doc["reference_date"] = _shift(doc["reference_date"], days)
        for record in (*data["times"], *data["events"]):
            for key in ("earliest", "latest"):
                record[key] = _shift(record[key], days)
        suffix = SUFFIXES[rng.randrange(len(SUFFIXES))]
        for entity in data["entities"]:
            if entity["type"] in ("PERSON", "ORG") and rng.random() < 0.5:
                entity["name"] = f"{entity['name']} {suffix}"
                entity["aliases"] = [f"{a} {suffix}" for a in entity["aliases"]]
        yield data


def _median_s(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _size_mb(store: Store, path: Path) -> float:
    store.con.execute("CHECKPOINT")
    return path.stat().st_size / 1e6


def _add(store: Store, stream: Iterator[dict[str, Any]], n: int) -> None:
    """Store the next ``n`` synthetic documents, 500 per transaction (so they get later ingest times)."""
    batch: list[tuple[dict[str, Any], str | None]] = []
    for _, data in zip(range(n), stream, strict=False):
        batch.append((data, data["document"]["source"]))
        if len(batch) == 500:
            with store.batch():
                store.add_many(batch)
            batch = []
    if batch:
        with store.batch():
            store.add_many(batch)


def _exponent(timings: list[tuple[int, float]]) -> float:
    """The slope of log(time) on log(size): 1 is linear, 2 quadratic."""
    if len(timings) < 2:
        return float("nan")
    xs, ys = [math.log(n) for n, _ in timings], [math.log(t) for _, t in timings]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def run(shared: Path) -> dict[str, object]:
    del shared  # the corpus ships in examples/
    work = Path(tempfile.mkdtemp(prefix="ng-bench-corpus-"))
    started = time.perf_counter()
    nlp = load_pipeline()
    load_s = time.perf_counter() - started

    real_path = work / "real.duckdb"
    with Store(real_path) as store:
        items = list(expand_sources([str(CORPUS)]))
        started = time.perf_counter()
        summary = ingest(items, store, nlp=nlp)
        ingest_s = time.perf_counter() - started
        real_mb = _size_mb(store, real_path)
        analyses = list(store.analyses())
    docs_per_s = summary.stored / ingest_s

    path = work / "synthetic.duckdb"
    with Store(path) as store:
        stream = synthetic(analyses, SIZES[-1] + ADDED_DOCS)
        build_s, timings = 0.0, []
        for size in SIZES:
            started = time.perf_counter()
            _add(store, stream, size - store.count("documents"))
            build_s += time.perf_counter() - started
            started = time.perf_counter()
            resolved = resolve(store, full=True)
            timings.append((size, time.perf_counter() - started))
            print(f"  resolve() of {size} docs: {timings[-1][1]:.1f} s", flush=True)
        exponent = _exponent(timings)
        _add(store, stream, ADDED_DOCS)
        started = time.perf_counter()
        resolved = resolve(store)
        add_s = time.perf_counter() - started
        resolve_s = timings[-1][1]
        size_mb = _size_mb(store, path)
        queries = {name: _median_s(lambda q=q: store.query(*q)) for name, q in VIEW_QUERIES.items()}
        started = time.perf_counter()
        comparisons = compare(store)
        queries["compare()"] = time.perf_counter() - started
        documents = store.count("documents")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3

    rows = [
        ("ingest (analysis + store), 1 worker", f"{docs_per_s:.2f} docs/s ({summary.stored} docs in {ingest_s:.1f} s)"),
        ("pipeline load (once)", f"{load_s:.1f} s"),
        ("store size, real corpus", f"{real_mb:.1f} MB for {summary.stored} docs"),
        ("synthetic corpus build (add_many)", f"{documents} docs in {build_s:.1f} s"),
        ("store size per 1,000 docs", f"{size_mb / documents * 1000:.1f} MB ({size_mb:.0f} MB for {documents})"),
        ("resolve() per size", ", ".join(f"{n}: {t:.1f} s" for n, t in timings)),
        ("growth exponent", f"{exponent:.2f} ({SIZES[0]} to {SIZES[-1]} docs)"),
        (f"add {ADDED_DOCS} docs, resolve", f"{add_s:.1f} s into {documents - ADDED_DOCS} docs: {resolved.actors} actors "
         f"from {resolved.entities} entities, {resolved.event_clusters} event clusters, {resolved.claim_groups} claim groups"),
        ("peak RSS", f"{rss_mb:.0f} MB"),
        ("store size", f"{size_mb:.0f} MB"),
        *((f"query {name}", f"{seconds * 1000:.0f} ms") for name, seconds in queries.items()),
        ("compare() comparisons", str(len(comparisons))),
    ]  # fmt: skip
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    return {
        "ingest_docs_per_s": round(docs_per_s, 2),
        "pipeline_load_s": round(load_s, 1),
        "synthetic_docs": documents,
        "synthetic_build_s": round(build_s, 1),
        "store_mb_per_1000_docs": round(size_mb / documents * 1000, 2),
        "resolve_s": round(resolve_s, 1),
        "resolve_s_by_size": {n: round(t, 1) for n, t in timings},
        "growth_exponent": round(exponent, 3),
        "add_1000_s": round(add_s, 2),
        "peak_rss_mb": round(rss_mb),
        "store_mb": round(size_mb),
        "actors": resolved.actors,
        "event_clusters": resolved.event_clusters,
        "query_ms": {name: round(seconds * 1000, 1) for name, seconds in queries.items()},
        "comparisons": len(comparisons),
    }
