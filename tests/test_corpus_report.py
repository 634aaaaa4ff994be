"""The corpus dossier: stored analyses combined into one sound newsgraph/1 view and rendered."""

from __future__ import annotations

from pathlib import Path

from newsgraph import analyze
from newsgraph.corpus.report import combined_analysis
from newsgraph.corpus.resolve import resolve
from newsgraph.corpus.store import Store
from newsgraph.out.html.corpus import render_corpus_html
from newsgraph.out.json import check_analysis

STORY_A = (
    "Militia shells Kirkuk airport\n\n"
    "Rockets hit the airport in Kirkuk on 3 March 2021, the governor Rakan al-Jabouri said. "
    "The governor said the attack caused no casualties."
)
STORY_B = (
    "Kirkuk governor condemns rocket attack\n\n"
    "Rakan al-Jabouri, the governor of Kirkuk, condemned the rocket attack on the city's airport on Wednesday. "
    "Al-Jabouri said that the Iraqi army had sealed the area."
)


def test_combined_view_keeps_every_evidence_link_and_merges_actors(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "c.duckdb") as store:
        with store.batch():
            store.add(analyze(STORY_A, nlp=nlp, reference_date="2021-03-05"), source="a")
            store.add(analyze(STORY_B, nlp=nlp, reference_date="2021-03-05"), source="b")
        resolve(store)
        data = combined_analysis(store)
        page = render_corpus_html(store)
    assert check_analysis(data) == []
    body = data["document"]["body"]
    assert "Rockets hit the airport" in body and "condemned the rocket attack" in body
    governor = [e for e in data["entities"] if "Jabouri" in e["name"]]
    assert len(governor) == 1  # one actor across both documents
    assert {m["text"] for m in governor[0]["mentions"]} >= {"Rakan al-Jabouri"}
    assert len({body[m["start"] : m["end"]] == m["text"] for m in governor[0]["mentions"]}) == 1
    assert "Content-Security-Policy" in page and "Corpus: 2 documents" in page
