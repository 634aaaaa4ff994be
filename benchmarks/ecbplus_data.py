"""ECB+ in the Barhom et al. (2019) setup, read in place and parsed once per sentence.

The setup files (``../shared/data/ecbplus-traindev/barhom2019_cybulska_setup``) hold the tokens
of the validated sentences (``ECB_<split>_corpus.txt``) and the gold event and entity mentions
with their ``coref_chain`` (``ECB_<split>_{Event,Entity}_gold_mentions.json``). Each sentence is
parsed as its own ``Doc`` from the gold tokens (so mention token numbers map one to one onto
spaCy tokens), and the sentences of an article are joined into one ``Doc``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.corpus.coref import CorefMention

SETUP = Path("data/ecbplus-traindev/barhom2019_cybulska_setup")
SPLITS = Path("data/ecbplus-traindev/split.json")
# Only the statistical components: the newsgraph record components are not used here.
CORE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@dataclass
class Split:
    docs: dict[str, Doc]
    topic: dict[str, str]  # doc id → gold topic
    events: list[CorefMention]
    entities: list[CorefMention]
    event_key: list[list[str]]  # gold chains of mention ids
    entity_key: list[list[str]]


def _tokens(path: Path) -> dict[str, dict[int, list[str]]]:
    out: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 4:
            continue
        doc_id, sent, num, tok = parts[0], int(parts[1]), int(parts[2]), parts[3]
        words = out[doc_id][sent]
        if num != len(words):
            raise ValueError(f"{path}: token numbers of {doc_id}/{sent} are not contiguous")
        words.append(tok)
    return out


def load_split(shared: Path, split: str, nlp: Language) -> Split:
    tokens = _tokens(shared / SETUP / f"ECB_{split}_corpus.txt")
    order = [(d, s) for d in sorted(tokens) for s in sorted(tokens[d])]
    inputs = [Doc(nlp.vocab, words=tokens[d][s]) for d, s in order]
    disable = [p for p in nlp.pipe_names if p not in CORE_PIPES]
    parsed = list(nlp.pipe(inputs, disable=disable, batch_size=256))
    per_doc: dict[str, list[Doc]] = defaultdict(list)
    offset: dict[tuple[str, int], int] = {}
    for (d, s), sent_doc in zip(order, parsed, strict=True):
        offset[(d, s)] = sum(len(x) for x in per_doc[d])
        per_doc[d].append(sent_doc)
    docs = {d: Doc.from_docs(sents) for d, sents in per_doc.items()}
    result = Split(docs=docs, topic={d: d.split("_")[0] for d in docs}, events=[], entities=[],
                   event_key=[], entity_key=[])  # fmt: skip
    for kind, name in (("event", "Event"), ("entity", "Entity")):
        raw = json.loads((shared / SETUP / f"ECB_{split}_{name}_gold_mentions.json").read_text())
        chains: dict[str, list[str]] = defaultdict(list)
        mentions = result.events if kind == "event" else result.entities
        for m in raw:
            base = offset[(m["doc_id"], m["sent_id"])]
            toks = tuple(base + n for n in m["tokens_number"])
            mid = f"{m['doc_id']}/{m['sent_id']}/{'.'.join(map(str, m['tokens_number']))}"
            mentions.append(CorefMention(mid, m["doc_id"], kind, toks, m["mention_type"]))
            chains[m["coref_chain"]].append(mid)
        if kind == "event":
            result.event_key = list(chains.values())
        else:
            result.entity_key = list(chains.values())
    return result


def split_topics(shared: Path) -> dict[str, list[int]]:
    data: dict[str, list[int]] = json.loads((shared / SPLITS).read_text(encoding="utf-8"))
    return data
