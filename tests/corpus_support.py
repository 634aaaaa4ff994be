"""The test corpus (examples/corpus/) ingested once per test session, shared by the corpus and
export tests; and helpers that read what the store says about named actors and documents."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language

from newsgraph.corpus.ingest import IngestSummary, ingest
from newsgraph.corpus.resolve import resolve
from newsgraph.corpus.store import Store
from newsgraph.ingest.loader import expand_sources

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"
EXPECTED: dict[str, Any] = yaml.safe_load((CORPUS / "EXPECTED.yaml").read_text(encoding="utf-8"))


@functools.cache
def corpus_db(nlp: Language) -> tuple[Path, IngestSummary]:
    """Ingest and resolve the test corpus into a fresh database (once per session)."""
    path = Path(tempfile.mkdtemp(prefix="ng-corpus-")) / "corpus.duckdb"
    with Store(path) as store:
        summary = ingest(expand_sources([str(CORPUS)]), store, nlp=nlp)
        resolve(store)
    return path, summary


def doc_id(store: Store, key: str) -> str:
    """The id of the one document whose source contains ``key``."""
    _, rows = store.query("SELECT doc_id FROM documents WHERE contains(source, ?)", [key])
    assert len(rows) == 1, f"{key!r} names {len(rows)} documents"
    return str(rows[0][0])


def actors_named(store: Store, name: str) -> set[str]:
    """Actor ids of the entities called ``name`` (as their name or one of their aliases)."""
    _, rows = store.query(
        "SELECT DISTINCT l.actor_id FROM entities e JOIN actor_links l ON l.doc_id = e.doc_id AND l.entity_id = e.id "
        "WHERE e.name = ? OR list_contains(e.aliases, ?)",
        [name, name],
    )
    return {str(r[0]) for r in rows}
