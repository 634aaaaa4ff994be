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
from newsgraph.nlp.entities.places import is_known_place
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


# A personal name: two or three capitalised words, none of them an organisation's head.
_NAME_WORD = frozenset({"PROPN"})


def split_of_person(doc: Doc, cands: list[Cand], lex: EntityLexicon) -> list[Cand]:
    """ "the Liberal Movement of Tomas Girdauskas": NER runs an organisation over "of" and the
    name of its leader. When the words after the last "of" are a person named as such elsewhere
    in the text (a PERSON candidate with the same words), the organisation ends before "of" and
    the person gets a mention of their own (in place; returns the new person candidates)."""
    out: list[Cand] = []
    for cand in list(cands):
        if cand.label != "ORG":
            continue
        ofs = [k for k in range(cand.i + 1, cand.j - 1) if doc[k].lower_ == "of"]
        if not ofs:
            continue
        k = ofs[-1]
        tail = doc[k + 1 : cand.j]
        if len(tail) < 2 or not all(t.pos_ in _NAME_WORD for t in tail):
            continue
        # a name, not an organisation's or a place's words ("Bank of New York", "Ministry of
        # Foreign Affairs"), written alone elsewhere (NER's label there is often wrong too)
        words = tail.text.split()
        if words[-1] in lex.org_heads or is_known_place(tail.text):
            continue
        alone = [c for c in cands if c.text in (tail.text, words[-1]) and not c.overlaps(cand)]
        if not alone:
            continue  # the full name or the surname
        for c in alone:
            c.label = "PERSON"  # "Girdauskas said": the person, whatever NER called the surname
        cands.remove(cand)
        cands.append(cand_from_tokens(doc, cand.i, k, cand.label))
        out.append(cand_from_tokens(doc, k + 1, cand.j, "PERSON"))
    return out
