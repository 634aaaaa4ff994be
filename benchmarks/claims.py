"""Claims benchmark: check-worthiness model and hedge (uncertainty) cue detection.

(a) Check-worthiness: ``scripts/train_checkworthy.py``'s cross-validation, rerun here (about
    40 s): ClaimBuster 5-fold F1 of the positive class and CLEF-2019 MAP over transcripts
    held out by leave-transcripts-out folds.
(b) Hedges: the Szeged Uncertainty Corpus training half (FactBank news, WikiWeasel) read in
    place. Our detector (:func:`newsgraph.nlp.claims.cues.detect`, the one the claims component
    uses; uncertainty = hedge + speculation + condition cues) runs over each gold sentence.
    Sentence level: a sentence is uncertain iff it has a cue (CoNLL-2010 task 1). Cue level:
    token F1 (a token is a cue token iff it overlaps a cue) and exact-span F1.
"""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import spacy

from newsgraph.nlp.claims.cues import detect, load_lexicon
from newsgraph.nlp.pipeline import DEFAULT_MODEL

REPO = Path(__file__).resolve().parents[1]
HEDGE_PARTS = {
    "factbank": "szeged_uncertainty_factbank_train.xml",
    "wikiweasel": "szeged_uncertainty_wikiweasel_train.xml",
}
# CoNLL-2010 shared task 1 (Farkas et al. 2010), best sentence-level F1 of uncertain sentences:
# Wikipedia 60.2 (Georgescul), biological 86.4 (Tang et al.). Their Wikipedia gold was weasel
# annotation, not the Szeged re-annotation used here, so the comparison is indicative only.
CONLL2010_BEST_F1 = {"wikiweasel": 60.2, "factbank": None}


@dataclass(frozen=True)
class GoldSentence:
    text: str
    cues: tuple[tuple[int, int], ...]


def read_szeged(path: Path) -> Iterator[GoldSentence]:
    """Sentences with the character spans of their ``<ccue>`` elements."""
    for sent in ET.parse(path).getroot().iter("Sentence"):
        parts: list[str] = [sent.text or ""]
        cues: list[tuple[int, int]] = []
        for child in sent:
            start = sum(map(len, parts))
            inner = "".join(child.itertext())
            parts.append(inner)
            if child.tag == "ccue":
                cues.append((start, start + len(inner)))
            parts.append(child.tail or "")
        yield GoldSentence("".join(parts), tuple(cues))


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)


def hedge_scores(path: Path, nlp: spacy.language.Language) -> dict[str, object]:
    gold = list(read_szeged(path))
    lex = load_lexicon()
    s_tp = s_fp = s_fn = 0
    t_tp = t_fp = t_fn = 0
    c_tp = c_fp = c_fn = 0
    for g, doc in zip(gold, nlp.pipe(g.text for g in gold), strict=True):
        predicted = {(c.start, c.end) for c in detect(doc[:], lex).uncertainty()}
        gold_cues = set(g.cues)
        s_tp += bool(predicted) and bool(gold_cues)
        s_fp += bool(predicted) and not gold_cues
        s_fn += not predicted and bool(gold_cues)
        c_tp += len(predicted & gold_cues)
        c_fp += len(predicted - gold_cues)
        c_fn += len(gold_cues - predicted)
        for tok in doc:
            a, b = tok.idx, tok.idx + len(tok)
            in_gold = any(s < b and a < e for s, e in gold_cues)
            in_pred = any(s < b and a < e for s, e in predicted)
            t_tp += in_gold and in_pred
            t_fp += in_pred and not in_gold
            t_fn += in_gold and not in_pred
    return {
        "sentences": len(gold),
        "uncertain": sum(1 for g in gold if g.cues),
        "sentence_prf": _prf(s_tp, s_fp, s_fn),
        "cue_token_prf": _prf(t_tp, t_fp, t_fn),
        "cue_span_prf": _prf(c_tp, c_fp, c_fn),
    }


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_checkworthy", REPO / "scripts" / "train_checkworthy.py"
    )
    if spec is None or spec.loader is None:
        raise RuntimeError("scripts/train_checkworthy.py not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def run(shared: Path) -> dict[str, object]:
    results: dict[str, object] = {}
    trainer = _trainer()
    data = shared / "data" / "checkworthiness-train"
    cv = trainer.cross_validate(trainer.load_data(data))
    results["checkworthy"] = cv
    print("check-worthiness (cross-validated)")
    print(
        f"  ClaimBuster 5-fold  P {cv['claimbuster_precision']:.3f}  R {cv['claimbuster_recall']:.3f}", end=""
    )
    print(f"  F1 {cv['claimbuster_f1']:.3f}")
    print(f"  CLEF-2019 MAP      {cv['clef_map']:.3f} over {cv['clef_transcripts']} held-out transcripts")

    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    print("hedge cues, Szeged Uncertainty Corpus (train half)       P     R     F1   CoNLL-2010 best F1")
    for part, name in HEDGE_PARTS.items():
        scores = hedge_scores(shared / "data" / "hedge-train" / name, nlp)
        results[f"hedge_{part}"] = scores
        best = CONLL2010_BEST_F1[part]
        for level in ("sentence_prf", "cue_token_prf", "cue_span_prf"):
            p, r, f = scores[level]  # type: ignore[misc]
            ref = f"{best:.1f}" if level == "sentence_prf" and best is not None else "-"
            print(
                f"  {part:10} {level[:-4]:10} ({scores['sentences']:>5} sent.)  {p:5.1f} {r:5.1f} {f:5.1f}   {ref}"
            )
    return results


if __name__ == "__main__":
    run(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared")
