"""newsgraph_times: finds and normalizes time expressions (:mod:`newsgraph.nlp.times`) into ``state.times``.

The finder works on the text; the parse contributes the tense of the verb that governs each
expression (a month later in the year than the document date is last year's in a past-tense
sentence). When the document has no reference date (no metadata, no ``--date``), the one the
text suggests replaces ``state.reference`` (``method="text"``) before relative expressions
are resolved on it.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.nlp.state import get_state
from newsgraph.nlp.times import extract
from newsgraph.nlp.times.reading import Tense

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_IRREALIS = {"would", "could", "might", "may", "should"}
# Verbs that put what they govern ahead of themselves: "scheduled a hearing Thursday" is a coming Thursday.
_SCHEDULING = {"schedule", "plan", "reschedule", "postpone"}
# How many steps up the dependency tree to look for the verb that governs a time expression.
MAX_HEAD_STEPS = 6


def verb_tense(token: Token) -> Tense | None:
    """Tense of the clause ``token`` sits in: future (will/shall), past (VBD, perfect) or present."""
    verb = token
    for _ in range(MAX_HEAD_STEPS):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    group = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if any(t.lower_ in _IRREALIS for t in group):
        return None  # "said it would close Nov. 10": the date may lie either side of the document's
    # "has scheduled a hearing Thursday", not "On Friday, the government planned" nor "a vigil planned for Saturday"
    if verb.lemma_ in _SCHEDULING and token.i > verb.i and (verb.tag_ != "VBN" or len(group) > 1):
        return "future"
    if verb.tag_ == "VB" and any(t.lower_ == "to" for t in group) and verb.dep_ == "xcomp":
        return "future"  # "planned to leave Thursday", "is expected to vote Monday"
    if any(t.lower_ in _FUTURE_AUX or (t.lower_ == "going" and t.nbor(1).lower_ == "to") for t in group
           if t.i + 1 < len(t.doc)):  # fmt: skip
        return "future"
    if any(t.tag_ == "VBD" for t in group) or (verb.tag_ == "VBN" and any(t.lemma_ == "have" for t in group)):
        return "past"
    return "present"


class TimesComponent:
    """Adds :class:`~newsgraph.model.TimeExpr` records to ``get_state(doc).times``."""

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        starts = [t.idx for t in doc]

        def tense_at(offset: int) -> Tense | None:
            if not doc.has_annotation("DEP") or not starts:
                return None
            i = max(0, bisect.bisect_right(starts, offset) - 1)
            return verb_tense(doc[i])

        result = extract(doc.text, state.reference, tense_at)
        state.reference = result.reference
        state.times = list(result.times)
        return doc


@Language.factory("newsgraph_times", assigns=["doc._.ng"])
def make_component(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()
