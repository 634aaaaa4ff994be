"""The corpus store: ``newsgraph/1`` records in an embedded DuckDB file.

A document is keyed by ``document.id`` (sha256 of its body), so storing the same article twice
changes nothing; ``sources`` remembers which inputs were already stored so an interrupted
ingest resumes where it stopped. Writes happen in explicit transactions (see :meth:`Store.batch`),
so a crash loses at most the batch in flight and never leaves half a document behind.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsgraph.corpus.schema import MIGRATIONS, SCHEMA_VERSION, VIEWS
from newsgraph.errors import StoreError
from newsgraph.model import Analysis


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
        rows_by_table: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _RECORD_COLUMNS}
        stored = 0
        for data, _ in items:
            doc_id = data["document"]["id"]
            if doc_id in seen:
                continue
            seen.add(doc_id)
            stored += 1
            for table, rows_of in _rows(doc_id, data).items():
                rows_by_table[table].extend(rows_of)
        for table, table_rows in rows_by_table.items():
            self._insert(table, _RECORD_COLUMNS[table], table_rows)
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
    def query(self, sql: str, params: list[Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run SQL; returns column names and rows. Errors become StoreError with DuckDB's message."""
        try:
            cursor = self.con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc
        if cursor.description is None:
            return [], []
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()

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


# Columns written per record table, in the order ``_rows`` builds them.
_RECORD_COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "source", "url", "title", "authors", "published", "reference_date", "reference_method",
                  "language", "site", "body", "analysis"],
    "entities": ["doc_id", "id", "name", "type", "aliases", "titles", "mentions"],
    "mentions": ["doc_id", "entity_id", "start", "end", "text"],
    "times": ["doc_id", "id", "text", "start", "end", "kind", "value", "mod", "earliest", "latest", "anchor"],
    "amounts": ["doc_id", "id", "text", "start", "end", "value", "unit", "currency", "per", "qualifier", "range_lo",
                "range_hi", "part_of", "time_id"],
    "places": ["doc_id", "id", "text", "start", "end", "name", "entity_id", "geonames_id", "lat", "lon", "country",
               "feature", "confidence"],
    "events": ["doc_id", "id", "type", "subtype", "trigger", "trigger_start", "trigger_end", "sentence_start",
               "sentence_end", "place_id", "time_id", "earliest", "latest", "polarity", "modality", "claim_id",
               "plover", "acled"],
    "participants": ["doc_id", "event_id", "entity_id", "role"],
    "relations": ["doc_id", "id", "subject", "predicate", "object", "evidence_start", "evidence_end", "polarity",
                  "modality", "time_id"],
    "claims": ["doc_id", "id", "text", "start", "end", "status", "checkworthy", "source_entity", "cues", "entity_ids",
               "time_ids", "amount_ids", "place_ids"],
}  # fmt: skip


def _rows(doc_id: str, d: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every record table for one ``newsgraph/1`` dict."""
    doc = d["document"]
    return {
        "documents": [
            (doc_id, doc["source"], doc["url"], doc["title"], doc["authors"], doc["published"],
             _date(doc["reference_date"]), doc["reference_date_method"], doc["language"], doc.get("site"), doc["body"],
             json.dumps(d, ensure_ascii=False))
        ],
        "entities": [
            (doc_id, e["id"], e["name"], e["type"], e["aliases"], e["titles"], len(e["mentions"])) for e in d["entities"]
        ],
        "mentions": [(doc_id, e["id"], m["start"], m["end"], m["text"]) for e in d["entities"] for m in e["mentions"]],
        "times": [
            (doc_id, t["id"], t["text"], t["start"], t["end"], t["kind"], t["value"], t["mod"],
             _day(t["earliest"], low=True), _day(t["latest"], low=False), t["anchor"])
            for t in d["times"]
        ],
        "amounts": [
            (doc_id, a["id"], a["text"], a["start"], a["end"], _dec(a["value"]), a["unit"], a["currency"], a["per"],
             a["qualifier"], _dec(a["range"][0]) if a["range"] else None,
             _dec(a["range"][1]) if a["range"] else None, a["part_of"], a["time"])
            for a in d["amounts"]
        ],
        "places": [
            (doc_id, p["id"], p["text"], p["start"], p["end"], p["name"], p["entity"], p["geonames_id"], p["lat"],
             p["lon"], p["country"], p["feature"], p["confidence"])
            for p in d["places"]
        ],
        "events": [
            (doc_id, v["id"], v["type"], v["subtype"], v["trigger"]["text"], v["trigger"]["start"], v["trigger"]["end"],
             v["sentence"]["start"], v["sentence"]["end"], v["place"], v["time"], _day(v["earliest"], low=True),
             _day(v["latest"], low=False), v["polarity"], v["modality"], v["claim"], v.get("plover"), v.get("acled"))
            for v in d["events"]
        ],
        "participants": [(doc_id, v["id"], p["entity"], p["role"]) for v in d["events"] for p in v["participants"]],
        "relations": [
            (doc_id, r["id"], r["subject"], r["predicate"], r["object"], r["evidence"]["start"], r["evidence"]["end"],
             r["polarity"], r["modality"], r["time"])
            for r in d["relations"]
        ],
        "claims": [
            (doc_id, c["id"], c["text"], c["start"], c["end"], c["status"], c["checkworthy"], c["source"],
             json.dumps(c["cues"], ensure_ascii=False), c["entities"], c["times"], c["amounts"], c["places"])
            for c in d["claims"]
        ],
    }  # fmt: skip


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
    ]
)


def _dec(value: float | int | str) -> Decimal:
    # JSON numbers come back as float; go through str so 0.1 stays 0.1 and large ints stay exact.
    return Decimal(str(value))


def _day(value: str | None, *, low: bool) -> dt.date | None:
    """An ISO date of any precision as a DATE bound (``2014`` → 2014-01-01 or 2014-12-31)."""
    if not value:
        return None
    parts = value[:10].split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 1, 1) if low else dt.date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        return dt.date(year, month, 1) if low else dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date.fromisoformat(value[:10])


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None
