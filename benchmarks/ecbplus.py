"""Cross-document event and entity coreference on the ECB+ dev topics, gold and predicted mentions.

Setting (the standard one of Barhom et al. 2019 and later work, on the DEV topics since the
test topics are withheld): gold mentions of the validated sentences, singletons kept, all dev
documents scored as one CoNLL document, mentions clustered within the gold topics; the
subtopics (which seminal event an article reports) are found by
:func:`newsgraph.corpus.coref.document_groups`, not read from file names. A harder setting
groups all dev articles with no topic given. Baselines: same head lemma (events) / same head
(entities) within our document groups. The end-to-end setting clusters the mentions newsgraph
predicts (:mod:`benchmarks.ecbplus_predicted`) instead, scored against the gold chains with
:mod:`newsgraph.corpus.mention_match` (missed and extra mentions as the CoNLL-2012 scorer counts them).

``python -m benchmarks --only ecbplus`` runs it; ``python -m benchmarks.ecbplus --write-synonyms``
rebuilds ``resources/coref/event_synonyms.yaml`` from the TRAIN topics.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from spacy.language import Language

from benchmarks.ecbplus_data import Split, load_split
from benchmarks.ecbplus_predicted import predict
from newsgraph import load_pipeline
from newsgraph.corpus.conll import CorefScores, Score, evaluate
from newsgraph.corpus.coref import (
    ENTITY_GROUP_DISTANCE,
    cluster_entities,
    cluster_events,
    document_groups,
    mention_head,
    same_head_baseline,
    trigger_stem,
)
from newsgraph.corpus.mention_match import align, align_response
from newsgraph.resources import ROOT as RESOURCES

# A learned trigger pair must recur: in gold chains of two topics, or in three chains.
MIN_CHAINS_ACROSS_TOPICS = 2
MIN_CHAINS_ONE_TOPIC = 3


def _row(name: str, s: CorefScores) -> dict[str, float]:
    figures = {
        "muc_p": s.muc.precision, "muc_r": s.muc.recall, "muc_f1": s.muc.f1,
        "b3_p": s.b_cubed.precision, "b3_r": s.b_cubed.recall, "b3_f1": s.b_cubed.f1,
        "ceafe_p": s.ceafe.precision, "ceafe_r": s.ceafe.recall, "ceafe_f1": s.ceafe.f1,
        "conll_f1": s.conll_f1,
    }  # fmt: skip
    cells = " ".join(
        f"{100 * figures[f'{m}_p']:5.1f} {100 * figures[f'{m}_r']:5.1f} {100 * figures[f'{m}_f1']:5.1f} |"
        for m in ("muc", "b3", "ceafe")
    )
    print(f"{name:34s} | {cells} {100 * s.conll_f1:5.1f}", flush=True)
    return {k: round(100 * v, 2) for k, v in figures.items()}


def _header(title: str) -> None:
    print(f"\n{title}")
    print(f"{'':34s} |    MUC P/R/F1     |     B3 P/R/F1     |   CEAF-e P/R/F1   | CoNLL")


def _gold_topics(split: Split) -> list[list[str]]:
    topics: dict[str, list[str]] = defaultdict(list)
    for d, t in split.topic.items():
        topics[t].append(d)
    return list(topics.values())


def _detection(name: str, s: Score, matched: int, predicted: int) -> dict[str, float]:
    print(f"{name:34s} | P {100 * s.precision:5.1f}  R {100 * s.recall:5.1f}  F1 {100 * s.f1:5.1f} "
          f"({matched} of {predicted} predicted match a gold mention)", flush=True)  # fmt: skip
    return {"p": round(100 * s.precision, 2), "r": round(100 * s.recall, 2), "f1": round(100 * s.f1, 2)}


def end_to_end(
    shared: Path,
    dev: Split,
    nlp: Language,
    groups: list[list[str]],
    entity_groups: list[list[str]],
    name_blocks: list[list[str]],
) -> dict[str, object]:
    """Predicted mentions (``benchmarks.ecbplus_predicted``), the same clusterer and groups,
    scored against the gold chains with unmatched mentions counted as missed or extra."""
    pred = predict(shared, dev, nlp)
    words = {d: [t.text for t in doc] for d, doc in dev.docs.items()}
    out: dict[str, object] = {}
    sets = {
        "records": (pred.event_records, pred.entity_records),
        "records + words": (pred.event_words, pred.entity_words),
    }
    _header("end to end: predicted mentions (gold topics, our subtopics)")
    detections: list[tuple[str, Score, int, int]] = []
    for name, (event_mentions, entity_mentions) in sets.items():
        entities = cluster_entities(
            entity_mentions, dev.docs, entity_groups, name_groups=name_blocks, event_groups=groups
        )
        events = cluster_events(event_mentions, dev.docs, groups, entities, entity_mentions)
        ev_align = align(dev.events, event_mentions, words)
        en_align = align(dev.entities, entity_mentions, words)
        out[f"events_{name}"] = _row(
            f"events: {name}", evaluate(dev.event_key, align_response(events, ev_align))
        )
        out[f"entities_{name}"] = _row(
            f"entities: {name}", evaluate(dev.entity_key, align_response(entities, en_align))
        )
        if name == "records + words":
            out["events_same_lemma"] = _row(
                "events: same head lemma (words)",
                evaluate(
                    dev.event_key,
                    align_response(same_head_baseline(event_mentions, dev.docs, groups), ev_align),
                ),
            )
            out["entities_same_head"] = _row(
                "entities: same head (words)",
                evaluate(
                    dev.entity_key,
                    align_response(same_head_baseline(entity_mentions, dev.docs, groups), en_align),
                ),
            )
        detections.append((f"events: {name}", ev_align.detection, len(ev_align.to_key), len(event_mentions)))
        detections.append(
            (f"entities: {name}", en_align.detection, len(en_align.to_key), len(entity_mentions))
        )
    print("\nmention detection (trimmed spans identical)")
    for name, score, matched, predicted in detections:
        out[f"detection {name}"] = _detection(name, score, matched, predicted)
    return out


def run(shared: Path) -> dict[str, object]:
    started = time.perf_counter()
    nlp = load_pipeline()
    dev = load_split(shared, "Dev", nlp)
    parse_s = time.perf_counter() - started
    print(f"ECB+ dev: {len(dev.docs)} documents, {len(dev.events)} event and {len(dev.entities)} "
          f"entity gold mentions; parsed in {parse_s:.0f} s")  # fmt: skip
    topics = _gold_topics(dev)
    # (event groups, entity groups, the coarser blocks inside which proper names may match)
    settings = {
        "gold topics, our subtopics": (
            document_groups(dev.docs, within=topics),
            document_groups(dev.docs, within=topics, distance=ENTITY_GROUP_DISTANCE),
            topics,
        ),
        "no topics given (our groups)": (
            document_groups(dev.docs),
            document_groups(dev.docs, distance=ENTITY_GROUP_DISTANCE),
            [sorted(dev.docs)],
        ),
    }
    out: dict[str, object] = {"documents": len(dev.docs), "parse_seconds": round(parse_s, 1)}
    for setting, (groups, entity_groups, name_blocks) in settings.items():
        figures: dict[str, object] = {"groups": len(groups), "entity_groups": len(entity_groups)}
        _header(f"{setting} ({len(groups)} document groups; {len(entity_groups)} for entities)")
        entities = cluster_entities(
            dev.entities, dev.docs, entity_groups, name_groups=name_blocks, event_groups=groups
        )
        events = cluster_events(dev.events, dev.docs, groups, entities, dev.entities)
        figures["events_same_lemma"] = _row(
            "events: same head lemma",
            evaluate(dev.event_key, same_head_baseline(dev.events, dev.docs, groups)),
        )
        figures["events_ours"] = _row("events: newsgraph coref", evaluate(dev.event_key, events))
        figures["entities_same_head"] = _row(
            "entities: same head",
            evaluate(dev.entity_key, same_head_baseline(dev.entities, dev.docs, groups)),
        )
        figures["entities_ours"] = _row("entities: newsgraph coref", evaluate(dev.entity_key, entities))
        out[setting] = figures
    gold_setting = settings["gold topics, our subtopics"]
    out["end to end"] = end_to_end(shared, dev, nlp, *gold_setting)
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def learn_synonyms(shared: Path) -> list[tuple[str, str]]:
    """Pairs of event-trigger lemmas (different derivational stems) that the gold chains of the
    TRAIN topics join repeatedly: "victory"/"win", "blaze"/"fire", "kill"/"murder"."""
    train = load_split(shared, "Train", load_pipeline())
    by_id = {m.id: m for m in train.events}
    chains: Counter[tuple[str, str]] = Counter()
    topics: dict[tuple[str, str], set[str]] = defaultdict(set)
    for chain in train.event_key:
        stems: dict[str, str] = {}
        for mid in chain:
            m = by_id[mid]
            head = mention_head(train.docs[m.doc_id], m.tokens)
            if head.pos_ in ("VERB", "NOUN"):
                stems[trigger_stem(head.lemma_.lower())] = head.lemma_.lower()
        for a, b in itertools.combinations(sorted(stems), 2):
            pair = (stems[a], stems[b])
            chains[pair] += 1
            topics[pair].add(train.topic[by_id[chain[0]].doc_id])
    return sorted(
        p
        for p, n in chains.items()
        if (n >= MIN_CHAINS_ACROSS_TOPICS and len(topics[p]) >= 2) or n >= MIN_CHAINS_ONE_TOPIC
    )


def write_synonyms(shared: Path) -> Path:
    pairs = learn_synonyms(shared)
    target = RESOURCES / "coref" / "event_synonyms.yaml"
    lines = [
        "# Event-trigger synonym pairs for cross-document event coreference (newsgraph.corpus.coref).",
        "# Generated by `python -m benchmarks.ecbplus --write-synonyms`; do not edit by hand.",
        "source: >-",
        "  Learned from the gold event chains of the ECB+ TRAIN topics (Cybulska & Vossen 2014,",
        "  CC BY 3.0; validated sentences as prepared by Barhom et al. 2019): two head lemmas with",
        "  different derivational stems that the same chain holds, in chains of at least two topics",
        "  or in at least three chains. Only lemma pairs are kept, no text.",
        "sets:",
        *(f"  - [{a}, {b}]" for a, b in pairs),
    ]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--write-synonyms", action="store_true")
    args = ap.parse_args(argv)
    if args.write_synonyms:
        print(f"wrote {write_synonyms(args.shared)}")
    else:
        run(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
