"""Entity merging against the within-document entity coreference of ECB+ (dev topics).

ECB+ (Cybulska & Vossen 2014; the validated sentences as prepared by Barhom et al. 2019, in
``../shared/data/ecbplus-traindev/barhom2019_cybulska_setup``) marks people, things and places
with the chain each belongs to. Each dev document is rebuilt from its tokens (one sentence a
line) and run through the spaCy model and ``newsgraph_entities``. Every entity mention of ours that
holds the last word of a gold mention (HUM, NON or LOC; times are another component's) takes
that mention's chain. Over the pairs of such mentions in one document:

* **merge precision**: of the pairs we put in one entity, the share that share a gold chain
  (over-merging lowers it);
* **merge recall**: of the pairs that share a gold chain, the share we put in one entity
  (aliases we failed to join lower it; pronouns and descriptions are out of scope, since only
  mentions we found are paired).

The baseline joins mentions only when their text is identical (spaCy NER plus string match), on
the same mentions, so the difference is what the merging rules add.

A second figure checks the type corrections on the toponyms of LGL and GeoWebNews (dev halves,
``../shared/data/geoparsing-dev``): of the gold toponyms inside one of our entity mentions, the
share whose entity is typed as a place (GPE/LOC/FAC), against the same share for spaCy's own
labels. Demonym and non-toponym annotations are left out (we keep demonyms NORP on purpose).
"""

from __future__ import annotations

import itertools
import json
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import spacy

import newsgraph.nlp.entities.component  # noqa: F401  (registers the newsgraph_entities factory)
from newsgraph.nlp.pipeline import DEFAULT_MODEL
from newsgraph.nlp.state import get_state

DATA = Path("data/ecbplus-traindev/barhom2019_cybulska_setup")
GEO = Path("data/geoparsing-dev")
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACES = frozenset({"Demonym", "Non_Toponym"})
KINDS = frozenset({"HUM", "NON", "LOC"})


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    chain: str


def _documents(shared: Path, split: str) -> tuple[dict[str, str], dict[str, list[GoldMention]]]:
    tokens: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)
    for line in (shared / DATA / f"ECB_{split}_corpus.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            tokens[parts[0]][(int(parts[1]), int(parts[2]))] = parts[3]
    texts: dict[str, str] = {}
    offsets: dict[str, dict[tuple[int, int], tuple[int, int]]] = {}
    for doc_id, toks in tokens.items():
        pieces: list[str] = []
        where: dict[tuple[int, int], tuple[int, int]] = {}
        pos = 0
        last_sent = None
        for (sent, num), tok in sorted(toks.items()):
            if last_sent is not None:
                sep = " " if sent == last_sent else "\n"
                pieces.append(sep)
                pos += 1
            where[(sent, num)] = (pos, pos + len(tok))
            pieces.append(tok)
            pos += len(tok)
            last_sent = sent
        texts[doc_id] = "".join(pieces)
        offsets[doc_id] = where
    gold: dict[str, list[GoldMention]] = defaultdict(list)
    mentions = json.loads(
        (shared / DATA / f"ECB_{split}_Entity_gold_mentions.json").read_text(encoding="utf-8")
    )
    for m in mentions:
        if m["mention_type"] not in KINDS or m["doc_id"] not in offsets:
            continue
        spans = [offsets[m["doc_id"]][(m["sent_id"], n)] for n in m["tokens_number"]]
        gold[m["doc_id"]].append(
            GoldMention(min(s for s, _ in spans), max(e for _, e in spans), m["coref_chain"])
        )
    return texts, gold


def _pairs(aligned: list[tuple[str, str, str]]) -> tuple[int, int, int, int, int]:
    """(ours ∧ gold, ours, gold, baseline ∧ gold, baseline) pair counts for one document."""
    both = ours = gold = base_both = base = 0
    for (e1, t1, c1), (e2, t2, c2) in itertools.combinations(aligned, 2):
        same_ours, same_gold, same_text = e1 == e2, c1 == c2, t1 == t2
        ours += same_ours
        gold += same_gold
        both += same_ours and same_gold
        base += same_text
        base_both += same_text and same_gold
    return both, ours, gold, base_both, base


def run(shared: Path, split: str = "Dev") -> dict[str, object]:
    """Figures on the ``Dev`` topics (``Train`` works too; both are development data for us)."""
    # The statistical model and our entity component only: later components play no part here.
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("newsgraph_entities")
    texts, gold = _documents(shared, split)
    totals = [0, 0, 0, 0, 0]
    overmerged: list[str] = []
    started = time.perf_counter()
    for doc_id, text in sorted(texts.items()):
        doc = nlp(text)
        aligned: list[tuple[str, str, str]] = []
        for entity in get_state(doc).entities:
            chains = set()
            for m in entity.mentions:
                # The gold mention's last word (the head of an English noun phrase) must be in ours:
                # "Obama" is not a mention of the chain of "Obama team".
                hits = [g for g in gold[doc_id] if g.start < m.end and m.start < g.end <= m.end]
                if hits:
                    best = max(hits, key=lambda g: min(g.end, m.end) - max(g.start, m.start))
                    aligned.append((entity.id, m.text, best.chain))
                    chains.add(best.chain)
            if len(chains) > 1:
                overmerged.append(f"{doc_id}: {entity.name} {list(entity.aliases)}")
        for k, v in enumerate(_pairs(aligned)):
            totals[k] += v
    both, ours, gold_pairs, base_both, base = totals
    figures: dict[str, object] = {
        "documents": len(texts),
        "merge_precision": round(both / ours, 3) if ours else 1.0,
        "merge_recall": round(both / gold_pairs, 3) if gold_pairs else 1.0,
        "baseline_precision": round(base_both / base, 3) if base else 1.0,
        "baseline_recall": round(base_both / gold_pairs, 3) if gold_pairs else 1.0,
        "entities_spanning_two_chains": len(overmerged),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(f"{'':24}{'precision':>10}{'recall':>10}")
    print(f"{'newsgraph merging':24}{figures['merge_precision']:>10}{figures['merge_recall']:>10}")
    print(f"{'exact-string baseline':24}{figures['baseline_precision']:>10}{figures['baseline_recall']:>10}")
    print(f"entities whose mentions fall in two gold chains: {len(overmerged)}")
    for line in overmerged[:40]:
        print("  ", line)
    figures.update(_toponym_types(shared, nlp))
    return figures


def _toponym_types(shared: Path, nlp: spacy.language.Language) -> dict[str, object]:
    figures: dict[str, object] = {}
    print(f"\n{'toponyms typed as places':28}{'newsgraph':>10}{'spaCy':>10}{'n':>6}")
    for corpus in ("LGL", "GeoWebNews"):
        ours = ours_place = base = base_place = 0
        root = ET.parse(shared / GEO / f"{corpus}-dev.xml").getroot()
        for article in root.iter("article"):
            doc = nlp(article.findtext("text") or "")
            mentions = [(m.start, m.end, e.type) for e in get_state(doc).entities for m in e.mentions]
            labels = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for toponym in article.iter("toponym"):
                if toponym.findtext("type") in NOT_PLACES:
                    continue
                start, end = int(toponym.findtext("start") or 0), int(toponym.findtext("end") or 0)
                for a, b, kind in mentions:
                    if a <= start and end <= b:
                        ours += 1
                        ours_place += kind in PLACE_TYPES
                for a, b, kind in labels:
                    if a <= start and end <= b:
                        base += 1
                        base_place += kind in PLACE_TYPES
        figures[f"{corpus}_place_typed"] = round(ours_place / ours, 3) if ours else 0.0
        figures[f"{corpus}_place_typed_spacy"] = round(base_place / base, 3) if base else 0.0
        print(
            f"{corpus:28}{figures[f'{corpus}_place_typed']:>10}{figures[f'{corpus}_place_typed_spacy']:>10}{ours:>6}"
        )
    return figures


if __name__ == "__main__":
    import sys

    run(Path(__file__).resolve().parents[2] / "shared", *sys.argv[1:2])
