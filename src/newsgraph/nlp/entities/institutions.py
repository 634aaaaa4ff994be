"""Institutions named by a nationality or a place and a common noun: "Dutch police", "the
Chinese embassy", "the Antwerp prosecutor's office".

NER tags only the modifier ("Dutch" NORP, "Antwerp" GPE) and leaves the institution, which is
the actor of the sentence ("was arrested by Dutch police"), without an entity. A candidate is
added for the whole phrase when its head is one of the institution nouns of
``resources/entities/institutions.yaml``. A nationality word inside the phrase is no mention of
its own (it modifies the institution); a place keeps its mention, since the place is named.
A possessive ("Iran's military", "Lithuania's parliament") is left alone: it reads as the
country's own organ, which news annotation (and ours) keeps under the country.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from newsgraph.nlp.entities.lexicon import EntityLexicon
from newsgraph.nlp.entities.mentions import Cand, cand_from_tokens
from newsgraph.resources import load_yaml

MODIFIER_LABELS = frozenset({"NORP", "GPE"})
# Institution phrases are short; "prosecutors' office" is the longest head, four tokens.
MAX_HEAD_TOKENS = 5


@functools.lru_cache(maxsize=1)
def institution_heads() -> frozenset[str]:
    data = load_yaml("entities/institutions.yaml", required_keys=("source", "heads"))
    return frozenset(_key(str(h)) for h in data["heads"])


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace(" 's", "'s").split())


def _head_end(doc: Doc, k: int, heads: frozenset[str]) -> int | None:
    """Token offset just past the longest institution head starting at ``k``."""
    best = None
    for m in range(k + 1, min(len(doc), k + MAX_HEAD_TOKENS) + 1):
        if doc[m - 1].is_space or (doc[m - 1].is_punct and doc[m - 1].text not in ("'", "’")):
            break
        if _key(doc[k:m].text) in heads:
            best = m
    return best


def institution_candidates(doc: Doc, cands: list[Cand], lex: EntityLexicon) -> list[Cand]:
    """New candidates for nationality/place + institution phrases; drops the nationality
    candidates they absorb from ``cands`` (in place)."""
    heads = institution_heads()
    taken = {(c.start, c.end) for c in cands}
    out: list[Cand] = []
    absorbed: list[Cand] = []
    for cand in cands:
        if cand.label not in MODIFIER_LABELS or cand.j >= len(doc):
            continue
        end = _head_end(doc, cand.j, heads)
        if end is None:
            continue
        after = doc[end] if end < len(doc) else None
        # "Dutch police officers", "embassy staff": people of the institution, not the institution;
        # a role noun ("embassy spokesman") still names the body the role is in.
        if after is not None and after.pos_ == "NOUN" and after.lower_ not in lex.title_nouns:
            continue
        new = cand_from_tokens(doc, cand.i, end, "ORG")
        if (new.start, new.end) in taken or any(o.overlaps(new) for o in out):
            continue
        if any(c is not cand and c.overlaps(new) and c.label not in MODIFIER_LABELS for c in cands):
            continue  # NER already named a longer organisation here
        out.append(new)
        if cand.label == "NORP":
            absorbed.append(cand)
    for cand in absorbed:
        cands.remove(cand)
    return out


@functools.lru_cache(maxsize=1)
def vessel_prefixes() -> frozenset[str]:
    data = load_yaml("entities/institutions.yaml", required_keys=("source", "heads"))
    return frozenset(str(p) for p in data.get("vessel_prefixes", []))


MAX_VESSEL_WORDS = 4


def vessel_candidates(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Vessels named after a ship prefix: "MV Princess Amihan", "the tanker MT Sea Star". NER
    splits such names into an organisation ("MV") and a person with a title ("Princess ...");
    the whole name is one vessel, and the candidates it covers go (in place)."""
    prefixes = vessel_prefixes()
    out: list[Cand] = []
    for tok in doc:
        if tok.text not in prefixes:
            continue
        j = tok.i + 1
        while (
            j < len(doc) and j - tok.i <= MAX_VESSEL_WORDS and doc[j].text[:1].isupper() and doc[j].is_alpha
        ):
            j += 1
        if j - tok.i < 2:
            continue
        vessel = cand_from_tokens(doc, tok.i, j, "PRODUCT")
        if any(o.overlaps(vessel) for o in out):
            continue
        for cand in [c for c in cands if c.overlaps(vessel)]:
            cands.remove(cand)
        out.append(vessel)
    # "the Princess Amihan" later on: the name without its prefix is the same vessel
    text = doc.text
    for vessel in list(out):
        tail = vessel.text.split(" ", 1)[1]
        at = text.find(tail, vessel.end)
        while at >= 0:
            span = doc.char_span(at, at + len(tail))
            if span is not None and not any(o.start <= at < o.end for o in out):
                repeat = cand_from_tokens(doc, span.start, span.end, "PRODUCT")
                for cand in [c for c in cands if c.overlaps(repeat)]:
                    cands.remove(cand)
                out.append(repeat)
            at = text.find(tail, at + len(tail))
    return out


def is_vessel_name(name: str) -> bool:
    """Whether ``name`` opens with a ship prefix ("MV Princess Amihan")."""
    first = name.split(" ", 1)[0]
    return first in vessel_prefixes() and " " in name
