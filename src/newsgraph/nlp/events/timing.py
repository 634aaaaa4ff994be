"""The time of a clause: the time expression a trigger's clause carries, else one it inherits from the
clause or sentence before it (never across a paragraph break, never from a subordinate clause)."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model import TimeExpr
from newsgraph.nlp.events.index import RecordIndex
from newsgraph.nlp.events.syntax import governors, tree_distance
from newsgraph.nlp.state import body_text

RELATIVE_TIME_PENALTY = 1


def _time_distance(tok: Token, head_time: tuple[Token, TimeExpr]) -> int:
    head, time = head_time
    return tree_distance(tok, head) + (RELATIVE_TIME_PENALTY if time.anchor is not None else 0)


def clause_time(index: RecordIndex, tok: Token, *, inherit: bool) -> TimeExpr | None:
    """The time of ``tok``'s clause: the syntactically nearest time in its sentence.

    With ``inherit`` a sentence without a time takes the main-clause time of the sentence
    before it in the same paragraph ("In May they attacked X. The town fell two days
    later." is about May).
    """
    sent = index.sentence(tok)
    found = index.times_in(sent)
    own = [ht for ht in found if not _in_other_clause(ht[0], tok)]
    if own:
        return min(own, key=lambda ht: (_time_distance(tok, ht), abs(ht[0].i - tok.i)))[1]
    # Only times of other events' clauses: the sentence before says when, if it can.
    inherited = _inherited_time(index, tok) if inherit else None
    if inherited is not None:
        return inherited
    # A time in a clause hanging below the event's own ("accused X of rushing it before they
    # take office in January") dates that clause; one in a neighbouring clause is more often
    # the parser's misattachment ("a ceasefire agreed in X last year had collapsed").
    top = governors(tok)[-1]
    below = {t.i for t in top.subtree}
    beside = [ht for ht in found if ht[0].i not in below]
    if beside:
        return min(beside, key=lambda ht: (_time_distance(tok, ht), abs(ht[0].i - tok.i)))[1]
    return None


# Dependencies by which a verb heads a clause of its own inside another.
SUBCLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "pcomp", "conj", "csubj"})


def _in_other_clause(time_head: Token, tok: Token) -> bool:
    """Whether a time sits in a clause of another verb that does not hold ``tok``."""
    ancestors = {a.i for a in tok.ancestors} | {tok.i}
    # An event noun's own phrase ("reductions expected early next year") dates it; a verb's
    # subtree is its whole clause, subordinate clauses included, so it is climbed instead.
    if tok.pos_ in ("NOUN", "PROPN") and time_head.i in {t.i for t in tok.subtree}:
        return False
    cur = time_head
    while cur.head is not cur and cur.i not in ancestors:
        cur = cur.head
        if cur.i in ancestors:
            return False
        if (
            cur.pos_ in ("VERB", "AUX")
            and cur.dep_ in SUBCLAUSE_DEPS
            and tok.i not in {t.i for t in cur.subtree}
        ):
            return True
    return False


def _inherited_time(index: RecordIndex, tok: Token) -> TimeExpr | None:
    """The main-clause time of the sentence before ``tok``'s, within its paragraph."""
    sent = index.sentence(tok)
    if sent.start == 0:
        return None
    prev = index.sentence(tok, back=1)
    first = next((t for t in sent if not t.is_space), sent[0])
    last = next((t for t in reversed(prev) if not t.is_space), None)
    if last is None or "\n" in body_text(tok.doc)[last.idx + len(last.text) : first.idx]:
        return None  # a paragraph break: the earlier time no longer holds
    found = index.times_in(prev)
    if not found:
        return None
    return min(found, key=lambda ht: (tree_distance(prev.root, ht[0]), ht[0].i))[1]
