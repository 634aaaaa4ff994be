"""Plain text → RawDocument: decode checks, the boilerplate pass, the language check."""

from __future__ import annotations

from newsgraph.errors import EmptyInputError
from newsgraph.ingest import RawDocument
from newsgraph.ingest.boilerplate import clean_text
from newsgraph.ingest.decode import check_size, check_text
from newsgraph.ingest.language import require_english


def from_text(
    text: str,
    *,
    source: str,
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
    authors: tuple[str, ...] = (),
) -> RawDocument:
    """Clean pasted or scraped page text into an article. Given metadata wins over what the text says."""
    check_size(len(text.encode("utf-8", errors="replace")), source=source)
    text = check_text(text, source=source)
    clean = clean_text(text, title=title, authors=authors)
    if not clean.body.strip():
        raise EmptyInputError(
            "no article text left after removing titles, promos and page chrome; "
            "paste the article's paragraphs, not only its headline or links",
            source=source,
        )
    return RawDocument(
        source=source,
        body=clean.body,
        title=clean.title,
        authors=clean.authors,
        published=published or clean.published,
        url=url,
        boilerplate=clean.boilerplate,
        captions=clean.captions,
        language=require_english(clean.body, source=source),
    )
