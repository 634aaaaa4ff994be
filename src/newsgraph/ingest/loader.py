"""Dispatch a SourceItem to the right reader (first version: text files and text only)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest import RawDocument, SourceItem
from newsgraph.ingest.text import from_text


def load(item: SourceItem) -> RawDocument:
    if item.text is not None:
        return from_text(item.text, source=item.source, url=item.url, published=item.published)
    if item.path is not None:
        data = Path(item.path).read_bytes()
        return from_text(data.decode("utf-8"), source=item.source, url=item.url, published=item.published)
    raise InputError("nothing to read", source=item.source)


def expand_sources(
    args: Iterable[str], *, url: str | None = None, allow_private: bool = False
) -> Iterator[SourceItem]:
    for arg in args:
        yield SourceItem(source=arg, path=arg, url=url)
