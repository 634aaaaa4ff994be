"""The newsgraph_times component inside the pipeline, and the seed article."""

from __future__ import annotations

from spacy.language import Language

from newsgraph.model import ReferenceDate
from newsgraph.nlp.state import NgState, get_state


def _run(nlp: Language, text: str, reference: str | None) -> NgState:
    doc = nlp.make_doc(text)
    ref = ReferenceDate(date=reference, method="given", confidence=1.0) if reference else None
    doc._.ng = NgState(reference=ref or ReferenceDate(date=None, method="none", confidence=0.0))
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "newsgraph_times":
            break
    return get_state(doc)


def test_component_writes_times_with_ids(nlp: Language) -> None:
    state = _run(nlp, "The port reopened in June 2012. It closed again two years later.", "2020-05-01")
    assert [t.id for t in state.times] == ["t1", "t2"]
    assert [t.value for t in state.times] == ["2012-06", "2014"]


def test_component_infers_a_missing_reference_from_the_text(nlp: Language) -> None:
    state = _run(
        nlp, "Fighting began in May 2013. Now, in July 2014, the town is empty. Yesterday was calm.", None
    )
    assert state.reference.method == "text"
    assert state.reference.date is not None and state.reference.date.startswith("2014-07")
    yesterday = next(t for t in state.times if t.text == "Yesterday")
    assert yesterday.anchor == "reference" and yesterday.earliest is not None


def test_component_uses_the_tense_of_the_clause(nlp: Language) -> None:
    past = _run(nlp, "The ministry announced the cuts in November.", "2016-02-10").times
    future = _run(nlp, "The ministry will announce the cuts in November.", "2016-02-10").times
    assert (past[0].value, future[0].value) == ("2015-11", "2016-11")


def test_seed_article_vague_and_anaphoric_times(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    by_text = {t.text: t for t in seed_analysis.times}
    late = by_text["late 2013"]
    assert (late.value, late.mod, late.earliest, late.latest) == ("2013", "END", "2013-09-01", "2013-12-31")
    september = by_text["September of that year"]
    assert (september.earliest, september.latest) == ("2014-09-01", "2014-09-30")
    assert september.anchor is not None and september.anchor.startswith("discourse:")
    assert seed_analysis.document.reference_date.date.startswith("2016-10")


def test_a_scheduling_verb_puts_the_weekday_ahead(nlp: Language) -> None:
    # reported on a Wednesday: the hearing was scheduled for the coming Friday, the ruling was last Friday's
    text = "The court has scheduled a hearing Friday. The judge ruled Friday that the law stands."
    times = _run(nlp, text, "2016-06-15").times
    assert [(t.value, t.earliest) for t in times] == [
        ("2016-06-17", "2016-06-17"),
        ("2016-06-10", "2016-06-10"),
    ]


def test_a_weekday_fronted_before_a_scheduling_verb_is_when_it_was_planned(nlp: Language) -> None:
    times = _run(nlp, "On Monday, the union planned a march across the city.", "2016-06-15").times
    assert [t.value for t in times] == ["2016-06-13"]


def test_a_purpose_infinitive_does_not_make_the_clause_future(nlp: Language) -> None:
    # "to attend" says why, not when: the Tuesday of a past-tense report is the last one
    text = "The envoy flew to Geneva to attend talks on Tuesday."
    assert [t.value for t in _run(nlp, text, "2016-06-15").times] == ["2016-06-14"]
    planned = _run(nlp, "The envoy planned to attend talks on Tuesday.", "2016-06-15").times
    assert [t.value for t in planned] == ["2016-06-21"]


def _bounds(state: NgState, text: str) -> tuple[str | None, str | None]:
    t = next(t for t in state.times if t.text == text)
    return t.earliest, t.latest


def test_later_this_month_runs_from_the_document_date(nlp: Language) -> None:
    state = _run(nlp, "A first hearing is expected later this month.", "2026-07-09")
    assert _bounds(state, "later this month") == ("2026-07-09", "2026-07-31")


def test_a_range_of_bare_months_runs_forward(nlp: Language) -> None:
    state = _run(nlp, "Rain that usually falls between October and December failed.", "2025-08-12")
    earliest, latest = _bounds(state, "between October and December")
    assert earliest is not None and latest is not None and earliest <= latest


def test_a_day_something_is_set_for_is_to_come(nlp: Language) -> None:
    state = _run(nlp, "The governor declared a day of mourning for Wednesday.", "2026-01-19")
    assert _bounds(state, "Wednesday") == ("2026-01-21", "2026-01-21")
    state = _run(nlp, "Police arrested two men for Wednesday's attack.", "2026-01-19")
    assert _bounds(state, "Wednesday")[0] == "2026-01-14"


def test_a_past_act_does_not_take_a_future_year_nearby(nlp: Language) -> None:
    text = "Inflation should reach its target in the second half of 2027, a year earlier than it had forecast in November."
    state = _run(nlp, text, "2026-03-05")
    assert _bounds(state, "November") == ("2025-11-01", "2025-11-30")
