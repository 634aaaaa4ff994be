"""The corpus store: ``newsgraph/1`` records in an embedded DuckDB file.

A document is keyed by ``document.id`` (sha256 of its body), so storing the same article twice
changes nothing; ``sources`` remembers which inputs were already stored so an interrupted
ingest resumes where it stopped. Writes happen in explicit transactions (see :meth:`Store.batch`),
so a crash loses at most the batch in flight and never leaves half a document behind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import duckdb
import pyarrow as pa

from newsgraph.corpus.schema import MIGRATIONS, SCHEMA_VERSION, VIEWS
from newsgraph.errors import StoreError
from newsgraph.frames import COLUMNS, to_frame
from newsgraph.frames import rows as record_rows
from newsgraph.model import Analysis

if TYPE_CHECKING:
    import pandas as pd


class QueryResult(NamedTuple):
    """The answer to a query: unpacks as ``columns, rows``; ``.df()`` and ``.arrow()`` for analysis."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def df(self) -> pd.DataFrame:
        """A pandas DataFrame (money as float, dates as datetime64, lists as Python lists)."""
        return to_frame(self.columns, self.rows)

    def arrow(self) -> pa.Table:
        """A pyarrow Table (exact decimals and dates kept, lists as list arrays)."""
        return pa.table({c: [r[i] for r in self.rows] for i, c in enumerate(self.columns)})

    def records(self) -> list[dict[str, Any]]:
        """One dict per row."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class Store:
    """An open corpus database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the corpus database: {exc}", source=self.path) from exc
        if read_only:
            self._check_version()
        else:
            self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------------------
    def version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _refuse_newer(self, current: int) -> None:
        if current > SCHEMA_VERSION:
            self.con.close()
            raise StoreError(
                f"the database has schema version {current}, newer than this newsgraph ({SCHEMA_VERSION}); "
                "upgrade newsgraph",
                source=self.path,
            )

    def _check_version(self) -> None:
        """Read-only stores cannot be migrated: refuse any version but the current one."""
        current = self.version()
        self._refuse_newer(current)
        if current < SCHEMA_VERSION:
            self.con.close()
            raise StoreError(
                f"the database has schema version {current}, older than this newsgraph ({SCHEMA_VERSION}); "
                "open it once for writing (e.g. `newsgraph resolve --db FILE`) to upgrade it",
                source=self.path,
            )

    def _migrate(self) -> None:
        current = self.version()
        self._refuse_newer(current)
        try:
            if current < SCHEMA_VERSION:
                with self.batch():
                    for statements in MIGRATIONS[current:]:
                        for sql in statements:
                            self.con.execute(sql)
                    self.con.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
                    )
            for sql in VIEWS:
                self.con.execute(sql)
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(f"cannot set up the corpus schema: {exc}", source=self.path) from exc

    # -- writing --------------------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction: everything written inside is stored together or not at all."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def has_source(self, source: str) -> bool:
        return self.con.execute("SELECT 1 FROM sources WHERE source = ?", [source]).fetchone() is not None

    def known_sources(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT source FROM sources").fetchall()}

    def add_error(self, source: str, kind: str, message: str) -> None:
        self.con.execute(
            "INSERT INTO errors (source, kind, message) VALUES (?, ?, ?)", [source, kind, message]
        )

    def add(self, analysis: Analysis, *, source: str | None = None) -> bool:
        """Store one analysis; returns False when the same document was already there."""
        return self.add_dict(analysis.to_dict(), source=source)

    def add_dict(self, data: dict[str, Any], *, source: str | None = None) -> bool:
        """Store one ``newsgraph/1`` dict (e.g. read back from Parquet); False if already there."""
        return self.add_many([(data, source)]) == 1

    def add_many(self, items: Iterable[tuple[dict[str, Any], str | None]]) -> int:
        """Store ``newsgraph/1`` dicts, each with the source it came from (or None); returns how many
        were new. Documents already stored, or repeated in ``items``, are skipped by id. The rows go
        in through Arrow, one INSERT per table for the whole batch: row-by-row inserts cost DuckDB
        about a millisecond each, minutes for a few thousand documents."""
        items = list(items)
        sources = [(s, d["document"]["id"]) for d, s in items if s is not None]
        if sources:
            self._insert("sources", ["source", "doc_id"], sources, replace=True)
        ids = [d["document"]["id"] for d, _ in items]
        _, rows = self.query(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        )
        seen = {r[0] for r in rows}
        rows_by_table: dict[str, list[tuple[Any, ...]]] = {table: [] for table in COLUMNS}
        stored = 0
        for data, _ in items:
            doc_id = data["document"]["id"]
            if doc_id in seen:
                continue
            seen.add(doc_id)
            stored += 1
            for table, rows_of in record_rows(doc_id, data).items():
                rows_by_table[table].extend(rows_of)
        for table, table_rows in rows_by_table.items():
            self._insert(table, COLUMNS[table], table_rows)
        return stored

    def _insert(
        self, table: str, columns: list[str], rows: list[tuple[Any, ...]], *, replace: bool = False
    ) -> None:
        if not rows:
            return
        data = pa.table({c: [r[k] for r in rows] for k, c in enumerate(columns)})
        view = f"_new_{table}"
        self.con.register(view, data)
        try:
            names = ", ".join(f'"{c}"' for c in columns)
            verb = "INSERT OR REPLACE" if replace else "INSERT"
            self.con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM {view}")
        except duckdb.Error as exc:
            raise StoreError(f"cannot store the {table} rows: {exc}", source=self.path) from exc
        finally:
            self.con.unregister(view)

    # -- reading --------------------------------------------------------------------------------
    def query(self, sql: str, params: list[Any] | None = None) -> QueryResult:
        """Run SQL; returns the column names and rows (``columns, rows = store.query(...)``), which
        also convert to pandas (``.df()``) or Arrow (``.arrow()``). Errors become StoreError with
        DuckDB's message."""
        try:
            cursor = self.con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc
        if cursor.description is None:
            return QueryResult([], [])
        columns = [d[0] for d in cursor.description]
        return QueryResult(columns, cursor.fetchall())

    def table(self, name: str, *, limit: int | None = None) -> QueryResult:
        """Every row of one table or ready view (``"events"``, ``"v_actors"``, ...; docs/database.md)."""
        if name not in _TABLES and name not in _view_names():
            raise StoreError(f"no table or view {name!r}: see docs/database.md")
        return self.query(f'SELECT * FROM "{name}"' + (" LIMIT ?" if limit is not None else ""),
                          [limit] if limit is not None else None)  # fmt: skip

    def count(self, table: str) -> int:
        if table not in _TABLES:
            raise StoreError(f"no table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def analyses(self) -> Iterator[dict[str, Any]]:
        """Every stored document as its ``newsgraph/1`` dict, in ingest order."""
        cursor = self.con.execute("SELECT analysis FROM documents ORDER BY ingested_at, doc_id")
        while rows := cursor.fetchmany(256):
            for (text,) in rows:
                yield json.loads(text)


_TABLES = frozenset(
    [
        "documents",
        "sources",
        "errors",
        "entities",
        "mentions",
        "times",
        "amounts",
        "places",
        "events",
        "participants",
        "relations",
        "claims",
        "actor_links",
        "actors",
        "event_links",
        "claim_links",
        "resolve_state",
        "resolve_merges",
        "resolved_documents",
        "actor_members",
        "actor_components",
    ]
)


def _view_names() -> frozenset[str]:
    # "CREATE OR REPLACE VIEW v_actors AS ..." → v_actors
    return frozenset(sql.split()[4] for sql in VIEWS)
