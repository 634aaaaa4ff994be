"""Exports of the test corpus read back by the tools they are for (followthemoney, networkx,
DuckDB, pyarrow, csv, json), and every corpus command run through the CLI."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import networkx as nx
import pyarrow.parquet as pq
import pytest
from followthemoney import model
from spacy.language import Language
from typer.testing import CliRunner

from corpus_support import EXPECTED, corpus_db
from newsgraph.cli import app
from newsgraph.corpus.store import Store
from newsgraph.out.graph import actor_graph
from newsgraph.out.tables import CSV_DROP, TABLES

runner = CliRunner()


@pytest.fixture(scope="module")
def db(nlp: Language) -> Path:
    return corpus_db(nlp)[0]


@pytest.fixture()
def store(db: Path) -> Iterator[Store]:
    with Store(db, read_only=True) as s:
        yield s


def _export(db: Path, fmt: str, target: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output


# -- FollowTheMoney ------------------------------------------------------------------------------
def test_ftm_lines_are_valid_followthemoney_entities(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "corpus.ftm.json"
    _export(db, "ftm", target)
    proxies = [model.get_proxy(json.loads(line)) for line in target.read_text(encoding="utf-8").splitlines()]
    assert proxies
    ids = {p.id for p in proxies}
    assert len(ids) == len(proxies), "entity ids must be unique"
    for proxy in proxies:
        missing = [prop for prop in proxy.schema.required if not proxy.get(prop)]
        assert not missing, f"{proxy.schema.name} {proxy.id} lacks {missing}"
        for prop, values in proxy.properties.items():  # references point at exported entities
            if proxy.schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, f"{proxy.schema.name}.{prop} points outside the export"
    schemata = Counter(p.schema.name for p in proxies)
    assert schemata["Article"] == EXPECTED["documents"]
    for needed in ("Person", "Organization", "Documentation", "Payment", "Sanction", "Event"):
        assert schemata[needed] > 0, f"no {needed} in {dict(schemata)}"
    payments = [p for p in proxies if p.schema.name == "Payment"]
    assert any(p.get("amount") and p.get("currency") == ["USD"] for p in payments)
    people = {n for p in proxies if p.schema.name == "Person" for n in p.get("name")}
    assert "Muammar Gaddafi" in people and "Saif al-Islam Gaddafi" in people


# -- graphs --------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graph_files_read_back_in_networkx(db: Path, store: Store, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"actors.{fmt}"
    _export(db, fmt, target)
    graph = actor_graph(store)
    back = nx.read_gexf(target) if fmt == "gexf" else nx.read_graphml(target)
    assert back.number_of_nodes() == graph.number_of_nodes() == store.count("actors")
    assert back.number_of_edges() == graph.number_of_edges() > 0
    labels = {data.get("label") for _, data in back.nodes(data=True)}
    assert "Qassem Soleimani" in labels
    _, edges = store.query(
        "SELECT count(*) FROM (SELECT DISTINCT ls.actor_id, r.predicate, lo.actor_id FROM relations r "
        "JOIN actor_links ls ON ls.doc_id = r.doc_id AND ls.entity_id = r.subject "
        "JOIN actor_links lo ON lo.doc_id = r.doc_id AND lo.entity_id = r.object)"
    )
    assert graph.number_of_edges() == edges[0][0]


# -- tables --------------------------------------------------------------------------------------
def test_parquet_tables_read_in_duckdb_and_pyarrow(db: Path, store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "parquet"
    _export(db, "parquet", folder)
    con = duckdb.connect()
    for table in TABLES:
        file = folder / f"{table}.parquet"
        rows = store.count(table)
        row = con.execute("SELECT count(*) FROM read_parquet(?)", [str(file)]).fetchone()
        assert row is not None and row[0] == rows
        assert pq.read_table(file).num_rows == rows
    dates = pq.read_table(folder / "events.parquet").schema.field("earliest").type
    assert str(dates).startswith("date32")
    aliases = pq.read_table(folder / "actors.parquet").schema.field("aliases").type
    assert str(aliases).startswith("list")


def test_csv_tables_have_headers_and_rows(db: Path, store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    _export(db, "csv", folder)
    for table in TABLES:
        with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        columns = [
            c for c in store.query(f"SELECT * FROM {table} LIMIT 0")[0] if c not in CSV_DROP.get(table, ())
        ]
        assert rows[0] == columns
        assert len(rows) - 1 == store.count(table)
    with (folder / "actors.csv").open(encoding="utf-8", newline="") as f:
        soleimani = next(r for r in csv.DictReader(f) if r["name"] == "Qassem Soleimani")
    assert "Qasim Sulaimani" in soleimani["aliases"].split("; ")


def test_jsonl_round_trips_into_a_new_store(db: Path, store: Store, tmp_path: Path) -> None:
    target = tmp_path / "corpus.jsonl"
    _export(db, "jsonl", target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == EXPECTED["documents"]
    with Store(tmp_path / "copy.duckdb") as copy:
        for line in lines:
            assert copy.add_dict(json.loads(line))
        for table in (
            "documents",
            "entities",
            "mentions",
            "times",
            "amounts",
            "events",
            "relations",
            "claims",
        ):
            assert copy.count(table) == store.count(table), table
        _, a = copy.query("SELECT sum(value) FROM amounts")
        _, b = store.query("SELECT sum(value) FROM amounts")
        assert a == b  # money stays exact through JSON


def test_export_refuses_an_unknown_format(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "xlsx", "-o", str(tmp_path / "x")])
    assert result.exit_code == 2 and "choose one of" in result.output


# -- the ready views through the CLI ---------------------------------------------------------------
def _run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "400"})  # wide enough that cells do not wrap
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_actors(db: Path) -> None:
    out = _run("actors", "--db", str(db), "--limit", "100")
    assert "Qassem Soleimani" in out and "Saif al-Islam Gaddafi" in out


def test_cli_timeline_for_an_actor_and_a_place(db: Path) -> None:
    out = _run("timeline", "--db", str(db), "--actor", "Qasim Sulaimani", "--limit", "100")
    assert "2020-01-03" in out and "2011" not in out  # any spelling finds the actor's events, only them
    out = _run("timeline", "--db", str(db), "--place", "sirte")
    assert "2011-10-20" in out and "2020" not in out


def test_cli_money(db: Path) -> None:
    out = _run("money", "--db", str(db))
    assert "1700000000" in out and "400000000" in out and "USD" in out


def test_cli_claims_filters(db: Path, store: Store) -> None:
    _, rows = store.query(
        "SELECT status, max(checkworthy) FROM claims GROUP BY status ORDER BY count(*) DESC"
    )
    status, top = rows[0]
    out = _run("claims", "--db", str(db), "--status", status, "--min-checkworthy", str(round(top - 0.01, 2)))
    assert status in out
    other = {s for s, _ in rows} - {status}
    assert not any(f" {s} " in out for s in other)
    out = _run("claims", "--db", str(db), "--min-checkworthy", "1.01")
    assert "checkworthy" in out and "│ 0." not in out


def test_cli_compare(db: Path) -> None:
    data = json.loads(_run("compare", "--db", str(db), "--json", "--disagreements"))
    assert data and all(not c["agree"] for c in data)
    assert any("1.7 billion" in d for c in data for d in c["differences"])
    assert "killing" in _run("compare", "--db", str(db))


def test_cli_query(db: Path) -> None:
    out = _run("query", "--db", str(db), "--json", "SELECT count(*) AS n FROM v_claims")
    assert json.loads(out.splitlines()[0])["n"] > 0
    result = runner.invoke(app, ["query", "--db", str(db), "SELECT * FROM no_such_table"])
    assert result.exit_code == 2 and "query failed" in result.output
    result = runner.invoke(app, ["query", "--db", str(db), "DELETE FROM documents"])
    assert result.exit_code == 2  # the query command opens the corpus read-only
