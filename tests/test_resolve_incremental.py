"""Incremental resolution: resolving a store batch by batch, as documents arrive, gives exactly what
a full re-resolve of the same store gives — on the example corpus and on a synthetic corpus built
from it; and the event blocks are capped, with the cap logged."""

from __future__ import annotations

import copy
import hashlib
import logging
import random
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from corpus_support import corpus_db
from newsgraph.corpus import incremental
from newsgraph.corpus.event_linker import BLOCK_CAP, EventLinker
from newsgraph.corpus.event_links import EventRecord
from newsgraph.corpus.resolve import resolve
from newsgraph.corpus.state import Memory
from newsgraph.corpus.store import Store

RESULTS = {
    "actor_links": "SELECT doc_id, entity_id, actor_id, score, evidence FROM actor_links",
    "actors": "SELECT actor_id, name, type, aliases, documents, mentions FROM actors",
    "event_links": "SELECT doc_id, event_id, cluster_id, score FROM event_links",
    "claim_links": "SELECT doc_id, claim_id, group_id, score FROM claim_links",
}


@pytest.fixture(scope="module")
def analyses(nlp: Language) -> list[dict[str, Any]]:
    with Store(corpus_db(nlp)[0], read_only=True) as store:
        return list(store.analyses())


def _results(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {name: sorted(store.query(sql).rows) for name, sql in RESULTS.items()}


def _synthetic(analyses: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """Copies of the example analyses under new ids, some people and organisations renamed with
    one of a few suffixes (so actors recur across copies) and dates shifted by up to a year."""
    rng = random.Random(3)
    out = []
    for k in range(n):
        data = copy.deepcopy(analyses[k % len(analyses)])
        data["document"]["id"] = hashlib.sha256(f"{data['document']['id']}:{k}".encode()).hexdigest()
        suffix = rng.choice(["Adler", "Brun", "Costa"])
        for entity in data["entities"]:
            if entity["type"] in ("PERSON", "ORG") and rng.random() < 0.5:
                entity["name"] = f"{entity['name']} {suffix}"
                entity["aliases"] = [f"{a} {suffix}" for a in entity["aliases"]]
        years = rng.randint(-1, 1)
        for record in (*data["times"], *data["events"]):
            for key in ("earliest", "latest"):
                if record[key] and record[key][:4].isdigit():
                    record[key] = f"{int(record[key][:4]) + years:04d}{record[key][4:]}"
        out.append(data)
    return out


def _incremental_equals_full(
    path: Path, batches: list[list[dict[str, Any]]]
) -> dict[str, list[tuple[Any, ...]]]:
    with Store(path) as store:
        for batch in batches:  # each batch arrives later (its own transaction) and is resolved then
            with store.batch():
                store.add_many([(d, None) for d in batch])
            resolve(store)
        stepwise = _results(store)
        resolve(store, full=True)
        assert _results(store) == stepwise
        # The batch size of a full run does not matter either.
        incremental.run(store, incremental.Overrides(), full=True, batch_docs=3)
        assert _results(store) == stepwise
    return stepwise


def test_incremental_equals_full_on_the_example_corpus(
    analyses: list[dict[str, Any]], tmp_path: Path
) -> None:
    results = _incremental_equals_full(tmp_path / "c.duckdb", [analyses[:8], analyses[8:15], analyses[15:]])
    assert results["actors"] and results["event_links"] and results["claim_links"]


def test_incremental_equals_full_on_a_synthetic_corpus(
    analyses: list[dict[str, Any]], tmp_path: Path
) -> None:
    docs = _synthetic(analyses, 160)
    results = _incremental_equals_full(tmp_path / "s.duckdb", [docs[:100], docs[100:101], docs[101:]])
    merged = {row[2] for row in results["actor_links"]}
    assert len(merged) < len(results["actor_links"]) / 5  # actors do recur across the copies


def test_a_new_batch_touches_only_the_rows_it_joins(analyses: list[dict[str, Any]], tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        with store.batch():
            store.add_many([(d, None) for d in analyses[:-1]])
        resolve(store)
        before = _results(store)
        with store.batch():
            store.add_many([(analyses[-1], None)])
        resolve(store)
        after = _results(store)
        new_doc = analyses[-1]["document"]["id"]
        old_events = [r for r in after["event_links"] if r[0] != new_doc]
        joined = {r[2] for r in after["event_links"] if r[0] == new_doc}
        changed = set(old_events) - set(before["event_links"])
        assert all(r[2] in joined for r in changed)  # only clusters the new document joined change


def _event(doc: str, day: str) -> EventRecord:
    return EventRecord(doc, "v1", "assault", None, day, day, "Baghdad", 33.34, 44.4, frozenset())


def test_event_blocks_are_capped_and_the_cap_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    state = Memory()
    linker = EventLinker(state)
    capped: dict[str, int] = {}
    for k in range(BLOCK_CAP + 10):
        capped.update(linker.link([_event(f"d{k}", f"2020-01-{1 + k % 28:02d}")]).capped)
    block = state.get("event.block", "p|assault|baghdad")
    assert block["n"] == BLOCK_CAP + 10 and len(block["recent"]) == BLOCK_CAP
    assert block["recent"][-1][1] == f"d{BLOCK_CAP + 9}"  # the latest events are the ones kept
    with caplog.at_level(logging.INFO, logger="newsgraph.corpus.event_linker"):
        from newsgraph.corpus.event_linker import log_capped

        log_capped(capped)
    assert f"at the cap of {BLOCK_CAP}" in caplog.text and "p|assault|baghdad" in caplog.text


def test_claims_whose_words_all_turned_common_leave_the_state() -> None:
    """A claim is only read back as a candidate through a word still rare; once every word of
    it is common it can never be read again, so the state does not keep it."""
    from newsgraph.corpus.claim_linker import CLAIM_COMMON_WORD, ClaimLinker, ClaimRecord

    state = Memory()
    linker = ClaimLinker(state)
    text = "ministers approved new sanctions against shipping firms"
    for k in range(CLAIM_COMMON_WORD + 1):
        linker.link([ClaimRecord(f"d{k}", "c1", text, frozenset())])
    assert not state.spaces["claim.claim"]
    linker.link([ClaimRecord("rare", "c1", "ministers approved zebra quota rules today", frozenset())])
    assert list(state.spaces["claim.claim"]) == ["rare\x1fc1"]  # still reachable through its rare words


def test_a_suffixed_actor_that_grows_keeps_its_suffix(tmp_path: Path) -> None:
    """Two actors with one type and canonical name: the younger is suffixed -2, and keeps that
    id when a later batch adds members without changing its name (it used to fall back to the
    bare id, the older actor's)."""
    from newsgraph.corpus.state import StoredState

    with Store(tmp_path / "p.duckdb") as store:
        state = StoredState(store, complete=True)
        gaddafi = ("Gaddafi", "PERSON", ["Gaddafi"], 1, 1)
        first = incremental._public_ids(state, {1: gaddafi, 2: gaddafi}, set())
        assert first[2] == f"{first[1]}-2"
        later = incremental._public_ids(state, {2: ("Gaddafi", "PERSON", ["Gaddafi"], 2, 2)}, set())
        assert later == {2: first[2]}
