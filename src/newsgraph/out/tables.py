"""Table exports of a corpus: one CSV or Parquet file per table, or the analyses as JSON lines.

Parquet and CSV are written by DuckDB itself (``COPY ... TO``), so types survive (dates stay
dates, lists stay lists in Parquet) and the files read back in DuckDB, pandas, Spark or Trino.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.corpus.store import Store

TABLES = (
    "documents", "entities", "mentions", "times", "amounts", "places", "events", "participants", "relations",
    "claims", "actors", "actor_links", "event_links", "claim_links", "errors",
)  # fmt: skip

# Columns too bulky or nested for a spreadsheet; kept in Parquet, dropped from CSV.
CSV_DROP = {"documents": ("analysis",)}


def write_tables(store: Store, directory: str | Path, fmt: str) -> list[Path]:
    """Write every table as ``<directory>/<table>.<fmt>`` (fmt: csv or parquet); returns the files."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        target = out / f"{table}.{fmt}"
        if fmt == "parquet":
            store.con.execute(f"COPY (SELECT * FROM {table}) TO '{_quote(target)}' (FORMAT parquet)")
        elif fmt == "csv":
            columns = [
                c
                for c in store.query(f"SELECT * FROM {table} LIMIT 0")[0]
                if c not in CSV_DROP.get(table, ())
            ]
            select = ", ".join(_csv_column(table, c, store) for c in columns)
            store.con.execute(
                f"COPY (SELECT {select} FROM {table}) TO '{_quote(target)}' (HEADER, DELIMITER ',')"
            )
        else:
            raise ValueError(f"unknown table format {fmt!r}")
        written.append(target)
    return written


def _csv_column(table: str, column: str, store: Store) -> str:
    # Lists become "a; b; c" in CSV, which spreadsheets and Gephi's importer read as text.
    row = store.query(
        "SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
        [table, column],
    )[1]
    if row and str(row[0][0]).endswith("[]"):
        return f'array_to_string("{column}", \'; \') AS "{column}"'
    return f'"{column}"'


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def write_jsonl(store: Store, path: str | Path) -> int:
    """Every stored analysis as one ``newsgraph/1`` JSON object per line; returns the count."""
    n = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for data in store.analyses():
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
            n += 1
    return n
