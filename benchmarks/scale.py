"""Scale-out and serving figures, from one run on the same documents.

- Dask: documents/second for the same 200 real documents with 1 and with 2 local worker
  processes (pipeline loaded on each worker before the clock starts), their ratio (target ≥ 1.7
  on 2 cores), and the peak RSS of each worker (target ≤ 600 MB).
- API: requests/second and p50/p95 latency of ``POST /v1/analyze`` at 1, 4 and 16 concurrent
  clients against the real server on 127.0.0.1; an overload at 4× what the server can hold
  (its workers + queue) must produce only 200/429/503, never 500; and the server's RSS over
  5,000 requests (it must stay flat).

Documents: the 90 gold article bodies of ../shared/data/article-extraction plus the first 110
TimeBank texts of ../shared/data/tempeval3-train, read in place.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from newsgraph.ingest import SourceItem

N_DOCUMENTS = 200
SOAK_REQUESTS = 5000
SHORT_TEXT = "Officials in Basra said on Monday that the port had reopened after a two-day strike."


def documents(shared: Path) -> list[str]:
    gold = json.loads((shared / "data/article-extraction/ground-truth.json").read_text(encoding="utf-8"))
    texts = [r["articleBody"] for r in gold.values() if r["articleBody"].strip()]
    for path in sorted((shared / "data/tempeval3-train/TimeBank").glob("*.tml")):
        if len(texts) >= N_DOCUMENTS:
            break
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if body:
            texts.append(re.sub(r"<[^>]+>", "", body.group(1)).strip())
    return texts[:N_DOCUMENTS]


def _dask_rate(items: list[SourceItem], workers: int, out: Path) -> tuple[float, list[float]]:
    import logging

    from dask.distributed import Client, LocalCluster

    from newsgraph.corpus import distributed

    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster, Client(cluster) as client:  # fmt: skip
        summary = distributed.run(items, out, client=client)
        peaks = client.run(_peak_rss_mb)
    assert summary.documents + summary.failed == len(items)
    return summary.documents / summary.seconds, sorted(peaks.values())


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mb(pid: int) -> float:
    import psutil

    return float(psutil.Process(pid).memory_info().rss) / 2**20


def _post(client: httpx.Client, base: str, text: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.post(f"{base}/v1/analyze", json={"text": text}, timeout=120)
    return response.status_code, time.perf_counter() - started


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def api_figures(texts: list[str]) -> dict[str, object]:
    port = _free_port()
    queue = 8
    exe = Path(sys.executable).with_name("newsgraph")
    log = tempfile.TemporaryFile()  # noqa: SIM115  (lives as long as the server process below)
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--queue", str(queue)], stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    figures: dict[str, object] = {}
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"the server did not start: {log.read().decode(errors='replace')[-2000:]}")
        capacity = int(httpx.get(f"{base}/healthz").json()["capacity"])
        sample = texts[:48]
        print(f"{'clients':>8}{'req/s':>8}{'p50 s':>8}{'p95 s':>8}  codes")
        for clients in (1, 4, 16):
            with httpx.Client() as client, ThreadPoolExecutor(clients) as pool:
                started = time.perf_counter()
                results = list(pool.map(lambda t: _post(client, base, t), sample))
                elapsed = time.perf_counter() - started
            codes = Counter(code for code, _ in results)
            ok = [lat for code, lat in results if code == 200]
            row = {
                "requests_per_s": round(len(ok) / elapsed, 2),
                "p50_s": round(_percentile(ok, 0.5), 3),
                "p95_s": round(_percentile(ok, 0.95), 3),
                "codes": dict(codes),
            }
            figures[f"clients_{clients}"] = row
            print(f"{clients:>8}{row['requests_per_s']:>8}{row['p50_s']:>8}{row['p95_s']:>8}  {dict(codes)}")
        overload_clients = 4 * capacity
        with httpx.Client() as client, ThreadPoolExecutor(overload_clients) as pool:
            codes = Counter(
                code for code, _ in pool.map(lambda t: _post(client, base, t), texts[: overload_clients * 3])
            )
        figures["overload"] = {"clients": overload_clients, "codes": dict(codes), "no_500": 500 not in codes}
        print(f"overload at {overload_clients} clients (4x capacity {capacity}): {dict(codes)}")
        rss = []
        with httpx.Client() as client:
            for i in range(SOAK_REQUESTS):
                _post(client, base, f"{SHORT_TEXT} Report {i}.")
                if i in (499, SOAK_REQUESTS - 1):
                    rss.append(_rss_mb(proc.pid))
        figures["soak"] = {
            "requests": SOAK_REQUESTS,
            "rss_mb_at_500": round(rss[0], 1),
            "rss_mb_at_end": round(rss[1], 1),
        }
        print(f"server RSS after 500 requests {rss[0]:.0f} MB, after {SOAK_REQUESTS}: {rss[1]:.0f} MB")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return figures


def run(shared: Path) -> dict[str, object]:
    texts = documents(shared)
    items = [SourceItem(source=f"bench-{i}", text=t) for i, t in enumerate(texts)]
    figures: dict[str, object] = {"documents": len(items)}
    with tempfile.TemporaryDirectory() as tmp:
        one, peaks_one = _dask_rate(items, 1, Path(tmp) / "one")
        two, peaks_two = _dask_rate(items, 2, Path(tmp) / "two")
    figures["dask"] = {
        "docs_per_s_1_worker": round(one, 2),
        "docs_per_s_2_workers": round(two, 2),
        "ratio": round(two / one, 2),
        "peak_rss_mb_per_worker": round(max(peaks_one + peaks_two), 1),
    }
    print(
        f"Dask on {len(items)} documents: 1 worker {one:.2f} docs/s, 2 workers {two:.2f} docs/s, ratio "
        f"{two / one:.2f} (target >= 1.7); peak RSS per worker {max(peaks_one + peaks_two):.0f} MB (target <= 600)"
    )
    print(f"(machine: {os.cpu_count()} cores)")
    figures["api"] = api_figures(texts)
    return figures
