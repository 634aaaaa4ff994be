"""newsgraph where analysts work: the Jupyter view, data frames of records, query results as
pandas/Arrow, and the example notebook executed end to end."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

import newsgraph
from newsgraph.corpus.store import Store
from newsgraph.frames import COLUMNS, FRAME_DROP, KINDS
from newsgraph.out.html.render import SECTIONS
from newsgraph.out.notebook import analysis_html, highlighted_body, section

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = (
    'Minister Clara <script>alert("x")</script> Okafor said on Monday, March 3, 2025 that the Nigerian '
    'government paid $40 million to Shell in Lagos. "It was fair," said Okafor\'s spokesman. '
    "The payment <img src=x onerror=alert(1)> was approved by the Senate."
)


@pytest.fixture(scope="module")
def hostile(nlp):  # type: ignore[no-untyped-def]
    return newsgraph.analyze(HOSTILE, nlp=nlp, reference_date="2025-03-05")


def test_repr_html_is_escaped_highlighted_and_scriptless(hostile) -> None:  # type: ignore[no-untyped-def]
    page = hostile._repr_html_()
    assert page == analysis_html(hostile)
    # The article's markup is text, never markup; the view itself has no script or external resource.
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert not re.search(r"(src|href)=\"?(https?:)?//", page)
    # Record counts and highlights of each layer are there, and the text round-trips.
    for kind in ("entities", "times", "amounts", "events", "claims"):
        assert re.search(rf"<b>{len(getattr(hostile, kind))}</b> {kind}", page)
    assert '<mark class="ng-time"' in page and '<mark class="ng-amount"' in page
    assert '<mark class="ng-entity"' in page
    unmarked = re.sub(r"<[^>]+>", "", highlighted_body(hostile))
    assert html.unescape(unmarked) == hostile.document.body


def test_highlights_never_overlap(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    body = highlighted_body(seed_analysis)
    assert "<mark" in body
    # Nested marks would mean two records claimed the same characters.
    depth = 0
    for tag in re.findall(r"</?mark", body):
        depth += 1 if tag == "<mark" else -1
        assert depth in (0, 1)


@pytest.mark.parametrize("kind", SECTIONS)
def test_display_shows_exactly_one_section(hostile, kind: str) -> None:  # type: ignore[no-untyped-def]
    shown = section(hostile, kind)
    visible = re.findall(r'<section id="(\w+)"[^>]*?(?<! hidden)>', shown.page)
    hidden = re.findall(r'<section id="(\w+)"[^>]*? hidden>', shown.page)
    assert visible == [kind]
    assert sorted(hidden) == sorted(s for s in SECTIONS if s != kind)
    # The page keeps the dossier's CSP, and the frame is sandboxed with the page escaped in srcdoc.
    assert "default-src 'none'" in html.unescape(shown.page)
    frame = shown._repr_html_()
    assert frame.startswith('<iframe sandbox="allow-scripts"')
    assert "allow-same-origin" not in frame
    srcdoc = frame.split('srcdoc="', 1)[1]
    assert "<" not in srcdoc.rsplit('"', 1)[0] and '"' not in srcdoc.rsplit('"', 1)[0]


def test_display_aliases_and_errors(hostile) -> None:  # type: ignore[no-untyped-def]
    assert section(hostile, "Link chart").kind == "graph"
    with pytest.raises(ValueError, match="unknown section 'gallery'"):
        section(hostile, "gallery")
    # Outside IPython the displayable object is returned, so scripts can save it.
    shown = newsgraph.display(hostile, kind="claims")
    assert shown is not None and shown.kind == "claims" and "<!DOCTYPE html>" in shown.html
    assert newsgraph.display(hostile) is hostile


def test_default_dossier_is_unchanged_by_the_section_option(hostile) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.out.html import render_html

    page = render_html(hostile)
    assert " hidden>" not in page.split("<main>", 1)[1].split("</main>", 1)[0].replace("<p class", "")
    assert '<nav class="toc"' in page


@pytest.mark.parametrize("kind", KINDS)
def test_frames_have_the_store_columns(seed_analysis, kind: str) -> None:  # type: ignore[no-untyped-def]
    df = seed_analysis.frame(kind)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == [c for c in COLUMNS[kind] if c not in FRAME_DROP.get(kind, ())]
    expected = {
        "documents": 1,
        "entities": len(seed_analysis.entities),
        "mentions": sum(len(e.mentions) for e in seed_analysis.entities),
        "participants": sum(len(v.participants) for v in seed_analysis.events),
    }.get(kind, len(getattr(seed_analysis, kind, ())))
    assert len(df) == expected


def test_frame_types_and_empty_frames(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    amounts = seed_analysis.frame("amounts")
    assert amounts["value"].dtype == "float64"
    assert 7e8 in set(amounts["value"])
    times = seed_analysis.frame("times")
    assert str(times["earliest"].dtype).startswith("datetime64")
    empty = newsgraph.analyze("Nothing happened here today, said nobody at all.", reference_date="2024-01-01")
    relations = empty.frame("relations")
    assert relations.empty and list(relations.columns) == COLUMNS["relations"]
    with pytest.raises(ValueError, match="unknown record kind 'people'"):
        seed_analysis.frame("people")


def test_frames_line_up_with_the_corpus_store(seed_analysis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "c.duckdb") as store:
        store.add(seed_analysis)
        for kind in ("events", "amounts", "claims", "participants"):
            stored = store.table(kind).df()
            mine = seed_analysis.frame(kind)
            assert list(stored.columns) == list(mine.columns)
            assert len(stored) == len(mine)
        ids = store.query("SELECT id FROM events ORDER BY id").df()["id"].tolist()
        assert ids == sorted(seed_analysis.frame("events")["id"].tolist())


def test_query_result_unpacks_and_converts(seed_analysis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "c.duckdb") as store:
        store.add(seed_analysis)
        result = store.query("SELECT currency, sum(value) AS total FROM amounts GROUP BY currency")
        columns, rows = result  # the long-standing tuple form still works
        assert columns == ["currency", "total"] and rows
        df = result.df()
        assert list(df.columns) == columns and df["total"].dtype == "float64"
        table = result.arrow()
        assert table.column_names == columns and table.num_rows == len(rows)
        assert result.records()[0].keys() == {"currency", "total"}
        assert len(store.table("v_money", limit=2).rows) == 2
        with pytest.raises(newsgraph.NewsgraphError, match="no table or view"):
            store.table("amounts; DROP TABLE amounts")


def test_example_notebook_is_generated_from_its_script() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_notebook
    finally:
        sys.path.pop(0)
    import nbformat

    committed = nbformat.read(ROOT / "examples" / "notebook.ipynb", as_version=4)
    assert [c.source for c in committed.cells] == [c.source for c in make_notebook.build().cells]


def test_example_notebook_executes() -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "examples" / "notebook.ipynb", as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "examples")}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    rich = [o for o in outputs if o.output_type in ("execute_result", "display_data")]
    # The analysis view, the data frames and the inline dossier section all rendered as HTML.
    assert sum("text/html" in o.data for o in rich) >= 6
    assert any('<div class="ng-view">' in o.data.get("text/html", "") for o in rich)
    assert any("<iframe sandbox" in o.data.get("text/html", "") for o in rich)
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert re.search(r"4 documents, \d+ actors", printed)
