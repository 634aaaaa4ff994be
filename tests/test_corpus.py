"""Corpus mode on the test corpus (examples/corpus/, truth in its EXPECTED.yaml): actors merged
across spellings but never across people, events clustered across outlets, planted
disagreements found, a wire copy counted once; and the store's guarantees: idempotent and
resumable ingest, a killed ingest that loses and duplicates nothing, migrations, overrides."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from corpus_support import CORPUS, EXPECTED, actors_named, corpus_db, doc_id
from newsgraph.cli import app
from newsgraph.corpus import schema
from newsgraph.corpus import store as store_module
from newsgraph.corpus.compare import Comparison, compare
from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.resolve import Overrides, resolve
from newsgraph.corpus.store import Store
from newsgraph.errors import ConfigError, StoreError
from newsgraph.ingest.loader import expand_sources

runner = CliRunner()
RECORD_TABLES = ("documents", "entities", "mentions", "times", "amounts", "places", "events", "participants",
                 "relations", "claims")  # fmt: skip


@pytest.fixture(scope="module")
def db(nlp: Language) -> Path:
    return corpus_db(nlp)[0]


@pytest.fixture()
def store(db: Path) -> Iterator[Store]:
    with Store(db, read_only=True) as s:
        yield s


def _copy_db(db: Path, to: Path) -> Path:
    target = to / "copy.duckdb"
    shutil.copy(db, target)
    return target


def _counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in RECORD_TABLES}


# -- what ingest stored --------------------------------------------------------------------------
def test_every_document_is_stored_once(nlp: Language, store: Store) -> None:
    summary = corpus_db(nlp)[1]
    assert summary.failed == 0, summary.errors
    assert summary.stored == EXPECTED["documents"] == store.count("documents") == store.count("sources")
    _, rows = store.query("SELECT count(DISTINCT doc_id), count(DISTINCT body) FROM documents")
    assert rows[0] == (EXPECTED["documents"], EXPECTED["documents"])


# -- actors --------------------------------------------------------------------------------------
@pytest.mark.parametrize("names", EXPECTED["same_actor"], ids=lambda names: names[0])
def test_spelling_variants_are_one_actor(store: Store, names: list[str]) -> None:
    found = {name: actors_named(store, name) for name in names}
    assert all(found.values()), f"no entity is called {[n for n, ids in found.items() if not ids]}"
    assert len(set().union(*found.values())) == 1, found


@pytest.mark.parametrize("pair", EXPECTED["different_actors"], ids=lambda pair: " / ".join(pair))
def test_different_people_are_never_merged(store: Store, pair: list[str]) -> None:
    first, second = (actors_named(store, name) for name in pair)
    assert first and second
    assert not first & second


def test_every_entity_has_one_actor_with_evidence(store: Store) -> None:
    _, rows = store.query(
        "SELECT count(*) FROM actor_links l JOIN actor_links m USING (doc_id, entity_id) WHERE l.actor_id <> m.actor_id"
    )
    assert rows[0][0] == 0
    _, rows = store.query(
        "SELECT min(score), count(*) FILTER (WHERE evidence IS NULL OR evidence = '') FROM actor_links"
    )
    assert rows[0][0] > 0 and rows[0][1] == 0


# -- events --------------------------------------------------------------------------------------
def _event_cluster(store: Store, event: dict[str, Any]) -> tuple[str, set[str]]:
    """The cluster holding an event of the expected type from every listed document, and its documents."""
    common: set[str] | None = None
    for key in event["documents"]:
        _, rows = store.query(
            "SELECT DISTINCT l.cluster_id FROM events e JOIN event_links l ON l.doc_id = e.doc_id AND l.event_id = e.id "
            "WHERE e.doc_id = ? AND e.type = ?",
            [doc_id(store, key), event["type"]],
        )
        clusters = {r[0] for r in rows}
        common = clusters if common is None else common & clusters
    assert common and len(common) == 1, f"{event['documents']} share the clusters {common}"
    cluster = common.pop()
    _, rows = store.query("SELECT DISTINCT doc_id FROM event_links WHERE cluster_id = ?", [cluster])
    return cluster, {r[0] for r in rows}


@pytest.mark.parametrize("name", sorted(EXPECTED["events"]))
def test_one_event_is_one_cluster_across_outlets(store: Store, name: str) -> None:
    event = EXPECTED["events"][name]
    cluster, docs = _event_cluster(store, event)
    allowed = {doc_id(store, key) for key in [*event["documents"], *event["may_also"]]}
    assert docs <= allowed, f"{name}: unrelated documents in the cluster"
    day = dt.date.fromisoformat(str(event["date"]))
    _, rows = store.query(
        "SELECT count(*) FROM events e JOIN event_links l ON l.doc_id = e.doc_id AND l.event_id = e.id "
        "WHERE l.cluster_id = ? AND e.earliest <= ? AND e.latest >= ?",
        [cluster, day, day],
    )
    assert rows[0][0] >= 1, f"{name}: no mention is dated {day}"
    _, rows = store.query(
        "SELECT count(*) FROM participants p JOIN event_links l ON l.doc_id = p.doc_id AND l.event_id = p.event_id "
        "JOIN actor_links a ON a.doc_id = p.doc_id AND a.entity_id = p.entity_id "
        "WHERE l.cluster_id = ? AND a.actor_id IN (SELECT unnest(?))",
        [cluster, sorted(actors_named(store, event["actor"]))],
    )
    assert rows[0][0] >= 1, f"{name}: {event['actor']} takes part in no mention"


def test_different_events_are_different_clusters(store: Store) -> None:
    clusters = [_event_cluster(store, e)[0] for e in EXPECTED["events"].values()]
    assert len(set(clusters)) == len(clusters)


# -- compare -------------------------------------------------------------------------------------
@pytest.fixture()
def comparisons(store: Store) -> dict[str, Comparison]:
    """The comparison of each expected event, by event name."""
    by_cluster = {c.cluster_id: c for c in compare(store) if c.kind == "event"}
    return {name: by_cluster[_event_cluster(store, e)[0]] for name, e in EXPECTED["events"].items()}


def _largest(comparison: Comparison, doc: str, unit: str) -> Decimal | None:
    """The headline figure a source gives in ``unit`` for the event (None: it gives none)."""
    view = next(v for v in comparison.sources if v.doc_id == doc)
    return max((value for value, u in view.amounts if u == unit), default=None)


@pytest.mark.parametrize("planted", EXPECTED["disagreements"], ids=lambda d: f"{d['event']}-{d['kind']}")
def test_planted_disagreements_are_found(
    store: Store, comparisons: dict[str, Comparison], planted: dict[str, Any]
) -> None:
    comparison = comparisons[planted["event"]]
    assert not comparison.agree
    outlier = doc_id(store, planted["outlier"])
    others = [v.doc_id for v in comparison.sources if v.doc_id != outlier]
    assert others
    if planted["kind"] == "amounts":
        assert any(d.startswith("amounts differ") and planted["unit"] in d for d in comparison.differences)
        assert _largest(comparison, outlier, planted["unit"]) == Decimal(planted["outlier_value"])
        figures = [f for o in others if (f := _largest(comparison, o, planted["unit"])) is not None]
        assert len(figures) >= 2 and set(figures) == {Decimal(planted["others_value"])}
    else:
        assert any(d.startswith("dates:") for d in comparison.differences)
        views = {v.doc_id: v for v in comparison.sources}
        assert views[outlier].earliest == str(planted["outlier_value"])
        assert all(views[o].earliest == str(planted["others_value"]) for o in others)


@pytest.mark.parametrize("name", EXPECTED["agreements"])
def test_agreeing_sources_show_no_difference(comparisons: dict[str, Comparison], name: str) -> None:
    assert comparisons[name].agree, comparisons[name].differences


def test_a_wire_copy_counts_as_one_source(store: Store, comparisons: dict[str, Comparison]) -> None:
    wire = EXPECTED["wire_copies"]
    copies = {doc_id(store, key) for key in wire["documents"]}
    event = comparisons[wire["event"]]
    assert copies <= {v.doc_id for v in event.sources}
    assert event.independent_sources == wire["independent_sources"] == len(event.sources) - 1
    # The copied paragraphs group as claims made by both sites, and still count once.
    copied_claims = [
        c for c in compare(store) if c.kind == "claim" and {v.doc_id for v in c.sources} == copies
    ]
    assert copied_claims and all(c.independent_sources == 1 for c in copied_claims)


def test_distinct_outlets_count_separately(comparisons: dict[str, Comparison]) -> None:
    strike = comparisons["baghdad-airport-strike"]
    assert (
        strike.independent_sources
        == len(strike.sources)
        == len(EXPECTED["events"]["baghdad-airport-strike"]["documents"])
    )


# -- idempotent, resumable, crash-safe -------------------------------------------------------------
def test_reingesting_stores_nothing_new(db: Path, tmp_path: Path) -> None:
    path = _copy_db(db, tmp_path)
    with Store(path) as store:
        before = _counts(store)
        summary = ingest(expand_sources([str(CORPUS)]), store)  # no nlp needed: every source is known
        assert (summary.stored, summary.skipped, summary.failed) == (0, EXPECTED["documents"], 0)
        # The same text under another name is recognised by its content and stored once.
        renamed = tmp_path / "renamed-copy.txt"
        shutil.copy(CORPUS / "baghdad-strike-gulf-monitor.txt", renamed)
        summary = ingest(expand_sources([str(renamed)]), store)
        assert (summary.stored, summary.duplicates) == (0, 1)
        assert _counts(store) == before


def test_an_interrupted_ingest_resumes(nlp: Language, tmp_path: Path) -> None:
    items = list(expand_sources([str(CORPUS)]))[:5]
    with Store(tmp_path / "resume.duckdb") as store:
        first = ingest(items[:2], store, nlp=nlp, commit_every=1)
        assert first.stored == 2
        second = ingest(items, store, nlp=nlp, commit_every=1)
        assert (second.skipped, second.stored) == (2, 3)
        assert store.count("documents") == 5


def _counts_by_doc(path: Path) -> tuple[list[tuple[Any, ...]], int, int]:
    with Store(path, read_only=True) as store:
        _, per_source = store.query(
            "SELECT source, count(*) FROM documents GROUP BY source HAVING count(*) > 1"
        )
        _, mentions = store.query("SELECT count(*) FROM mentions")
        expected = sum(len(e["mentions"]) for a in store.analyses() for e in a["entities"])
        return per_source, int(mentions[0][0]), expected


def test_a_killed_ingest_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "crash.duckdb"
    exe = Path(sys.executable).with_name("newsgraph")
    command = [str(exe), "ingest", str(CORPUS), "--db", str(path), "--commit-every", "3"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert proc.stderr is not None
    commits = 0
    deadline = time.monotonic() + 120
    while commits < 2 and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        commits += line.startswith("committed:")
    proc.send_signal(signal.SIGKILL)  # mid-run: after two commits, before the last
    proc.wait(timeout=30)
    assert commits == 2, "the ingest ended before it could be interrupted"
    with Store(path) as store:  # a killed writer leaves a WAL: opening replays the committed batches
        partial = store.count("documents")
    assert 6 <= partial < EXPECTED["documents"]
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} already in the corpus" in rerun.stderr
    duplicated, mentions, expected_mentions = _counts_by_doc(path)
    assert duplicated == []
    assert mentions == expected_mentions
    with Store(path, read_only=True) as store:
        assert store.count("documents") == store.count("sources") == EXPECTED["documents"]


# -- migrations ----------------------------------------------------------------------------------
def test_a_version_0_database_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).close()  # an empty database: version 0
    with pytest.raises(StoreError, match="older than this newsgraph"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.version() == schema.SCHEMA_VERSION
        assert all(store.count(t) == 0 for t in RECORD_TABLES)
        assert store.query("SELECT * FROM v_actors")[0]


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with Store(path) as store:
        store.con.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(schema.SCHEMA_VERSION + 1)]
        )
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer than this newsgraph"):
            Store(path, read_only=read_only)
    result = runner.invoke(app, ["actors", "--db", str(path)])
    assert result.exit_code == 2 and "newer" in result.output


def test_a_failed_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "half.duckdb"
    broken = ((*schema.MIGRATIONS[0][:3], "CREATE TABLE broken ("),)
    monkeypatch.setattr(store_module, "MIGRATIONS", broken)
    with pytest.raises(StoreError, match="cannot set up"):
        Store(path)
    con = duckdb.connect(str(path))
    tables = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    con.close()
    assert tables == []


# -- overrides -----------------------------------------------------------------------------------
def test_overrides_link_and_unlink_actors(db: Path, tmp_path: Path) -> None:
    path = _copy_db(db, tmp_path)
    links = tmp_path / "links.yaml"
    links.write_text(
        "must_link:\n  - [Abu Mahdi al-Muhandis, Jamal Jaafar al-Ibrahimi]\n"
        "cannot_link:\n  - [Qassem Soleimani, Qasim Sulaimani]\n",
        encoding="utf-8",
    )
    with Store(path) as store:
        assert actors_named(store, "Abu Mahdi al-Muhandis") != actors_named(store, "Jamal Jaafar al-Ibrahimi")
    result = runner.invoke(app, ["resolve", "--db", str(path), "--links", str(links)])
    assert result.exit_code == 0, result.output
    with Store(path) as store:
        assert actors_named(store, "Abu Mahdi al-Muhandis") == actors_named(store, "Jamal Jaafar al-Ibrahimi")
        assert not actors_named(store, "Qassem Soleimani") & actors_named(store, "Qasim Sulaimani")
        _, rows = store.query("SELECT count(*) FROM actor_links WHERE evidence LIKE 'user must-link%'")
        assert rows[0][0] >= 1
        resolve(store)  # without the file, the rules apply again
        assert actors_named(store, "Qassem Soleimani") == actors_named(store, "Qasim Sulaimani")


@pytest.mark.parametrize(
    "content",
    ["- [a, b]\n", "must_link: [a, b]\n", "must_link:\n  - [a, b, c]\n", "mustlink:\n  - [a, b]\n", "x: [\n"],
)
def test_a_bad_overrides_file_is_a_config_error(tmp_path: Path, content: str) -> None:
    links = tmp_path / "links.yaml"
    links.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        Overrides.load(links)
