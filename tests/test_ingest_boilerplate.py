"""The plain-text boilerplate pass on pages of several shapes (our own fixtures), and on the seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest.boilerplate import clean_text, near_duplicate, split_units
from newsgraph.ingest.byline import parse_names

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _kinds(result) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    found: dict[str, list[str]] = {}
    for item in result.boilerplate:
        found.setdefault(item.kind, []).append(item.text)
    return found


def test_wire_story_byline_date_and_promos() -> None:
    result = clean_text(_fixture("wire_story.txt"))
    assert result.title == "Shipping insurers pull cover from tankers named in new sanctions list"
    assert result.authors == ("Marta Kowalczyk", "Daniel Okafor")
    assert result.published == "2024-03-04"
    kinds = _kinds(result)
    assert any(t.startswith("Related:") for t in kinds["promo"])
    assert any(t.startswith("Read more:") for t in kinds["promo"])
    assert "Advertisement" in kinds["promo"]
    assert kinds["share"] == ["Share on Facebook Share on Twitter Email Print"]
    assert "Home > World > Europe" in kinds["nav"]
    for chrome in ("Related:", "Read more", "Advertisement", "Share on", "All rights reserved", "By Marta"):
        assert chrome not in result.body
    paragraphs = result.body.split("\n\n")
    assert paragraphs[0].startswith("LONDON, March 4 (Reuters) - Several maritime insurers")
    assert paragraphs[-1].startswith("The finance ministry declined to comment")
    assert len(paragraphs) == 5


def test_oped_bio_caption_comments() -> None:
    result = clean_text(_fixture("oped_with_bio.txt"))
    assert result.title == "The quiet money pipeline that keeps a militia paid"
    assert result.authors == ("Tomas Berg",)
    kinds = _kinds(result)
    assert kinds["title_duplicate"] == ["The quiet money pipeline that keeps a militia paid"]
    assert any("is a columnist" in t for t in kinds["bio"])
    assert len(kinds["comments"]) == 3
    assert result.captions == (
        "Money changers at a market stall in the border town. (Photo: Local News Agency)",
    )
    assert kinds["caption_duplicate"] == list(result.captions)
    for gone in ("Money changers", "columnist", "Recommended", "ad blocker", "Comments", "@tberg"):
        assert gone not in result.body
    assert result.body.endswith(
        "It is hard to see how new sanctions will work when the old ones are not enforced."
    )


def test_hard_wrapped_paragraphs_are_joined() -> None:
    result = clean_text(_fixture("hardwrapped_newsletter.txt"))
    paragraphs = result.body.split("\n\n")
    assert len(paragraphs) == 3
    assert "payments made through the grain corridor programme" in paragraphs[0]
    assert paragraphs[2] == "A spokesperson for the bank said the findings would be published in the autumn."
    assert [b.kind for b in result.boilerplate] == ["promo"]


def test_nav_chrome_and_uncredited_repeated_caption() -> None:
    result = clean_text(_fixture("captions_and_nav.txt"))
    assert result.title == "Border crossing reopens after three-month closure"
    assert result.captions == (
        "Trucks waited in a line several kilometres long as the crossing opened at dawn.",
    )
    assert "Trucks waited" not in result.body
    assert {b.kind for b in result.boilerplate} == {"nav", "caption_duplicate"}
    assert result.body.split("\n\n")[0].startswith("The crossing had been shut since the spring")
    assert "Privacy Policy" not in result.body and "Tags:" not in result.body


def test_plain_article_is_left_alone() -> None:
    text = _fixture("plain_article.txt")
    result = clean_text(text)
    # a closing "X is a former minister who ..." sentence about a news subject is not an author bio
    assert result.body == text.strip()
    assert result.boilerplate == () and result.title is None and result.authors == ()


def test_metadata_title_removes_its_repeats_only() -> None:
    text = "Port blockade ends\n\nPort blockade ends\n\nShips left the harbour on Friday after talks ended.\n"
    result = clean_text(text, title="Port blockade ends", authors=("Ana Ruiz",))
    assert result.body == "Ships left the harbour on Friday after talks ended."
    assert [b.kind for b in result.boilerplate] == ["title_duplicate", "title_duplicate"]
    assert result.authors == ("Ana Ruiz",)


def test_bio_needs_evidence_of_being_about_the_writer() -> None:
    text = (
        "Officials said the new tariff would apply from June.\n\n"
        "Karim Haddad is an economist who advised the ministry until last year.\n"
    )
    assert clean_text(text).body == text.strip()
    with_header = text.replace("Karim Haddad is", "About the author\n\nKarim Haddad is")
    result = clean_text(with_header)
    assert result.body == "Officials said the new tariff would apply from June."
    assert result.authors == ("Karim Haddad",)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
        ("Nadia Farah, Gulf Monitor", ["Nadia Farah"]),
        ("Ali Reza, Mina Park and Tom Hale", ["Ali Reza", "Mina Park", "Tom Hale"]),
        ("Desert Wire staff", []),
        ("Amira El-Sayed in Cairo | Updated 3 May 2023", ["Amira El-Sayed"]),
        ("Staff Writer", []),
        ("J.R. Smith & Lena van der Berg", ["J.R. Smith", "Lena van der Berg"]),
    ],
)
def test_byline_names(line: str, names: list[str]) -> None:
    assert parse_names(line) == names


def test_near_duplicate_tolerates_small_edits_not_different_numbers() -> None:
    assert near_duplicate(
        "Troops gather near the bridge. (Photo: AP)", "Troops gather near the bridge.  (Photo: AP)"
    )
    assert near_duplicate("The governor’s convoy leaves the city", "The governor's convoy leaves the cit")
    assert not near_duplicate("Containers: 1 green, 1 red, 2 yellow", "Containers: 1 green, 1 red, 3 yellow")


def test_seed_article_in_place(seed_text: str) -> None:
    result = clean_text(seed_text)
    body = result.body
    # the body keeps the article's paragraphs and loses the page around them
    assert body.startswith("Let’s take a moment to focus on a reality")
    assert "Secretary of State John Kerry did, however, promise Congress" in body
    for gone in ("Trending:", "Disqus", "AdBlock", "is a retired Naval Intelligence officer", "(Image via"):
        assert gone not in body
    assert result.title is not None and result.title.startswith("Iran’s war in Iraq")
    assert result.authors == ("J.E. Dyer",)
    assert len(result.captions) == 5
    assert all(body.count(c[:40]) == 0 for c in result.captions)
    assert {b.kind for b in result.boilerplate} >= {
        "promo",
        "bio",
        "comments",
        "caption_duplicate",
        "title_duplicate",
    }


# A plain article made of ordinary sentences: the pass must keep every one, in order.
_WORDS = st.sampled_from(
    [
        "the",
        "bank",
        "said",
        "officials",
        "rates",
        "ministry",
        "troops",
        "border",
        "talks",
        "payment",
        "oil",
        "price",
        "month",
        "week",
        "city",
        "government",
        "army",
        "rebels",
        "report",
        "funds",
        "would",
        "could",
        "after",
        "before",
        "during",
        "million",
        "percent",
    ]
)
_SENTENCE = st.lists(_WORDS, min_size=4, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=8, unique=True))
def test_plain_paragraphs_are_never_dropped_or_reordered(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    result = clean_text(text)
    assert result.body == text
    sentences = re.findall(r"[^.]+\.", text)
    position = 0
    for sentence in sentences:
        found = result.body.find(sentence.strip(), position)
        assert found >= position
        position = found


def test_split_units_keeps_single_lines_apart() -> None:
    assert split_units("Headline here\nFirst paragraph.\r\n\r\nSecond.") == [
        "Headline here",
        "First paragraph.",
        "Second.",
    ]


def test_kicker_upper_case_byline_and_look_alike_sentences() -> None:
    text = (
        "Middle East\n"
        "Rebels and army agree to prisoner swap\n\n"
        "BY AMINA YUSUF\n"
        "The two sides exchanged 40 prisoners on Sunday, officials said.\n\n"
        "12 responses were received by the commission before the deadline, the chairman said.\n"
    )
    result = clean_text(text)
    assert result.title == "Rebels and army agree to prisoner swap"
    assert result.authors == ("Amina Yusuf",)
    assert [b.kind for b in result.boilerplate] == ["nav", "other"]
    assert result.body.split("\n\n") == [
        "The two sides exchanged 40 prisoners on Sunday, officials said.",
        "12 responses were received by the commission before the deadline, the chairman said.",
    ]


def test_quoted_first_sentence_is_not_a_title() -> None:
    text = "The minister said: “We will not back down.”\n\nTalks resume on Monday."
    result = clean_text(text)
    assert result.title is None and result.body == text


def test_blog_share_list_and_readers_comment_thread() -> None:
    result = clean_text(_fixture("blog_with_comment_thread.txt"))
    assert result.title == "Why the fuel subsidy cut hit the north hardest"
    assert result.authors == ("Omar Farouk",) and result.published == "2023-06-14"
    paragraphs = result.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[-1].startswith("Several farmers' groups have asked for a targeted rebate")
    kinds = _kinds(result)
    assert kinds["share"] == ["Share this:", "Facebook", "Twitter", "WhatsApp"]
    assert "My uncle stopped irrigating last month. This is exactly right." in kinds["comments"]
    assert kinds["comments"][-1] == "Leave a Reply"


def test_metadata_authors_keep_people_only() -> None:
    from newsgraph.ingest.byline import person_names

    assert person_names(["Nadia Farah", "Desert Wire staff", "Reuters", "Madonna"]) == (
        "Nadia Farah",
        "Madonna",
    )


def test_outlet_line_in_byline_block_but_not_a_dateline() -> None:
    text = (
        "Militia leaders meet mediators in the capital\n\n"
        "By Lena Hart\nNorthern Courier\nMay 2, 2022\n\n"
        "KYIV —\n"
        "Mediators met militia leaders on Sunday to discuss a ceasefire along the river.\n"
    )
    result = clean_text(text)
    assert result.authors == ("Lena Hart",) and result.published == "2022-05-02"
    assert [b.text for b in result.boilerplate] == ["By Lena Hart", "Northern Courier", "May 2, 2022"]
    assert result.body.startswith("KYIV —")
