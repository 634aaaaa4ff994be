"""JSONL batches: one JSON object per line with ``text`` or ``html``, optional ``url``, ``id``,
``published``, ``title``, ``authors``. A bad line becomes one failed item; it never stops the batch."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest import SourceItem

_FIELDS_HINT = 'each line must be a JSON object with "text" or "html" (and optional "url", "id", "published")'


def read_jsonl(path: str | Path, *, allow_private: bool = False) -> Iterator[SourceItem]:
    """Items of a JSONL file, one per non-blank line, in file order."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            yield from parse_lines(handle, name=name, allow_private=allow_private)
    except OSError as exc:
        yield SourceItem(source=name, error=InputError(f"cannot read the file ({exc.strerror})", source=name))


def parse_lines(
    lines: Iterable[bytes | str], *, name: str, allow_private: bool = False
) -> Iterator[SourceItem]:
    for number, line in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError:
                yield _failed(where, "the line is not UTF-8; save the file as UTF-8")
                continue
        if not line.strip():
            continue
        yield parse_record(line, where=where, allow_private=allow_private)


def parse_record(line: str, *, where: str, allow_private: bool = False) -> SourceItem:
    """One line → an item (a failed item when the line is not a usable record)."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return _failed(where, f"the line is not valid JSON ({_short(exc)}); {_FIELDS_HINT}")
    if not isinstance(record, dict):
        return _failed(where, f"the line is a JSON {type(record).__name__}, not an object; {_FIELDS_HINT}")
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return _failed(where, f'the record has no string field "text" or "html"; {_FIELDS_HINT}')
    doc_id = _string(record.get("id"))
    source = f"{where} ({doc_id})" if doc_id else where
    return SourceItem(
        source=source,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        url=_string(record.get("url")),
        published=_string(record.get("published")),
        doc_id=doc_id,
        title=_string(record.get("title")),
        authors=_authors(record.get("authors")),
        allow_private=allow_private,
    )


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _authors(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(a.strip() for a in value if isinstance(a, str) and a.strip())


def _short(exc: BaseException) -> str:
    return str(exc).split("\n")[0][:80]


def _failed(where: str, message: str) -> SourceItem:
    return SourceItem(source=where, error=InputError(message, source=where))
