"""Check-worthiness: how much a sentence looks like a factual claim worth checking (0..1).

The model is a logistic regression over the features :func:`features` computes from the
sentence text alone (lower-cased word uni-/bigrams with numbers folded to ``<num>``, plus a
few shape features: numbers, money, percentages, years, months, capitalised names, first
and second person, question marks). It is trained by ``scripts/train_checkworthy.py`` on
ClaimBuster and CLEF-2019 CheckThat! debate transcripts and shipped as a plain JSON file
(``resources/claims/checkworthy.json``: intercept + feature → weight); scoring it here needs
no scikit-learn, only a dictionary look-up per feature and one sigmoid.

The training script imports :func:`features` from this module, so what was trained is what
runs.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from newsgraph.errors import ResourceError
from newsgraph.resources import load_json

MODEL_RESOURCE = "claims/checkworthy.json"
MODEL_FORMAT = "newsgraph-checkworthy/1"

_TOKEN = re.compile(r"\$|%|\d[\d,.]*|[A-Za-z]+(?:['’][A-Za-z]+)?")
_NUMBER = re.compile(r"\d")
_MONEY = re.compile(r"[$€£]\s?\d|\b\d[\d,.]*\s*(?:dollars|euros|pounds|billion|million|trillion)\b", re.I)
_PERCENT = re.compile(r"\d\s?%|\bper ?cent\b|\bpercent(?:age)?\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
_MONTH = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
)
# A capitalised word that does not open the sentence: a cheap, model-free stand-in for a named
# actor, so the same feature exists in training (no NER over 24k debate lines) and at run time.
_INNER_CAPITAL = re.compile(r"(?<=[\w,;:)] )[A-Z][a-z]+")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|me|my|we|we're|we've|us|our)\b", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're)\b", re.I)


def _tokens(text: str) -> list[str]:
    out = []
    for tok in _TOKEN.findall(text):
        out.append("<num>" if tok[0].isdigit() else tok.lower().replace("’", "'"))
    return out


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def features(text: str) -> dict[str, float]:
    """The sparse features of one sentence (names are stable: they are the model's vocabulary)."""
    toks = _tokens(text)
    feats: dict[str, float] = {}
    for tok in toks:
        feats["w:" + tok] = 1.0
    for a, b in itertools.pairwise(toks):
        feats[f"b:{a} {b}"] = 1.0
    shape = {
        "f:number": bool(_NUMBER.search(text)),
        "f:money": bool(_MONEY.search(text)),
        "f:percent": bool(_PERCENT.search(text)),
        "f:year": bool(_YEAR.search(text)),
        "f:month": bool(_MONTH.search(text)),
        "f:first_person": bool(_FIRST_PERSON.search(text)),
        "f:second_person": bool(_SECOND_PERSON.search(text)),
        "f:question": text.rstrip().endswith("?"),
        "f:exclamation": "!" in text,
    }
    feats.update({k: 1.0 for k, on in shape.items() if on})
    feats["f:names" + _bucket(len(_INNER_CAPITAL.findall(text)), (0, 1, 3))] = 1.0
    feats["f:len" + _bucket(len(toks), (4, 8, 15, 30))] = 1.0
    return feats


@dataclass(frozen=True)
class CheckworthyModel:
    """A linear model over :func:`features`: ``sigmoid(intercept + Σ weight[f] · value[f])``."""

    intercept: float
    weights: Mapping[str, float]

    def score(self, text: str) -> float:
        z = self.intercept + sum(self.weights.get(name, 0.0) * v for name, v in features(text).items())
        return 1.0 / (1.0 + math.exp(-z))


@functools.lru_cache(maxsize=1)
def load_model() -> CheckworthyModel:
    """The packaged model (loaded once)."""
    data = load_json(MODEL_RESOURCE)
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise ResourceError(
            f"{MODEL_RESOURCE}: not a {MODEL_FORMAT} file (rerun scripts/train_checkworthy.py)"
        )
    try:
        return CheckworthyModel(
            intercept=float(data["intercept"]),
            weights={str(k): float(v) for k, v in data["weights"].items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ResourceError(f"{MODEL_RESOURCE}: malformed model: {exc}") from exc


def score(text: str) -> float:
    """Check-worthiness of one sentence by the packaged model alone (0..1)."""
    return load_model().score(text)
