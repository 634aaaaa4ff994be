"""Analyze many sources into a corpus store: idempotent, resumable, never losing a document.

Sources already recorded in the store are skipped before any work is done; the rest are
analyzed (in ``workers`` processes when asked) and written ``COMMIT_EVERY`` documents per
transaction. A crash or Ctrl-C loses at most the uncommitted batch, which the next run redoes.
Failures go to the ``errors`` table and are not marked done, so a later run retries them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.language import Language

from newsgraph._analyze import AnalysisResult, analyze_many
from newsgraph.corpus.store import Store
from newsgraph.ingest import SourceItem

# Documents per transaction: small enough that an interrupted run redoes little work, large enough
# that DuckDB's per-commit cost (a WAL sync) stays well under the analysis time of one document.
COMMIT_EVERY = 16


@dataclass
class IngestSummary:
    seen: int = 0
    skipped: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def ingest(
    items: Iterable[SourceItem],
    store: Store,
    *,
    nlp: Language | None = None,
    workers: int = 1,
    reference_date: str | None = None,
    on_result: Callable[[AnalysisResult], None] | None = None,
    commit_every: int = COMMIT_EVERY,
    on_commit: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Analyze ``items`` not yet in ``store`` and store them; returns what happened.

    Results are written ``commit_every`` per transaction; ``on_commit`` is called after each
    commit with the running summary (what is durably stored so far)."""
    if commit_every < 1:
        raise ValueError("commit_every must be at least 1")
    summary = IngestSummary()
    known = store.known_sources()
    todo: list[SourceItem] = []
    for item in items:
        summary.seen += 1
        if item.source in known:
            summary.skipped += 1
        else:
            todo.append(item)
    pending: list[AnalysisResult] = []
    for result in analyze_many(todo, nlp=nlp, n_process=workers, reference_date=reference_date):
        pending.append(result)
        if on_result is not None:
            on_result(result)
        if len(pending) >= commit_every:
            _flush(store, pending, summary, on_commit)
            pending = []
    _flush(store, pending, summary, on_commit)
    return summary


def _flush(
    store: Store,
    results: list[AnalysisResult],
    summary: IngestSummary,
    on_commit: Callable[[IngestSummary], None] | None,
) -> None:
    if not results:
        return
    analyses = [(r.analysis.to_dict(), r.source) for r in results if r.analysis is not None]
    with store.batch():
        stored = store.add_many(analyses)
        for result in results:
            if result.analysis is None:
                message = str(result.error)
                store.add_error(result.source, type(result.error).__name__, message)
    # Counted after the commit, so the summary never reports what a failed commit lost.
    summary.stored += stored
    summary.duplicates += len(analyses) - stored
    for result in results:
        if result.analysis is None:
            summary.failed += 1
            summary.errors.append(str(result.error))
    if on_commit is not None:
        on_commit(summary)
