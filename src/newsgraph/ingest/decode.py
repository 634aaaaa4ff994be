"""Bytes → text: size limit, binary detection, encoding detection (UTF-8 first, then charset-normalizer)."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from newsgraph.errors import BinaryInputError, EmptyInputError, TooLargeError
from newsgraph.ingest.settings import settings

# File signatures of the binary formats people most often pass by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"\x7fELF", "an executable"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/carriage return/form feed: text has almost none;
# more than 1 in 200 characters means the bytes were not text in the encoding we found.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_RATIO = 0.005
# English text in a legacy 8-bit encoding is almost all ASCII: a few accented letters, curly quotes,
# dashes. On such text charset-normalizer cannot tell the Latin code pages apart (it picks cp775 or
# cp1250 for a cp1252 file), so when under 5% of the bytes are non-ASCII we decode as cp1252, the
# encoding HTML5 also uses for "latin-1"/"iso-8859-1" labels. Text with more non-ASCII bytes
# (Cyrillic, Greek, Arabic code pages) is left to charset-normalizer.
MAX_LEGACY_NON_ASCII = 0.05


def check_size(size: int, *, source: str) -> None:
    limit = settings().max_bytes
    if size > limit:
        raise TooLargeError(
            f"{size:,} bytes is over the {limit:,}-byte limit; split the file or raise NEWSGRAPH_MAX_BYTES",
            source=source,
        )


def decode(data: bytes, *, source: str) -> str:
    """Decode a document's bytes to text or raise an :class:`InputError` saying why not."""
    check_size(len(data), source=source)
    if not data.strip():
        raise EmptyInputError("the input is empty; give a file or text with an article in it", source=source)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(
                f"this is {what}, not text or HTML; convert it to text first", source=source
            )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return check_text(data.decode(encoding, errors="replace"), source=source)
    if b"\x00" in data:
        raise BinaryInputError("the input holds NUL bytes, so it is binary, not text or HTML", source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, source=source)
    return check_text(text, source=source)


def _detect(data: bytes, *, source: str) -> str:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise BinaryInputError(
            "the bytes are not text in any known encoding; save the article as UTF-8 text or HTML",
            source=source,
        )
    non_ascii = sum(1 for byte in data if byte > 0x7F)
    if non_ascii <= MAX_LEGACY_NON_ASCII * len(data):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def check_text(text: str, *, source: str) -> str:
    """Refuse text that is empty or is binary garbage decoded as text."""
    if not text.strip():
        raise EmptyInputError("the input is empty; give a file or text with an article in it", source=source)
    if "\x00" in text or len(_CONTROL.findall(text)) > MAX_CONTROL_RATIO * len(text):
        raise BinaryInputError(
            "the input holds control bytes, so it is binary, not text or HTML", source=source
        )
    return text


_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(
    r"</?(?:p|div|article|span|a|br|h[1-6]|section|main|body|head|title|meta|script)\b[^>]*>", re.I
)
# A text pasted from a page may hold a stray "<b>"; a page has many tags per kilobyte.
MIN_TAGS_FOR_HTML = 5


def looks_like_html(text: str) -> bool:
    """Whether content of unknown type (stdin, a URL without content type) is HTML."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= MIN_TAGS_FOR_HTML
