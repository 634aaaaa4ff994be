"""WARC input (Common Crawl's news crawl format): one SourceItem per HTML response record.

Records are selected by type (``response`` and ``resource``), HTTP status (2xx), content type
(HTML) and, where the page declares one in ``<html lang=...>``, language (English only: the
pipeline's language; pages that declare none are checked on their text by ingest as usual).
A record's source is ``<file>#<byte offset>`` so a re-run of the same file skips what is stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest import SourceItem

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_LANG = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
# How far into a page to look for <html lang=...>: the tag sits in the first few hundred bytes.
LANG_SNIFF_BYTES = 4096


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def declared_language(html: bytes) -> str | None:
    match = _LANG.search(html[:LANG_SNIFF_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def read_warc(path: Path, *, language: str = "en") -> Iterator[SourceItem]:
    """HTML records of a WARC file as items; a file that cannot be read becomes one failed item."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as stream:
            iterator = ArchiveIterator(stream)
            records = 0
            for record in iterator:
                if not str(record.format).startswith("warc"):
                    continue  # warcio reads any line-oriented junk as a legacy ARC record; we take WARC only
                records += 1
                if record.rec_type not in ("response", "resource"):
                    continue
                if record.rec_type == "response" and record.http_headers is not None:
                    status = record.http_headers.get_statuscode() or ""
                    if not status.startswith("2"):
                        continue
                    content_type = record.http_headers.get_header("Content-Type") or ""
                else:
                    content_type = record.rec_headers.get_header("Content-Type") or ""
                if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
                    continue
                payload = record.content_stream().read()
                lang = declared_language(payload)
                if lang is not None and lang != language:
                    continue
                yield SourceItem(
                    source=f"{path}#{iterator.get_record_offset()}",
                    data=payload,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    extra={"kind": "html"},
                )
            if records == 0:
                raise ValueError("no WARC records found")
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield SourceItem(
            source=str(path), error=InputError(f"not a readable WARC file ({exc})", source=str(path))
        )
