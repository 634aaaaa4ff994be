"""No input crashes newsgraph: whatever comes in, the answer is an analysis whose offsets index its
body, or a NewsgraphError with a one-line message. The long run is ``python -m benchmarks --only fuzz``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.errors import NewsgraphError

# Characters that stress the tokenizer, the regex grammars and the HTML parser.
HOSTILE = [
    *"()[]{}<>\"'“”‘’&#;$€£%.,:!?-–—/\\|*_~^@ \n\t",
    *("&#", "&amp;", "<p>", "</div>", "$1.2m", "Mr.", "U.S.", "1,000", "2024-", "x" * 40),
]
WORDS = [
    "the",
    "Minister",
    "said",
    "on",
    "Monday",
    "Acme",
    "Corp",
    "paid",
    "$5 million",
    "in",
    "Paris",
    "March 2024",
    "Iran",
    "troops",
]


def _check(result: object) -> None:
    assert isinstance(result, newsgraph.Analysis)
    body = result.document.body
    for e in result.entities:
        for m in e.mentions:
            assert body[m.start : m.end] == m.text
    for r in (*result.times, *result.amounts, *result.claims):
        assert body[r.start : r.end] == r.text


def _analyze(source: str | Path, nlp) -> None:  # type: ignore[no-untyped-def]
    try:
        result = newsgraph.analyze(source, nlp=nlp, reference_date="2024-05-01")
    except NewsgraphError as exc:
        message = str(exc)
        assert message and "\n" not in message.strip()
        assert "internal error" not in message, message
        return
    _check(result)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(HOSTILE + WORDS), max_size=400).map("".join))
def test_hostile_text(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    _analyze(text if "\n" in text or len(text) > 200 else text + "\n", nlp)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html"]))
def test_random_bytes_as_files(
    nlp, tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    _analyze(path, nlp)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.recursive(st.sampled_from(["text", "<b>bold</b>", "&#", "<br>", "Paris", "<script>x()</script>"]),
                    lambda inner: st.lists(inner, max_size=4).map(lambda xs: "<div>" + "".join(xs) + "</div>"),
                    max_leaves=60))  # fmt: skip
def test_hostile_html(nlp, fragment: str) -> None:  # type: ignore[no-untyped-def]
    _analyze("<html><head><title>T</title></head><body>" + fragment + "</body></html>", nlp)
