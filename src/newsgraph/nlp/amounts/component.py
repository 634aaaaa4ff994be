"""newsgraph_amounts: money, percentages and counts as :class:`~newsgraph.model.Amount` records.

Runs after ``newsgraph_times`` (it links each amount to a time expression of its sentence) and after
``newsgraph_entities``. The finding itself is :func:`newsgraph.nlp.amounts.find_quantities`, which needs no
spaCy; this component adds sentence-aware links: ``part_of`` ("$1.3 billion of which ...") and ``time``
("$5 billion in 2014"), and drops counts whose number is part of a date the times component found
("the May 5 attacks"). Range amounts carry ``value`` = the low end and ``range`` = (low, high).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Amount, TimeExpr
from newsgraph.nlp.amounts import Quantity, find_quantities
from newsgraph.nlp.amounts.links import link_parts, link_time, sentence_of
from newsgraph.nlp.state import get_state


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(doc.text))]


def _inside_date(q: Quantity, times: list[TimeExpr]) -> bool:
    """A count or percentage whose number a date covers ("the May 5 attacks", "2015 fighters")."""
    return q.unit != "money" and any(
        t.kind in ("date", "interval") and t.start <= q.start < t.end for t in times
    )


def amounts_of(doc: Doc) -> list[Amount]:
    """The amounts of ``doc``, with ids ``a1``.. in text order, linked to the times already on the doc."""
    state = get_state(doc)
    text = doc.text
    quantities = [q for q in find_quantities(text) if not _inside_date(q, state.times)]
    sentences = _sentences(doc)
    parents = link_parts(text, quantities, sentences)
    records = []
    for i, q in enumerate(quantities):
        parent = parents[i]
        records.append(
            Amount(
                id=f"a{i + 1}",
                text=q.text,
                start=q.start,
                end=q.end,
                value=q.value,
                unit=q.unit,
                currency=q.currency,
                per=q.per,
                qualifier=q.qualifier,  # type: ignore[arg-type]
                range=q.range,
                part_of=f"a{parent + 1}" if parent is not None else None,
                time=link_time(text, q, quantities, state.times, sentence_of(q.start, sentences)),
            )
        )
    return records


class AmountsComponent:
    """Writes the amounts of a Doc into ``get_state(doc).amounts``."""

    def __call__(self, doc: Doc) -> Doc:
        get_state(doc).amounts = amounts_of(doc)
        return doc


@Language.factory("newsgraph_amounts", assigns=["doc._.ng"], default_config={})
def make_component(nlp: Language, name: str) -> AmountsComponent:
    return AmountsComponent()
