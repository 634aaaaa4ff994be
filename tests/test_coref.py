"""Cross-document coreference on small hand-written multi-article examples."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.corpus.coref import (
    CorefMention,
    animate_nouns,
    cluster_entities,
    cluster_events,
    document_groups,
    mention_head,
    same_head_baseline,
    trigger_stem,
)

# Three reports of one earthquake and one of another (all written for this test).
QUAKES = {
    "q1": "A strong earthquake struck northern Chile on Monday. The quake killed three people in Arica, officials said.",
    "q2": "Three people died when an earthquake hit the Chilean city of Arica on Monday. "
    "The tremor damaged dozens of homes in Arica.",
    "q3": "Rescuers in Arica searched collapsed homes after the earthquake on Monday killed three residents of the city.",
    "q4": "An earthquake struck southern Japan on Friday, injuring twelve people in Kumamoto. "
    "A bridge over the river collapsed.",
}
# Two reports of one arrest that name the suspect differently, and refer back with pronouns.
ARREST = {
    "r1": "Police arrested the singer Marla Quintero in Lisbon on Tuesday. She was released later.",
    "r2": "Quintero was detained by police in Lisbon. The singer denied the charges against her.",
}


@pytest.fixture(scope="module")
def quake_docs(nlp: Language) -> dict[str, Doc]:
    return {k: nlp(v) for k, v in QUAKES.items()}


@pytest.fixture(scope="module")
def arrest_docs(nlp: Language) -> dict[str, Doc]:
    return {k: nlp(v) for k, v in ARREST.items()}


def mention(docs: dict[str, Doc], doc_id: str, text: str, kind: str, nth: int = 0) -> CorefMention:
    """The ``nth`` occurrence of ``text`` (one or more words) in ``doc_id``."""
    doc = docs[doc_id]
    words = text.split()
    starts = [t.i for t in doc if [x.text for x in doc[t.i : t.i + len(words)]] == words]
    start = starts[nth]
    tokens = tuple(range(start, start + len(words)))
    return CorefMention(f"{doc_id}:{text}:{nth}", doc_id, kind, tokens)


def as_sets(clusters: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(c) for c in clusters}


def together(clusters: list[list[str]], *ids: str) -> bool:
    return any(set(ids) <= set(c) for c in clusters)


def test_articles_group_by_the_happening_they_report(quake_docs: dict[str, Doc]) -> None:
    groups = as_sets(document_groups(quake_docs))
    assert groups == {frozenset({"q1", "q2", "q3"}), frozenset({"q4"})}


def test_quake_events_cluster_across_reports_not_across_quakes(quake_docs: dict[str, Doc]) -> None:
    events = [
        mention(quake_docs, "q1", "earthquake", "event"),
        mention(quake_docs, "q1", "quake", "event"),
        mention(quake_docs, "q2", "earthquake", "event"),
        mention(quake_docs, "q3", "earthquake", "event"),
        mention(quake_docs, "q4", "earthquake", "event"),
        mention(quake_docs, "q1", "killed", "event"),
        mention(quake_docs, "q2", "died", "event"),
        mention(quake_docs, "q3", "killed", "event"),
        mention(quake_docs, "q2", "damaged", "event"),
    ]
    entities = [
        mention(quake_docs, "q1", "Arica", "entity"),
        mention(quake_docs, "q2", "Arica", "entity"),
        mention(quake_docs, "q3", "Arica", "entity"),
        mention(quake_docs, "q1", "three people", "entity"),
        mention(quake_docs, "q2", "Three people", "entity"),
        mention(quake_docs, "q4", "twelve people", "entity"),
    ]
    groups = document_groups(quake_docs)
    ent_clusters = cluster_entities(entities, quake_docs, groups)
    assert together(ent_clusters, entities[0].id, entities[1].id, entities[2].id)
    assert together(ent_clusters, entities[3].id, entities[4].id)
    assert not together(ent_clusters, entities[3].id, entities[5].id)
    clusters = cluster_events(events, quake_docs, groups, ent_clusters, entities)
    ids = [e.id for e in events]
    # "earthquake"/"quake" are one synonym pair, and the three Chilean reports share one quake.
    assert together(clusters, ids[0], ids[1], ids[2], ids[3])
    assert not together(clusters, ids[0], ids[4])
    # "killed" ~ "died" is a learned pair; "damaged" is another event.
    assert together(clusters, ids[5], ids[6], ids[7])
    assert not together(clusters, ids[5], ids[8])


def test_baseline_joins_only_identical_heads(quake_docs: dict[str, Doc]) -> None:
    events = [
        mention(quake_docs, "q1", "earthquake", "event"),
        mention(quake_docs, "q1", "quake", "event"),
        mention(quake_docs, "q2", "earthquake", "event"),
    ]
    clusters = same_head_baseline(events, quake_docs, [["q1", "q2", "q3"]])
    assert as_sets(clusters) == {frozenset({events[0].id, events[2].id}), frozenset({events[1].id})}


def test_names_descriptions_and_pronouns(arrest_docs: dict[str, Doc]) -> None:
    full = mention(arrest_docs, "r1", "Marla Quintero", "entity")
    she = mention(arrest_docs, "r1", "She", "entity")
    surname = mention(arrest_docs, "r2", "Quintero", "entity")
    singer = mention(arrest_docs, "r2", "The singer", "entity")
    her = mention(arrest_docs, "r2", "her", "entity")
    police1 = mention(arrest_docs, "r1", "Police", "entity")
    police2 = mention(arrest_docs, "r2", "police", "entity")
    lisbon1 = mention(arrest_docs, "r1", "Lisbon", "entity")
    lisbon2 = mention(arrest_docs, "r2", "Lisbon", "entity")
    ms = [full, she, surname, singer, her, police1, police2, lisbon1, lisbon2]
    clusters = cluster_entities(ms, arrest_docs, [["r1", "r2"]])
    # The surname matches the full name; "the singer" matches the noun r1 put before her name;
    # the pronouns go to the nearest person in their own article.
    assert together(clusters, full.id, she.id, surname.id, singer.id, her.id)
    assert together(clusters, police1.id, police2.id)
    assert together(clusters, lisbon1.id, lisbon2.id)
    assert not together(clusters, full.id, police1.id)
    assert not together(clusters, lisbon1.id, police1.id)


def test_mentions_in_different_groups_never_join(arrest_docs: dict[str, Doc]) -> None:
    a = mention(arrest_docs, "r1", "Lisbon", "entity")
    b = mention(arrest_docs, "r2", "Lisbon", "entity")
    clusters = cluster_entities([a, b], arrest_docs, [["r1"], ["r2"]])
    assert as_sets(clusters) == {frozenset({a.id}), frozenset({b.id})}


def test_mention_head_skips_function_words(arrest_docs: dict[str, Doc]) -> None:
    doc = arrest_docs["r1"]
    m = mention(arrest_docs, "r1", "in Lisbon", "entity")
    assert mention_head(doc, m.tokens).text == "Lisbon"
    doc = arrest_docs["r2"]
    m = mention(arrest_docs, "r2", "the charges against her", "entity")
    assert mention_head(doc, m.tokens).text == "charges"


@pytest.mark.parametrize(
    ("a", "b"),
    [("killing", "kill"), ("arrival", "arrive"), ("announcement", "announce"), ("shooting", "shoot"),
     ("election", "elect"), ("stopped", "stop")],
)  # fmt: skip
def test_trigger_stems_join_verbal_and_nominal_forms(a: str, b: str) -> None:
    assert trigger_stem(a) == trigger_stem(b)


def test_trigger_stems_keep_distinct_words_apart() -> None:
    assert trigger_stem("fire") != trigger_stem("find")
    assert trigger_stem("sing") != trigger_stem("sign")


def test_names_may_match_across_groups_inside_a_name_block(arrest_docs: dict[str, Doc]) -> None:
    a = mention(arrest_docs, "r1", "Lisbon", "entity")
    b = mention(arrest_docs, "r2", "Lisbon", "entity")
    c = mention(arrest_docs, "r1", "Police", "entity")
    d = mention(arrest_docs, "r2", "police", "entity")
    clusters = cluster_entities([a, b, c, d], arrest_docs, [["r1"], ["r2"]], name_groups=[["r1", "r2"]])
    assert together(clusters, a.id, b.id)
    # A common noun stays inside its own group.
    assert not together(clusters, c.id, d.id)


# Two reports of one robbery: one article names the clerk only in a copula sentence that is not
# among the mentions, the other calls her by that noun; both date it by weekday.
ROBBERY = {
    "b1": "Dana Whitlock is a cashier at a bakery in Porto. Robbers held Dana Whitlock at gunpoint "
    "on Friday night at the Harbor Street Bakery in Porto, Portugal.",
    "b2": "The cashier was unhurt after the robbery on Friday. Thieves also hit a kiosk on Thursday "
    "near the Harbor Street Bakery.",
}


@pytest.fixture(scope="module")
def robbery_docs(nlp: Language) -> dict[str, Doc]:
    return {k: nlp(v) for k, v in ROBBERY.items()}


def test_copula_descriptions_weekdays_and_name_runs(robbery_docs: dict[str, Doc]) -> None:
    d = robbery_docs
    name = mention(d, "b1", "Dana Whitlock", "entity", nth=1)
    cashier = mention(d, "b2", "cashier", "entity")
    friday_night = mention(d, "b1", "Friday night", "entity")
    friday = mention(d, "b2", "Friday", "entity")
    thursday = mention(d, "b2", "Thursday", "entity")
    bakery_in_town = mention(d, "b1", "the Harbor Street Bakery in Porto , Portugal", "entity")
    bakery = mention(d, "b2", "the Harbor Street Bakery", "entity")
    mentions = [name, cashier, friday_night, friday, thursday, bakery_in_town, bakery]
    clusters = cluster_entities(mentions, d, [["b1", "b2"]])
    assert together(clusters, name.id, cashier.id)  # "X is a cashier" names the bearer
    assert together(clusters, friday_night.id, friday.id)  # same weekday, other head
    assert not together(clusters, friday.id, thursday.id)
    assert together(clusters, bakery_in_town.id, bakery.id)  # the name ends at its head


# Two reports of one rescue: ages tie a description to a name and to another description, and
# nouns with one head but different numbers stay apart (all written for this test).
RESCUE = {
    "s1": "Lifeguards pulled Tomas Brandt, 14, from the lake on Sunday. Two swimmers helped. "
    "Singer Maria Lopez later praised the boy.",
    "s2": "The 14-year-old was treated in hospital. Three swimmers had tried to reach the teenager. "
    "The singer said the water was cold.",
}


@pytest.fixture(scope="module")
def rescue_docs(nlp: Language) -> dict[str, Doc]:
    return {k: nlp(v) for k, v in RESCUE.items()}


def test_ages_numbers_and_capitalised_descriptions(rescue_docs: dict[str, Doc]) -> None:
    d = rescue_docs
    name = mention(d, "s1", "Tomas Brandt", "entity")
    aged = mention(d, "s2", "The 14 - year - old", "entity")
    two = mention(d, "s1", "Two swimmers", "entity")
    three = mention(d, "s2", "Three swimmers", "entity")
    singer_name = mention(d, "s1", "Maria Lopez", "entity")
    singer = mention(d, "s2", "The singer", "entity")
    mentions = [name, aged, two, three, singer_name, singer]
    clusters = cluster_entities(mentions, d, [["s1", "s2"]])
    assert together(clusters, name.id, aged.id)  # "X, 14" ~ "the 14-year-old"
    assert not together(clusters, two.id, three.id)
    assert together(clusters, singer_name.id, singer.id)  # "Singer X" tagged PROPN
    assert not together(clusters, name.id, singer.id)


# Three reports of one flood (written for this test): a middle name, a naming verb, and
# "yesterday" in a report that gives no weekday.
FLOOD = {
    "f1": "Police identified the dead farmer as Peter Okafor. He was swept away on Sunday. "
    "Rescuers searched the banks on Sunday.",
    "f2": "Peter James Okafor died in the flood on Sunday. The farmer had tried to save his cattle.",
    "f3": "The river burst its banks yesterday and a farmer drowned.",
}


@pytest.fixture(scope="module")
def flood_docs(nlp: Language) -> dict[str, Doc]:
    return {k: nlp(v) for k, v in FLOOD.items()}


def test_middle_names_naming_verbs_and_relative_days(flood_docs: dict[str, Doc]) -> None:
    d = flood_docs
    name = mention(d, "f1", "Peter Okafor", "entity")
    full = mention(d, "f2", "Peter James Okafor", "entity")
    farmer = mention(d, "f3", "a farmer", "entity")
    sunday = mention(d, "f1", "Sunday", "entity")
    sunday2 = mention(d, "f2", "Sunday", "entity")
    yesterday = mention(d, "f3", "yesterday", "entity")
    clusters = cluster_entities([name, full, farmer, sunday, sunday2, yesterday], d, [["f1", "f2", "f3"]])
    assert together(clusters, name.id, full.id, farmer.id)
    assert together(clusters, sunday.id, sunday2.id, yesterday.id)
    assert not together(clusters, farmer.id, sunday.id)


def test_person_pronouns_skip_nouns_that_never_name_people(nlp: Language) -> None:
    # Written for this test: the nearest noun before "She" is the truck, but only the cyclist
    # is treated as a person (a "who" clause modifies it).
    docs = {"c1": nlp("A cyclist who was riding home was hit by a truck. She was thrown off.")}
    cyclist = mention(docs, "c1", "A cyclist", "entity")
    truck = mention(docs, "c1", "a truck", "entity")
    she = mention(docs, "c1", "She", "entity")
    clusters = cluster_entities([cyclist, truck, she], docs, [["c1"]])
    assert together(clusters, cyclist.id, she.id)
    assert not together(clusters, truck.id, she.id)
    assert animate_nouns(docs.values()) == {"cyclist"}


def test_relative_days_join_the_weekday_of_their_own_happening(nlp: Language) -> None:
    # Written for this test: two fires of one town, reported in one entity group; "yesterday"
    # in a report of the second fire is its Tuesday, not the first fire's Sunday.
    docs = {
        "a1": nlp("A fire destroyed the mill on Sunday."),
        "a2": nlp("The mill burned down on Sunday."),
        "a3": nlp("Another fire hit the school on Tuesday."),
        "a4": nlp("The school caught fire yesterday."),
    }
    sundays = [mention(docs, d, "Sunday", "entity") for d in ("a1", "a2")]
    tuesday = mention(docs, "a3", "Tuesday", "entity")
    yesterday = mention(docs, "a4", "yesterday", "entity")
    mentions = [*sundays, tuesday, yesterday]
    happenings = [["a1", "a2"], ["a3", "a4"]]
    split = cluster_entities(mentions, docs, [sorted(docs)], event_groups=happenings)
    assert together(split, tuesday.id, yesterday.id)
    assert not together(split, sundays[0].id, yesterday.id)
    joint = cluster_entities(mentions, docs, [sorted(docs)])  # one happening: the main day wins
    assert together(joint, sundays[0].id, sundays[1].id, yesterday.id)


def test_bracketed_notes_are_not_descriptions(nlp: Language) -> None:
    # Written for this test: "(ankle)" is an injury note, not what the player is.
    docs = {
        "i1": nlp("Doctors say Leo Marsh (ankle) will miss the final."),
        "i2": nlp("The ankle needs surgery, the club said."),
    }
    name = mention(docs, "i1", "Leo Marsh", "entity")
    ankle = mention(docs, "i2", "The ankle", "entity")
    assert not together(cluster_entities([name, ankle], docs, [["i1", "i2"]]), name.id, ankle.id)


def test_calendar_dates_match_by_month_and_day(nlp: Language) -> None:
    # Written for this test: two reports of one storm, and an unrelated date.
    docs = {
        "d1": nlp("The storm reached the coast on Tuesday, March 4, and flooded the harbour."),
        "d2": nlp("Since Mar. 4 the harbour has stayed closed, and it may reopen on March 9."),
    }
    first = mention(docs, "d1", "Tuesday , March 4", "entity")
    same = mention(docs, "d2", "Mar. 4", "entity")
    other = mention(docs, "d2", "March 9", "entity")
    clusters = cluster_entities([first, same, other], docs, [["d1", "d2"]])
    assert together(clusters, first.id, same.id)
    assert not together(clusters, first.id, other.id)
