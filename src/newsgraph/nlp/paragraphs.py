"""newsgraph_paragraphs: a paragraph break always ends a sentence.

The body keeps paragraphs apart with blank lines. spaCy's statistical parser sometimes runs a
sentence across them (a headline-like line with no final period, a list item), which glues
unrelated text into one claim or one relation's evidence. Set before the parser, these
boundaries are kept by it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    start_next = False
    for token in doc:
        if (token.is_space and "\n\n" in token.text) or "\n\n" in token.whitespace_:
            start_next = True
            continue
        if start_next and not token.is_space:
            token.is_sent_start = True
            start_next = False
    return doc
