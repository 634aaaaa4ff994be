"""newsgraph_paragraphs: a paragraph break always ends a sentence, and so does a wire dateline.

The body keeps paragraphs apart with blank lines. spaCy's statistical parser sometimes runs a
sentence across them (a headline-like line with no final period, a list item), which glues
unrelated text into one claim or one relation's evidence. A dateline that opens the body
("BATANGAS CITY, Philippines — A ferry capsized ...") is parsed as the lead's subject by the
small model ("CITY" nsubj, "ferry" an apposition, the lead's verb a participle), which loses
the lead's event; ending it at its dash lets the lead parse as the sentence it is. Set before
the parser, these boundaries are kept by it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.entities.places import is_known_place

# A dateline: a capitalised place name (its first word in capitals), maybe a region after a
# comma, then a dash, within the body's first characters ("KYIV, Ukraine — ", "LONDON -- ").
DATELINE = re.compile(r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w. '-]{1,30})?\s*(?:—|–|--| - )\s*")


def mark_dateline(doc: Doc) -> None:
    """The lead sentence starts after the body's dateline."""
    m = DATELINE.match(doc.text[:80])
    if m is None:
        return
    # a place the gazetteer knows, in the capitals or after the comma: "NATO - the alliance -"
    # opens a sentence, "BATANGAS CITY, Philippines —" a dateline
    parts = [p.strip() for p in re.split(r",|—|–|--| - ", m.group(0)) if p.strip()]
    if not any(is_known_place(p.title() if p.isupper() else p) for p in parts):
        return
    for token in doc:
        if token.idx >= m.end() and not token.is_space:
            token.is_sent_start = True
            return


@Language.component("newsgraph_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    mark_dateline(doc)
    start_next = False
    for token in doc:
        if (token.is_space and "\n\n" in token.text) or "\n\n" in token.whitespace_:
            start_next = True
            continue
        if start_next and not token.is_space:
            token.is_sent_start = True
            start_next = False
    return doc
