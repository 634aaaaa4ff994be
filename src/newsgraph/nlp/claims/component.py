"""newsgraph_claims: every sentence of the body that asserts something becomes a Claim.

For each sentence (spaCy's split, cut again after an inner "?" or "!" so "Who knows? - it
could be higher" is two units) the component:
1. skips what asserts nothing: headings (a line with no closing punctuation), fragments (no
   verb and no opinion cue, or fewer than ``MIN_WORDS`` words), bare instructions ("See the
   map below.") and genuine questions (a question with no rhetorical cue);
2. finds its cues (:mod:`newsgraph.nlp.claims.cues`) and decides its status
   (:mod:`newsgraph.nlp.claims.status`, where the precedence is documented);
3. scores check-worthiness with the packaged model (:mod:`newsgraph.nlp.claims.checkworthy`),
   tempered by the status and by the figures and actors the sentence holds;
4. links the ids of the entities, times, amounts and places inside the sentence, resolves an
   attributed claim's source to an entity (a quoted sentence right after an attributed one
   continues that speaker's quotation), and sets ``claim`` on each event whose trigger lies in
   the sentence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.model import Claim, Entity, Event
from newsgraph.nlp.claims.checkworthy import load_model
from newsgraph.nlp.claims.cues import STRONG_OPINION_KINDS, Lexicon, detect, is_instruction, load_lexicon
from newsgraph.nlp.claims.status import decide, temper
from newsgraph.nlp.state import NgState, body_text, get_state

# A claim needs at least this many words: shorter units are bylines, labels or interjections.
MIN_WORDS = 3
_CLOSING = re.compile(r"[.!?…;:\"”’')\]]\s*$")
_DIGIT = re.compile(r"\d")
_PRONOUN_TYPES = {
    "he": ("PERSON",),
    "she": ("PERSON",),
    "they": ("ORG", "NORP", "GPE", "PERSON"),
    "it": ("ORG", "GPE"),
}


def units(doc: Doc) -> Iterator[Span]:
    """Sentences, cut after an inner question or exclamation mark, trimmed of edge spaces/dashes."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.text in ("?", "!") and tok.i + 1 < sent.end and not _closes(doc, tok.i + 1, sent.end):
                yield from _trimmed(doc[start : tok.i + 1])
                start = tok.i + 1
        yield from _trimmed(doc[start : sent.end])


def _closes(doc: Doc, i: int, end: int) -> bool:
    """True if tokens ``i..end`` are only closing quotes/brackets/space (they belong to the question)."""
    return all(t.is_space or t.text in ("”", '"', "’", "'", ")", "]") for t in doc[i:end])


def _trimmed(span: Span) -> Iterator[Span]:
    toks = [t for t in span if not t.is_space]
    i, j = 0, len(toks)
    while i < j and (toks[i].is_punct and toks[i].text not in ("“", '"', "(", "‘")):
        i += 1
    if i < j:
        yield span.doc[toks[i].i : toks[j - 1].i + 1]


def _is_heading(span: Span) -> bool:
    """A line of its own that ends without closing punctuation (a title, a byline, a label)."""
    text = body_text(span.doc)
    line_end = text.find("\n", span.end_char)
    rest = text[span.end_char : line_end if line_end >= 0 else len(text)]
    return not _CLOSING.search(span.text) and not rest.strip()


def _words(span: Span) -> int:
    return sum(1 for t in span if t.is_alpha)


def _has_verb(span: Span) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in span)


class ClaimsComponent:
    """Writes ``Claim`` records into ``get_state(doc).claims`` and links events to them."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        claims: list[Claim] = []
        for span in units(doc):
            claim = self._claim(span, state, f"c{len(claims) + 1}")
            if claim is not None:
                claims.append(_continue_quote(claim, claims[-1] if claims else None, body_text(doc)))
        state.claims = claims
        state.events = [self._link_event(ev, claims) for ev in state.events]
        return doc

    def _claim(self, span: Span, state: NgState, claim_id: str) -> Claim | None:
        if _words(span) < MIN_WORDS or _is_heading(span):
            return None
        cues = detect(span, self.lexicon)
        strong = bool(cues.kinds() & STRONG_OPINION_KINDS)
        if is_instruction(span) and not (
            strong or cues.evaluation
        ):  # "Forgive me if ..." addresses the reader as opinion
            return None
        # a verbless evaluation ("A fiasco, frankly.") is still the writer's opinion
        if not strong and (
            not (_has_verb(span) or cues.evaluation) or span.text.rstrip("”\"’') ").endswith("?")
        ):
            return None
        start, end = span.start_char, span.end_char
        entities = _inside_entities(state.entities, start, end)
        times = tuple(t.id for t in state.times if start <= t.start and t.end <= end)
        amounts = tuple(a.id for a in state.amounts if start <= a.start and a.end <= end)
        places = tuple(p.id for p in state.places if start <= p.start and p.end <= end)
        has_figures = bool(times or amounts or _DIGIT.search(span.text))
        decision = decide(cues, has_figures=has_figures)
        source = None
        if decision.attribution is not None and decision.attribution.source is not None:
            src = decision.attribution.source
            source = _source_entity(state, src.start_char, src.end_char, src.root.lower_)
        has_actor = bool(entities) or any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span)
        probability = load_model().score(span.text)
        return Claim(
            id=claim_id,
            text=span.text,
            start=start,
            end=end,
            status=decision.status,
            checkworthy=temper(probability, decision.status, has_figures=has_figures, has_actor=has_actor),
            cues=tuple(cues.cues),
            source=source,
            entities=entities,
            times=times,
            amounts=amounts,
            places=places,
        )

    @staticmethod
    def _link_event(ev: Event, claims: Sequence[Claim]) -> Event:
        for claim in claims:
            if claim.start <= ev.trigger.start < claim.end:
                return dataclasses.replace(ev, claim=claim.id)
        return ev


def _continue_quote(claim: Claim, previous: Claim | None, text: str) -> Claim:
    """A quoted sentence with no frame of its own, right after an attributed claim in the same
    paragraph, continues that speaker's quotation ('"We lost," he said. "We will be back."')."""
    if (
        previous is None
        or previous.status != "attributed"
        or claim.status == "attributed"
        or not claim.text.startswith(("“", '"'))
        or "\n" in text[previous.end : claim.start]
    ):
        return claim
    return dataclasses.replace(claim, status="attributed", source=previous.source)


def _inside_entities(entities: Sequence[Entity], start: int, end: int) -> tuple[str, ...]:
    return tuple(e.id for e in entities if any(start <= m.start and m.end <= end for m in e.mentions))


def _source_entity(state: NgState, start: int, end: int, head: str) -> str | None:
    """The entity named by a source phrase; a bare pronoun resolves to the closest entity before it."""
    found = state.entity_at(start, end)
    if found is not None:
        return found.id
    types = _PRONOUN_TYPES.get(head)
    if types is None:
        return None
    best: tuple[int, str] | None = None
    for entity in state.entities:
        if entity.type not in types:
            continue
        for m in entity.mentions:
            if m.end <= start and (best is None or m.end > best[0]):
                best = (m.end, entity.id)
    return best[1] if best else None


@Language.factory("newsgraph_claims", assigns=["doc._.ng"], default_config={})
def make_component(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(load_lexicon())
