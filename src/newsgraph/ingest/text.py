"""Plain text → RawDocument (minimal first version; boilerplate pass in ingest.boilerplate)."""

from __future__ import annotations

from newsgraph.ingest import RawDocument


def from_text(text: str, *, source: str, url: str | None = None, published: str | None = None) -> RawDocument:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if lines else None
    return RawDocument(source=source, body=text.strip(), title=title, url=url, published=published)
