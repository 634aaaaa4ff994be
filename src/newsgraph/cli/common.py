"""What every command shares: the consoles, the --db option, opening a store, printing a table.

Errors become a one-line message and exit status 2 here, at the edge (``docs``: exit statuses).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.errors import NewsgraphError

out = Console()
err = Console(stderr=True)

DbOpt = Annotated[Path, typer.Option("--db", help="The corpus database file (DuckDB).")]


def open_store(db: Path, *, read_only: bool = False):  # type: ignore[no-untyped-def]
    from newsgraph.corpus.store import Store

    if read_only and not db.exists():
        err.print(
            f"[red]error:[/] {db}: no such corpus database; create it with `newsgraph ingest SOURCE --db {db}`"
        )
        raise typer.Exit(2)
    try:
        return Store(db, read_only=read_only)
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


def print_table(
    columns: list[str], rows: list[tuple[Any, ...]], title: str | None = None, limit: int = 50
) -> None:
    table = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        table.add_column(c, overflow="fold", max_width=60)
    for row in rows[:limit]:
        table.add_row(*("" if v is None else str(v) for v in row))
    out.print(table)
    if len(rows) > limit:
        out.print(f"… {len(rows) - limit} more rows (use `newsgraph query` with LIMIT/OFFSET, or --limit)")


def check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        err.print(f"[red]error:[/] --date {value!r} is not a date: use YYYY-MM-DD, e.g. --date 2016-10-20")
        raise typer.Exit(2) from exc
