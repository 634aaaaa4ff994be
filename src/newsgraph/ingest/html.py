"""HTML → RawDocument: trafilatura for the body and metadata, our boilerplate pass over its output.

trafilatura's ``favor_precision`` mode without comments scored best of its settings on the
article-extraction benchmark (``python -m benchmarks --only extraction``); the boilerplate
pass then takes out the title repeats, captions and promo/share lines it sometimes keeps.
When trafilatura finds nothing (broken or tiny pages) we fall back to the page's block text.
"""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
import trafilatura
from lxml import etree

from newsgraph.errors import EmptyInputError
from newsgraph.ingest import RawDocument
from newsgraph.ingest.boilerplate import clean_text, near_duplicate
from newsgraph.ingest.byline import person_names
from newsgraph.ingest.decode import check_size, check_text
from newsgraph.ingest.language import require_english

# Settings chosen on the article-extraction DEV pages (shingle F1): default 0.956, favor_recall 0.955,
# favor_precision 0.967, favor_precision without comments 0.970 (python -m benchmarks --only extraction).
FAVOR_PRECISION = True
INCLUDE_COMMENTS = False

# Elements dropped by the fallback extractor, and elements that start a new line in it.
_CHROME_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg")
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "tr", "dd", "dt"}
    | {"figcaption", "article", "section", "br", "table", "ul", "ol"}
)


def from_html(
    html: str,
    *,
    source: str,
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
    authors: tuple[str, ...] = (),
) -> RawDocument:
    """Extract the article of an HTML page. Given metadata wins over what the page says."""
    raw = extract(html, source=source, url=url, published=published, title=title, authors=authors)
    return replace(raw, language=require_english(raw.body, source=source))


def extract(
    html: str,
    *,
    source: str,
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
    authors: tuple[str, ...] = (),
) -> RawDocument:
    """:func:`from_html` without the language check (the extraction benchmark has other languages)."""
    check_size(len(html.encode("utf-8", errors="replace")), source=source)
    html = check_text(html, source=source)
    meta = _extract(html, url)
    text = meta.text if meta is not None and meta.text and meta.text.strip() else page_text(html)
    # each extracted line is a paragraph (never a hard-wrapped fragment)
    text = "\n\n".join(line for line in text.split("\n") if line.strip())
    page_title = title or _clean(meta.title if meta is not None else None) or _html_title(html)
    page_authors = authors or person_names(_split_authors(meta.author if meta is not None else None))
    clean = clean_text(text, title=page_title, authors=page_authors, title_from_text=False)
    if not clean.body.strip():
        raise EmptyInputError(
            "the page has no article text that could be extracted (only navigation or scripts?); "
            "save the article page itself, or paste its text",
            source=source,
        )
    return RawDocument(
        source=source,
        body=clean.body,
        title=clean.title,
        authors=clean.authors,
        published=published or (meta.date if meta is not None and meta.date else None) or clean.published,
        url=url or (meta.url if meta is not None else None),
        site=_clean(meta.sitename if meta is not None else None),
        boilerplate=clean.boilerplate,
        captions=_merge_captions(clean.captions, _figcaptions(html), clean.body),
        language="und",
    )


def _extract(html: str, url: str | None) -> trafilatura.settings.Document | None:
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=FAVOR_PRECISION,
            include_comments=INCLUDE_COMMENTS,
        )
    except (ValueError, TypeError, etree.LxmlError):  # trafilatura gives up on some malformed trees
        return None
    return doc if isinstance(doc, trafilatura.settings.Document) else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _split_authors(value: str | None) -> tuple[str, ...]:
    # trafilatura joins several authors with "; "
    if not value:
        return ()
    return tuple(dict.fromkeys(a.strip() for a in value.split(";") if a.strip()))


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _html_title(html: str) -> str | None:
    root = _parse(html)
    if root is None:
        return None
    for xpath in ("//h1", "//title"):
        found = root.xpath(xpath)
        if found:
            return _clean(found[0].text_content())
    return None


def _figcaptions(html: str) -> list[str]:
    """Captions the page marks up as such (trafilatura leaves them out of the body)."""
    root = _parse(html)
    if root is None:
        return []
    return [text for el in root.iter("figcaption") if (text := _clean(el.text_content()))]


def _merge_captions(found: tuple[str, ...], marked: list[str], body: str) -> tuple[str, ...]:
    captions = list(found)
    for caption in marked:
        if caption not in body and not any(near_duplicate(caption, c) for c in captions):
            captions.append(caption)
    return tuple(captions)


def page_text(html: str) -> str:
    """All visible text of a page, one line per block element, script/nav/footer elements dropped.

    The fallback when trafilatura finds nothing (broken or tiny pages); also what select-all and
    copy give, which the extraction benchmark uses to test the plain-text pass.
    """
    root = _parse(html)
    if root is None:
        return re.sub(r"<[^>]*>", " ", html)
    for el in root.xpath("|".join(f"//{t}" for t in _CHROME_TAGS)):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    body = root.find("body")
    text = (body if body is not None else root).text_content()
    return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
