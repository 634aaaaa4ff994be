"""``newsgraph analyze``: one or many sources in, newsgraph/1 JSON and HTML dossiers out."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsgraph._analyze import AnalysisResult, analyze_many
from newsgraph.cli.common import check_date, err
from newsgraph.errors import NewsgraphError
from newsgraph.ingest.loader import expand_sources
from newsgraph.model import Analysis
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline


def _out_name(source: str, used: set[str]) -> str:
    """A file name for a document's outputs: its JSONL id, else the source file's stem (made unique)."""
    jsonl = re.match(r"^(?P<file>.+?\.jsonl):(?P<line>\d+)(?: \((?P<id>[^)]+)\))?$", source)
    if jsonl:
        stem = jsonl["id"] or f"{Path(jsonl['file']).stem}-{jsonl['line']}"
    else:
        stem = Path(source.rstrip("/").split("?")[0].split("#")[0]).stem or "document"
    stem = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem)[:80] or "document"
    name, n = stem, 1
    while name in used:
        n += 1
        name = f"{stem}-{n}"
    used.add(name)
    return name


def analyze(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html), directories, http(s) URLs, .jsonl batches, or - for stdin."
        ),
    ],
    outdir: Annotated[
        Path | None, typer.Option("-o", "--outdir", help="Write <name>.json (and .html) per document here.")
    ] = None,
    json_file: Annotated[
        str | None, typer.Option("--json", help="Write the JSON of a single document to FILE (- = stdout).")
    ] = None,
    html_file: Annotated[
        str | None, typer.Option("--html", help="Write the HTML dossier of a single document to FILE.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Reference date YYYY-MM-DD that relative dates are anchored on."),
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="The article's URL, when SOURCE is a file.")
    ] = None,
    model: Annotated[str, typer.Option("--model", help="spaCy model package to load.")] = DEFAULT_MODEL,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Let URL fetching reach private/loopback addresses.")
    ] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar or summary.")] = False,
) -> None:
    """Analyze articles and write newsgraph/1 JSON (and the HTML dossier).

    \b
    Examples:
      newsgraph analyze article.txt --json out.json --html report.html
      newsgraph analyze page.html --url https://example.org/story --date 2016-10-20 --json -
      newsgraph analyze examples/ -o out/
      cat story.txt | newsgraph analyze - --json -

    Exit status: 0 when every document succeeded, 1 when any failed (each failure is
    reported on one line: SOURCE: reason), 2 on a usage error.
    """
    if date is not None:
        check_date(date)
    items = list(expand_sources(sources, url=url, allow_private=allow_private))
    single = len(items) == 1
    if (json_file or html_file) and not single:
        err.print("[red]error:[/] --json/--html take a single document; use -o OUTDIR for many")
        raise typer.Exit(2)
    if not (json_file or html_file or outdir):
        if single:
            json_file = "-"
        else:
            outdir = Path("out")
    try:
        nlp = load_pipeline(model)
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    started = time.perf_counter()
    failures = 0
    used: set[str] = set()
    show_progress = not quiet and len(items) > 1 and err.is_terminal
    progress = Progress(
        TextColumn("[bold]analyzing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
        console=err,
        disable=not show_progress,
    )
    with progress:
        task = progress.add_task("analyze", total=len(items), current="")
        for result in analyze_many(items, reference_date=date, nlp=nlp):
            progress.update(task, advance=1, current=result.source[-50:])
            if not result.ok:
                failures += 1
                err.print(f"[red]error:[/] {result.error}", highlight=False)
                continue
            _write(result, json_file=json_file, html_file=html_file, outdir=outdir, used=used)
    elapsed = time.perf_counter() - started
    if not quiet and (len(items) > 1 or failures):
        n = len(items)
        err.print(
            f"{n} document{'s' if n != 1 else ''}, {failures} failed, {elapsed:.1f} s, "
            f"{n / elapsed if elapsed else 0:.1f} docs/s"
        )
    if failures:
        raise typer.Exit(1)


def _write(
    result: AnalysisResult,
    *,
    json_file: str | None,
    html_file: str | None,
    outdir: Path | None,
    used: set[str],
) -> None:
    analysis = result.analysis
    assert analysis is not None
    text = analysis.to_json()
    if json_file == "-":
        sys.stdout.write(text + "\n")
    elif json_file:
        Path(json_file).parent.mkdir(parents=True, exist_ok=True)
        Path(json_file).write_text(text + "\n", encoding="utf-8")
    if html_file:
        _write_html(analysis, Path(html_file))
    if outdir:
        outdir.mkdir(parents=True, exist_ok=True)
        name = _out_name(result.source, used)
        (outdir / f"{name}.json").write_text(text + "\n", encoding="utf-8")
        _write_html(analysis, outdir / f"{name}.html")


def _write_html(analysis: Analysis, path: Path) -> None:
    from newsgraph.out.html import render_html

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(analysis), encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
