"""``newsgraph ingest`` and ``resolve``: analyses into the corpus store, actors resolved across documents."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsgraph.cli.common import DbOpt, err, open_store
from newsgraph.errors import NewsgraphError


def ingest_cmd(
    sources: Annotated[
        list[str], typer.Argument(help="Files, directories, URLs, .jsonl/.warc(.gz) files, or -.")
    ],
    db: Annotated[Path | None, typer.Option("--db", help="The corpus database file (DuckDB).")] = None,
    dask: Annotated[
        str | None, typer.Option("--dask", help="Run on Dask: local:N worker processes, or tcp://HOST:8786.")
    ] = None,
    parquet: Annotated[
        Path | None,
        typer.Option(
            "--parquet", help="With --dask: write the Parquet dataset here (default: next to --db)."
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes for the analysis.")] = 1,
    date: Annotated[
        str | None, typer.Option("--date", help="Reference date YYYY-MM-DD for all documents.")
    ] = None,
    links: Annotated[
        Path | None, typer.Option("--links", help="YAML file of must_link / cannot_link name pairs.")
    ] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Let URL fetching reach private addresses.")
    ] = False,
    commit_every: Annotated[
        int,
        typer.Option(
            "--commit-every",
            min=1,
            help="Documents per transaction (an interrupted run redoes at most these).",
        ),
    ] = 16,  # newsgraph.corpus.ingest.COMMIT_EVERY (not imported here: it loads spaCy)
) -> None:
    """Analyze sources and store them in a corpus database, then resolve actors across documents.

    Re-running is safe: documents already stored are skipped, and an interrupted run resumes.

    \b
    Examples:
      newsgraph ingest articles/ feed.jsonl --db corpus.duckdb --workers 2
      newsgraph ingest crawl/*.warc.gz --dask tcp://scheduler:8786 --parquet dataset/ --db corpus.duckdb
    """
    from newsgraph.corpus.ingest import ingest
    from newsgraph.corpus.resolve import Overrides, resolve
    from newsgraph.ingest.loader import expand_sources

    if db is None and not (dask and parquet):
        err.print("[red]error:[/] give --db FILE (and/or --dask with --parquet DIR)")
        raise typer.Exit(2)
    items = list(expand_sources(sources, allow_private=allow_private))
    if dask:
        _ingest_dask(
            items, dask=dask, parquet=parquet or Path(f"{db}.parquet"), db=db, date=date, links=links
        )
        return
    assert db is not None
    store = open_store(db)
    started = time.perf_counter()
    progress = Progress(
        TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
        disable=not err.is_terminal,
    )  # fmt: skip
    try:
        with progress:
            task = progress.add_task("ingest", total=len(items))
            summary = ingest(
                items, store, workers=workers, reference_date=date, commit_every=commit_every,
                on_result=lambda r: progress.update(task, advance=1),
                on_commit=None if err.is_terminal else lambda s: _log_commit(s, len(items)),
            )  # fmt: skip
        for message in summary.errors:
            err.print(f"[red]error:[/] {message}", highlight=False)
        resolved = resolve(store, Overrides.load(links))
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    elapsed = time.perf_counter() - started
    err.print(
        f"{summary.seen} sources: {summary.stored} stored, {summary.duplicates} duplicates, "
        f"{summary.skipped} already in the corpus, {summary.failed} failed; {elapsed:.1f} s. "
        f"{resolved.actors} actors from {resolved.entities} entities, {resolved.event_clusters} event clusters."
    )
    if summary.failed:
        raise typer.Exit(1)


def _log_commit(summary: Any, total: int) -> None:
    # Without a terminal (logs, CI, pipes) one line per commit says what is durably stored so far.
    done = summary.stored + summary.duplicates + summary.failed
    err.print(
        f"committed: {summary.stored} stored, {summary.duplicates} duplicates, {summary.failed} failed "
        f"({done + summary.skipped} of {total} sources done)",
        highlight=False,
    )


def _ingest_dask(
    items: list[Any], *, dask: str, parquet: Path, db: Path | None, date: str | None, links: Path | None
) -> None:
    from newsgraph.corpus import distributed
    from newsgraph.corpus.resolve import Overrides, resolve

    try:
        summary = distributed.run(items, parquet, scheduler=dask, reference_date=date)
        err.print(
            f"{summary.documents} documents analyzed, {summary.failed} failed, in {summary.partitions} partitions "
            f"on {summary.workers} workers; {summary.seconds:.1f} s; dataset in {parquet}/"
        )
        if db is not None:
            store = open_store(db)
            try:
                stored = distributed.load_dataset(parquet, store)
                resolved = resolve(store, Overrides.load(links))
            finally:
                store.close()
            err.print(f"{stored} new documents stored in {db}; {resolved.actors} actors")
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    if summary.failed:
        raise typer.Exit(1)


def resolve_cmd(
    db: DbOpt,
    links: Annotated[
        Path | None, typer.Option("--links", help="YAML file of must_link / cannot_link pairs.")
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="Re-resolve every document instead of only the new ones.")
    ] = False,
) -> None:
    """Resolve actors, event clusters and claim groups across the corpus.

    Documents stored since the last run are resolved against the earlier ones; --full replays the
    whole store (same result), and a changed --links file triggers that by itself.

    \b
    Example:
      newsgraph resolve --db corpus.duckdb --links my-links.yaml
    """
    from newsgraph.corpus.resolve import Overrides, resolve

    store = open_store(db)
    try:
        summary = resolve(store, Overrides.load(links), full=full)
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    err.print(
        f"{summary.actors} actors from {summary.entities} entities; {summary.event_clusters} event clusters from "
        f"{summary.events} events; {summary.claim_groups} claim groups from {summary.claims} claims"
    )


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("resolve")(resolve_cmd)
