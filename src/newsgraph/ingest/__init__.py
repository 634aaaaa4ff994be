"""Ingest: bytes from a file, URL, JSONL line or stdin → :class:`RawDocument`.

``load(item)`` is the single entry point; ``expand_sources(args)`` turns command-line
SOURCE arguments (files, directories, URLs, ``.jsonl``, ``-``) into items, one per document.

One module per job: ``settings`` (limits), ``decode`` (bytes → str), ``language``,
``boilerplate`` (the plain-text cleaning pass) with ``cues`` (its data file) and ``byline``
(names, dates), ``text`` and ``html`` (str → RawDocument), ``url`` (guarded fetching),
``jsonl`` and ``warc`` (batch files) and ``loader`` (dispatch).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.errors import InputError
from newsgraph.model import Boilerplate


@dataclass(frozen=True)
class RawDocument:
    """An article before NLP: its clean body and what ingest learned about it."""

    source: str
    body: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    url: str | None = None
    site: str | None = None
    boilerplate: tuple[Boilerplate, ...] = ()
    captions: tuple[str, ...] = ()
    language: str = "en"


@dataclass(frozen=True)
class SourceItem:
    """One document to read: where it comes from and what the caller already knows.

    Exactly one of ``path``, ``url``, ``text``, ``html`` or ``data`` is the content; an item
    with ``error`` set stands for a source that could not even be listed (a missing file, a
    bad JSONL line): ``load()`` raises that error, so a batch reports it in its place.
    ``title``/``authors``/``published`` given here win over what ingest finds in the content.
    """

    source: str
    path: str | None = None
    url: str | None = None
    text: str | None = None
    html: str | None = None
    data: bytes | None = None
    published: str | None = None
    doc_id: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    authors: tuple[str, ...] = ()
    allow_private: bool = False
    error: InputError | None = None
