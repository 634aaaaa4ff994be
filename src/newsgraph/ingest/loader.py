"""Dispatch: SOURCE arguments → :class:`SourceItem` s, and one item → :class:`RawDocument`."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest import RawDocument, SourceItem
from newsgraph.ingest.decode import check_size, decode, looks_like_html
from newsgraph.ingest.html import from_html
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.ingest.settings import settings
from newsgraph.ingest.text import from_text
from newsgraph.ingest.url import fetch
from newsgraph.ingest.warc import is_warc, read_warc

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
DIRECTORY_SUFFIXES = frozenset({".txt", ".html", ".htm", ".jsonl"})
STDIN = "-"
_MEDIA_KIND = {"text/plain": False, "text/html": True, "application/xhtml+xml": True}
_USAGE = "give a .txt or .html file, a directory, an http(s):// URL, a .jsonl or .warc file, or - for stdin"


def load(item: SourceItem) -> RawDocument:
    """Read one item into a RawDocument, or raise an :class:`InputError` subclass saying why not."""
    if item.error is not None:
        raise item.error
    meta = {"source": item.source, "published": item.published, "title": item.title, "authors": item.authors}
    if item.text is not None:
        return from_text(item.text, url=item.url, **meta)  # type: ignore[arg-type]
    if item.html is not None:
        return from_html(item.html, url=item.url, **meta)  # type: ignore[arg-type]
    if item.data is not None:
        # a reader that knows the content type says so in extra["kind"] (WARC records: "html")
        kind = {"html": True, "text": False}.get(item.extra.get("kind", ""))
        return _from_bytes(item.data, item, url=item.url, html=kind)
    if item.path is not None:
        data = _read_file(item.path, source=item.source)
        return _from_bytes(data, item, url=item.url, html=_suffix_kind(item.path))
    if item.url is not None:
        fetched = fetch(item.url, allow_private=item.allow_private)
        data = fetched.data
        if fetched.charset and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
            # a wrong charset header: let detection decide
            with contextlib.suppress(LookupError, UnicodeDecodeError):
                data = data.decode(fetched.charset).encode("utf-8")
        html = _MEDIA_KIND.get(fetched.content_type)
        return _from_bytes(data, item, url=fetched.url, html=html)
    raise InputError(f"nothing to read; {_USAGE}", source=item.source)


def _suffix_kind(path: str) -> bool | None:
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return True
    if suffix in TEXT_SUFFIXES:
        return False
    return None


def _from_bytes(data: bytes, item: SourceItem, *, url: str | None, html: bool | None) -> RawDocument:
    """Decode, then read as HTML or text (``html=None``: sniff the content)."""
    text = decode(data, source=item.source)
    if html is None:
        html = looks_like_html(text)
    reader = from_html if html else from_text
    return reader(
        text, source=item.source, url=url, published=item.published, title=item.title, authors=item.authors
    )


def _read_file(path: str, *, source: str) -> bytes:
    try:
        size = os.stat(path).st_size
        check_size(size, source=source)
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"no such file; {_USAGE}", source=source) from exc
    except IsADirectoryError as exc:
        raise InputError(
            "this is a directory; pass it as a SOURCE to read the files in it", source=source
        ) from exc
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=source) from exc


def read_stdin(stream: BinaryIO | None = None) -> SourceItem:
    """Read standard input once (at most the size limit plus one byte, so a huge input is refused)."""
    stream = stream if stream is not None else sys.stdin.buffer
    limit = settings().max_bytes
    data = stream.read(limit + 1)
    if len(data) > limit:
        return SourceItem(source="<stdin>", error=_too_large(limit))
    return SourceItem(source="<stdin>", data=data)


def _too_large(limit: int) -> InputError:
    from newsgraph.errors import TooLargeError

    return TooLargeError(
        f"standard input is over the {limit:,}-byte limit; split it or raise NEWSGRAPH_MAX_BYTES",
        source="<stdin>",
    )


def _is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def _directory_files(directory: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # skip .git, .cache ...
        found.extend(
            Path(root) / f
            for f in files
            if not f.startswith(".") and (Path(f).suffix.lower() in DIRECTORY_SUFFIXES or is_warc(Path(f)))
        )
    return sorted(found)


def expand_sources(
    args: Iterable[str], *, url: str | None = None, allow_private: bool = False
) -> Iterator[SourceItem]:
    """One item per document named by the SOURCE arguments, in order; a source that cannot even
    be listed (missing file, empty directory, bad JSONL line) becomes one failed item."""
    for arg in args:
        if arg == STDIN:
            item = read_stdin()
            yield SourceItem(source=item.source, data=item.data, url=url, error=item.error)
        elif _is_url(arg):
            yield SourceItem(source=arg, url=arg, allow_private=allow_private)
        else:
            yield from _expand_path(Path(arg), arg, url=url, allow_private=allow_private)


def _expand_path(path: Path, arg: str, *, url: str | None, allow_private: bool) -> Iterator[SourceItem]:
    if path.is_dir():
        files = _directory_files(path)
        if not files:
            yield SourceItem(
                source=arg,
                error=InputError("the directory holds no .txt, .html, .jsonl or .warc files", source=arg),
            )
        for file in files:
            yield from _expand_file(file, str(file), url=None, allow_private=allow_private)
    elif not path.exists():
        yield SourceItem(source=arg, error=InputError(f"no such file or directory; {_USAGE}", source=arg))
    else:
        yield from _expand_file(path, arg, url=url, allow_private=allow_private)


def _expand_file(path: Path, name: str, *, url: str | None, allow_private: bool) -> Iterator[SourceItem]:
    if path.suffix.lower() == ".jsonl":
        yield from read_jsonl(path, allow_private=allow_private)
    elif is_warc(path):
        yield from read_warc(path)
    else:
        yield SourceItem(source=name, path=str(path), url=url)
