"""Train the check-worthiness model and write it as plain JSON (no pickle).

    .venv/bin/python scripts/train_checkworthy.py [--data ../shared/data/checkworthiness-train]
        [--out src/newsgraph/resources/claims/checkworthy.json] [--no-cv]

Data (read in place, never copied): ClaimBuster's 2-class train split (label 1 = check-worthy
factual sentence) and the CLEF-2019 CheckThat! Task 1 training transcripts (label 1 = the line
was fact-checked). Features are :func:`newsgraph.nlp.claims.checkworthy.features`; the model is an
L2 logistic regression (lbfgs, deterministic) with balanced class weights, so 0.5 is the
natural decision threshold. Weights are rounded to 4 decimals and written with sorted keys:
running the script twice gives the same bytes.

It reports, before training the final model on everything:
- ClaimBuster: 5-fold stratified cross-validated precision/recall/F1 of the positive class;
- CLEF-2019: mean average precision of the ranking of each transcript's lines, with
  leave-transcripts-out folds (each transcript is scored by a model that never saw it).
Sentences occurring in both sets are kept out of the training folds whenever they are in the
test fold, so no test line leaks through the other corpus.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedKFold

from newsgraph.nlp.claims.checkworthy import MODEL_FORMAT, features

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "checkworthiness-train"
DEFAULT_OUT = REPO / "src" / "newsgraph" / "resources" / "claims" / "checkworthy.json"

SEED = 13
# Inverse L2 strength and CLEF weight, chosen on the cross-validated ClaimBuster F1 / CLEF MAP
# (at min count 3): C=0.05 .7363/.2202, C=0.1 .7389/.2261, C=0.3 .7291/.2223, C=1 .7057/.2162 with
# CLEF weight 0.5; CLEF weight 0.25: C=0.1 .7425/.2216, C=0.3 .7408/.2281; weight 1.0, C=0.3
# .7087/.2189. C=0.3 with weight 0.25 has the best MAP and an F1 within 0.002 of the best.
C = 0.3
# A feature must occur in at least this many training sentences to get a weight: drops names
# and typos seen once or twice in a debate (23k weights, 0.55 MB; 5 gives 13k weights but
# costs about 0.01 F1).
MIN_COUNT = 3
# CLEF lines are labelled by a stricter criterion (actually fact-checked: 2.7% positive) than
# ClaimBuster's (check-worthy: 25%); down-weighting them keeps ClaimBuster's notion of a
# check-worthy factual sentence as the target while still learning from the transcripts.
CLEF_WEIGHT = 0.25
DECIMALS = 4
FOLDS = 5


@dataclass(frozen=True)
class Example:
    text: str
    label: int
    corpus: str  # "claimbuster" | "clef"
    group: str  # transcript id for CLEF, "" for ClaimBuster
    feats: dict[str, float]  # computed once: the folds reuse them


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def load_data(data: Path) -> list[Example]:
    out: list[Example] = []
    for row in json.loads((data / "claimbuster_train.json").read_text(encoding="utf-8")):
        text = str(row["text"])
        out.append(Example(text, int(row["label"]), "claimbuster", "", features(text)))
    with (data / "clef2019_task1_train.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            out.append(Example(r["text"], int(r["label"]), "clef", r["file_name"], features(r["text"])))
    return out


def fit(examples: Sequence[Example]) -> tuple[float, dict[str, float]]:
    """Train on ``examples``; return (intercept, feature → weight)."""
    feats = [ex.feats for ex in examples]
    counts: Counter[str] = Counter(name for f in feats for name in f)
    keep = {name for name, n in counts.items() if n >= MIN_COUNT}
    feats = [{k: v for k, v in f.items() if k in keep} for f in feats]
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(feats)
    y = np.array([ex.label for ex in examples])
    w = np.array([CLEF_WEIGHT if ex.corpus == "clef" else 1.0 for ex in examples])
    model = LogisticRegression(C=C, solver="lbfgs", class_weight="balanced", random_state=SEED, max_iter=1000)
    model.fit(x, y, sample_weight=w)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(c), DECIMALS) for n, c in zip(names, model.coef_[0], strict=True)}
    return round(float(model.intercept_[0]), DECIMALS), {k: v for k, v in weights.items() if v != 0.0}


def _scorer(intercept: float, weights: dict[str, float]) -> Callable[[Example], float]:
    """The run-time scorer's arithmetic (newsgraph.nlp.claims.checkworthy.CheckworthyModel) on cached features."""

    def score(ex: Example) -> float:
        z = intercept + sum(weights.get(k, 0.0) * v for k, v in ex.feats.items())
        return 1.0 / (1.0 + math.exp(-z))

    return score


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """AP of one ranked list (ties broken by original order, as a stable sort does)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def cross_validate(examples: Sequence[Example]) -> dict[str, float]:
    """ClaimBuster 5-fold F1 (positive class) and CLEF leave-transcripts-out MAP."""
    cb = [ex for ex in examples if ex.corpus == "claimbuster"]
    clef = [ex for ex in examples if ex.corpus == "clef"]
    tp = fp = fn = 0
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train_idx, test_idx in folds.split(np.zeros(len(cb)), [ex.label for ex in cb]):
        test = [cb[i] for i in test_idx]
        held = {_norm(ex.text) for ex in test}
        train = [cb[i] for i in train_idx] + [ex for ex in clef if _norm(ex.text) not in held]
        score = _scorer(*fit(train))
        for ex in test:
            pred = score(ex) >= 0.5
            tp += pred and ex.label == 1
            fp += pred and ex.label == 0
            fn += (not pred) and ex.label == 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    aps: list[float] = []
    groups = [ex.group for ex in clef]
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(np.zeros(len(clef)), groups=groups):
        test = [clef[i] for i in test_idx]
        held = {_norm(ex.text) for ex in test}
        train = [clef[i] for i in train_idx] + [ex for ex in cb if _norm(ex.text) not in held]
        score = _scorer(*fit(train))
        for transcript in sorted({ex.group for ex in test}):
            lines = [ex for ex in test if ex.group == transcript]
            aps.append(average_precision([score(ex) for ex in lines], [ex.label for ex in lines]))
    return {
        "claimbuster_precision": round(precision, 4),
        "claimbuster_recall": round(recall, 4),
        "claimbuster_f1": round(f1, 4),
        "clef_map": round(sum(aps) / len(aps), 4),
        "clef_transcripts": len(aps),
    }


def model_json(intercept: float, weights: dict[str, float], n_train: int) -> str:
    doc = {
        "format": MODEL_FORMAT,
        "source": (
            "Trained by scripts/train_checkworthy.py on ClaimBuster 2-class train "
            "(Arslan et al., ICWSM 2020) "
            "and CLEF-2019 CheckThat! Task 1 training transcripts (Atanasova et al., 2019), via "
            "github.com/utaresearch/claimbuster-spotter; GPL-3.0 data, weights only are shipped."
        ),
        "model": f"logistic regression, L2, C={C}, balanced classes, min feature count {MIN_COUNT}",
        "train_sentences": n_train,
        "intercept": intercept,
        "weights": weights,
    }
    return json.dumps(doc, indent=0, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-cv", action="store_true", help="skip cross-validation, only write the model")
    args = ap.parse_args(argv)
    examples = load_data(args.data)
    if not args.no_cv:
        for key, value in cross_validate(examples).items():
            print(f"{key:24} {value}")
    intercept, weights = fit(examples)
    args.out.write_text(model_json(intercept, weights, len(examples)), encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
