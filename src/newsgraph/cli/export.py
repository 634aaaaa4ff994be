"""``newsgraph export`` (FtM, GEXF/GraphML, CSV/Parquet, JSON lines) and ``report`` (the corpus dossier)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.common import DbOpt, err, open_store
from newsgraph.errors import NewsgraphError

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
    store = open_store(db, read_only=True)
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
    from newsgraph.out.html.corpus import render_corpus_html

    store = open_store(db, read_only=True)
    try:
        page = render_corpus_html(store, limit=limit)
    finally:
        store.close()
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_text(page, encoding="utf-8")
    err.print(f"wrote {html} ({len(page) / 1e6:.1f} MB)")


def register(app: typer.Typer) -> None:
    app.command("report")(report_cmd)
    app.command("export")(export_cmd)
