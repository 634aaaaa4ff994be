"""The dossier in headless Chromium with the network off: it draws every section, asks for nothing, and
keeps hostile article text as text. Skips (with the reason) when the browser is not installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.model import Analysis
from newsgraph.out.html import render_html
from newsgraph.out.html.browser import offline_browser, open_report, unavailable
from newsgraph.out.html.dates import first_day, last_day
from newsgraph.out.html.sample import HOSTILE_PARAGRAPH, HOSTILE_TITLE, sample_analysis

pytestmark = pytest.mark.skipif(unavailable() is not None, reason=str(unavailable()))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with offline_browser() as b:
        yield b


def _write(tmp: Path, name: str, analysis: Analysis) -> Path:
    path = tmp / f"{name}.html"
    path.write_text(render_html(analysis), encoding="utf-8")
    return path


def _dated_events(a: Analysis) -> int:
    times = {t.id: t for t in a.times}
    n = 0
    for ev in a.events:
        t = times.get(ev.time or "")
        lo = ev.earliest or (t.earliest if t else None)
        hi = ev.latest or (t.latest if t else None)
        n += bool(first_day(lo) or last_day(hi))
    return n


def _locations(a: Analysis) -> int:
    keys = set()
    for p in a.places:
        if p.lat is not None and p.lon is not None:
            keys.add(p.geonames_id or (p.name.casefold(), round(p.lat, 2), round(p.lon, 2)))
    return len(keys)


def _related_entities(a: Analysis) -> int:
    ids = {e.id for e in a.entities}
    return len({x for r in a.relations for x in (r.subject, r.object) if x in ids})


def _check_page(page: Any, watch: Any, a: Analysis) -> None:
    assert watch.errors == [], watch.errors
    assert watch.foreign_requests == [], watch.foreign_requests
    assert watch.dialogs == []
    assert page.get_attribute("html", "data-ready") == "yes"
    assert page.locator('.tl-item[data-kind="event"]').count() == _dated_events(a)
    assert page.locator(".map-marker").count() == _locations(a)
    assert page.locator(".graph-node").count() == _related_entities(a)
    assert page.locator("#claims-table tbody tr").count() == len(a.claims)
    assert page.locator("#money-table tbody tr").count() == sum(
        1 for x in a.amounts if x.unit == "money" or x.currency
    )


def _claim_sentence_flashes(page: Any, claim_id: str) -> None:
    segs = page.locator(f'#article-text .seg[data-rec~="{claim_id}"]')
    page.wait_for_function(
        "id => { const s = document.querySelectorAll(`#article-text .seg[data-rec~='${id}']`);"
        " if (!s.length || !s[0].classList.contains('flash')) return false;"
        " const r = s[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
        arg=claim_id,
        timeout=5000,
    )
    assert segs.count() > 0
    assert all("flash" in (segs.nth(i).get_attribute("class") or "") for i in range(segs.count()))


def test_sample_report_draws_every_section_and_asks_for_nothing(browser: Any, tmp_path: Path) -> None:
    a = sample_analysis()
    page, watch = open_report(browser, _write(tmp_path, "sample", a))
    _check_page(page, watch, a)
    # Faded ends: the season, START and END times give gradient-filled bars.
    assert (
        page.locator(".tl-item .bar").evaluate_all(
            "bs => bs.filter(b => b.style.fill.includes('url')).length"
        )
        >= 3
    )
    assert page.locator("#map-chart .country").count() > 150  # the installed Natural Earth outlines

    # Regrouping, zooming and panning redraw the same items (and raise nothing: checked at the end).
    events = page.locator('.tl-item[data-kind="event"]').count()
    page.select_option("#tl-group", "place")
    page.locator("#timeline-controls").get_by_role("button", name="Zoom in").click()
    page.locator(".timeline-svg").hover()
    page.mouse.wheel(0, -300)
    page.mouse.down()
    page.mouse.move(300, 300)
    page.mouse.up()
    assert page.locator('.tl-item[data-kind="event"]').count() == events
    page.locator("#map-controls").get_by_role("button", name="Zoom out").click()
    page.locator(".map-svg").hover()
    page.mouse.wheel(0, 300)
    assert page.locator(".map-marker").count() == 3

    # Hovering a highlight shows its record; focusing it and pressing Enter puts it in the side panel.
    amount = page.locator('#article-text .seg[data-rec~="a1"]').first
    amount.hover()
    assert page.locator("#tooltip").is_visible() and "$45 million" in page.locator("#tooltip").inner_text()
    page.locator('#article-text .seg[data-rec~="t4"][tabindex="0"]').focus()
    page.keyboard.press("Enter")
    assert "late 2020" in page.locator("#record-panel").inner_text()
    # A map marker lists its mentions and the events there.
    page.locator('.map-marker[aria-label^="Panama City"]').focus()
    page.keyboard.press("Enter")
    assert "Events here (1)" in page.locator("#map-panel").inner_text()

    # Clicking a claim row scrolls to its sentence and flashes it.
    page.locator('#claims-table tr[data-id="c5"] td').nth(2).click()
    _claim_sentence_flashes(page, "c5")
    # The keyboard does the same: Enter on a focused row.
    page.locator('#claims-table tr[data-id="c3"]').focus()
    page.keyboard.press("Enter")
    _claim_sentence_flashes(page, "c3")
    # Enter on a timeline item flashes its evidence too.
    page.locator('.tl-item[data-id="v2"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector(`.seg[data-rec~='v2']`).classList.contains('flash')")

    # A node lists its mentions, events, claims and money.
    page.locator('.graph-node[data-id="e1"]').click()
    panel = page.locator("#graph-panel")
    assert "Meridian Port Authority" in panel.inner_text()
    assert "Money (1)" in panel.inner_text() and "Mentions (2)" in panel.inner_text()

    # "Most check-worthy first" puts the highest score on top; the status filter narrows the table.
    page.locator("#claims-top").click()
    assert page.locator("#claims-table tbody tr").first.get_attribute("data-id") == "c1"
    page.select_option("#claims-status", "attributed")
    assert page.locator("#claims-table tbody tr").count() == 2

    # The relation filter hides edges of an unchecked type.
    page.locator('#graph-controls input[data-predicate="pays"]').uncheck()
    assert page.locator('.graph-edge.hidden[data-predicate="pays"]').count() == 1

    # Exports are made in the page, without a request.
    with page.expect_download() as dl:
        page.locator("#claims-csv").click()
    text = Path(dl.value.path()).read_bytes().decode("utf-8-sig")
    assert text.startswith("id,status,checkworthy") and text.count("\r\n") == 3  # header + 2 filtered rows
    with page.expect_download() as dl:
        page.locator("#money-csv").click()
    assert "$600 million" in Path(dl.value.path()).read_text(encoding="utf-8-sig")
    with page.expect_download() as dl:
        page.get_by_role("button", name="Export PNG").click()
    assert Path(dl.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as dl:
        page.get_by_role("button", name="Export SVG").click()
    svg = Path(dl.value.path()).read_text(encoding="utf-8")
    assert "<svg" in svg and "Meridian Port Authority" in svg
    assert watch.errors == [] and watch.foreign_requests == []


def test_hostile_article_renders_its_markup_as_text(browser: Any, tmp_path: Path) -> None:
    a = sample_analysis(hostile=True)
    page, watch = open_report(browser, _write(tmp_path, "hostile", a))
    _check_page(page, watch, a)
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.title().startswith(HOSTILE_TITLE)
    assert HOSTILE_PARAGRAPH in page.locator("#article-text").inner_text()
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 2
    assert page.evaluate("() => document.querySelectorAll('[onerror]').length") == 0
    page.locator("#boilerplate summary").click()
    assert "<script>alert(4)</script>" in page.locator("#boilerplate").inner_text()


def test_seed_report(browser: Any, tmp_path: Path, seed_analysis: Analysis) -> None:
    path = _write(tmp_path, "seed", seed_analysis)
    assert path.stat().st_size < 5_000_000
    page, watch = open_report(browser, path)
    _check_page(page, watch, seed_analysis)
    if seed_analysis.claims:
        claim = max(seed_analysis.claims, key=lambda c: c.start)  # the last one: the page must scroll
        page.locator(f'#claims-table tr[data-id="{claim.id}"] td').nth(2).click()
        _claim_sentence_flashes(page, claim.id)
