"""The corpus store: ``newsgraph/1`` records in an embedded DuckDB file.

A document is keyed by ``document.id`` (sha256 of its body), so storing the same article twice
changes nothing; ``sources`` remembers which inputs were already stored so an interrupted
ingest resumes where it stopped. Writes happen in explicit transactions (see :meth:`Store.batch`),
so a crash loses at most the batch in flight and never leaves half a document behind.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

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
        if not read_only:
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

    def _migrate(self) -> None:
        current = self.version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"the database has schema version {current}, newer than this newsgraph ({SCHEMA_VERSION}); "
                "upgrade newsgraph",
                source=self.path,
            )
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
        doc = data["document"]
        doc_id = doc["id"]
        if source is not None:
            self.con.execute(
                "INSERT OR REPLACE INTO sources (source, doc_id) VALUES (?, ?)", [source, doc_id]
            )
        if self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone():
            return False
        self.con.execute(
            "INSERT INTO documents (doc_id, source, url, title, authors, published, reference_date, "
            "reference_method, language, site, body, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                doc_id, doc["source"], doc["url"], doc["title"], doc["authors"], doc["published"],
                doc["reference_date"], doc["reference_date_method"], doc["language"], doc.get("site"), doc["body"],
                json.dumps(data, ensure_ascii=False),
            ],
        )  # fmt: skip
        self._insert_records(doc_id, data)
        return True

    def _insert_records(self, doc_id: str, d: dict[str, Any]) -> None:
        many = self.con.executemany
        if d["entities"]:
            many(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    [doc_id, e["id"], e["name"], e["type"], e["aliases"], e["titles"], len(e["mentions"])]
                    for e in d["entities"]
                ],
            )
            rows = [
                [doc_id, e["id"], m["start"], m["end"], m["text"]]
                for e in d["entities"]
                for m in e["mentions"]
            ]
            if rows:
                many("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)", rows)
        if d["times"]:
            many(
                "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [doc_id, t["id"], t["text"], t["start"], t["end"], t["kind"], t["value"], t["mod"],
                     _day(t["earliest"], low=True), _day(t["latest"], low=False), t["anchor"]]
                    for t in d["times"]
                ],
            )  # fmt: skip
        if d["amounts"]:
            many(
                "INSERT INTO amounts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [doc_id, a["id"], a["text"], a["start"], a["end"], _dec(a["value"]), a["unit"], a["currency"],
                     a["per"], a["qualifier"], _dec(a["range"][0]) if a["range"] else None,
                     _dec(a["range"][1]) if a["range"] else None, a["part_of"], a["time"]]
                    for a in d["amounts"]
                ],
            )  # fmt: skip
        if d["places"]:
            many(
                "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [doc_id, p["id"], p["text"], p["start"], p["end"], p["name"], p["entity"], p["geonames_id"],
                     p["lat"], p["lon"], p["country"], p["feature"], p["confidence"]]
                    for p in d["places"]
                ],
            )  # fmt: skip
        if d["events"]:
            many(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [doc_id, v["id"], v["type"], v["subtype"], v["trigger"]["text"], v["trigger"]["start"],
                     v["trigger"]["end"], v["sentence"]["start"], v["sentence"]["end"], v["place"], v["time"],
                     _day(v["earliest"], low=True), _day(v["latest"], low=False), v["polarity"], v["modality"],
                     v["claim"], v.get("plover"), v.get("acled")]
                    for v in d["events"]
                ],
            )  # fmt: skip
            rows = [[doc_id, v["id"], p["entity"], p["role"]] for v in d["events"] for p in v["participants"]]
            if rows:
                many("INSERT INTO participants VALUES (?, ?, ?, ?)", rows)
        if d["relations"]:
            many(
                "INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [doc_id, r["id"], r["subject"], r["predicate"], r["object"], r["evidence"]["start"],
                     r["evidence"]["end"], r["polarity"], r["modality"], r["time"]]
                    for r in d["relations"]
                ],
            )  # fmt: skip
        if d["claims"]:
            many(
                "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [doc_id, c["id"], c["text"], c["start"], c["end"], c["status"], c["checkworthy"], c["source"],
                     json.dumps(c["cues"], ensure_ascii=False), c["entities"], c["times"], c["amounts"], c["places"]]
                    for c in d["claims"]
                ],
            )  # fmt: skip

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


def _day(value: str | None, *, low: bool) -> str | None:
    """An ISO date of any precision as a DATE bound (``2014`` → 2014-01-01 or 2014-12-31)."""
    if not value:
        return None
    import calendar

    parts = value[:10].split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01" if low else f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01" if low else f"{year:04d}-{month:02d}-{last:02d}"
    return value[:10]
