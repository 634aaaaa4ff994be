"""newsgraph_relations: who leads, trains, funds, supports, sanctions or fights whom.

Relations come from the dependency parse (see :mod:`newsgraph.nlp.relations.patterns`)
and a lexicon of verbs, action nouns and role nouns (``resources/relations/lexicon.yaml``).
Subjects and objects are entity ids; a relation keeps the sentence as evidence, the
clause's time, and polarity/modality ("did not fund" is negative, "will arm" future).
Identical (subject, predicate, object) triples keep their first evidence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.model import Relation, Span, TimeExpr
from newsgraph.nlp.events.index import RecordIndex
from newsgraph.nlp.events.lexicon import Lexicon, load_lexicon
from newsgraph.nlp.events.syntax import (
    ModalityValue,
    Polarity,
    governors,
    polarity_modality,
    tree_distance,
)
from newsgraph.nlp.relations.events import event_relations
from newsgraph.nlp.relations.lexicon import RelationLexicon, load_relation_lexicon
from newsgraph.nlp.relations.offices import office_relations
from newsgraph.nlp.relations.patterns import Patterns
from newsgraph.nlp.relations.titles import title_relations
from newsgraph.nlp.state import get_state


def clause_time(index: RecordIndex, anchor: Token) -> TimeExpr | None:
    """The nearest time inside the clause of ``anchor`` (relations do not inherit times)."""
    top = governors(anchor)[-1]
    clause = anchor.doc[top.left_edge.i : top.right_edge.i + 1]
    found = index.times_in(clause)
    if not found:
        return None
    return min(found, key=lambda ht: tree_distance(anchor, ht[0]))[1]


def extract_relations(
    doc: Doc, lexicon: RelationLexicon, events: Lexicon, index: RecordIndex, first_id: int = 1
) -> list[Relation]:
    out: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()

    def add(
        subj: str,
        predicate: str,
        obj: str,
        evidence: Span,
        polarity: Polarity = "positive",
        modality: ModalityValue = "actual",
        time: str | None = None,
        event: str | None = None,
    ) -> None:
        """Append a relation unless it links an entity to itself or repeats a triple."""
        key = (subj, predicate, obj)
        if subj == obj or key in seen:
            return
        seen.add(key)
        out.append(
            Relation(
                id=f"r{first_id + len(out)}",
                subject=subj,
                predicate=predicate,
                object=obj,
                evidence=evidence,
                polarity=polarity,
                modality=modality,
                time=time,
                event=event,
            )
        )

    patterns = Patterns(lexicon, events, index)
    descriptive: set[tuple[str, str, int]] = set()
    for sent in doc.sents:
        sentence = Span(start=sent.start_char, end=sent.end_char, text=sent.text)
        for tok in sent:
            for cand in patterns.run(tok):
                if not cand.subjects or not cand.objects:
                    continue
                polarity, modality = polarity_modality(cand.anchor, events.modality)
                time = clause_time(index, cand.anchor)
                if cand.descriptive:
                    descriptive.update((s, o, sent.start_char) for s in cand.subjects for o in cand.objects)
                for subj in cand.subjects:
                    for obj in cand.objects:
                        add(
                            subj,
                            cand.predicate,
                            obj,
                            sentence,
                            polarity=polarity,
                            modality=modality,
                            time=time.id if time else None,
                        )
    # Event-derived links come after the lexicon's: a pair already linked in the same sentence
    # keeps the lexicon's predicate ("funds", "leads") and gets no second, vaguer one.
    linked = {(r.subject, r.object, r.evidence.start) for r in out} - descriptive
    known = lexicon.verbs.keys()
    for subj, predicate, obj, event, evidence in event_relations(doc, index.state.events, events, known):
        if (subj, obj, event.sentence.start) not in linked:
            add(
                subj,
                predicate,
                obj,
                evidence,
                polarity=event.polarity,
                modality=event.modality,
                time=event.time,
                event=event.id,
            )
    for subj, predicate, obj, evidence in title_relations(doc, index.state.entities, lexicon):
        add(subj, predicate, obj, evidence)
    # an office whose country the text leaves to the reader, only for holders not yet tied to one
    tied = {r.subject for r in out if r.predicate in ("member_of", "leads")}
    for subj, predicate, obj, evidence in office_relations(doc, index, lexicon):
        if subj not in tied:
            add(subj, predicate, obj, evidence)
    return out


class RelationComponent:
    """Finds relations between entities and writes :class:`~newsgraph.model.Relation` records."""

    def __init__(self, lexicon: RelationLexicon, events: Lexicon) -> None:
        self.lexicon = lexicon
        self.events = events

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        index = RecordIndex(doc, state)
        first = len(state.relations) + 1
        state.relations.extend(extract_relations(doc, self.lexicon, self.events, index, first_id=first))
        return doc


@Language.factory("newsgraph_relations", assigns=["doc._.ng"], default_config={})
def make_component(nlp: Language, name: str) -> RelationComponent:
    return RelationComponent(load_relation_lexicon(), load_lexicon())
