"""The cross-document rules on records written here (no NLP): name keys, actor joins and the
guards against over-merging, event link scores, claim groups, independent sources."""

from __future__ import annotations

import pytest

from newsgraph.corpus.actors import EntityRecord, Overrides, resolve_actors
from newsgraph.corpus.event_links import EventRecord, cluster_events, compatible_subtypes, event_link_score
from newsgraph.corpus.names import initials, name_key, name_words, possessive_tail, skeleton
from newsgraph.corpus.resolve import group_claims


def _records(*rows: tuple[str, str, str]) -> list[EntityRecord]:
    """(doc, name, type) rows; ids are numbered per document."""
    seen: dict[str, int] = {}
    out = []
    for doc, name, typ in rows:
        seen[doc] = seen.get(doc, 0) + 1
        out.append(EntityRecord(doc, f"e{seen[doc]}", name, typ, (name,), 1))
    return out


def _together(records: list[EntityRecord], overrides: Overrides = Overrides()) -> list[set[str]]:
    """The actors as sets of "doc:name"."""
    return sorted(
        ({f"{m.doc_id}:{m.name}" for m in c.members} for c in resolve_actors(records, overrides)),
        key=lambda s: sorted(s),
    )


def _same(groups: list[set[str]], *members: str) -> bool:
    return any(set(members) <= g for g in groups)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ghasem Soleimani", "Qasem Suleimani"), ("Muammar Gaddafi", "Moammar al-Qadhafi"),
     ("Sa'id al-Jamal", "Said al-Jamal"), ("Hassan Nasrallah", "Hasan Nasrallah")],
)  # fmt: skip
def test_transliterations_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_name_helpers() -> None:
    assert name_key("The U.S.") == "us"
    assert name_key("Kata\u2019ib Hizballah") == name_key("Kata'ib Hizballah") == "kataib hizballah"
    assert name_words("Muammar al-Qadhafi") == ("muammar", "qadhafi")
    assert initials("Office of Foreign Assets Control") == "ofac"
    assert possessive_tail("Iran's Quds Force") == "Quds Force"
    assert possessive_tail("Reuters' report") is None and possessive_tail("Iran's army") is None


def test_variants_join_across_documents() -> None:
    groups = _together(
        _records(("d1", "Qassem Soleimani", "PERSON"), ("d2", "Qasim Sulaimani", "PERSON"),
                 ("d3", "Houthis", "NORP"), ("d4", "Houthi", "NORP"), ("d5", "Iran's Quds Force", "ORG"),
                 ("d6", "Quds Force", "ORG"), ("d7", "Kataib Hezbollah", "PERSON"), ("d8", "Kataib Hezbollah", "ORG"))
    )  # fmt: skip
    assert _same(groups, "d1:Qassem Soleimani", "d2:Qasim Sulaimani")
    assert _same(groups, "d3:Houthis", "d4:Houthi")
    assert _same(groups, "d5:Iran's Quds Force", "d6:Quds Force")
    assert _same(groups, "d7:Kataib Hezbollah", "d8:Kataib Hezbollah")


def test_names_with_one_root_but_different_spelling_stay_apart() -> None:
    groups = _together(_records(("d1", "Mohammed Ali", "PERSON"), ("d2", "Mahmoud Ali", "PERSON")))
    assert len(groups) == 2


def test_a_shared_surname_merges_nobody() -> None:
    records = _records(
        ("d1", "Muammar Gaddafi", "PERSON"), ("d1", "Saif al-Islam Gaddafi", "PERSON"), ("d1", "Gaddafi", "PERSON"),
        ("d2", "Moammar Qaddafi", "PERSON"), ("d2", "Qaddafi", "PERSON"),
        ("d3", "Gaddafi", "PERSON"), ("d4", "Saif al-Islam", "PERSON"), ("d4", "Saif al-Islam Gaddafi", "PERSON"),
    )  # fmt: skip
    groups = _together(records)
    father = next(g for g in groups if "d1:Muammar Gaddafi" in g)
    son = next(g for g in groups if "d1:Saif al-Islam Gaddafi" in g)
    assert father == {"d1:Muammar Gaddafi", "d2:Moammar Qaddafi", "d2:Qaddafi"}  # d2 names only one Qaddafi
    assert son == {"d1:Saif al-Islam Gaddafi", "d4:Saif al-Islam Gaddafi", "d4:Saif al-Islam"}
    # "Gaddafi" where two Gaddafis are named, or anywhere in a corpus with two, is neither of them,
    # and two such bare names in two articles are not taken for one person either.
    assert {"d1:Gaddafi"} in groups and {"d3:Gaddafi"} in groups


def test_a_bare_surname_joins_the_only_full_name_in_the_corpus() -> None:
    groups = _together(_records(("d1", "Jason Rezaian", "PERSON"), ("d2", "Rezaian", "PERSON")))
    assert groups == [{"d1:Jason Rezaian", "d2:Rezaian"}]


def test_short_names_match_as_written_not_by_skeleton() -> None:
    # One-word skeletons collide (Meth/Mahut → "mt", Howard/Heyward → "hvrd"): no join on them.
    records = _records(
        ("d1", "Nicolas Mahut", "PERSON"), ("d2", "Meth", "PERSON"),
        ("d3", "Cam Heyward", "PERSON"), ("d3", "Howard", "PERSON"), ("d4", "Max", "PERSON"), ("d5", "Max", "PERSON"),
    )  # fmt: skip
    groups = _together(records)
    assert {"d2:Meth"} in groups and {"d3:Howard"} in groups
    assert {"d4:Max"} in groups and {"d5:Max"} in groups


def test_an_acronym_used_for_two_names_joins_neither() -> None:
    records = _records(
        ("d1", "Amazon Credit", "ORG"), ("d2", "Apple CarPlay", "ORG"), ("d3", "AC", "ORG"),
    )  # fmt: skip
    records[0] = EntityRecord("d1", "e1", "Amazon Credit", "ORG", ("Amazon Credit", "AC"), 2)
    assert {"d3:AC"} in _together(records)


def test_acronyms_join_where_defined_or_unambiguous() -> None:
    records = _records(
        ("d1", "Kata'ib Hizballah", "PERSON"), ("d1", "KH", "ORG"),  # mistyped name, defined in the article
        ("d2", "KH", "ORG"), ("d2", "Kurdish Hope", "ORG"), ("d2", "Karim Haddad", "PERSON"),
        ("d3", "Islamic Revolutionary Guard Corps", "ORG"), ("d4", "IRGC", "ORG"),
        ("d5", "National Transitional Council", "ORG"), ("d6", "Northern Trade Corporation", "ORG"), ("d7", "NTC", "ORG"),
    )  # fmt: skip
    groups = _together(records)
    assert _same(groups, "d1:Kata'ib Hizballah", "d1:KH")
    assert _same(groups, "d2:KH", "d2:Kurdish Hope") and not _same(groups, "d2:KH", "d2:Karim Haddad")
    assert _same(groups, "d3:Islamic Revolutionary Guard Corps", "d4:IRGC")
    assert {"d7:NTC"} in groups  # two organisations spell NTC: the bare acronym joins neither


def test_overrides_win_over_the_rules() -> None:
    records = _records(
        ("d1", "Abu Mahdi al-Muhandis", "PERSON"), ("d2", "Jamal Jaafar al-Ibrahimi", "PERSON"),
        ("d3", "George Bush", "PERSON"), ("d4", "George Bush", "PERSON"),
    )  # fmt: skip
    overrides = Overrides(
        must_link=(("Abu Mahdi al-Muhandis", "Jamal Jaafar al-Ibrahimi"),),
        cannot_link=(("George Bush", "George Bush"),),
    )
    groups = _together(records, overrides)
    assert _same(groups, "d1:Abu Mahdi al-Muhandis", "d2:Jamal Jaafar al-Ibrahimi")
    assert not _same(groups, "d3:George Bush", "d4:George Bush")


def _event(doc: str, eid: str, typ: str, sub: str | None, day: str | None, place: str | None = None,
           actors: tuple[str, ...] = (), position: int = 0) -> EventRecord:  # fmt: skip
    return EventRecord(doc, eid, typ, sub, day, day, place, None, None, frozenset(actors), position)


def test_event_link_scores() -> None:
    strike = _event("d1", "v1", "assault", "airstrike", "2020-01-03", actors=("A1",))
    killing = _event("d2", "v1", "assault", "killing", "2020-01-03", actors=("A1",))
    shelling = _event("d3", "v1", "assault", "shelling", "2020-01-03", actors=("A1",))
    misdated = _event("d4", "v1", "assault", "killing", "2019-12-03", "Baghdad", actors=("A1",))
    placed = _event("d5", "v1", "assault", "killing", "2020-01-03", "Baghdad")
    old = _event("d6", "v1", "assault", "killing", "2004-11-08", "Baghdad", actors=("A1",))
    assert compatible_subtypes("assault", "airstrike", "killing")
    assert not compatible_subtypes("assault", "airstrike", "shelling")
    assert event_link_score(strike, killing) == pytest.approx(0.6)  # same day and actor
    assert event_link_score(strike, shelling) == 0.0  # two different means: two events
    assert event_link_score(misdated, placed) == pytest.approx(0.4)  # only the place agrees
    assert event_link_score(misdated, _event("d7", "v1", "assault", None, None, "Baghdad", ("A1",))) >= 0.6
    assert event_link_score(old, placed) == 0.0  # years apart: never one event


def test_event_mentions_in_one_document_join_when_nothing_contradicts() -> None:
    records = [
        _event("d1", "v1", "assault", "airstrike", "2020-01-03", actors=("A1",), position=10),
        _event("d1", "v2", "assault", "killing", None, position=200),  # "the strike killed ten people"
        _event("d1", "v3", "assault", "killing", "2019-05-01", position=400),  # another, earlier killing
        _event("d2", "v1", "assault", "killing", "2020-01-03", actors=("A1",)),
    ]
    links = cluster_events(records)
    assert links[("d1", "v1")][0] == links[("d1", "v2")][0] == links[("d2", "v1")][0]
    assert links[("d1", "v3")][0] != links[("d1", "v1")][0]


def test_claims_group_across_documents_only() -> None:
    text = "The network sold Iranian fuel across the region and sent the proceeds to the Houthis"
    claims = [
        ("d1", "c1", text, frozenset({"A1"})),
        ("d2", "c1", text.replace("sold", "sells"), frozenset({"A1"})),
        ("d1", "c2", text, frozenset({"A1"})),
        ("d3", "c1", "Oil prices rose by more than four percent in early trading", frozenset()),
    ]
    groups = group_claims(claims)
    assert groups[("d1", "c1")][0] == groups[("d2", "c1")][0] != groups[("d3", "c1")][0]
