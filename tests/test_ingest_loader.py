"""Each ingest path (txt, html, jsonl, directory, stdin, text) and each kind of bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    LanguageError,
    TooLargeError,
)
from newsgraph.ingest import SourceItem
from newsgraph.ingest.jsonl import parse_lines
from newsgraph.ingest.loader import expand_sources, load, read_stdin

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

ARTICLE = (
    "Ministers approve aid package for flooded provinces\n\n"
    "The cabinet approved an emergency package of 400 million dollars on Wednesday for provinces hit by "
    "floods.\n\n"
    "Officials said the money would pay for temporary housing, clean water and the repair of two bridges.\n"
)
PAGE = """<html><head><title>Customs chief resigns over smuggling inquiry</title>
<meta name="author" content="Priya Raman"><meta property="article:published_time" content="2022-09-14"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Customs chief resigns over smuggling inquiry</h1>
<p>The head of the customs service resigned on Tuesday, a week after investigators found that fuel worth
millions of dollars had crossed the border without duties being paid.</p>
<p>Prosecutors said they were examining payments made to officials at two crossings in the north.</p>
<p>The government named an acting chief and promised to publish the investigators' findings.</p>
</article><footer>Copyright 2022 Example Gazette. All rights reserved.</footer></body></html>"""


def test_text_item() -> None:
    raw = load(SourceItem(source="<text>", text=ARTICLE, url="https://example.org/a", published="2023-05-02"))
    assert raw.title == "Ministers approve aid package for flooded provinces"
    assert raw.body.startswith("The cabinet approved") and raw.body.count("\n\n") == 1
    assert raw.url == "https://example.org/a" and raw.published == "2023-05-02"
    assert raw.language == "en"


def test_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [item] = expand_sources([str(path)], url="https://example.org/story")
    raw = load(item)
    assert raw.source == str(path) and raw.url == "https://example.org/story"
    assert "temporary housing" in raw.body


def test_html_file_metadata_and_body(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    raw = load(SourceItem(source=str(path), path=str(path)))
    assert raw.title == "Customs chief resigns over smuggling inquiry"
    assert raw.authors == ("Priya Raman",)
    assert raw.published == "2022-09-14"
    assert "fuel worth" in raw.body and "Prosecutors said" in raw.body
    assert "All rights reserved" not in raw.body and "Home" not in raw.body
    assert "\n\n" in raw.body


def test_broken_html_still_extracts(tmp_path: Path) -> None:
    broken = (
        "<html><body><div><p>Rebels seized the airport road on Saturday, cutting the city's last supply route"
        "<p>Residents said shops had run out of bread <b>and fuel<div>The army said it would retake the road"
    )
    raw = load(SourceItem(source="broken", html=broken))
    assert "Rebels seized the airport road" in raw.body
    assert "retake the road" in raw.body


def test_sniffs_html_on_stdin() -> None:
    item = read_stdin(io.BytesIO(PAGE.encode("utf-8")))
    raw = load(item)
    assert raw.source == "<stdin>" and raw.title == "Customs chief resigns over smuggling inquiry"
    text_item = read_stdin(io.BytesIO(ARTICLE.encode("utf-8")))
    assert load(text_item).title == "Ministers approve aid package for flooded provinces"


def test_jsonl_batch_with_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "url": "https://example.org/a1", "published": "2024-01-02"}),
        "{not json",
        "",
        json.dumps({"id": "a2", "html": PAGE}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a3", "body": "wrong field"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(expand_sources([str(path)]))
    assert len(items) == 5  # the blank line is not a document
    assert [i.error is None for i in items] == [True, False, True, False, False]
    first = load(items[0])
    assert first.published == "2024-01-02" and first.url == "https://example.org/a1"
    assert items[0].source.endswith(":1 (a1)")
    assert load(items[2]).authors == ("Priya Raman",)
    for bad in (items[1], items[3], items[4]):
        with pytest.raises(InputError, match=r"JSON|text"):
            load(bad)
    assert items[1].source.endswith(":2")


def test_directory_recursive_and_missing(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(expand_sources([str(tmp_path), str(tmp_path / "nope.txt")]))
    assert [Path(i.source).name for i in items] == ["one.txt", "two.htm", "nope.txt"]
    assert all(load(i).body for i in items[:2])
    with pytest.raises(InputError, match="no such file"):
        load(items[2])


def test_empty_directory_is_one_failed_item(tmp_path: Path) -> None:
    [item] = expand_sources([str(tmp_path)])
    with pytest.raises(InputError, match=r"no \.txt"):
        load(item)


def test_examples_all_load() -> None:
    names = ("scraped-oil-tanker-network.txt", "saved-page-sudan-gold.html", "batch-sanctions-briefs.jsonl")
    items = list(expand_sources([str(EXAMPLES / name) for name in names]))
    assert len(items) == 5 and all(i.error is None for i in items)
    docs = [load(i) for i in items]
    scraped = next(d for d in docs if d.source.endswith(".txt"))
    assert scraped.authors == ("Leila Haddad",)
    assert {b.kind for b in scraped.boilerplate} >= {"promo", "bio", "comments", "caption_duplicate"}
    page = next(d for d in docs if d.source.endswith(".html"))
    assert page.authors == ("Samuel Achieng",) and page.published == "2024-02-12" and page.site
    assert page.captions and "Share on" not in page.body


@pytest.mark.parametrize("content", ["", "   \n\t  \n"])
def test_empty_input(content: str) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        load(SourceItem(source="x", text=content))
    with pytest.raises(EmptyInputError):
        load(SourceItem(source="x", data=content.encode()))


def test_only_boilerplate_is_empty() -> None:
    with pytest.raises(EmptyInputError, match="no article text"):
        load(SourceItem(source="x", text="Share on Facebook\nAdvertisement\nLeave a comment\n"))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"abc\x00\x00\x01\x02def" * 50, "NUL"),
        (bytes(range(1, 32)) * 40, "control"),
    ],
)
def test_binary_input(data: bytes, reason: str) -> None:
    with pytest.raises(BinaryInputError, match=reason):
        load(SourceItem(source="x", data=data))


def test_non_utf8_text_is_decoded(tmp_path: Path) -> None:
    text = (
        "Café owners protest new levy\n\n"
        "Owners of cafés in the old town said the “temporary” levy of €5 a table was unfair — and that "
        "it would push small businesses to close before the tourist season began in earnest.\n"
    )
    for encoding in ("cp1252", "latin-1"):
        path = tmp_path / f"story-{encoding}.txt"
        path.write_bytes(text.encode(encoding, errors="ignore"))
        raw = load(SourceItem(source=str(path), path=str(path)))
        assert raw.title == "Café owners protest new levy"
        assert "cafés in the old town" in raw.body
    assert "“temporary”" in load(SourceItem(source="c", path=str(tmp_path / "story-cp1252.txt"))).body


def test_size_limit_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", "100")
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(TooLargeError, match="NEWSGRAPH_MAX_BYTES"):
        load(SourceItem(source=str(path), path=str(path)))
    with pytest.raises(TooLargeError):
        load(SourceItem(source="t", text=ARTICLE))
    with pytest.raises(TooLargeError):
        load(read_stdin(io.BytesIO(ARTICLE.encode())))


def test_bad_size_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.errors import ConfigError

    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", "five megabytes")
    with pytest.raises(ConfigError, match="NEWSGRAPH_MAX_BYTES"):
        load(SourceItem(source="t", text=ARTICLE))


def test_non_english_is_refused_naming_the_language() -> None:
    german = (
        "Die Regierung hat am Mittwoch neue Sanktionen gegen mehrere Banken beschlossen. "
        "Nach Angaben des Ministeriums sollen die Maßnahmen verhindern, "
        "dass Gelder an bewaffnete Gruppen fließen. "
        "Die Opposition kritisierte, dass die Regeln zu spät kämen und kaum kontrolliert würden."
    )
    with pytest.raises(LanguageError, match="German"):
        load(SourceItem(source="de", text=german))


def test_short_or_name_heavy_english_is_not_a_false_alarm() -> None:
    for text in (
        "Gazprom, Rosneft, Lukoil: Moscow shrugs.",
        "Nord Stream AG and Gazprom Export signed with Uniper and Wintershall Dea in Hamburg on Monday.",
    ):
        assert load(SourceItem(source="s", text=text)).language == "en"


def test_analyze_many_turns_bad_items_into_results(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph._analyze import analyze_many

    items = [SourceItem(source="good", text=ARTICLE), *expand_sources(["/nonexistent/story.txt"])]
    results = list(analyze_many(items, nlp=nlp))
    assert [r.ok for r in results] == [True, False]
    assert "no such file" in str(results[1].error)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), st.binary(max_size=80)), max_size=8))
def test_jsonl_reader_never_raises(lines: list[str | bytes]) -> None:
    for item in parse_lines(lines, name="fuzz.jsonl"):
        assert (item.error is None) != (item.text is None and item.html is None)
