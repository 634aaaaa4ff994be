"""Dependency-parse helpers shared by the events and relations components, with no records involved:
conjuncts and included members of a phrase, tree distance, the governors of a trigger and the
polarity/modality its clause gives it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from spacy.tokens import Token

from newsgraph.nlp.events.lexicon import Modality

Polarity = Literal["positive", "negative"]
ModalityValue = Literal["actual", "hypothetical", "future", "uncertain"]

# Dependencies climbed from a trigger to the verb whose auxiliaries and negation govern it.
MODAL_CLIMB_DEPS = frozenset(
    {
        "dobj",
        "pobj",
        "prep",
        "nsubj",
        "nsubjpass",
        "attr",
        "xcomp",
        "conj",
        "pcomp",
        "compound",
        "appos",
        "acl",
    }
)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("A, B and C")."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def included(tok: Token) -> list[Token]:
    """Members listed by "including"/"such as" under a noun: "militias, including A and B"."""
    out: list[Token] = []
    for t in conjuncts(tok):
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ in ("including", "like", "as"):
                if prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children):
                    continue
                out += [p for p in prep.children if p.dep_ == "pobj"]
    return out


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    depth_a = {a.i: 0}
    for d, anc in enumerate(a.ancestors, start=1):
        depth_a[anc.i] = d
    if b.i in depth_a:
        return depth_a[b.i]
    for d, anc in enumerate(b.ancestors, start=1):
        if anc.i in depth_a:
            return d + depth_a[anc.i]
    return 10_000


# Extra arcs charged to a relative time ("now", "last week") when choosing a clause's
# time: "Now, in May 2019, the siege began" is about May 2019 although "Now" hangs one arc
# nearer. One arc fixes that case without letting distant absolute dates win.
def governors(tok: Token) -> list[Token]:
    """``tok`` and the words above it up to the main verb of its clause.

    A noun climbs to the verb that takes it ("did not sign the deal" → sign); a verb
    climbs through the verbs it complements ("refused to attack" → refused).
    """
    chain = [tok]
    cur = tok
    while cur.head is not cur:
        dep = cur.dep_
        if cur.pos_ in ("VERB", "AUX") and dep not in ("xcomp", "conj", "pcomp", "acl"):
            break
        if dep not in MODAL_CLIMB_DEPS:
            break
        cur = cur.head
        chain.append(cur)
    return chain


def polarity_modality(tok: Token, cues: Modality) -> tuple[Polarity, ModalityValue]:
    """Read negation and modality cues around ``tok`` (see ``resources/events/modality.yaml``)."""
    polarity: Polarity = "positive"
    hypothetical = future = uncertain = False
    chain = governors(tok)
    for k, node in enumerate(chain):
        below = chain[k - 1] if k else None
        lemma = node.lemma_.lower()
        if below is not None and node.pos_ == "VERB":
            if lemma in cues.negating_verbs:
                polarity = "negative"
            if lemma in cues.future_verbs and below.dep_ == "xcomp":
                future = True
            if lemma in cues.uncertain_verbs and below.dep_ in ("xcomp", "ccomp"):
                uncertain = True
        for child in node.children:
            c = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and c == "no"):
                polarity = "negative"
            elif child.dep_ in ("aux", "auxpass"):
                if c in cues.future_aux or child.lemma_.lower() in cues.future_aux:
                    future = True
                elif c in cues.hypothetical_aux:
                    hypothetical = True
                elif c in cues.uncertain_aux:
                    uncertain = True
            elif child.dep_ == "advmod" and c in cues.uncertain_adverbs:
                uncertain = True
    top = chain[-1]
    for node in [top, *top.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in cues.hypothetical_marks for c in node.children):
            hypothetical = True
            break
        if node.dep_ not in ("advcl", "conj", "ccomp", "xcomp"):
            break
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in cues.uncertain_verbs:
        uncertain = True
    modality: ModalityValue = "actual"
    if hypothetical:
        modality = "hypothetical"
    elif future:
        modality = "future"
    elif uncertain:
        modality = "uncertain"
    return polarity, modality


def lemmas(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens}
