"""The epistemic status of a claim, decided from its cues, and how it tempers check-worthiness.

Precedence (the first rule that applies wins):

1. **attributed**: a reported-speech frame with a source that is not the writer ("X said that",
   "according to officials", "X's statement"). The frame governs everything inside the reported
   words, including their hedges, conditions and rhetoric ('"Let's be clear," she said').
2. **opinion** (strong): sarcasm ("so much for ..."), a rhetorical question or a first-person
   exhortation ("Let's ...", "We must ..."). These frame the whole sentence as the writer's
   stance, whatever facts it mentions.
3. **conditional**: an if/unless/provided-that clause that modifies the main clause.
4. **speculative**: a prediction or hypothetical modal (would, could, expected to, likely).
   Steps 4 and 5 count only the cues that scope over the main assertion: a modal inside a
   relative clause ("the mayor, who warned fares could rise, opened the line"), inside a
   coordinated clause with its own subject ("X won, but Y would need allies") or an adjective
   on a noun ("the likely cost") leaves the sentence asserted (rule in
   :mod:`newsgraph.nlp.claims.cues`).
5. **hedged**: an epistemic hedge (may, reportedly, apparently, it seems), a condition buried in
   a subordinate clause, or a reporting frame with no source ("it was reported that").
6. **opinion** (weak): loaded or evaluative words or intensifiers, when the sentence carries no
   checkable figure or date. With a figure or a date the sentence still asserts something
   checkable ("a cynical $2bn write-off"), so it stays asserted. Scare quotes alone do not make
   an opinion: they distance the writer from one word while the sentence still asserts
   ('the "militia" attacked the base'); they are reported as cues all the same.
   A short evaluation (at most eight words, no figure or named entity, an evaluative word as its
   predicate or an opening interjection: "A fiasco, frankly.", "Bravo.") is an opinion too.
7. **asserted**: everything else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsgraph.model import ClaimStatus
from newsgraph.nlp.claims.cues import STRONG_OPINION_KINDS, Attribution, SentenceCues

# Opinions are not check-worthy in the ClaimBuster sense (its NFS class), but an opinion that
# carries facts should still rank above one that carries none, so scale rather than zero:
# x0.5 keeps every opinion under the 0.5 decision threshold and keeps their order.
OPINION_FACTOR = 0.5
# The model learned from debate transcripts, where named actors are rarer and sentences shorter
# than in articles. A sentence that asserts (or reports) something with a figure/date and a
# named actor is the core of a checkable news claim, so its log-odds get this bonus. Measured
# on 30 news bodies of ../shared/data/article-extraction (not the seed): such sentences had a
# median model probability of 0.73 and 28% fell under 0.5, while figure-free sentences had a
# median of 0.19; +1.0 (odds x2.7) lifts anchored sentences from 0.27 upwards over the
# threshold and leaves the others alone.
FACTUAL_ANCHOR_BONUS = 1.0
# A figure-free speculation ("it could be even higher") cannot be checked: its log-odds lose this.
UNANCHORED_SPECULATION_PENALTY = 1.0


@dataclass(frozen=True)
class Decision:
    status: ClaimStatus
    attribution: Attribution | None = None


def decide(cues: SentenceCues, *, has_figures: bool) -> Decision:
    """Apply the precedence above. ``has_figures``: the sentence holds a number, amount or date."""
    kinds = cues.status_kinds()
    sourced = [a for a in cues.attributions if a.source is not None]
    if sourced:
        return Decision("attributed", sourced[0])
    if kinds & STRONG_OPINION_KINDS:
        return Decision("opinion")
    if cues.governing_condition:
        return Decision("conditional")
    if "speculation" in kinds:
        return Decision("speculative")
    if "hedge" in kinds or "condition" in kinds or cues.attributions:
        return Decision("hedged")
    if ("loaded" in kinds or cues.evaluation) and not has_figures:
        return Decision("opinion")
    return Decision("asserted")


def temper(probability: float, status: ClaimStatus, *, has_figures: bool, has_actor: bool) -> float:
    """Combine the model's probability with what the claim component knows (documented above)."""
    z = math.log(max(probability, 1e-6) / max(1.0 - probability, 1e-6))
    if has_figures and has_actor and status in ("asserted", "attributed", "conditional"):
        z += FACTUAL_ANCHOR_BONUS
    if not has_figures and status in ("speculative", "hedged"):
        z -= UNANCHORED_SPECULATION_PENALTY
    p = 1.0 / (1.0 + math.exp(-z))
    if status == "opinion":
        p *= OPINION_FACTOR
    return round(p, 4)
