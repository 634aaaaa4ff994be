"""newsgraph: rebuild, as evidence-linked data, the system a news or opinion article describes.

>>> import newsgraph
>>> analysis = newsgraph.analyze("examples/scraped-oil-tanker-network.txt")   # a path, a URL or the text itself
>>> print(analysis.to_json())

``analyze()`` runs one article; ``analyze_many()`` streams many, yielding a result or an
error per document; ``load_pipeline()`` builds the spaCy pipeline once (it is cached).
"""

from __future__ import annotations

from newsgraph._analyze import AnalysisResult, analyze, analyze_many, analyze_raw
from newsgraph._version import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.model import Analysis
from newsgraph.nlp.pipeline import load_pipeline

__all__ = [
    "Analysis",
    "AnalysisResult",
    "NewsgraphError",
    "__version__",
    "analyze",
    "analyze_many",
    "analyze_raw",
    "load_pipeline",
]
