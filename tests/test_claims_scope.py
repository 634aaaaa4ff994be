"""Claim status: the scope of hedge/speculation cues, and short evaluations read as opinion."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp.claims.cues import detect, short_evaluation
from newsgraph.nlp.state import get_state


def _status(nlp: Language, text: str) -> str:
    claims = get_state(nlp(text)).claims
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0].status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a modal inside a relative clause qualifies the noun, not the sentence
        (
            "The governor, who has long argued that tolls could double, opened the bridge on Tuesday.",
            "asserted",
        ),
        ("The council sold the depot, which might have been worth more, to a developer.", "asserted"),
        # a modal in a coordinated clause with its own subject leaves the first clause asserted
        (
            "The coalition passed the budget, but the opposition controls the upper house and would block it.",
            "asserted",
        ),
        # ... unless that clause holds the figure a reader would check
        (
            "The ministry has published no audit, and the repair bill might exceed 40 million euros.",
            "hedged",
        ),
        # an adjective hedging a noun qualifies that noun
        ("Auditors put the probable shortfall of the pension fund at several billion.", "asserted"),
        # in the main clause, or in a conjunct sharing its subject, the modal still governs
        ("The strike could close every school in the district by Friday.", "speculative"),
        ("The airline cut routes and could ground half its fleet next winter.", "speculative"),
        ("When the river floods, the bridge might collapse.", "hedged"),
        ("There is a possible link between the two outbreaks.", "hedged"),
    ],
)
def test_modal_scope(nlp: Language, text: str, status: str) -> None:
    assert _status(nlp, text) == status


def test_out_of_scope_cues_are_still_reported(nlp: Language) -> None:
    """The hedge benchmark counts every cue; only the status ignores the out-of-scope ones."""
    doc = nlp("The governor, who has long argued that tolls could double, opened the bridge on Tuesday.")
    found = detect(doc[:])
    assert [c.text for c in found.uncertainty()] == ["could"]
    assert "speculation" not in found.status_kinds()


def test_accusation_counts_only_in_main_clause(nlp: Language) -> None:
    # "accused" in a relative clause describes the object; the main clause is a fact
    assert (
        _status(nlp, "Prosecutors charged the trader, whom the exchange accused of rigging prices.")
        == "asserted"
    )
    # governing the main clause, the accusation is the content: it is not the writer's assertion
    assert _status(nlp, "The exchange accused the trader of rigging prices.") in ("attributed", "hedged")


@pytest.mark.parametrize(
    "text",
    [
        "Hats off to everyone involved.",
        "Bravo, once again.",
        "Quite the masterstroke, really.",
        "It was, frankly, a shambles.",
        "This has all gone terribly wrong.",
        "What a mess this has become.",
    ],
)
def test_short_evaluation_is_opinion(nlp: Language, text: str) -> None:
    assert short_evaluation(nlp(text)[:])
    assert _status(nlp, text) == "opinion"


@pytest.mark.parametrize(
    "text",
    [
        # a named actor, a figure or a date makes it checkable
        "The launch was a triumph for Airbus.",
        "The harvest was a failure in 2019.",
        # longer than a short evaluation: it carries a checkable clause
        "The new ferry service was a success with commuters who had waited years for it.",
        # no evaluative predicate
        "The bakery closed its doors last week.",
        # an interjection noun with a verb of its own reports something
        "Congratulations arrived from neighbouring towns.",
        # "what a" as a free relative, not an exclamation
        "What a household spends on heating is private.",
    ],
)
def test_checkable_short_sentence_is_not_opinion(nlp: Language, text: str) -> None:
    assert _status(nlp, text) != "opinion"


def test_a_hedge_in_a_clause_that_dates_the_act_leaves_it_asserted(nlp) -> None:  # type: ignore[no-untyped-def]
    import newsgraph

    text = (
        "The ministry summoned the ambassador on Tuesday after a security firm accused a hacking group "
        "of breaking into its network. Brightline alleges that its former engineer took the source code."
    )
    claims = newsgraph.analyze(text, nlp=nlp, reference_date="2025-06-17").claims
    assert [c.status for c in claims] == ["asserted", "attributed"]
