"""newsgraph: rebuild, as evidence-linked data, the system a news or opinion article describes.

>>> import newsgraph
>>> analysis = newsgraph.analyze("examples/scraped-oil-tanker-network.txt")   # a path, a URL or the text itself
>>> print(analysis.to_json())

``analyze()`` runs one article; ``analyze_many()`` streams many, yielding a result or an
error per document; ``load_pipeline()`` builds the spaCy pipeline once (it is cached).
In a notebook, an analysis shows itself; ``analysis.frame("events")`` is a pandas DataFrame and
``display(analysis, kind="timeline")`` draws one dossier section inline (``examples/notebook.ipynb``).
"""

from __future__ import annotations

from typing import Any

from newsgraph._analyze import AnalysisResult, analyze, analyze_many, analyze_raw
from newsgraph._version import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.model import Analysis
from newsgraph.nlp.pipeline import load_pipeline


def display(analysis: Analysis, kind: str | None = None, *, height: int = 640) -> Any:
    """Show an analysis in Jupyter: the highlighted article, or one dossier section (``kind``:
    article, timeline, map, graph, money, claims); see :func:`newsgraph.out.notebook.display`."""
    from newsgraph.out.notebook import display as show

    return show(analysis, kind, height=height)


__all__ = [
    "Analysis",
    "AnalysisResult",
    "NewsgraphError",
    "__version__",
    "analyze",
    "analyze_many",
    "analyze_raw",
    "display",
    "load_pipeline",
]
