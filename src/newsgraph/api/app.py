"""The newsgraph REST API: FastAPI routes over the same functions as the CLI.

Safe by default:

- ``newsgraph serve`` binds 127.0.0.1; binding anything else requires an API key.
- Request bodies are capped (``max_body_bytes``) and must be JSON; analysis runs in a bounded
  work queue: when ``workers + queue`` analyses are already in flight the server answers 429
  (with ``Retry-After``) instead of piling up work, and an analysis that outlives
  ``timeout_s`` answers 503.
- URL fetching goes through the guarded fetcher and is off unless ``allow_url_fetch``.
- CORS is off unless origins are configured. Errors are one-line JSON messages, never stack traces.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError, field_validator

from newsgraph._analyze import analyze_raw
from newsgraph._version import __version__
from newsgraph.errors import (
    BinaryInputError,
    EmptyInputError,
    FetchError,
    InputError,
    LanguageError,
    NewsgraphError,
    TooLargeError,
)
from newsgraph.ingest import SourceItem
from newsgraph.ingest.loader import load
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline
from newsgraph.out.json import schema

logger = logging.getLogger(__name__)

# Status codes for input errors: what the client sent is the problem (4xx), except a URL that
# could not be fetched, which is an upstream failure (502).
ERROR_STATUS: tuple[tuple[type[NewsgraphError], int], ...] = (
    (TooLargeError, 413),
    (BinaryInputError, 415),
    (EmptyInputError, 422),
    (LanguageError, 422),
    (FetchError, 502),
    (InputError, 422),
)


@dataclass(frozen=True)
class ApiSettings:
    """Server settings, checked once; ``newsgraph serve`` fills them from its options."""

    db: Path | None = None
    api_key: str | None = None
    model: str = DEFAULT_MODEL
    # One analysis thread: spaCy work holds the GIL, so more threads add latency, not throughput;
    # scale with more server processes instead.
    workers: int = 1
    # Requests allowed to wait for a worker; beyond this the server sheds load with 429.
    queue: int = 8
    timeout_s: float = 60.0
    max_body_bytes: int = 5 * 1024 * 1024
    allow_url_fetch: bool = False
    allow_private: bool = False
    cors_origins: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.workers < 1 or self.queue < 0 or self.timeout_s <= 0 or self.max_body_bytes < 1024:
            raise ValueError(
                "workers >= 1, queue >= 0, timeout_s > 0 and max_body_bytes >= 1024 are required"
            )


class AnalyzeRequest(BaseModel):
    """One article to analyze: exactly one of ``text``, ``html`` or ``url``."""

    text: str | None = Field(None, description="The article as plain text.")
    html: str | None = Field(None, description="The article page as HTML.")
    url: str | None = Field(None, description="Fetch this URL (only when the server allows URL fetching).")
    source_url: str | None = Field(None, description="The article's URL, when sending text or HTML.")
    published: str | None = Field(None, description="Publication date (ISO), if known.")
    date: str | None = Field(None, description="Reference date YYYY-MM-DD for relative expressions.")
    store: bool = Field(False, description="Also store the analysis in the server's corpus database.")

    @field_validator("date", "published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                dt.date.fromisoformat(value[:10])
            except ValueError as exc:
                raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2019-04-01") from exc
        return value

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "text": "Rebels seized the port of Hodeidah in March 2019, officials said.",
                    "date": "2019-04-01",
                }
            ]
        }
    }


# Deepest JSON an analysis request needs is 2 ({"text": ...}); 32 leaves room for any client while
# keeping the decoder's recursion far from Python's limit.
MAX_JSON_DEPTH = 32


def json_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text, outside strings (no decoding)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


class _Busy(Exception):
    pass


class WorkQueue:
    """At most ``workers`` analyses run and ``queue`` wait; anything more is refused at once."""

    def __init__(self, workers: int, queue: int) -> None:
        self.capacity = workers + queue
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="newsgraph-analyze")
        self.lock = threading.Lock()
        self.in_flight = 0

    def submit(self, fn: Any, *args: Any) -> asyncio.Future[Any]:
        with self.lock:
            if self.in_flight >= self.capacity:
                raise _Busy
            self.in_flight += 1

        def run() -> Any:
            try:
                return fn(*args)
            finally:
                with self.lock:
                    self.in_flight -= 1

        return asyncio.get_running_loop().run_in_executor(self.executor, run)


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _status_of(exc: NewsgraphError) -> int:
    return next((status for cls, status in ERROR_STATUS if isinstance(exc, cls)), 500)


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """Build the FastAPI application (the pipeline loads once, at startup)."""
    settings = settings or ApiSettings()
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Turn news and opinion articles into evidence-linked records: actors, events, times, "
        "places, money and claims (format newsgraph/1).",
    )
    app.state.settings = settings
    app.state.queue = WorkQueue(settings.workers, settings.queue)
    app.state.nlp = load_pipeline(settings.model)
    app.state.store = None
    app.state.store_lock = threading.Lock()
    if settings.db is not None:
        from newsgraph.corpus.store import Store

        app.state.store = Store(settings.db)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"]
        )

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        if settings.api_key and request.url.path.startswith("/v1/"):
            given = request.headers.get("x-api-key") or request.headers.get("authorization", "").removeprefix(
                "Bearer "
            )
            if not hmac.compare_digest(given.encode(), settings.api_key.encode()):
                return _error(401, "missing or wrong API key (send it as X-API-Key)")
        try:
            response: Response = await call_next(request)
        except Exception:  # never leak a stack trace to a client
            logger.exception("unhandled error on %s", request.url.path)
            return _error(500, "internal error")
        return response

    @app.get("/healthz", tags=["service"])
    def healthz() -> dict[str, Any]:
        """Liveness and load: ``in_flight`` analyses out of ``capacity``."""
        queue: WorkQueue = app.state.queue
        return {
            "status": "ok",
            "version": __version__,
            "in_flight": queue.in_flight,
            "capacity": queue.capacity,
        }

    @app.post(
        "/v1/analyze",
        tags=["analyze"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": AnalyzeRequest.model_json_schema()}},
            }
        },
        responses={
            200: {
                "description": "The analysis (newsgraph/1)",
                "content": {"application/json": {"schema": schema()}},
            },
            413: {"description": "Body over the size limit"},
            415: {"description": "Not JSON, or binary content"},
            422: {"description": "Empty, non-English or malformed input"},
            429: {"description": "Too many analyses in flight; retry later"},
            503: {"description": "The analysis took too long"},
        },
    )
    async def analyze_endpoint(request: Request) -> Response:
        """Analyze one article sent as text, HTML or a URL; returns its ``newsgraph/1`` JSON."""
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return _error(415, 'send the article as JSON: {"text": ...} or {"html": ...} or {"url": ...}')
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > settings.max_body_bytes:
            return _error(413, f"body over the {settings.max_body_bytes}-byte limit")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > settings.max_body_bytes:
                return _error(413, f"body over the {settings.max_body_bytes}-byte limit")
        depth = json_depth(bytes(body))
        if depth > MAX_JSON_DEPTH:
            return _error(
                400, f"JSON nested {depth} deep; an analysis request is at most {MAX_JSON_DEPTH} deep"
            )
        try:
            payload = AnalyzeRequest.model_validate(json.loads(body))
        except RecursionError:
            return _error(400, "JSON nested too deep to decode")
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first.get("loc", ())) or "body"
            return _error(422, f"malformed request: {where}: {first.get('msg', 'invalid')}")
        except ValueError as exc:
            return _error(422, f"malformed request: {str(exc).splitlines()[0]}")
        given = [k for k in ("text", "html", "url") if getattr(payload, k) is not None]
        if len(given) != 1:
            return _error(422, "send exactly one of text, html or url")
        if payload.url is not None and not settings.allow_url_fetch:
            return _error(403, "URL fetching is disabled on this server (start it with --allow-url-fetch)")
        item = SourceItem(
            source="<api>",
            text=payload.text,
            html=payload.html,
            url=payload.url or payload.source_url,
            published=payload.published,
            allow_private=settings.allow_private,
        )
        try:
            future = app.state.queue.submit(_analyze, app, item, payload.date)
        except _Busy:
            return _error(429, "too many analyses in flight; retry shortly", {"Retry-After": "1"})
        try:
            analysis = await asyncio.wait_for(asyncio.shield(future), timeout=settings.timeout_s)
        except TimeoutError:
            return _error(
                503, f"the analysis took longer than {settings.timeout_s:g} s", {"Retry-After": "5"}
            )
        except NewsgraphError as exc:
            return _error(_status_of(exc), exc.message)
        if payload.store:
            if app.state.store is None:
                return _no_store()
            with app.state.store_lock, app.state.store.batch():
                app.state.store.add(analysis, source=f"api:{analysis.document.id}")
        return Response(analysis.to_json(indent=None), media_type="application/json")

    def _rows(sql: str, params: list[Any]) -> list[dict[str, Any]]:
        store = app.state.store
        if store is None:
            raise _NoStore
        with app.state.store_lock:
            columns, rows = store.query(sql, params)
        return [dict(zip(columns, (_jsonable(v) for v in row), strict=True)) for row in rows]

    @app.get("/v1/documents", tags=["corpus"])
    def documents(limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0)) -> Response:
        """Stored documents, newest first."""
        return _json_or_error(
            lambda: _rows(
                "SELECT doc_id AS id, title, source, url, site, published, reference_date FROM documents "
                "ORDER BY ingested_at DESC LIMIT ? OFFSET ?",
                [limit, offset],
            )
        )

    @app.get("/v1/documents/{doc_id}", tags=["corpus"])
    def document(doc_id: str) -> Response:
        """One stored analysis (``newsgraph/1``)."""
        rows = _rows_or_none(lambda: _rows("SELECT analysis FROM documents WHERE doc_id = ?", [doc_id]))
        if rows is None:
            return _no_store()
        if not rows:
            return _error(404, f"no document {doc_id}")
        return Response(rows[0]["analysis"], media_type="application/json")

    @app.get("/v1/documents/{doc_id}/report", tags=["corpus"], response_class=HTMLResponse)
    def report(doc_id: str) -> Response:
        """The HTML dossier of a stored document."""
        from newsgraph.out.html import render_html_data

        rows = _rows_or_none(lambda: _rows("SELECT analysis FROM documents WHERE doc_id = ?", [doc_id]))
        if rows is None:
            return _no_store()
        if not rows:
            return _error(404, f"no document {doc_id}")
        return HTMLResponse(render_html_data(json.loads(rows[0]["analysis"])))

    @app.get("/v1/entities", tags=["corpus"])
    def entities(q: str | None = None, limit: int = Query(50, ge=1, le=1000)) -> Response:
        """Actors resolved across the corpus; ``q`` matches names and aliases (case-insensitive)."""
        sql = "SELECT actor_id AS id, name, type, documents, mentions, aliases FROM actors"
        params: list[Any] = []
        if q:
            sql += " WHERE lower(name) LIKE ? OR list_contains(list_transform(aliases, lambda x: lower(x)), lower(?))"
            params += [f"%{q.lower()}%", q]
        return _json_or_error(
            lambda: _rows(sql + " ORDER BY documents DESC, mentions DESC LIMIT ?", [*params, limit])
        )

    @app.get("/v1/claims", tags=["corpus"])
    def claims(
        status: str | None = None,
        min_checkworthy: float = Query(0.0, ge=0.0, le=1.0),
        limit: int = Query(50, ge=1, le=1000),
    ) -> Response:
        """Claims across the corpus, most check-worthy first."""
        sql = "SELECT doc_id, claim_id AS id, status, checkworthy, text, title, site FROM v_claims WHERE checkworthy >= ?"
        params: list[Any] = [min_checkworthy]
        if status:
            sql += " AND status = ?"
            params.append(status)
        return _json_or_error(lambda: _rows(sql + " LIMIT ?", [*params, limit]))

    @app.get("/v1/events", tags=["corpus"])
    def events(
        start: str | None = Query(None, alias="from", description="Earliest date (YYYY-MM-DD)."),
        end: str | None = Query(None, alias="to", description="Latest date (YYYY-MM-DD)."),
        place: str | None = None,
        limit: int = Query(100, ge=1, le=1000),
    ) -> Response:
        """Events in time order, optionally within [from, to] and at a place."""
        sql = (
            "SELECT doc_id, event_id AS id, type, subtype, trigger, earliest, latest, place, cluster_id, sentence "
            "FROM v_timeline WHERE TRUE"
        )
        params: list[Any] = []
        if start:
            sql += " AND latest >= TRY_CAST(? AS DATE)"
            params.append(start)
        if end:
            sql += " AND earliest <= TRY_CAST(? AS DATE)"
            params.append(end)
        if place:
            sql += " AND lower(place) = lower(?)"
            params.append(place)
        return _json_or_error(lambda: _rows(sql + " LIMIT ?", [*params, limit]))

    @app.on_event("shutdown")
    def _close() -> None:
        app.state.queue.executor.shutdown(wait=False, cancel_futures=True)
        if app.state.store is not None:
            app.state.store.close()

    return app


class _NoStore(Exception):
    pass


def _no_store() -> JSONResponse:
    return _error(404, "this server has no corpus database (start it with --db FILE)")


def _rows_or_none(fn: Any) -> list[dict[str, Any]] | None:
    try:
        rows: list[dict[str, Any]] = fn()
    except _NoStore:
        return None
    return rows


def _json_or_error(fn: Any) -> Response:
    try:
        rows = fn()
    except _NoStore:
        return _no_store()
    except NewsgraphError as exc:
        return _error(400, exc.message)
    return Response(json.dumps(rows, ensure_ascii=False, default=str), media_type="application/json")


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (int, float, str, list, dict)) or value is None:
        return value
    return str(value)


def _analyze(app: FastAPI, item: SourceItem, date: str | None) -> Any:
    raw = load(item)
    return analyze_raw(raw, reference_date=date, nlp=app.state.nlp)
