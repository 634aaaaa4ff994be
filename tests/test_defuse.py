"""Pathological text is masked before spaCy, never changed in the body (newsgraph.nlp.defuse)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.nlp.defuse import LETTERLESS, LONG_RUN, defuse

PROSE = (
    "The council met on Monday and approved the budget. Mayor Ana Ruiz said the vote (12 to 3) "
    "was “a fair deal” for the city; critics called it rushed.\n\nSee https://example.org/a/b?c=1."
)


def test_prose_is_left_alone() -> None:
    result = defuse(PROSE * 50)
    assert result.text == PROSE * 50 and not result.changed


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab (&#1$\"'.\n😀"), max_size=6000))
def test_mask_keeps_length_newlines_and_only_blanks(text: str) -> None:
    result = defuse(text)
    assert len(result.text) == len(text)
    for before, after in zip(text, result.text, strict=True):
        assert after == before or after == " "
        assert (before == "\n") == (after == "\n")


def test_long_runs_are_cut_and_letterless_floods_blanked() -> None:
    run = "ab(" * (LONG_RUN // 2)
    cut = defuse(f"Intro text. {run} Outro text.")
    assert cut.changed and "without a space" in cut.notes[0]
    assert max(len(w) for w in cut.text.split()) <= LONG_RUN
    flood = defuse("Word. " + "1 " * LETTERLESS + "Word.")
    assert flood.changed and "no letter" in flood.notes[0]
    assert flood.text.startswith("Word.") and flood.text.endswith("Word.")
    assert set(flood.text[8:-8]) == {" "}


def test_reproductions_are_analysed_with_a_warning_and_the_real_body(nlp) -> None:  # type: ignore[no-untyped-def]
    for hostile in ("(((((" * 20000, '"((' * 30000 + "$" * 30000, "1 " * 100000):
        text = "Acme Corp said on Monday it had hired Jane Roe. " + hostile + " Jane Roe starts in May."
        analysis = newsgraph.analyze(text, nlp=nlp, reference_date="2024-03-06")
        assert analysis.document.body == text  # the body is never rewritten
        assert analysis.warnings and "not analysed" in analysis.warnings[0]
        names = {e.name for e in analysis.entities}
        assert "Jane Roe" in names  # records on both sides of the flood
        for e in analysis.entities:
            for m in e.mentions:
                assert text[m.start : m.end] == m.text
        assert any(t.text == "May" for t in analysis.times)


def test_html_entity_flood_is_analysed(nlp) -> None:  # type: ignore[no-untyped-def]
    page = (
        "<html><head><title>T</title></head><body><p>Police in Lyon arrested two men on Friday.</p><p>"
        + "&#" * 50000
        + "</p></body></html>"
    )
    analysis = newsgraph.analyze(page, nlp=nlp, reference_date="2024-03-06")
    assert "Lyon" in {e.name for e in analysis.entities}
    assert analysis.warnings
