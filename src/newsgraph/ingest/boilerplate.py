"""The plain-text boilerplate pass: split a pasted/scraped page into body, title, authors and chrome.

Text copied from a web page carries the page around the article: the headline twice, promo
rails ("Trending: ..."), share bars, comment-widget and ad-blocker notices, photo captions
(often twice: the image's alt text and its visible caption), an author bio at the end. This
pass works on *units* (one line, or one hard-wrapped paragraph), classifies each with the cue
lists in ``resources/boilerplate/cues.yaml``, and returns what it removed, by kind, so nothing
is lost silently. Every other unit stays in the body, in order, one paragraph per unit.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field

from newsgraph.ingest.byline import POSTED_BY, is_date_line, parse_date, parse_names
from newsgraph.ingest.cues import NAME_LINE, Cues, cues
from newsgraph.model import Boilerplate, BoilerplateKind

# Promo, share and nav lines are short (a headline, a row of links); a long unit that happens to
# start with "Related" or mention a newsletter is article text. 300 characters is about two
# headlines; the longest chrome lines in our fixtures are ~160 characters.
MAX_CHROME_CHARS = 300
# Comment-widget and ad-blocker notices run to two or three sentences.
MAX_NOTICE_CHARS = 450
# Captions are one or two sentences plus a credit.
MAX_CAPTION_CHARS = 400
# A title is one line of at most ~25 words.
MAX_TITLE_CHARS = 200
# Bylines, dates and titles sit in the first few units of a page.
HEAD_UNITS = 6
# A bio sits in the last few article-like units; op-ed bios run to two or three paragraphs.
TAIL_UNITS = 4
MAX_BIO_CHARS = 900
# Two lines are the same caption when they differ only in small edits (a fixed typo, curly vs
# straight quotes, double spaces): difflib ratio ≥ 0.9 separates those from different sentences.
NEAR_DUPLICATE_RATIO = 0.9
# A line shown twice in a row is a caption or a widget echo only when it is sentence-sized: short
# lines that repeat ("0", "Reply", a score) are table or list content. Units repeated further
# apart are kept: on the article-extraction pages they were recipe steps and table rows.
MIN_REPEAT_CHARS = 20
# Fuzzy matching only for lines long enough that a 10% edit is a typo, not a different item.
MIN_FUZZY_CHARS = 30
# Where on the page (share of its characters) a comment header may start the readers' thread.
COMMENT_THREAD_FROM = 0.5
# A byline without a recognizable name ("By Reuters staff") is short.
MAX_BYLINE_CHARS = 80
# A section label above a headline ("Middle East", "World news", "Analysis") has at most 3 words.
MAX_KICKER_WORDS = 3
# An outlet or role line in a byline block ("Capitol Ledger", "Senior Correspondent").
MAX_LABEL_CHARS = 50
# Hard-wrapped text (e-mail, terminal copies) has lines of 40+ characters that end mid-sentence.
MIN_WRAPPED_LINE = 40
# ...and are at most ~100 characters long, each within 60% of the longest (ragged right edge).
MAX_WRAP_WIDTH = 100
WRAP_BAND = 0.6

# Fields of a one-line byline ("By Jane Doe | Reuters | 12 March 2023").
PIPED_FIELD_SEP = re.compile(r"\s+[|•·]\s+")
# A promo list header ("RELATED STORIES", "More from Europe") is a few words.
MAX_PROMO_HEADER_CHARS = 60
# A list item: "- ", "* ", "• ", "1. " before a headline.
BULLET = re.compile(r"^\s*(?:[-*•–—]|\d{1,2}[.)])\s+\S")

_END_PUNCT = '.!?:;"”’)]…'
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-", "—": "-"})


@dataclass(frozen=True)
class CleanText:
    """What the pass found: the body paragraphs and everything taken out of them."""

    body: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    boilerplate: tuple[Boilerplate, ...] = ()
    captions: tuple[str, ...] = ()


@dataclass
class _Unit:
    text: str
    kind: BoilerplateKind | None = None  # set when the unit is removed as boilerplate
    caption: bool = False  # kept in captions (first copy), not in the body
    meta: bool = False  # title/byline/date line: its content went into a field


def norm(text: str) -> str:
    """Comparison form of a line: quotes/dashes unified, case and spacing folded, end punctuation off."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().strip(".").strip().lower()


def near_duplicate(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    if na == nb:
        return bool(na)
    if min(len(na), len(nb)) < MIN_FUZZY_CHARS or min(len(na), len(nb)) < 0.8 * max(len(na), len(nb)):
        return False
    if re.findall(r"\d+", na) != re.findall(r"\d+", nb):  # list items that differ in a number differ
        return False
    return difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio() >= NEAR_DUPLICATE_RATIO


def split_units(text: str) -> list[str]:
    """Lines of a page; the lines of a hard-wrapped paragraph are joined into one unit."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"[ \t\u00a0]+$", "", ln).strip() for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if _hard_wrapped(lines):
            units.append(" ".join(lines))
        else:
            units.extend(lines)
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the lines of one block are a paragraph wrapped at a fixed width (e-mail, terminal copy).

    Wrapped lines are of similar length, most end mid-sentence, some continuation starts in lower
    case, and none is a line of its own kind (a byline, a date, chrome, a caption).
    """
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    longest = max(len(ln) for ln in inner)
    if longest > MAX_WRAP_WIDTH or min(len(ln) for ln in inner) < WRAP_BAND * longest:
        return False
    open_ended = sum(1 for ln in inner if len(ln) >= MIN_WRAPPED_LINE and ln[-1] not in _END_PUNCT)
    if open_ended * 2 <= len(inner):
        return False
    if not any(not ln[0].isupper() for ln in lines[1:]):
        return False
    c = cues()
    return not any(
        classify_line(ln) or c.byline.match(ln) or is_date_line(ln) or _is_caption(ln, c) for ln in lines
    )


def _is_share_bar(text: str, c: Cues) -> bool:
    words = [w for w in re.split(r"[\s,/]+", text.lower().strip(" .:!")) if w]
    return (
        0 < len(words) <= 14
        and all(w in c.share_words for w in words)
        and any(w in c.share_strong for w in words)
    )


def _is_breadcrumb(text: str) -> bool:
    if text.startswith("|"):  # a table row (trafilatura writes tables as "| a | b |")
        return False
    parts = [p.strip() for p in re.split(r"\s+[>›»|/]\s+", text)]
    return len(text) <= 120 and len(parts) >= 3 and all(0 < len(p) <= 30 for p in parts)


def _is_caption(text: str, c: Cues) -> bool:
    return len(text) <= MAX_CAPTION_CHARS and any(p.search(text) for p in c.credits)


def classify_line(text: str) -> BoilerplateKind | None:
    """Kind of boilerplate a single unit is on its own (``None``: article text, or a caption)."""
    c = cues()
    if len(text) <= MAX_CHROME_CHARS:
        for kind, pattern in c.whole:
            if pattern.match(text):
                return kind  # type: ignore[return-value]
        if _is_share_bar(text, c):
            return "share"
        if _is_breadcrumb(text):
            return "nav"
        for kind, pattern in c.prefixes:
            if kind != "caption" and pattern.match(text):
                return kind  # type: ignore[return-value]
    if len(text) <= MAX_NOTICE_CHARS:
        for kind, pattern in c.contains:
            if pattern.search(text):
                return kind  # type: ignore[return-value]
    return None


def _looks_like_caption(text: str) -> bool:
    c = cues()
    if _is_caption(text, c):
        return True
    return len(text) <= MAX_CAPTION_CHARS and any(k == "caption" and p.match(text) for k, p in c.prefixes)


def _looks_like_title(text: str) -> bool:
    """A headline: one short line, no closing full stop (also not inside a closing quote), one sentence."""
    return (
        len(text) <= MAX_TITLE_CHARS
        and len(text.split()) >= 2
        and text.rstrip("\"”’'")[-1:] not in (".", ";", ",", "")
        and not re.search(r"[.!?][\"”’]?\s+[A-Z]", text)
        and classify_line(text) is None
        and not cues().byline.match(text)
        and not is_date_line(text)
    )


@dataclass
class _Pass:
    units: list[_Unit]
    title: str | None
    authors: list[str] = field(default_factory=list)
    published: str | None = None

    def live(self) -> list[int]:
        """Indexes of units still in the body."""
        return [i for i, u in enumerate(self.units) if u.kind is None and not u.caption and not u.meta]


def clean_text(
    text: str,
    *,
    title: str | None = None,
    authors: tuple[str, ...] = (),
    title_from_text: bool = True,
) -> CleanText:
    """Run the boilerplate pass over pasted or scraped page text.

    ``title``/``authors`` from metadata, when known, are used to spot their repeats; otherwise
    they are read from the text (first line, byline, the name before a bio). ``title_from_text`` takes a first line that
    reads like a headline as the title (off for extractor output, which starts with the body).
    """
    p = _Pass(units=[_Unit(t) for t in split_units(text)], title=title, authors=list(authors))
    for unit in p.units:
        unit.kind = classify_line(unit.text)
    _mark_head(p, title_from_text=title_from_text)
    _mark_promo_lists(p)
    _mark_comment_thread(p)
    _mark_bio(p)
    _mark_captions(p)
    _mark_repeats(p)
    body = "\n\n".join(p.units[i].text for i in p.live())
    removed = tuple(Boilerplate(text=u.text, kind=u.kind) for u in p.units if u.kind is not None)
    captions = tuple(u.text for u in p.units if u.caption and u.kind is None)
    return CleanText(
        body=body,
        title=p.title,
        authors=tuple(p.authors),
        published=p.published,
        boilerplate=removed,
        captions=captions,
    )


def _mark_head(p: _Pass, *, title_from_text: bool) -> None:
    """Title (and its repeats), byline and date line among the first units."""
    head = [i for i in p.live()][:HEAD_UNITS]
    c = cues()
    if title_from_text and p.title is None and head and _looks_like_title(p.units[head[0]].text):
        first = head[0]
        # a section kicker ("Middle East", "Analysis") sits above the headline
        if (
            len(head) > 1
            and len(p.units[first].text.split()) <= MAX_KICKER_WORDS
            and _looks_like_title(p.units[head[1]].text)
            and len(p.units[head[1]].text.split()) > MAX_KICKER_WORDS
            and not near_duplicate(p.units[first].text, p.units[head[1]].text)
        ):
            p.units[first].kind = "nav"
            first = head[1]
        p.title = p.units[first].text
        p.units[first].meta = True
    for unit in p.units[: head[-1] + 1 if head else 0]:
        _read_piped_byline(p, unit)
    for i in head:
        unit = p.units[i]
        if unit.meta or unit.kind is not None:
            continue
        if p.title and near_duplicate(unit.text, p.title):
            unit.kind = "title_duplicate"
            continue
        m = c.byline.match(unit.text)
        if m and len(unit.text) <= MAX_CHROME_CHARS:
            names = parse_names(m.group("rest"))
            p.authors.extend(n for n in names if n not in p.authors)
            # "By Reuters staff" names nobody but is a byline all the same
            if names or (len(unit.text) <= MAX_BYLINE_CHARS and not unit.text.endswith(".")):
                unit.kind = "other"
                if p.published is None:
                    p.published = parse_date(m.group("rest"))
                continue
        if is_date_line(unit.text) and (date := parse_date(unit.text)):
            p.published = p.published or date
            unit.kind = "other"
            # "Posted on 14 June 2023 by Jane Doe"
            if by := POSTED_BY.search(unit.text):
                p.authors.extend(n for n in parse_names(by.group("rest")) if n not in p.authors)
    _mark_byline_block(p, head)


def _read_piped_byline(p: _Pass, unit: _Unit) -> None:
    """A one-line byline of fields ("By Jane Doe | Reuters | 12 March 2023", "Opinion | Jane Doe |
    12 March 2023"): it looks like a breadcrumb, so it was taken out as navigation, but its date is
    the publication date and its name-shaped fields are the authors."""
    if unit.kind != "nav" or not _is_breadcrumb(unit.text):
        return
    fields = [f.strip() for f in PIPED_FIELD_SEP.split(unit.text)]
    dates = [d for f in fields if (d := parse_date(f))]
    if len(fields) < 2 or not dates:
        return
    unit.kind = "other"
    p.published = p.published or dates[0]
    c = cues()
    bylines = [m.group("rest") for f in fields if (m := c.byline.match(f))]
    # "By Jane Doe | Harbour Post": the "By" field names the people and the others are outlets;
    # without one, the first name-shaped field is the author ("Opinion | Jane Doe | 3 June 2021").
    found = [n for f in bylines for n in parse_names(f)]
    if not bylines:
        found = next((names for f in fields if (names := parse_names(f))), [])
    p.authors.extend(n for n in found if n not in p.authors)


def _mark_promo_lists(p: _Pass) -> None:
    """The list under a promo header ("RELATED STORIES", "Most read"): short headline-like lines
    or bulleted items right after the header are links, not article text. The list ends at the
    first line that reads like a paragraph (ends with a full stop, or is long)."""
    units = p.units
    for index, unit in enumerate(units):
        if unit.kind != "promo" or len(unit.text) > MAX_PROMO_HEADER_CHARS or unit.text[-1:] in ".!?":
            continue
        for later in units[index + 1 :]:
            if later.kind is not None or later.caption or later.meta:
                break
            text = later.text
            bulleted = bool(BULLET.match(text))
            if len(text) > MAX_CHROME_CHARS or (not bulleted and text.rstrip()[-1:] in ".!?:;"):
                break
            if not bulleted and len(text.split()) < 3:
                break
            later.kind = "promo"


def _mark_byline_block(p: _Pass, head: list[int]) -> None:
    """A short label between or beside byline/date lines is part of that block: the outlet
    ("Frontier Times") or the role ("Staff Writer") printed on its own line."""
    for pos, i in enumerate(head):
        unit = p.units[i]
        if unit.kind is not None or unit.meta or not _is_label(unit.text):
            continue
        neighbours = [head[k] for k in (pos - 1, pos + 1) if 0 <= k < len(head)]
        if any(p.units[j].kind == "other" for j in neighbours):
            unit.kind = "other"


def _is_label(text: str) -> bool:
    return (
        len(text) <= MAX_LABEL_CHARS
        and len(text.split()) <= MAX_KICKER_WORDS + 1
        and text[-1] not in _END_PUNCT + "—–-"  # "KYIV, Ukraine —" is a dateline that opens the story
        and not re.search(r"[\d,]", text)
    )


def _mark_comment_thread(p: _Pass) -> None:
    """Everything after a comment-section header in the second half of the page is the thread.

    Readers' comments (a user name, a time stamp, their text, "Reply") look like article text one
    line at a time; the header before them ("3 Comments", "Leave a reply") is what gives them away.
    Comment cues in the first half are left alone: a real thread does not sit above the article.
    """
    total = sum(len(u.text) for u in p.units)
    before = 0
    for index, unit in enumerate(p.units):
        before += len(unit.text)
        if unit.kind == "comments" and before >= total * COMMENT_THREAD_FROM:
            for later in p.units[index + 1 :]:
                if later.kind is None and not later.caption and not later.meta:
                    later.kind = "comments"
            return


def _mark_captions(p: _Pass) -> None:
    """Credit-ending lines and lines repeated right away are captions: kept once, out of the body."""
    live = p.live()
    for a, b in itertools.pairwise(live):
        ua, ub = p.units[a], p.units[b]
        # a name repeated on two lines is an author box, not a caption
        if NAME_LINE.match(ua.text) and len(ua.text) <= 60:
            continue
        if len(ua.text) < MIN_REPEAT_CHARS:
            continue
        if ub.kind is None and ua.kind is None and near_duplicate(ua.text, ub.text):
            ua.caption = True
            ub.kind = "caption_duplicate"
    captions: list[str] = []
    for i in p.live():
        if _looks_like_caption(p.units[i].text):
            p.units[i].caption = True
    for unit in p.units:
        if unit.caption and unit.kind is None:
            if any(near_duplicate(unit.text, seen) for seen in captions):
                unit.kind = "caption_duplicate"
            else:
                captions.append(unit.text)


def _name_matches(name: str, authors: list[str]) -> bool:
    return any(norm(name) == norm(a) for a in authors)


def _is_bio(text: str, p: _Pass, *, after_name_line: bool) -> str | None:
    """The name a bio unit is about, or ``None`` when the unit is not a bio."""
    c = cues()
    if len(text) > MAX_BIO_CHARS:
        return None
    m = c.bio_start.match(text)
    if not m:
        return None
    name = m.group("name")
    if after_name_line or _name_matches(name, p.authors) or any(w.search(text) for w in c.writer_cues):
        return name
    return None


def _mark_bio(p: _Pass) -> None:
    """An author bio at the end: optional header/name lines, then "NAME is a ... who ..." paragraphs."""
    c = cues()
    live = p.live()
    tail = live[-TAIL_UNITS:]
    for pos, i in enumerate(tail):
        text = p.units[i].text
        before = tail[pos - 1] if pos else None
        name_line = before is not None and bool(NAME_LINE.match(p.units[before].text))
        header = before is not None and any(h.match(p.units[before].text) for h in c.bio_headers)
        name = _is_bio(text, p, after_name_line=name_line or header)
        if name is None:
            continue
        rest = tail[pos + 1 :]
        if not all(_bio_continuation(p.units[j].text, name) for j in rest):
            continue
        for j in [i, *rest]:
            p.units[j].kind = "bio"
        # name lines and an "About the author" header just before the bio belong to it
        k = live.index(i) - 1
        while k >= 0:
            prev = p.units[live[k]]
            if NAME_LINE.match(prev.text) and len(prev.text) <= 60:
                prev.kind = "bio"
                _add_author(p, prev.text.strip())
            elif any(h.match(prev.text) for h in c.bio_headers):
                prev.kind = "bio"
            else:
                break
            k -= 1
        # a name line repeated right before the bio is the page's author box, so the bio names the author
        if name_line or header or not p.authors:
            _add_author(p, name)
        return


def _add_author(p: _Pass, name: str) -> None:
    if not _name_matches(name, p.authors):
        p.authors.append(name)


def _bio_continuation(text: str, name: str) -> bool:
    c = cues()
    if len(text) > MAX_BIO_CHARS:
        return False
    starts = (
        "he ",
        "she ",
        "they ",
        "his ",
        "her ",
        "their ",
        name.split()[-1].lower() + " ",
        name.lower() + " ",
    )
    return text.lower().startswith(starts) or any(w.search(text) for w in c.writer_cues)


def _mark_repeats(p: _Pass) -> None:
    """The title repeated anywhere, and a sentence-sized unit repeated on the next line."""
    previous = ""
    for i in p.live():
        unit = p.units[i]
        key = norm(unit.text)
        if p.title and near_duplicate(unit.text, p.title):
            unit.kind = "title_duplicate"
        elif key == previous and len(key) >= MIN_REPEAT_CHARS:
            unit.kind = "other"
        previous = key
