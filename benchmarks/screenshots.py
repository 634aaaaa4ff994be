"""Screenshots of the HTML dossier for the docs: ``make screenshots`` (``python -m benchmarks.screenshots``).

Renders the dossier's invented sample article (every kind of record, so every section has something to
show), opens it in headless Chromium with the network off, and writes one PNG per section into
``docs/img/`` (``--seed`` uses the seed article's analysis instead, when ../shared is beside the checkout).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from newsgraph.out.html import render_html
from newsgraph.out.html.browser import offline_browser, open_report, unavailable
from newsgraph.out.html.sample import sample_analysis

SECTIONS = ("article", "timeline", "map", "graph", "money", "claims")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("docs/img"))
    ap.add_argument(
        "--seed", action="store_true", help="draw the seed article's report instead of the sample"
    )
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    args = ap.parse_args(argv)
    reason = unavailable()
    if reason:
        print(f"screenshots: {reason}", file=sys.stderr)
        return 1
    if args.seed:
        from newsgraph import analyze

        analysis = analyze(args.shared / "eval" / "seed" / "article.txt")
        prefix = "dossier-seed"
    else:
        analysis = sample_analysis()
        prefix = "dossier"
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, offline_browser() as browser:
        path = Path(tmp) / "report.html"
        path.write_text(render_html(analysis), encoding="utf-8")
        page, watch = open_report(browser, path)
        if watch.errors or watch.foreign_requests:
            print(f"screenshots: the page reported {watch.errors} {watch.foreign_requests}", file=sys.stderr)
            return 1
        page.screenshot(path=str(args.out / f"{prefix}-top.png"))
        # Fill the side panels as a reader would: pick the best-connected actor and the first place.
        for selector in (".graph-node", ".map-marker"):
            if page.locator(selector).count():
                page.locator(selector).first.focus()
                page.keyboard.press("Enter")
        page.evaluate("() => window.scrollTo(0, 0)")
        for name in SECTIONS:
            section = page.locator(f"#{name}")
            section.scroll_into_view_if_needed()
            target = args.out / f"{prefix}-{name}.png"
            section.screenshot(path=str(target))
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
