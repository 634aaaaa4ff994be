"""Titles and roles of a named person, read from three constructions:

* a title right before the name: "Secretary of State John Kerry", "Hamas leader Ismail Haniyeh";
* an apposition: "X, the commander of Y," (or "the commander of Y, X,");
* a copular sentence: "X is the commander of Y".

A role phrase is its head noun with the modifiers before it and one "of/for" phrase after it,
so titles stay short.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.nlp.entities.lexicon import EntityLexicon
from newsgraph.nlp.entities.mentions import ADJECTIVE_TITLES, Cand
from newsgraph.nlp.entities.places import is_known_place
from newsgraph.nlp.state import body_text

MAX_TITLE_TOKENS = 9  # longer role phrases are descriptions, not titles; cut back to the head noun
_LEFT_DEPS = frozenset({"amod", "compound", "nmod", "poss", "case"})
_OBJECT_PREPS = frozenset({"of", "for"})
_DETERMINERS = frozenset({"the", "a", "an"})


def prefix_title(
    doc: Doc, cand: Cand, cands_by_end: dict[int, Cand], sent_start: int, lex: EntityLexicon
) -> str | None:
    """The title phrase ending right before ``cand`` (in the sentence starting at character
    ``sent_start``), with an entity name before it when adjacent."""
    before = body_text(doc)[sent_start : cand.start].rstrip()
    low = before.lower()
    for title in lex.prefix_titles:
        if not low.endswith(title):
            continue
        cut = len(low) - len(title)
        if cut > 0 and low[cut - 1].isalnum():
            continue
        text = before[cut:]
        # Lower-case title words are only trusted before a name NER called a person.
        if not text[:1].isupper() and cand.label != "PERSON":
            return None
        span = doc.char_span(sent_start + cut, sent_start + len(before), alignment_mode="contract")
        if span is None:
            return text
        owner = cands_by_end.get(span.start)
        if owner is not None and owner.label in ("ORG", "GPE", "NORP"):
            return f"{owner.text} {text}"
        return text
    return None


# A personal name after a title: two or three capitalised words ("Helena Cardoso", "Lee Joon-seo").
_PERSONAL_NAME = re.compile(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}$")


MAX_TITLE_WORDS = 3  # "Lieutenant Colonel", "Deputy Prime Minister"
MAX_NAME_WORDS = 3


def titled_names(doc: Doc, cands: list[Cand], lex: EntityLexicon) -> list[Cand]:
    """People NER missed after a capitalised title: "said its spokesman, Lieutenant Colonel Musa
    Abdulkadir" (two or three capitalised name words, none inside another candidate)."""
    titles = frozenset(lex.prefix_titles)
    taken = {i for c in cands for i in range(c.i, c.j)}
    out: list[Cand] = []
    i = 0
    while i < len(doc):
        end = None
        for k in range(min(len(doc), i + MAX_TITLE_WORDS), i, -1):
            span = doc[i:k]
            if span.text.lower() in titles and all(t.text[:1].isupper() for t in span):
                end = k
                break
        if end is None or doc[i:end].text.lower() in ADJECTIVE_TITLES:
            i += 1
            continue
        j = end
        while (
            j < len(doc) and j - end < MAX_NAME_WORDS and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
        ):
            j += 1
        words = [t.text for t in doc[end:j]]
        if (
            j - end >= 2
            and not any(k in taken for k in range(end, j))
            and words[-1] not in lex.org_heads
            and not is_known_place(" ".join(words))
        ):
            cand = Cand(
                i=end, j=j, start=doc[end].idx, end=doc[j - 1].idx + len(doc[j - 1].text),
                text=doc[end:j].text, label="PERSON", titles=[doc[i:end].text],
            )  # fmt: skip
            out.append(cand)
            taken.update(range(end, j))
        i = max(j, i + 1)
    return out


def titled_people(doc: Doc, cands: list[Cand], lex: EntityLexicon) -> None:
    """A name written after a capitalised title ("Interior Minister Helena Cardoso") is a person,
    whatever NER labelled it; a name NER found inside that title ("Interior") is part of it and
    goes. Names ending like an organisation ("... Holdings") or known places keep their label."""
    text = body_text(doc)
    inside: list[Cand] = []
    for cand in cands:
        if not cand.titles or not _PERSONAL_NAME.match(cand.text):
            continue
        title = cand.titles[-1]
        if not title[:1].isupper() or title.lower() not in lex.prefix_titles:
            continue
        if title.lower() in ADJECTIVE_TITLES:
            continue  # "General Data Protection Regulation", "Major League Baseball"
        words = cand.text.split()
        if words[-1] in lex.org_heads or words[-1] in lex.legal_forms or is_known_place(cand.text):
            continue
        start = text.rfind(title, 0, cand.start)
        if start < 0 or text[start + len(title) : cand.start].strip():
            continue
        cand.label = "PERSON"
        inside.extend(c for c in cands if c is not cand and start <= c.start and c.end <= start + len(title))
    for cand in inside:
        if cand in cands:
            cands.remove(cand)


def _is_title_noun(tok: Token, lex: EntityLexicon) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (
        tok.lower_ in lex.title_nouns or tok.lemma_.lower() in lex.title_nouns
    )


def role_phrase(doc: Doc, noun: Token) -> str:
    left = noun.i
    for child in noun.lefts:
        if child.dep_ in _LEFT_DEPS:
            left = min(left, child.left_edge.i)
    right = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                right = objects[0].i + 1
            break
    if right - left > MAX_TITLE_TOKENS:
        right = noun.i + 1
    while left < noun.i and (doc[left].lower_ in _DETERMINERS or doc[left].tag_ == "PRP$"):
        left += 1
    return doc[left:right].text


def dependency_titles(doc: Doc, cand: Cand, lex: EntityLexicon) -> list[str]:
    root = doc[cand.i : cand.j].root
    out: list[str] = []
    for child in root.children:
        if child.dep_ == "appos" and _is_title_noun(child, lex):
            out.append(role_phrase(doc, child))
    subject = root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        if _is_title_noun(root.head, lex):
            out.append(role_phrase(doc, root.head))
        subject = root.head
    if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.lemma_ == "be":
        for child in subject.head.children:
            if child.dep_ == "attr" and _is_title_noun(child, lex):
                out.append(role_phrase(doc, child))
    return out
