"""The corpus dossier: the stored documents combined by :mod:`newsgraph.corpus.report`, drawn by the
same page as a single article's dossier."""

from __future__ import annotations

from newsgraph.corpus.report import DEFAULT_LIMIT, combined_analysis
from newsgraph.corpus.store import Store
from newsgraph.out.html.render import render_html_data


def render_corpus_html(store: Store, *, limit: int = DEFAULT_LIMIT) -> str:
    """One offline HTML page for up to ``limit`` stored documents (newest first)."""
    return render_html_data(combined_analysis(store, limit=limit))
