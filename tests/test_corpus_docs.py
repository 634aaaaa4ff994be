"""docs/database.md is the contract of the corpus database: every table, view and column is
described there, and its example SQL runs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.corpus.store import Store

DOC = Path(__file__).resolve().parents[1] / "docs" / "database.md"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("docs") / "empty.duckdb") as s:
        yield s


def test_every_table_view_and_column_is_documented(store: Store) -> None:
    text = DOC.read_text(encoding="utf-8")
    _, rows = store.query(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' ORDER BY ALL"
    )
    missing = [
        f"{table}.{column}"
        for table, column in rows
        if f"**{table}**" not in text or f"`{column}`" not in text
    ]
    assert missing == []


def test_the_example_sql_runs(store: Store) -> None:
    blocks = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    statements = [s.strip() for block in blocks for s in block.split(";") if s.strip()]
    assert len(statements) >= 5
    for sql in statements:
        store.query(sql)  # raises StoreError with DuckDB's message if a column or table is wrong
