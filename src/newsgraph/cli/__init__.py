"""The ``newsgraph`` command line: a thin typer shell over :mod:`newsgraph`'s Python API.

One module per command group: :mod:`.analyze` (articles → JSON/HTML), :mod:`.ingest` (into a corpus,
resolve), :mod:`.views` (query and the ready views), :mod:`.export` (exports, corpus report),
:mod:`.serve` (the REST API); :mod:`.common` holds the consoles and the store opener they share.
"""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph._version import __version__
from newsgraph.cli import analyze, export, ingest, serve, views

app = typer.Typer(
    help="Rebuild, as evidence-linked data, what a news or opinion article describes.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newsgraph reads articles and writes what they describe as data (newsgraph/1 JSON, HTML dossier)."""


# Registration order is the order of ``newsgraph --help``.
for _group in (analyze, serve, export, ingest, views):
    _group.register(app)


def main() -> None:
    app()
