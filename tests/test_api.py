"""The public Python API: what `import newsgraph` offers, and how it behaves."""

from __future__ import annotations

from pathlib import Path

import newsgraph
from newsgraph import AnalysisResult, analyze, analyze_many
from newsgraph.ingest import SourceItem

TEXT = (
    "Flooding closes Danube ports\n\n"
    "Authorities in Vukovar closed the river port on 12 May 2023 after heavy rain, the mayor said."
)


def test_exported_members_are_exactly_the_public_api() -> None:
    public = sorted(name for name in dir(newsgraph) if not name.startswith("_") or name == "__version__")
    exported = sorted(newsgraph.__all__)
    # submodules show up in dir() once imported; the API is what __all__ names
    assert set(exported) <= set(public)
    assert exported == sorted(
        [
            "Analysis",
            "AnalysisResult",
            "NewsgraphError",
            "__version__",
            "analyze",
            "analyze_many",
            "display",
            "analyze_raw",
            "load_pipeline",
        ]
    )


def test_load_pipeline_is_cached(nlp) -> None:  # type: ignore[no-untyped-def]
    assert newsgraph.load_pipeline() is nlp
    assert [n for n in nlp.pipe_names if n.startswith("newsgraph_")] == [
        "newsgraph_paragraphs",
        "newsgraph_entities",
        "newsgraph_times",
        "newsgraph_amounts",
        "newsgraph_places",
        "newsgraph_events",
        "newsgraph_relations",
        "newsgraph_claims",
    ]


def test_analyze_accepts_text_path_and_item(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "flood.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_text = analyze(TEXT, nlp=nlp)
    from_path = analyze(path, nlp=nlp)
    from_item = analyze(SourceItem(source="item", text=TEXT), nlp=nlp)
    assert from_text.document.body == from_path.document.body == from_item.document.body
    assert from_path.document.source == str(path)
    assert from_text.document.id == from_path.document.id


def test_analyze_many_keeps_order_and_reports_errors(nlp) -> None:  # type: ignore[no-untyped-def]
    items = [
        SourceItem(source="a", text=TEXT),
        SourceItem(source="b", text="  "),
        SourceItem(source="c", text=TEXT),
    ]
    results = list(analyze_many(items, nlp=nlp))
    assert [r.source for r in results] == ["a", "b", "c"]
    assert [r.ok for r in results] == [True, False, True]
    assert isinstance(results[1], AnalysisResult) and results[1].error is not None
    assert "b" in str(results[1].error)


def test_analyze_many_in_two_processes_matches_one() -> None:
    items = [SourceItem(source=f"d{i}", text=TEXT.replace("12 May", f"{i + 1} May")) for i in range(3)]
    serial = [r.analysis.to_dict() for r in analyze_many(items) if r.analysis]
    parallel = [r.analysis.to_dict() for r in analyze_many(items, n_process=2) if r.analysis]
    assert serial == parallel and len(serial) == 3


def test_a_paragraph_break_always_ends_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Live updates from the border crossing\n\nTrucks queued for a third day on Friday. Drivers said food ran out"
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Live updates from the border crossing"
    assert sentences[1].startswith("Trucks queued")


def test_a_long_one_line_article_is_text_not_a_file_name() -> None:
    # Longer than any file name the OS accepts (255 bytes): Path.is_file() would raise OSError.
    from newsgraph._analyze import as_item

    line = "The council approved the budget on Monday after a long debate about bus fares. " * 5
    item = as_item(line.strip())
    assert item.text == line.strip() and item.path is None
