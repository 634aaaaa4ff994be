"""The HTML dossier: how fast a large report renders, and how big the seed's report is.

* ``render_py_s``: ``render_html`` of a ~50 KB article (the dossier's invented sample article repeated,
  ~1.3k records), median of 3.
* ``browser_ready_s``: that page opened in headless Chromium with the network off, from navigation to
  the end of the page's script (every section drawn), median of 3; target < 2 s.
* ``seed_bytes``: size of the seed article's report (must stay < 5 MB); ``seed_browser_ready_s`` its
  time to draw.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from newsgraph.out.html import render_html
from newsgraph.out.html.browser import offline_browser, open_report, unavailable
from newsgraph.out.html.sample import sample_analysis

TARGET_BODY_CHARS = 50_000
RUNS = 3
TARGET_READY_S = 2.0


def _big_analysis():  # type: ignore[no-untyped-def]
    one = len(sample_analysis().document.body) + 2
    return sample_analysis(copies=TARGET_BODY_CHARS // one + 1)


def _ready_seconds(browser: object, path: Path) -> float:
    page, watch = open_report(browser, path)
    if watch.errors or watch.foreign_requests:
        raise RuntimeError(f"{path.name}: errors {watch.errors} requests {watch.foreign_requests}")
    seconds = int(page.get_attribute("html", "data-ready-ms")) / 1000
    page.context.close()
    return seconds


def run(shared: Path) -> dict[str, object]:
    big = _big_analysis()
    records = sum(
        len(getattr(big, k))
        for k in ("entities", "times", "amounts", "places", "events", "relations", "claims")
    )
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        page = render_html(big)
        timings.append(time.perf_counter() - started)
    out: dict[str, object] = {
        "article_chars": len(big.document.body),
        "records": records,
        "page_bytes": len(page.encode()),
        "render_py_s": round(statistics.median(timings), 3),
    }
    seed = shared / "eval" / "seed" / "article.txt"
    seed_page: str | None = None
    if seed.exists():
        from newsgraph import analyze

        seed_page = render_html(analyze(seed))
        out["seed_bytes"] = len(seed_page.encode())
    reason = unavailable()
    if reason:
        out["browser"] = f"skipped: {reason}"
    else:
        with tempfile.TemporaryDirectory() as tmp, offline_browser() as browser:
            path = Path(tmp) / "big.html"
            path.write_text(page, encoding="utf-8")
            ready = [_ready_seconds(browser, path) for _ in range(RUNS)]
            out["browser_ready_s"] = round(statistics.median(ready), 3)
            out["browser_ready_ok"] = out["browser_ready_s"] < TARGET_READY_S  # type: ignore[operator]
            if seed_page is not None:
                seed_path = Path(tmp) / "seed.html"
                seed_path.write_text(seed_page, encoding="utf-8")
                out["seed_browser_ready_s"] = round(_ready_seconds(browser, seed_path), 3)
    print(f"{'figure':<24} value")
    for key, value in out.items():
        print(f"{key:<24} {value}")
    return out
