"""analyze(): ingest → spaCy pipeline → frozen records. The CLI, the server and Dask jobs all call this."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph._parts import PART_CHARS, merge, split_points
from newsgraph.errors import AnalysisError, AnalysisTimeout, NewsgraphError
from newsgraph.ingest import RawDocument, SourceItem
from newsgraph.ingest.loader import load
from newsgraph.ingest.settings import settings
from newsgraph.model import Analysis, Document, ReferenceDate
from newsgraph.nlp.defuse import defuse
from newsgraph.nlp.pipeline import DEFAULT_MODEL, load_pipeline
from newsgraph.nlp.state import NgState, use_body_text

logger = logging.getLogger(__name__)

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
# A one-line string ending in a file extension we read is a path (a missing file is an error, not text).
_PATHLIKE = re.compile(r"^\S.*\.(txt|html?|jsonl|text)$", re.IGNORECASE)


def _is_file(text: str) -> bool:
    # A one-line article longer than the file system's name limit is text, not a missing file.
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def as_item(
    source: str | Path | SourceItem, *, url: str | None = None, published: str | None = None
) -> SourceItem:
    """Interpret what a caller passed: a SourceItem, a path, a URL or the article text itself."""
    if isinstance(source, SourceItem):
        return source
    if isinstance(source, Path):
        return SourceItem(source=str(source), path=str(source), url=url, published=published)
    if _URL.match(source.strip()):
        return SourceItem(source=source.strip(), url=source.strip(), published=published)
    if "\n" not in source and len(source) < 4096 and (_PATHLIKE.match(source) or _is_file(source)):
        return SourceItem(source=source, path=source, url=url, published=published)
    if source.lstrip()[:1] == "<":
        return SourceItem(source="<html>", html=source, url=url, published=published)
    return SourceItem(source="<text>", text=source, url=url, published=published)


def analyze(
    source: str | Path | SourceItem,
    *,
    url: str | None = None,
    published: str | None = None,
    reference_date: str | None = None,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
) -> Analysis:
    """Analyze one article. ``published``/``reference_date`` are ISO dates (``--date`` on the CLI)."""
    item = as_item(source, url=url, published=published)
    raw = load(item)
    return analyze_raw(raw, reference_date=reference_date, nlp=nlp or load_pipeline(model))


def _reference(raw: RawDocument, given: str | None) -> ReferenceDate:
    if given:
        return ReferenceDate(date=given[:10], method="given", confidence=1.0)
    if raw.published:
        return ReferenceDate(date=raw.published[:10], method="metadata", confidence=0.9)
    return ReferenceDate(date=None, method="none", confidence=0.0)


def analyze_raw(
    raw: RawDocument, *, reference_date: str | None = None, nlp: Language | None = None
) -> Analysis:
    """Run the NLP pipeline over an already ingested document, in parts when it is long
    (:mod:`newsgraph._parts`), each part within the time budget (``NEWSGRAPH_TIME_BUDGET``)."""
    nlp = nlp or load_pipeline()
    budget = time_budget()
    spans = split_points(raw.body)
    if len(spans) == 1:
        return _to_analysis(raw, _run(nlp, _prepare(raw, reference_date, nlp), budget, raw.source)._.ng)
    parts: list[Analysis] = []
    for start, end in spans:
        part = dataclasses.replace(raw, body=raw.body[start:end])
        # Every part is anchored on the date the first one found, as the whole would be.
        given = reference_date or (parts[0].document.reference_date.date if parts else None)
        state = _run(nlp, _prepare(part, given, nlp), budget, raw.source)._.ng
        if parts:
            state.reference = parts[0].document.reference_date
        parts.append(_to_analysis(part, state))
    whole = _to_analysis(raw, NgState(reference=parts[0].document.reference_date))
    return merge(parts, [start for start, _ in spans], whole)


def time_budget() -> float:
    """Seconds one document (or one part of a long one) may spend in the pipeline."""
    return settings().time_budget


def _run(nlp: Language, doc: Doc, budget: float, source: str) -> Doc:
    """The pipeline's components one by one, as ``nlp(doc)`` runs them, stopping with
    :class:`AnalysisTimeout` between components once ``budget`` seconds are spent."""
    started = time.monotonic()
    for name, component in nlp.pipeline:
        doc = component(doc)
        spent = time.monotonic() - started
        if spent > budget:
            raise AnalysisTimeout(
                f"the analysis took over {budget:g} s (stopped after the {name!r} step, {spent:.0f} s); "
                "the text may be pathological, or raise NEWSGRAPH_TIME_BUDGET",
                source=source,
            )
    return doc


def _with_body_texts(record: Any, body: str) -> Any:
    """``record`` with the ``text`` of every span in it (its own, its mentions', cues', evidence)
    read from ``body``: after defusing, spaCy saw a masked copy, and a component that took a
    span's text from the Doc would show the mask."""
    if isinstance(record, tuple):
        return tuple(_with_body_texts(r, body) for r in record)
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, tuple) or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
            new = _with_body_texts(value, body)
            if new is not value:
                changes[f.name] = new
    names = {f.name for f in dataclasses.fields(record)}
    if {"start", "end", "text"} <= names and record.text:  # type: ignore[attr-defined]
        text = body[record.start : record.end]  # type: ignore[attr-defined]
        if text != record.text:  # type: ignore[attr-defined]
            changes["text"] = text
    return dataclasses.replace(record, **changes) if changes else record


def _to_analysis(raw: RawDocument, state: NgState) -> Analysis:
    document = Document(
        id=hashlib.sha256(raw.body.encode("utf-8")).hexdigest(),
        source=raw.source,
        url=raw.url,
        title=raw.title,
        authors=raw.authors,
        published=raw.published,
        reference_date=state.reference,
        language=raw.language,
        body=raw.body,
        boilerplate=raw.boilerplate,
        captions=raw.captions,
        site=raw.site,
    )
    records: dict[str, Any] = {
        "entities": tuple(state.entities), "times": tuple(state.times), "amounts": tuple(state.amounts),
        "places": tuple(state.places), "events": tuple(state.events), "relations": tuple(state.relations),
        "claims": tuple(state.claims),
    }  # fmt: skip
    if state.warnings:  # the text was defused: spans' texts come from the real body
        records = {kind: _with_body_texts(values, raw.body) for kind, values in records.items()}
    return Analysis(document=document, warnings=tuple(state.warnings), **records)


@dataclass(frozen=True)
class AnalysisResult:
    """One document of a batch: the analysis, or the error that stopped it."""

    source: str
    analysis: Analysis | None = None
    error: NewsgraphError | None = None

    @property
    def ok(self) -> bool:
        return self.analysis is not None


def analyze_many(
    items: Iterable[SourceItem | str | Path],
    *,
    reference_date: str | None = None,
    nlp: Language | None = None,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
) -> Iterator[AnalysisResult]:
    """Analyze many documents, yielding one result per document in input order; errors never stop the batch.

    With ``n_process > 1`` documents are spread over worker processes, each loading the
    pipeline once; results still come back in input order.
    """
    sources = (as_item(entry) for entry in items)
    if n_process > 1:
        yield from _analyze_parallel(sources, reference_date=reference_date, model=model, n_process=n_process)
        return
    nlp = nlp or load_pipeline(model)
    batch: list[SourceItem] = []
    for item in sources:
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            yield from _analyze_batch(batch, reference_date=reference_date, nlp=nlp)
            batch = []
    if batch:
        yield from _analyze_batch(batch, reference_date=reference_date, nlp=nlp)


# Documents run through ``nlp.pipe`` together so spaCy batches its matrix work. Measured on the 90
# article-extraction bodies (one process, 2 cores): batch 1 → 5.57 docs/s, peak RSS 323 MB; 4 → 5.86, 387 MB;
# 8 → 5.90, 467 MB; 16 → 5.83, 579 MB. Past 4 the speed is flat and memory grows with the longest articles.
BATCH_SIZE = 4


def _prepare(raw: RawDocument, reference_date: str | None, nlp: Language) -> Doc:
    # spaCy reads a same-length copy with pathological runs blanked; the components read the
    # real body (``body_text``), so every record's text and offsets are the article's own.
    defused = defuse(raw.body)
    doc = nlp.make_doc(defused.text)
    if defused.changed:
        use_body_text(doc, raw.body)
    doc._.ng = NgState(
        reference=_reference(raw, reference_date), published=raw.published, title=raw.title,
        warnings=list(defused.notes),
    )  # fmt: skip
    return doc


def _analyze_batch(
    items: list[SourceItem], *, reference_date: str | None, nlp: Language
) -> Iterator[AnalysisResult]:
    loaded: list[RawDocument | NewsgraphError] = []
    for item in items:
        try:
            loaded.append(load(item))
        except NewsgraphError as exc:
            if exc.source is None:
                exc.source = item.source
            loaded.append(exc)
    if any(isinstance(r, RawDocument) and len(r.body) > PART_CHARS for r in loaded):
        # A long document is analysed in parts, alone, so the batch's memory stays bounded.
        yield from (_analyze_item(item, reference_date=reference_date, nlp=nlp) for item in items)
        return
    raws = [r for r in loaded if isinstance(r, RawDocument)]
    try:
        docs = list(nlp.pipe(_prepare(raw, reference_date, nlp) for raw in raws))
        analyses = iter([_to_analysis(raw, doc._.ng) for raw, doc in zip(raws, docs, strict=True)])
    except Exception:
        # One document broke the batch: redo it one by one so the others still succeed.
        yield from (_analyze_item(item, reference_date=reference_date, nlp=nlp) for item in items)
        return
    for item, entry in zip(items, loaded, strict=True):
        if isinstance(entry, NewsgraphError):
            yield AnalysisResult(source=item.source, error=entry)
        else:
            yield AnalysisResult(source=item.source, analysis=next(analyses))


def _analyze_item(item: SourceItem, *, reference_date: str | None, nlp: Language) -> AnalysisResult:
    try:
        raw = load(item)
        return AnalysisResult(
            source=item.source, analysis=analyze_raw(raw, reference_date=reference_date, nlp=nlp)
        )
    except NewsgraphError as exc:
        if exc.source is None:
            exc.source = item.source
        return AnalysisResult(source=item.source, error=exc)
    except Exception as exc:  # a bug in one document must not lose the rest of a batch
        logger.debug("analysis of %s failed", item.source, exc_info=True)
        error = AnalysisError(
            f"internal error ({type(exc).__name__}: {exc}); please report it", source=item.source
        )
        return AnalysisResult(source=item.source, error=error)


# Worker-process state: the pipeline is loaded once per process by the pool initializer.
_WORKER: dict[str, Any] = {}


def _init_worker(model: str, reference_date: str | None) -> None:
    _WORKER["nlp"] = load_pipeline(model)
    _WORKER["reference_date"] = reference_date


def _work(item: SourceItem) -> AnalysisResult:
    return _analyze_item(item, reference_date=_WORKER["reference_date"], nlp=_WORKER["nlp"])


# Documents handed to a worker at a time: large enough to amortize pickling, small enough to keep
# memory flat and order-preserving latency low.
PARALLEL_CHUNK = 8


def _analyze_parallel(
    items: Iterable[SourceItem], *, reference_date: str | None, model: str, n_process: int
) -> Iterator[AnalysisResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=n_process, mp_context=context, initializer=_init_worker, initargs=(model, reference_date)
    ) as pool:
        yield from pool.map(_work, items, chunksize=PARALLEL_CHUNK)
