"""The corpus: many analyses in one DuckDB store, actors, events and claims resolved across them.

In: ``newsgraph/1`` analyses. Out: tables and ``v_*`` views (docs/database.md) that
``Corpus(path).query(sql).df()`` / ``.arrow()`` return as pandas or Arrow; exports live in
:mod:`newsgraph.out`. ``Corpus`` is :class:`~newsgraph.corpus.store.Store` under the name a
notebook user looks for.
"""

from __future__ import annotations

from newsgraph.corpus.store import QueryResult, Store

Corpus = Store

__all__ = ["Corpus", "QueryResult", "Store"]
