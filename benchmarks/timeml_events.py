"""TimeML EVENTs of TempEval-3 training data (TBAQ-cleaned), the fixed document split, and scoring.

Used by ``scripts/train_event_mentions.py`` (to train on the train half) and by the ``events``
benchmark (to score the shipped model on the dev half). The dev half is the committed list
``benchmarks/tempeval3_dev.txt`` (20 % of the 256 documents, drawn once with a fixed seed):
nothing is tuned on it.

Scoring follows TempEval-3 Task B's event extraction: a system event matches a gold EVENT when
their character spans overlap (relaxed; every gold EVENT here is one word, so relaxed and strict
agree for single-token predictions); precision, recall and F1 over those one-to-one matches, and
class accuracy = matched events with the right class ÷ matched events.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.events.mentions import NO_EVENT, MentionModel

REPO = Path(__file__).resolve().parents[1]
DEV_LIST = REPO / "benchmarks" / "tempeval3_dev.txt"

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"')
_INSTANCE = re.compile(r"<MAKEINSTANCE\b([^>]*)/?>")


@dataclass(frozen=True)
class GoldEvent:
    start: int
    end: int
    text: str
    eid: str
    timeml_class: str
    tense: str = ""
    aspect: str = ""
    polarity: str = ""
    modality: str = ""


@dataclass(frozen=True)
class TimeMLDocument:
    name: str
    text: str
    dct: str
    events: tuple[GoldEvent, ...]


def dct_of(raw: str) -> str:
    """The document creation time (ISO date) of a TimeML file."""
    found = _DCT.search(raw)
    return found.group(1)[:10] if found else "2000-01-01"


def tagged_text(raw: str, tag: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Plain text of ``<TEXT>`` (tags stripped, entities unescaped) and, for every ``tag``
    element, its start and end offsets into that text and its attributes."""
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    found: list[tuple[int, int, dict[str, str]]] = []
    opened: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != tag:
            continue
        if not m.group(1):
            opened = (length, dict(_ATTR.findall(m.group(3))))
        elif opened is not None:
            found.append((opened[0], length, opened[1]))
            opened = None
    out.append(html.unescape(body[pos:]))
    return "".join(out), found


def parse_events(raw: str, name: str = "") -> TimeMLDocument:
    """Plain text of ``<TEXT>`` and its EVENTs with offsets into that text and instance attributes."""
    instances: dict[str, dict[str, str]] = {}
    for m in _INSTANCE.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        instances.setdefault(attrs.get("eventID", ""), attrs)  # the first instance of an event
    text, spans = tagged_text(raw, "EVENT")
    events = []
    for start, end, attrs in spans:
        inst = instances.get(attrs.get("eid", ""), {})
        events.append(
            GoldEvent(
                start=start,
                end=end,
                text=text[start:end],
                eid=attrs.get("eid", ""),
                timeml_class=attrs.get("class", "OCCURRENCE"),
                tense=inst.get("tense", ""),
                aspect=inst.get("aspect", ""),
                polarity=inst.get("polarity", ""),
                modality=inst.get("modality", ""),
            )
        )
    return TimeMLDocument(name=name, text=text, dct=dct_of(raw), events=tuple(events))


def corpus_files(root: Path) -> list[Path]:
    """Every ``.tml`` file of the TempEval-3 training data, sorted by name (stable across machines)."""
    return sorted(root.glob("*/*.tml"), key=lambda p: p.name)


def dev_names() -> frozenset[str]:
    return frozenset(
        line.strip()
        for line in DEV_LIST.read_text(encoding="utf-8").splitlines()
        if line.strip() and line[0] != "#"
    )


def split(root: Path) -> tuple[list[TimeMLDocument], list[TimeMLDocument]]:
    """(train, dev) documents by the committed dev list."""
    dev = dev_names()
    train_docs: list[TimeMLDocument] = []
    dev_docs: list[TimeMLDocument] = []
    for path in corpus_files(root):
        doc = parse_events(path.read_text(encoding="utf-8"), path.stem)
        (dev_docs if path.stem in dev else train_docs).append(doc)
    return train_docs, dev_docs


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    timeml_class: str


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    matched: int = 0
    class_right: int = 0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.system += other.system
        self.matched += other.matched
        self.class_right += other.class_right

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def class_accuracy(self) -> float:
        return self.class_right / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "gold": self.gold,
            "system": self.system,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "class_accuracy": round(self.class_accuracy, 4),
        }


def parse_texts(nlp: Language, docs: Sequence[TimeMLDocument]) -> list[Doc]:
    """The documents parsed as newsgraph parses them (paragraph breaks as sentence breaks), with
    the record components off: the mention model reads only the parse."""
    disabled = [n for n in nlp.pipe_names if n.startswith("newsgraph_") and n != "newsgraph_paragraphs"]
    with nlp.select_pipes(disable=disabled):
        return list(nlp.pipe((d.text for d in docs), batch_size=8))


def model_score(model: MentionModel, docs: Sequence[Doc], gold: Sequence[TimeMLDocument]) -> Score:
    """``model``'s events on parsed ``docs`` scored against their gold EVENTs."""
    total = Score()
    for doc, g in zip(docs, gold, strict=True):
        tokens = list(doc)
        predicted = [
            Predicted(t.idx, t.idx + len(t.text), label)
            for t, (label, _) in zip(tokens, model.label_many(tokens), strict=True)
            if label != NO_EVENT
        ]
        total.add(score(g.events, predicted))
    return total


def score(gold: Sequence[GoldEvent], predicted: Iterable[Predicted]) -> Score:
    """One-to-one matches by overlap, each gold event used once."""
    result = Score(gold=len(gold))
    free = sorted(gold, key=lambda g: g.start)
    used: set[int] = set()
    for p in predicted:
        result.system += 1
        for k, g in enumerate(free):
            if k not in used and g.start < p.end and p.start < g.end:
                used.add(k)
                result.matched += 1
                result.class_right += g.timeml_class == p.timeml_class
                break
    return result
