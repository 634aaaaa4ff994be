"""Event mentions as TimeML marks them, found by a model learned from TimeBank and AQUAINT.

Every token gets one of eight labels: ``O`` (no event) or a TimeML EVENT class (OCCURRENCE,
REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION). The model is a multinomial
logistic regression over :func:`token_features` (the token's lemma, part of speech, dependency
label, suffix, its head and its neighbours, which arguments it governs), trained by
``scripts/train_event_mentions.py`` on the TempEval-3 training data with a fixed document split
and shipped as plain JSON (``resources/events/mentions.json``: class names, intercepts,
feature → one weight per class). Scoring needs no scikit-learn: a dictionary look-up per
feature and a softmax. The training script imports :func:`token_features`, so what was trained
is what runs.

This layer says *that* something happens and which kind of predicate names it; what type of
event it is (PLOVER) and who takes part are decided downstream (``events_frames``,
``events_types``).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from newsgraph.errors import ResourceError
from newsgraph.resources import load_json

MODEL_RESOURCE = "events/mentions.json"
MODEL_FORMAT = "newsgraph-event-mentions/1"
NO_EVENT = "O"
TIMEML_CLASSES = ("OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION")

# Parts of speech that TimeML never marks as an EVENT head in the training data (or so rarely
# that scoring them only costs time): skipped before the model is asked.
NEVER_EVENT_POS = frozenset(
    {"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "SYM", "PART", "SPACE", "X"}
)
# Governed arguments worth a feature of their own: a predicate with an object or a clause.
ARG_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "ccomp", "xcomp", "aux", "auxpass", "neg", "prep", "agent", "det", "poss"}
)


def _word(tok: Token) -> str:
    return tok.lower_ if not tok.like_num else "<num>"


def token_features(tok: Token) -> list[str]:
    """The sparse features of one token (their names are the model's vocabulary: keep them stable)."""
    lemma = tok.lemma_.lower()
    pos, tag, dep = tok.pos_, tok.tag_, tok.dep_
    head = tok.head
    lower = tok.lower_
    head_lemma, head_pos = head.lemma_.lower(), head.pos_
    feats = [
        "bias",
        f"w={_word(tok)}",
        f"l={lemma}",
        f"p={pos}",
        f"t={tag}",
        f"d={dep}",
        f"lp={lemma}|{pos}",
        f"lt={lemma}|{tag}",
        f"pd={pos}|{dep}",
        f"s3={lower[-3:]}",
        f"s4={lower[-4:]}",
        f"s3p={lower[-3:]}|{pos}",
        # a root is its own head: its "head" features repeat its own lemma and tag, as in training
        f"hl={head_lemma}",
        f"hp={head_pos}",
        f"dhp={dep}|{head_pos}",
        f"hl_d={head_lemma}|{dep}",
        f"ent={tok.ent_type_ or '-'}",
        f"cap={tok.is_title and not tok.is_sent_start}",  # (Token.sent walks the doc: slow)
    ]
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    feats.append(f"pt={prev.tag_ if prev is not None else '<s>'}")
    feats.append(f"nt={nxt.tag_ if nxt is not None else '</s>'}")
    feats.append(f"pw={_word(prev) if prev is not None else '<s>'}")
    feats.append(f"nw={_word(nxt) if nxt is not None else '</s>'}")
    feats.append(f"pw_l={_word(prev) if prev is not None else '<s>'}|{lemma}")
    kids = sorted({c.dep_ for c in tok.children if c.dep_ in ARG_DEPS})
    feats.extend(f"c={k}" for k in kids)
    feats.append(f"cp={pos}|{'+'.join(kids)}")
    for child in tok.children:
        if child.dep_ == "prep":
            feats.append(f"prep={child.lower_}")
            feats.append(f"lprep={lemma}|{child.lower_}")
        elif child.dep_ in ("det", "poss"):
            feats.append(f"det={child.lower_}")
    return feats


@dataclass(frozen=True)
class MentionModel:
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: Mapping[str, Sequence[float]]
    # A token is an event when P(O) is below this (chosen by cross-validation on the train half);
    # its class is then the most probable of the seven EVENT classes.
    no_event_below: float = 0.5

    def probabilities(self, feats: Iterable[str]) -> list[float]:
        scores = list(self.intercept)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    scores[k] += v
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    @functools.cached_property
    def _arrays(self) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
        """Feature → row, the weight matrix and the intercept, for scoring many tokens at once."""
        rows = {f: n for n, f in enumerate(self.weights)}
        matrix = np.zeros((len(rows) + 1, len(self.classes)))  # the last row: unknown features
        for f, n in rows.items():
            matrix[n] = self.weights[f]
        return rows, matrix, np.asarray(self.intercept, dtype=float)

    def label_many(self, tokens: Sequence[Token]) -> list[tuple[str, float]]:
        """:meth:`label` of each token, scored in one matrix pass (same results, much faster
        than one Python loop per token over features and classes)."""
        rows, matrix, intercept = self._arrays
        unknown = len(rows)
        scored = [t for t in tokens if t.pos_ not in NEVER_EVENT_POS and t.text.strip()]
        out: dict[int, tuple[str, float]] = {}
        if scored:
            index: list[int] = []
            starts: list[int] = []
            for tok in scored:
                starts.append(len(index))
                index.append(unknown)  # every token has at least one row, so reduceat is exact
                index.extend(rows.get(f, unknown) for f in token_features(tok))
            scores = np.add.reduceat(matrix[index], starts, axis=0) + intercept
            scores = np.exp(scores - scores.max(axis=1, keepdims=True))
            probs = scores / scores.sum(axis=1, keepdims=True)
            o = self.classes.index(NO_EVENT)
            p_none = probs[:, o].copy()
            probs[:, o] = -1.0
            best = probs.argmax(axis=1)
            for tok, none, k in zip(scored, p_none.tolist(), best.tolist(), strict=True):
                if none >= self.no_event_below:
                    out[tok.i] = (NO_EVENT, none)
                else:
                    out[tok.i] = (self.classes[k], 1.0 - none)
        return [out.get(t.i, (NO_EVENT, 1.0)) for t in tokens]

    def label(self, tok: Token) -> tuple[str, float]:
        """The most probable label of ``tok`` and its probability (``O`` for skipped tokens)."""
        if tok.pos_ in NEVER_EVENT_POS or not tok.text.strip():
            return NO_EVENT, 1.0
        probs = self.probabilities(token_features(tok))
        o = self.classes.index(NO_EVENT)
        if probs[o] >= self.no_event_below:
            return NO_EVENT, probs[o]
        best = max((k for k in range(len(probs)) if k != o), key=probs.__getitem__)
        return self.classes[best], 1.0 - probs[o]


@dataclass(frozen=True)
class EventMention:
    """One eventive predicate: its token, TimeML class and the model's confidence."""

    token: Token
    timeml_class: str
    confidence: float


def mentions(
    doc: Doc, model: MentionModel, nominals: Collection[str] = (), only_pos: Collection[str] | None = None
) -> list[EventMention]:
    """Every token of ``doc`` the model labels as an EVENT, in text order.

    ``nominals`` are lemmas of event nouns ("robbery", "blaze", "merger"): a common noun with
    one of them is an OCCURRENCE even where the model says no. The model's recall is lowest on
    nouns (TimeBank marks most verbs but fewer nominals, and a noun it never saw has only its
    suffix to go on); a noun of an event class names an event by what it means. ``only_pos``
    limits the tokens scored to those parts of speech.
    """
    out = []
    # a caller that keeps only some parts of speech need not score the rest
    tokens = [t for t in doc if only_pos is None or t.pos_ in only_pos]
    for tok, (label, prob) in zip(tokens, model.label_many(tokens), strict=True):
        if label != NO_EVENT:
            out.append(EventMention(tok, label, prob))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in nominals:
            out.append(EventMention(tok, "OCCURRENCE", 1.0 - prob))
    return out


def model_from_dict(data: Mapping[str, object]) -> MentionModel:
    if data.get("format") != MODEL_FORMAT:
        raise ResourceError(f"{MODEL_RESOURCE}: expected format {MODEL_FORMAT!r}, got {data.get('format')!r}")
    classes = tuple(str(c) for c in data["classes"])  # type: ignore[attr-defined]
    intercept = tuple(float(v) for v in data["intercept"])  # type: ignore[attr-defined]
    raw = data["weights"]
    if not isinstance(raw, Mapping):
        raise ResourceError(f"{MODEL_RESOURCE}: weights must be an object")
    weights = {str(k): tuple(float(x) for x in v) for k, v in raw.items()}
    if NO_EVENT not in classes or len(intercept) != len(classes):
        raise ResourceError(f"{MODEL_RESOURCE}: classes and intercept do not match")
    threshold = float(data.get("no_event_below", 0.5))  # type: ignore[arg-type]
    return MentionModel(classes=classes, intercept=intercept, weights=weights, no_event_below=threshold)


@functools.lru_cache(maxsize=1)
def load_model() -> MentionModel:
    """The shipped model (cached)."""
    return model_from_dict(load_json(MODEL_RESOURCE))
