"""The packaged check-worthiness model, the cue lexicon loader and the hedge benchmark reader."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.errors import ResourceError
from newsgraph.nlp.claims import checkworthy
from newsgraph.nlp.claims.cues import detect, is_uncertain, load_lexicon
from newsgraph.nlp.claims.lexicon import _phrase
from newsgraph.resources import path

REPO = Path(__file__).resolve().parents[1]


def test_model_is_plain_json_and_loads() -> None:
    raw = json.loads(path(checkworthy.MODEL_RESOURCE).read_text(encoding="utf-8"))
    assert raw["format"] == checkworthy.MODEL_FORMAT
    assert "source" in raw
    model = checkworthy.load_model()
    assert len(model.weights) > 1000
    assert all(isinstance(v, float) for v in list(model.weights.values())[:100])


def test_model_scores_fact_above_opinion() -> None:
    fact = "Unemployment fell to 4.1 percent in 2019, the lowest rate since 1969."
    opinion = "I just think that is a wonderful thing for all of us."
    assert checkworthy.score(fact) > 0.5 > checkworthy.score(opinion)


def test_features_are_deterministic_and_fold_numbers() -> None:
    a = checkworthy.features("The deficit grew by $1,200 in 2015.")
    b = checkworthy.features("The deficit grew by $1,200 in 2015.")
    assert a == b
    assert "w:<num>" in a and "f:money" in a and "f:year" in a


def test_lexicon_loads_every_section() -> None:
    lex = load_lexicon()
    assert "say" in lex.attribution_verbs
    assert lex.hedge.by_first and lex.sarcasm.by_first and lex.rhetorical_questions.by_first


def test_unbalanced_bracket_is_a_resource_error() -> None:
    with pytest.raises(ResourceError):
        _phrase("[appear to")
    assert _phrase("[appear] to").cue_hi == 1


def test_detector_cue_spans_and_uncertainty(nlp: Language) -> None:
    doc = nlp("Investigators believe the fire probably started in the kitchen.")
    cues = detect(doc[:]).uncertainty()
    assert {(c.text, c.kind) for c in cues} == {("believe", "hedge"), ("probably", "hedge")}
    assert is_uncertain(doc[:])
    assert not is_uncertain(nlp("The fire started in the kitchen at 6 a.m.")[:])
    # "May" the month is not the modal
    assert not is_uncertain(nlp("The plant opened in May 2004 near the coast.")[:])


def test_read_szeged_offsets(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_claims", REPO / "benchmarks" / "claims.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up while the class is built
    spec.loader.exec_module(bench)
    xml = (
        '<Annotation><DocumentSet><Document><DocumentPart><Sentence id="S1">The vote '
        '<ccue type="speculation_modal_probable_">may</ccue> be delayed <ccue type="x">if</ccue> it rains.'
        "</Sentence></DocumentPart></Document></DocumentSet></Annotation>"
    )
    f = tmp_path / "mini.xml"
    f.write_text(xml, encoding="utf-8")
    (sent,) = bench.read_szeged(f)
    assert [sent.text[s:e] for s, e in sent.cues] == ["may", "if"]
