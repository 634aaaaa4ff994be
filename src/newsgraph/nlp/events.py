"""newsgraph_events component (placeholder being written; adds no records yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class _Component:
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("newsgraph_events")
def make_component(nlp: Language, name: str) -> _Component:
    return _Component()
