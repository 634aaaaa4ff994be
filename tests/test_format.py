"""newsgraph/1 output: the shipped schema holds, every span points at its text, every id resolves."""

from __future__ import annotations

import json

from newsgraph import analyze
from newsgraph.model import Analysis
from newsgraph.out.json import check_analysis, schema

ARTICLE = (
    "Rebels seized the port of Hodeidah in March 2019, officials said.\n\n"
    "The World Bank pledged $2.5 billion to rebuild the city, according to its president."
)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(schema())


def test_seed_analysis_matches_schema_and_links(seed_analysis: Analysis) -> None:
    data = json.loads(seed_analysis.to_json())
    assert data["format"] == "newsgraph/1"
    assert check_analysis(data) == []


def test_small_article_matches_schema_and_links(nlp) -> None:  # type: ignore[no-untyped-def]
    data = analyze(ARTICLE, nlp=nlp).to_dict()
    assert check_analysis(json.loads(json.dumps(data))) == []
    assert data["document"]["body"].startswith("Rebels seized")


def test_check_analysis_catches_a_span_that_lies(nlp) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(analyze(ARTICLE, nlp=nlp).to_json())
    data["document"]["body"] = "X" + data["document"]["body"]
    data["entities"].append(
        {
            "id": "e999",
            "name": "Nobody",
            "type": "PERSON",
            "aliases": [],
            "titles": [],
            "mentions": [{"start": 0, "end": 6, "text": "Nobody"}],
        }
    )
    problems = check_analysis(data)
    assert any("e999" in p for p in problems)


def test_check_analysis_catches_a_dangling_reference(nlp) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(analyze(ARTICLE, nlp=nlp).to_json())
    data["relations"].append(
        {
            "id": "r999",
            "subject": "e404",
            "predicate": "funds",
            "object": "e405",
            "evidence": {"start": 0, "end": 5, "text": "Rebel"},
            "polarity": "positive",
            "modality": "actual",
            "time": None,
        }
    )
    problems = check_analysis(data)
    assert any("e404" in p for p in problems) and any("e405" in p for p in problems)
