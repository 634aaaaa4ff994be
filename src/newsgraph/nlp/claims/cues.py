"""Cue detection for claims: hedges, speculation, conditions, reported speech and opinion markers.

One detector serves the ``newsgraph_claims`` component and the hedge benchmark
(``benchmarks/claims.py`` scores the hedge + speculation + condition cues against the Szeged
Uncertainty Corpus), so the figures measure what the product does.

Words and phrases come from ``resources/claims/cues.yaml``; what needs syntax lives here:
- "would"/"should" count in the main clause only: after a past verb ("they learned the money
  would be paid") they are the future of the past, not a prediction;
- a negated "could" ("could not stop it") reports a past inability, a fact;
- "if" opens a condition when it marks an adverbial clause, and an indirect question
  ("asked if") otherwise (a hedge, Szeged's hypo_investigation);
- a reporting verb is a frame only with a subject that is not the writer (I/we) and a
  complement clause, an infinitive or a parenthetical quote; "according to X" only when X is
  a person, organisation, pronoun or a source noun ("officials", "a report");
- scare quotes are short quoted phrases (1-3 words) that contain no verb and are not names.

Every hedge and speculation cue is reported (the hedge benchmark scores them all, as CoNLL-2010
counts a cue anywhere in the sentence), but only the cues that scope over the sentence's main
assertion decide its status (:func:`scopes_over_sentence`):
- a cue counts when its clause is the ROOT or reaches it through clauses that carry the main
  assertion or modify it: ccomp, xcomp, advcl, and conj that shares the main clause's subject
  ("The firm cut jobs and could close plants");
- a cue inside a relative or adnominal clause (relcl, acl) qualifies a noun, not the sentence
  ("The mayor, who has warned that fares could rise, opened the line" asserts the opening;
  "the bank, which it accused of fraud" asserts the sanction, not the fraud);
- a cue inside a coordinated clause with a subject of its own ("X won, but Y could ...") leaves
  the first, independent clause asserted: that clause is still a checkable statement. When
  that conjunct holds a figure or date ("..., and the bill could reach $2bn"), the figure is
  what a reader would check, and it is uncertain: the cue counts;
- an adjective hedging a noun ("the likely cost", "a possible successor") qualifies that noun,
  unless the main verb is a copula ("There is a possible link"), where the noun is the claim.
A reported clause of a main-clause speech verb is attributed anyway (status precedence).

Short evaluations (:func:`short_evaluation`): a sentence of at most ``EVALUATION_MAX_WORDS``
words with no figure or named entity whose predicate is a word of the loaded or evaluative
lexicon ("Quite a fiasco.", "It was a shambles."), or that opens with an interjection of praise
or scorn ("Bravo.", "Well done, ministers."), checks nothing: it is the writer's opinion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsgraph.model import Cue, CueKind
from newsgraph.nlp.claims.lexicon import Lexicon, Match, load_lexicon
from newsgraph.nlp.state import body_text

UNCERTAINTY_KINDS: frozenset[str] = frozenset({"hedge", "speculation", "condition"})
STRONG_OPINION_KINDS: frozenset[str] = frozenset({"sarcasm", "rhetorical"})

# Quoted text this short (in words) with no verb inside reads as distancing ("so-called"),
# not as a quotation; four words and more are nearly always someone's words.
SCARE_QUOTE_MAX_WORDS = 3
_MAIN_CLAUSE_ONLY = frozenset({"would", "should"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
_SOURCE_ENT_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
# Reporting verbs whose reported content is an "of"/"for" + gerund phrase ("accused X of lying").
_CHARGE_VERBS = frozenset({"accuse", "blame", "charge"})
# A speaker written after the reported words: ", local officials and hospital staff said." (words).
MAX_TRAILING_SOURCE = 8
# Plural nouns of people who speak for something: officials, witnesses, residents, staff...
_SOURCE_SUFFIXES = (
    "officials",
    "witnesses",
    "residents",
    "staff",
    "sources",
    "police",
    "experts",
    "analysts",
    "diplomats",
    "doctors",
    "medics",
    "spokesman",
    "spokeswoman",
    "spokesperson",
)
# A short evaluation has at most this many words: beyond it a sentence nearly always carries a
# checkable clause as well (chosen to cover "Truly, a great success of planning." and stay under
# the length of the shortest factual news sentences with a predicate and an object).
EVALUATION_MAX_WORDS = 8
# Clause relations that attach a clause to a noun rather than to the main assertion.
_ADNOMINAL = frozenset({"relcl", "acl"})
# Subordinators of clauses that date or explain the main act ("after X accused Y", "since it may").
_TEMPORAL_MARKS = frozenset({"after", "before", "when", "since", "until", "once", "while", "as"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# Dependency labels of a predicate: the sentence's root, or the complement of a copula.
_PREDICATE_DEPS = frozenset({"ROOT", "attr", "acomp", "oprd"})
# spaCy entity types that make a short sentence checkable (a named actor, place, figure or date).
_CHECKABLE_ENT_TYPES = frozenset(
    {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
_FIGURE_ENT_TYPES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE", "TIME"})
_QUOTE = re.compile(r"[“\"]([^“”\"\n]{1,80})[”\"]")
_FILLERS = frozenset({"and", "but", "so", "now", "yet", "or", "well", "oh"})


@dataclass(frozen=True)
class Attribution:
    """A reported-speech frame: its cue and the tokens naming the source (``None`` if unnamed)."""

    cue: Cue
    source: Span | None


@dataclass
class SentenceCues:
    """Everything the detector found in one sentence."""

    cues: list[Cue] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    # a condition whose clause modifies the main clause (it governs the whole claim)
    governing_condition: bool = False
    # starts of hedge/speculation cues that do not scope over the main assertion (module doc)
    unscoped: set[int] = field(default_factory=set)
    # a short evaluation with nothing checkable in it (module doc)
    evaluation: bool = False

    def kinds(self) -> set[str]:
        return {c.kind for c in self.cues}

    def status_kinds(self) -> set[str]:
        """The kinds that decide the status: every cue but the out-of-scope hedges/speculation."""
        return {c.kind for c in self.cues if c.start not in self.unscoped}

    def uncertainty(self) -> list[Cue]:
        return [c for c in self.cues if c.kind in UNCERTAINTY_KINDS]


def _cue(tokens: Sequence[Token], i: int, n: int, kind: CueKind) -> Cue:
    start, end = tokens[i].idx, tokens[i + n - 1].idx + len(tokens[i + n - 1])
    return Cue(text=body_text(tokens[0].doc)[start:end], start=start, end=end, kind=kind)


def _in_main_clause(tok: Token) -> bool:
    """True if ``tok``'s clause is the sentence's main clause (or a conjunct of it)."""
    verb = tok.head if tok.dep_ in ("aux", "auxpass", "neg", "mark", "advmod") else tok
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _own_subject(verb: Token) -> bool:
    holders = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(c.dep_ in _SUBJECT_DEPS for h in holders for c in h.children)


def _has_figure(clause: Token) -> bool:
    """Whether a clause holds a number, amount or date: then it is the sentence's checkable content."""
    return any(t.like_num or t.ent_type_ in _FIGURE_ENT_TYPES for t in clause.subtree)


def scopes_over_sentence(tok: Token) -> bool:
    """Whether a hedge/speculation cue at ``tok`` qualifies the sentence's main assertion (module doc)."""
    cur = tok
    if tok.dep_ == "amod":
        root = tok
        while root.dep_ != "ROOT" and root.head is not root:
            root = root.head
        if root.lemma_.lower() != "be":
            return False
    while cur.dep_ != "ROOT" and cur.head is not cur:
        if cur.dep_ in _ADNOMINAL:
            return False
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and _own_subject(cur) and not _has_figure(cur):
            return False
        if _temporal_clause(cur):
            return False  # "the ministry summoned the envoy after a firm accused ...": summoned stands
        cur = cur.head
    return True


def _temporal_clause(tok: Token) -> bool:
    """Whether ``tok`` heads a clause that only says when or why the main act happened."""
    if tok.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in tok.children)
    return tok.dep_ == "pcomp" and tok.head.lower_ in _TEMPORAL_MARKS


def _negated(tok: Token) -> bool:
    head = tok.head
    return any(c.dep_ == "neg" for c in head.children) or (
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("not", "n't")
    )


def _subject(verb: Token) -> Span | None:
    """The subject phrase of ``verb``; the parser may hang it on an auxiliary ("X did promise")
    or leave it on the first conjunct ("X met them and said ...")."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    if verb.dep_ == "conj" and verb.head is not verb:
        return _subject(verb.head)
    return None


def _inverted_subject(verb: Token) -> Span | None:
    """The speaker after the verb in '"...," said the minister' (the parser may call it dobj/attr)."""
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos") and child.pos_ in ("PROPN", "NOUN"):
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def _quoted(tokens: Sequence[Token]) -> bool:
    """Whether a unit opens inside quotation marks (someone else's words)."""
    return bool(tokens) and tokens[0].text in ("“", '"', "‘", "'")


def is_instruction(sent: Span) -> bool:
    """An imperative with no clause of its own ("See the map below."): it asserts nothing."""
    root = sent.root
    return (
        root.tag_ == "VB"
        and _subject(root) is None
        and not any(c.dep_ in ("aux", "ccomp") for c in root.children)
        and not any(t.tag_ == "MD" for t in sent)
    )


def _is_source(phrase: Span, lex: Lexicon) -> bool:
    head = phrase.root
    if head.lower_ in _FIRST_PERSON:
        return False
    return (
        head.ent_type_ in _SOURCE_ENT_TYPES
        or head.pos_ in ("PRON", "PROPN")
        or head.lemma_.lower() in lex.source_nouns
        or head.lower_ in lex.source_nouns
    )


def _charge_clause(verb: Token) -> bool:
    """ "accused Russia of using the site": the "of" + gerund is what the source charges (the
    parser hangs it on the verb or on its object, "Beta of stealing")."""
    if verb.lemma_.lower() not in _CHARGE_VERBS:
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        c.dep_ == "prep" and c.lower_ in ("of", "for") and any(g.dep_ == "pcomp" for g in c.children)
        for h in heads
        for c in h.children
    )


def _trailing_source(sent: Span, verb: Token) -> Span | None:
    """ "..., local officials and hospital staff said.": a speaker and a reporting verb closing the
    sentence after a comma (the parser often misreads this order, so it is read from the tokens)."""
    doc = sent.doc
    end = verb.i + 1
    if end < sent.end and not all(t.is_punct for t in doc[end : sent.end]):
        return None
    for k in range(verb.i - 1, max(sent.start, verb.i - MAX_TRAILING_SOURCE) - 1, -1):
        if doc[k].text == ",":
            words = doc[k + 1 : verb.i]
            if words and any(
                t.pos_ in ("PROPN", "PRON")
                or t.ent_type_ in _SOURCE_ENT_TYPES
                or t.lower_.endswith(_SOURCE_SUFFIXES)
                for t in words
            ):
                return words
            return None
    return None


def _verb_frames(sent: Span, lex: Lexicon) -> list[Attribution]:
    out = []
    has_quote = bool(re.search(r"[“”\"]", sent.text))
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.attribution_verbs:
            continue
        if not (_in_main_clause(tok) or (tok.dep_ == "parataxis" and tok.head.dep_ == "ROOT")):
            continue
        trailing = _trailing_source(sent, tok)
        has_clause = any(c.dep_ in _CLAUSE_DEPS for c in tok.children) or _charge_clause(tok)
        if not (has_clause or trailing) and not (has_quote and tok.dep_ in ("ROOT", "parataxis")):
            continue
        subject = trailing or _subject(tok) or _inverted_subject(tok)
        if subject is not None and subject.root.lower_ in _FIRST_PERSON:
            continue
        if subject is None and tok.tag_ in ("VB", "VBP") and tok.dep_ == "ROOT":
            continue  # an imperative ("Note that ...") addresses the reader, it reports no one
        # "it was reported that", "X is said to be": a passive frame names no source
        unnamed = subject is None or subject.root.lower_ == "it" or subject.root.dep_ == "nsubjpass"
        source = None if unnamed else subject
        out.append(Attribution(_cue(list(sent), tok.i - sent.start, 1, "attribution"), source))
    return out


def _noun_frames(sent: Span, lex: Lexicon) -> list[Attribution]:
    out = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lower_ not in lex.attribution_nouns:
            continue
        for child in tok.children:
            if child.dep_ == "poss" and child.lower_ not in _FIRST_PERSON:
                source = sent.doc[child.left_edge.i : child.i + 1]
                out.append(Attribution(_cue(list(sent), tok.i - sent.start, 1, "attribution"), source))
    return out


def _scare_quotes(sent: Span, lex: Lexicon) -> list[Cue]:
    doc = sent.doc
    out = []
    for m in _QUOTE.finditer(sent.text):
        inner = m.group(1).strip(" ,.;:!?")
        words = inner.split()
        if not words or len(words) > SCARE_QUOTE_MAX_WORDS:
            continue
        if all(w[:1].isupper() for w in words) and len(words) > 1:
            continue  # a title or a name
        start = sent.start_char + m.start()
        end = sent.start_char + m.end()
        inner_tokens = [t for t in doc[sent.start : sent.end] if start < t.idx < end]
        if any(t.pos_ in ("VERB", "AUX") for t in inner_tokens):
            continue  # a quoted clause is a quotation, not distancing
        prev = body_text(doc)[sent.start_char : start].rstrip()
        if prev.endswith(":") or prev.endswith(","):
            continue  # introduced like a quotation
        out.append(Cue(text=body_text(doc)[start:end], start=start, end=end, kind="scare_quote"))
    return out


def _opening(tokens: Sequence[Token]) -> int:
    """Index of the first token after leading punctuation and fillers ("And", "But", "-")."""
    i = 0
    while i < len(tokens) and (tokens[i].is_punct or tokens[i].is_space or tokens[i].lower_ in _FILLERS):
        i += 1
    return i


def detect(sent: Span, lexicon: Lexicon | None = None) -> SentenceCues:
    """Find every cue in ``sent`` (a sentence, or a clause span of one)."""
    lex = lexicon or load_lexicon()
    tokens = list(sent)
    found = SentenceCues()
    taken: set[int] = set()

    def add(i: int, m: Match, kind: CueKind) -> None:
        cue = _cue(tokens, i + m.cue_lo, m.cue_hi - m.cue_lo, kind)
        found.cues.append(cue)
        taken.update(range(i, i + m.length))
        if kind in ("hedge", "speculation") and not scopes_over_sentence(tokens[i + m.cue_lo]):
            found.unscoped.add(cue.start)

    first = _opening(tokens)
    if first < len(tokens):
        m = lex.exhortations.match_at(tokens, first)
        is_question = tokens[-1].text == "?" or (len(tokens) > 1 and tokens[-2].text == "?")
        if m is None and is_question:
            m = lex.rhetorical_questions.match_at(tokens, first)
        if m is not None:
            add(first, m, "rhetorical")
        elif is_question and not _quoted(tokens) and not any(t.pos_ in ("VERB", "AUX") for t in tokens):
            # A verbless question in the writer's own voice asks nothing: it is a jab ("Value for
            # money, anyone?", "Coincidence?"). Questions with a verb may be real ones.
            mark = max(k for k, t in enumerate(tokens) if t.text == "?")
            found.cues.append(_cue(tokens, mark, 1, "rhetorical"))
    for i, tok in enumerate(tokens):
        if i in taken:
            continue
        if m := lex.sarcasm.match_at(tokens, i):
            add(i, m, "sarcasm")
        elif m := lex.condition.match_at(tokens, i):
            _condition(sent, tokens, i, m, first, found, add)
        elif m := lex.speculation.match_at(tokens, i):
            word = tok.lower_
            if word in _MAIN_CLAUSE_ONLY and not _in_main_clause(tok):
                continue
            if word == "could" and _negated(tok):
                continue
            add(i, m, "speculation")
        elif m := lex.hedge.match_at(tokens, i):
            add(i, m, "hedge")
        elif m := lex.loaded.match_at(tokens, i):
            add(i, m, "loaded")
        elif m := lex.attribution_phrases.match_at(tokens, i):
            frame = _phrase_frame(sent, tokens, i, m.length, lex)
            if frame is not None:
                found.attributions.append(frame)
                found.cues.append(frame.cue)
                taken.update(range(i, i + m.length))
    for frame in _verb_frames(sent, lex) + _noun_frames(sent, lex):
        if any(a.cue.start == frame.cue.start for a in found.attributions):
            continue
        # a verb that is also a hedge or speculation cue ("accused", "estimated") still reports
        # a source; its cue is listed once
        found.attributions.append(frame)
        if not any(c.start == frame.cue.start for c in found.cues):
            found.cues.append(frame.cue)
    found.cues.extend(_scare_quotes(sent, lex))
    found.evaluation = short_evaluation(sent, lex)
    found.cues.sort(key=lambda c: (c.start, c.end))
    return found


def short_evaluation(sent: Span, lexicon: Lexicon | None = None) -> bool:
    """A short sentence with no figure or name that only evaluates (module doc)."""
    lex = lexicon or load_lexicon()
    tokens = list(sent)
    words = [t for t in tokens if t.is_alpha]
    if not words or len(words) > EVALUATION_MAX_WORDS or _quoted(tokens):
        return False
    if any(t.like_num or t.ent_type_ in _CHECKABLE_ENT_TYPES for t in tokens):
        return False
    first = _opening(tokens)
    if first < len(tokens) and lex.interjections.match_at(tokens, first) is not None:
        if tokens[first].lower_ in ("what", "how") and tokens[first].dep_ not in ("det", "predet", "advmod"):
            return False  # "What a firm spends is private": a free relative, not an exclamation
        # "Congratulations poured in": the interjection is a noun with a verb of its own
        return not any(t.pos_ == "VERB" and t.dep_ == "ROOT" and t.tag_ != "VBN" for t in tokens)
    for i in range(len(tokens)):
        m = lex.evaluative.match_at(tokens, i) or lex.loaded.match_at(tokens, i)
        if m is not None and any(_is_predicate(t) for t in tokens[i + m.cue_lo : i + m.cue_hi]):
            return True
    return False


def _is_predicate(tok: Token) -> bool:
    """The sentence's root ("A fiasco.") or the complement of its main verb ("It was a fiasco")."""
    return tok.dep_ == "ROOT" or (tok.dep_ in _PREDICATE_DEPS and tok.head.dep_ == "ROOT")


def _condition(
    sent: Span,
    tokens: Sequence[Token],
    i: int,
    m: Match,
    first: int,
    found: SentenceCues,
    add: Callable[[int, Match, CueKind], None],
) -> None:
    """A condition cue; "if" that opens an indirect question ("asked if") is a hedge instead."""
    tok = tokens[i]
    last = tokens[i + m.length - 1]
    if last.lower_ == "as" and (
        last.dep_ != "mark" or any(t.pos_ == "ADJ" for t in tokens[i : i + m.length])
    ):
        return  # "(is) as long as a bus": a comparison (adjective "long"), not "as long as talks last"
    if tok.lower_ == "if" and (tok.dep_ != "mark" or tok.head.dep_ in ("ccomp", "xcomp", "csubj")):
        add(i, m, "hedge")
        return
    add(i, m, "condition")
    clause = tok.head if tok.dep_ == "mark" else tok
    modifies_main = clause.dep_ == "advcl" and _in_main_clause(clause.head)
    found.governing_condition |= modifies_main or i == first


def _phrase_frame(sent: Span, tokens: Sequence[Token], i: int, n: int, lex: Lexicon) -> Attribution | None:
    """``according to X`` and fixed frames; None when X is not a plausible source ("according to plan")."""
    cue = _cue(tokens, i, n, "attribution")
    last = tokens[i + n - 1]
    if last.lower_ == "to":
        objects = [c for c in last.children if c.dep_ == "pobj"]
        if not objects:
            return None
        obj = sent.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
        return Attribution(cue, obj) if _is_source(obj, lex) else None
    verb = tokens[i].head
    subject = _subject(verb) if verb.pos_ == "VERB" else None
    if subject is not None and subject.root.lower_ in _FIRST_PERSON:
        return None
    return Attribution(cue, subject)


def is_uncertain(sent: Span, lexicon: Lexicon | None = None) -> bool:
    """Sentence-level uncertainty as in CoNLL-2010: at least one hedge, speculation or condition cue."""
    return bool(detect(sent, lexicon).uncertainty())


__all__ = [
    "STRONG_OPINION_KINDS",
    "UNCERTAINTY_KINDS",
    "Attribution",
    "Lexicon",
    "SentenceCues",
    "detect",
    "is_instruction",
    "is_uncertain",
    "load_lexicon",
    "scopes_over_sentence",
    "short_evaluation",
]
