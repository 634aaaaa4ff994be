"""The newsgraph_claims component: status and cues, sources, links, skipping, events."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.model import Analysis, Claim, Event, Span
from newsgraph.nlp.state import NgState, get_state


def _claims(nlp: Language, text: str) -> tuple[NgState, list[Claim]]:
    """Run the pipeline on ``text`` as the body (no ingest: one-line texts would read as titles)."""
    state = get_state(nlp(text))
    return state, list(state.claims)


def _only(nlp: Language, text: str) -> Claim:
    _, claims = _claims(nlp, text)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def _kinds(claim: Claim) -> dict[str, str]:
    return {c.text.lower(): c.kind for c in claim.cues}


@pytest.mark.parametrize(
    ("text", "status", "cue", "kind"),
    [
        (
            "The factory may have released untreated water into the river last spring.",
            "hedged",
            "may",
            "hedge",
        ),
        ("The ambassador reportedly left the capital on Friday night.", "hedged", "reportedly", "hedge"),
        (
            "If the drought continues through the summer, farmers will lose most of their wheat.",
            "conditional",
            "if",
            "condition",
        ),
        (
            "Unless the union accepts the offer, the port will stay closed for another month.",
            "conditional",
            "unless",
            "condition",
        ),
        (
            "The repairs to the dam could cost the province far more than planned.",
            "speculative",
            "could",
            "speculation",
        ),
        (
            "The new terminal is expected to open before the end of the decade.",
            "speculative",
            "expected",
            "speculation",
        ),
        ("So much for the transparency the board kept promising.", "opinion", "so much for", "sarcasm"),
        (
            "Let's be honest about what this reform really costs the taxpayers.",
            "opinion",
            "let's",
            "rhetorical",
        ),
        (
            "How could anyone trust a ministry that hides its own audits?",
            "opinion",
            "how could",
            "rhetorical",
        ),
        (
            "The minister's excuse was a shameless charade from start to finish.",
            "opinion",
            "charade",
            "loaded",
        ),
    ],
)
def test_status_and_cue(nlp: Language, text: str, status: str, cue: str, kind: str) -> None:
    claim = _only(nlp, text)
    assert claim.status == status
    assert _kinds(claim).get(cue) == kind, claim.cues
    for c in claim.cues:
        assert text[c.start : c.end] == c.text


def test_plain_fact_is_asserted_and_checkworthy(nlp: Language) -> None:
    claim = _only(nlp, "The city council approved a budget of $40 million for road repairs in March 2021.")
    assert claim.status == "asserted"
    assert claim.checkworthy >= 0.5
    assert claim.amounts or claim.times


def test_attributed_with_source_entity(nlp: Language) -> None:
    result, claims = _claims(
        nlp, "Mayor Linda Harlow told reporters on Tuesday that the bridge would reopen in June."
    )
    (claim,) = claims
    assert claim.status == "attributed"
    assert "attribution" in {c.kind for c in claim.cues}
    source = next(e for e in result.entities if e.id == claim.source)
    assert "Harlow" in source.name
    assert claim.source in claim.entities


def test_attributed_according_to_a_source_but_not_a_plan(nlp: Language) -> None:
    reported = _only(nlp, "According to the health ministry, 312 people were treated for smoke inhalation.")
    assert reported.status == "attributed"
    planned = _only(nlp, "The rescue went according to plan and all nine miners were lifted out by noon.")
    assert planned.status == "asserted"
    assert "attribution" not in {c.kind for c in planned.cues}


def test_pronoun_source_resolves_to_the_last_person(nlp: Language) -> None:
    result, claims = _claims(
        nlp,
        "Governor Maria Ostrowski visited the flooded valley on Monday. "
        "She said that the state would pay for the new levees.",
    )
    source = next(e for e in result.entities if e.id == claims[-1].source)
    assert claims[-1].status == "attributed"
    assert "Ostrowski" in source.name


def test_first_person_reporting_is_not_attribution(nlp: Language) -> None:
    claim = _only(nlp, "I wrote last year that the mine was losing money every quarter.")
    assert claim.status != "attributed"


def test_scare_quotes_are_cues_but_quotations_are_not(nlp: Language) -> None:
    scare = _only(
        nlp, "The company described the mass layoffs as a “restructuring” of its sales team in 2019."
    )
    assert [c.text for c in scare.cues if c.kind == "scare_quote"] == ["“restructuring”"]
    assert scare.status == "asserted"  # the sentence still asserts a dated fact
    quoted = _only(nlp, "The engineer said the old pumps “will never work again” after the flood.")
    assert not [c for c in quoted.cues if c.kind == "scare_quote"]


def test_future_of_the_past_and_past_inability_are_not_speculation(nlp: Language) -> None:
    learned = _only(nlp, "In May the villagers learned that the clinic would be closed for good.")
    assert learned.status == "asserted"
    unable = _only(nlp, "Firefighters could not reach the village until the road was cleared at dawn.")
    assert unable.status == "asserted"


def test_questions_headings_and_instructions_are_not_claims(nlp: Language) -> None:
    text = (
        "Harbour Strike Enters Second Week\n\n"
        "What will the port authority decide at its next meeting? "
        "Dockworkers walked off the job on 3 April after talks over pensions collapsed. "
        "(See the chart below.)"
    )
    _, claims = _claims(nlp, text)
    assert [c.text for c in claims] == [
        "Dockworkers walked off the job on 3 April after talks over pensions collapsed."
    ]
    assert text[claims[0].start : claims[0].end] == claims[0].text


def test_question_then_statement_are_split(nlp: Language) -> None:
    _, claims = _claims(nlp, "Who knows? The losses may be even larger than the bank admits.")
    assert [c.status for c in claims] == ["hedged"]
    assert claims[0].text.startswith("The losses")


def test_checkworthy_ranks_fact_above_opinion(nlp: Language) -> None:
    _, claims = _claims(
        nlp,
        "The agency fined the airline $3.5 million in 2022 for delaying refunds to 40,000 passengers. "
        "What a pathetic and shameless display of corporate arrogance this whole affair has been.",
    )
    fact, opinion = claims
    assert fact.checkworthy > 0.5 > opinion.checkworthy
    assert all(0.0 <= c.checkworthy <= 1.0 for c in claims)


def test_links_are_inside_the_claim(nlp: Language) -> None:
    result, claims = _claims(
        nlp, "On 12 June 2023 the European Commission fined Meta 1.2 billion euros in Brussels."
    )
    (claim,) = claims
    spans = {t.id: (t.start, t.end) for t in result.times} | {a.id: (a.start, a.end) for a in result.amounts}
    for rid in claim.times + claim.amounts:
        start, end = spans[rid]
        assert claim.start <= start and end <= claim.end
    assert claim.times and claim.amounts and claim.entities


def test_events_get_the_claim_holding_their_trigger(nlp: Language) -> None:
    text = "Rebels shelled the airport on Monday. The government said it would retaliate."
    doc = nlp(text)
    state = get_state(doc)
    trigger = text.index("shelled")
    state.events = [
        Event(
            id="v1",
            type="ASSAULT",
            subtype=None,
            trigger=Span(trigger, trigger + 7, "shelled"),
            sentence=Span(0, 37),
        )
    ]
    nlp.get_pipe("newsgraph_claims")(doc)
    (event,) = state.events
    holder = next(c for c in state.claims if c.id == event.claim)
    assert holder.start <= trigger < holder.end


def test_determinism(nlp: Language) -> None:
    text = (
        "Officials said the reservoir may run dry by August if rainfall stays low. "
        "That is a disgraceful failure of planning."
    )
    first = _claims(nlp, text)[1]
    second = _claims(nlp, text)[1]
    assert first == second
    assert [c.id for c in first] == ["c1", "c2"]


def test_seed_claims(seed_analysis: Analysis) -> None:
    body = seed_analysis.document.body
    claims = seed_analysis.claims
    assert len(claims) >= 20
    assert len({c.id for c in claims}) == len(claims)
    for c in claims:
        assert body[c.start : c.end] == c.text
        assert 0.0 <= c.checkworthy <= 1.0
    statuses = {c.status for c in claims}
    assert {"asserted", "attributed", "opinion"} <= statuses
    assert statuses & {"hedged", "speculative", "conditional"}
    attributed = [c for c in claims if c.status == "attributed"]
    assert all(c.source for c in attributed)


def test_quoted_exhortation_is_attributed_and_quotation_continues(nlp: Language) -> None:
    state, claims = _claims(
        nlp,
        "“We must rebuild the harbour before the storm season,” said Mayor Tomas Reyes on Friday. "
        "“The fishermen cannot wait another year.”",
    )
    assert [c.status for c in claims] == ["attributed", "attributed"]
    assert claims[0].source is not None and claims[1].source == claims[0].source
    source = state.entity(claims[0].source)
    assert source is not None and "Reyes" in source.name


def test_comparison_and_passive_report(nlp: Language) -> None:
    compared = _only(nlp, "The new ferry is about as long as two football pitches placed end to end.")
    assert "condition" not in {c.kind for c in compared.cues}
    assert compared.status == "asserted"
    passive = _only(nlp, "The stolen painting is said to be hidden somewhere in a private collection abroad.")
    assert passive.status == "hedged"
    assert passive.source is None


def test_according_to_people_and_records_is_attribution(nlp: Language) -> None:
    for text in (
        "Rice prices have doubled since March, according to traders in Dhaka.",
        "The operator was fined twice in 2021, according to the agency's records.",
        "Nine ships were waiting outside the harbour, according to the port authority.",
    ):
        claims = get_state(nlp(text)).claims
        assert claims and claims[0].status == "attributed", (text, claims[0].status if claims else None)
    # "according to plan" names no source
    claims = get_state(nlp("The launch went ahead on Monday, according to plan.")).claims
    assert claims and claims[0].status != "attributed"


def test_charge_hung_on_the_object_is_still_reported(nlp: Language) -> None:
    # the parser often attaches "of stealing" to the accused, not to "accused"
    claims = get_state(nlp("Acme accused Beta of stealing code.")).claims
    assert claims and claims[0].status == "attributed"
