"""Open dossiers in Debian's headless Chromium with the network off (browser tests, benchmark, screenshots).

Playwright's Python package drives the system browser (``/usr/bin/chromium``, installed by
``scripts/postinstall.d/50-report-assets.sh``); Playwright's own browser downloads are never used.
Every request the page attempts is recorded, and any that is not the page's own file is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    # Belt and braces with the offline context: no host name resolves.
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
VIEWPORT = {"width": 1280, "height": 900}


def unavailable() -> str | None:
    """Why the browser cannot run here, or ``None`` when it can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (make install runs scripts/postinstall.d/50-report-assets.sh as root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (requirements/lock.txt pins it)"
    return None


@dataclass
class Watch:
    """What a page did while it was open: console errors, uncaught exceptions, requests, dialogs."""

    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url]


@contextmanager
def offline_browser() -> Iterator[Any]:
    """A headless Chromium whose pages cannot reach any network."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=list(LAUNCH_ARGS), headless=True)
        try:
            yield browser
        finally:
            browser.close()


def open_report(browser: Any, path: Path, *, timeout_ms: int = 30_000) -> tuple[Any, Watch]:
    """Load a dossier file in a fresh offline context; returns the page once its script has finished."""
    url = path.resolve().as_uri()
    watch = Watch(url)
    context = browser.new_context(offline=True, accept_downloads=True, viewport=VIEWPORT)
    context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    page = context.new_page()
    page.on("console", lambda m: watch.errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: watch.errors.append(f"uncaught: {exc}"))
    page.on("request", lambda req: watch.requests.append(req.url))
    page.on("requestfailed", lambda req: watch.errors.append(f"request failed: {req.url}"))

    def dismiss(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(url, timeout=timeout_ms)
    page.wait_for_selector("html[data-ready]", state="attached", timeout=timeout_ms)
    return page, watch
