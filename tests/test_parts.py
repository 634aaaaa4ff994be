"""Long documents are analysed in parts and merged into one analysis of the whole body."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph._analyze import _run, time_budget
from newsgraph._parts import PART_CHARS, split_points
from newsgraph.errors import AnalysisTimeout, ConfigError

HELDOUT = Path(__file__).parent / "fixtures" / "heldout"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000), st.integers(min_value=40, max_value=400))
def test_parts_cover_the_body_in_order(body: str, limit: int) -> None:
    spans = split_points(body, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(body)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end == start
    assert all(0 < end - start <= limit for start, end in spans) or len(body) == 0


def test_cuts_fall_on_paragraphs_when_there_are_any() -> None:
    body = ("A paragraph of prose that goes on for a while. " * 20 + "\n\n") * 30
    for _, end in split_points(body, 5000)[:-1]:
        assert body[:end].endswith("\n\n")


@pytest.fixture(scope="module")
def long_analysis(nlp):  # type: ignore[no-untyped-def]
    texts = [
        (HELDOUT / f"{name}.txt").read_text(encoding="utf-8").split("\n\n", 3)[-1]
        for name in ("wire_conflict", "business_merger", "court_ruling", "crime_arrest", "health_trial")
    ]
    body = ""
    while len(body) < 2.2 * PART_CHARS:
        body += "\n\n".join(texts) + "\n\n"
    body += "In a final note, Halvorsen Maritime said on Friday it would keep the Turku yard open."
    return body, newsgraph.analyze(body, nlp=nlp, reference_date="2025-06-01")


def test_a_long_document_has_records_across_the_whole_body(long_analysis) -> None:  # type: ignore[no-untyped-def]
    _, analysis = long_analysis
    body = analysis.document.body  # ingest's clean text of the input; offsets index it
    assert len(body) > 2 * PART_CHARS
    assert any("analysed in 3 parts" in w for w in analysis.warnings)
    for records in (analysis.times, analysis.amounts, analysis.claims):
        assert records[0].start < PART_CHARS and records[-1].end > 2 * PART_CHARS
        for r in records:
            assert body[r.start : r.end] == r.text
    for event in analysis.events:
        assert body[event.trigger.start : event.trigger.end] == event.trigger.text
    ids = [e.id for e in analysis.entities]
    assert len(ids) == len(set(ids)) and all(i == f"e{n}" for n, i in enumerate(ids, 1))
    # one entity for a company named in every part, with mentions from each part
    (halvorsen,) = [e for e in analysis.entities if e.name == "Halvorsen Maritime"]
    assert halvorsen.mentions[0].start < PART_CHARS and halvorsen.mentions[-1].start > 2 * PART_CHARS
    known = {e.id for e in analysis.entities}
    assert all(p.entity in known for v in analysis.events for p in v.participants)
    assert all(r.subject in known and r.object in known for r in analysis.relations)
    place_ids = {p.id for p in analysis.places}
    assert all(v.place in place_ids for v in analysis.events if v.place)
    triples = [(r.subject, r.predicate, r.object) for r in analysis.relations]
    assert len(triples) == len(set(triples))


def test_the_time_budget_stops_between_steps(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSGRAPH_TIME_BUDGET", "0.000001")
    with pytest.raises(AnalysisTimeout, match=r"took over 1e-06 s \(stopped after the '\w+' step"):
        newsgraph.analyze("The mayor of Lyon resigned on Monday after a vote.", nlp=nlp)
    monkeypatch.setenv("NEWSGRAPH_TIME_BUDGET", "a minute")
    with pytest.raises(ConfigError, match="NEWSGRAPH_TIME_BUDGET='a minute' is not a number"):
        time_budget()


def test_components_run_as_spacy_runs_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Acme Corp hired Jane Roe as chief executive on Monday, the company said."
    by_call = newsgraph.analyze(text, nlp=nlp, reference_date="2024-01-10")
    doc = _run(nlp, nlp.make_doc(text), 60, "<test>")
    assert [t.text for t in doc] == [t.text for t in nlp(text)]
    assert (
        by_call.to_dict()["entities"]
        == newsgraph.analyze(text, nlp=nlp, reference_date="2024-01-10").to_dict()["entities"]
    )
