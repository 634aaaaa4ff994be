"""Page chrome found on held-out pages: piped bylines with a date, cookie banners, headerless
promo lists and newsletter forms (texts written for these tests)."""

from __future__ import annotations

from newsgraph.ingest.boilerplate import clean_text

PAGE = """Our website uses cookies to give you the best experience. By continuing to use the site you accept cookies. Settings | OK

Sport > Football

Harbour town votes to rebuild its flooded stadium

Commentary | Tobias Wren | 3 June 2021

Councillors in the harbour town voted on Monday to rebuild the stadium that was flooded last winter, ending months of argument over the cost.

Most Popular
- Ferry strike enters second week
- Storm warning issued for the coast

The vote was close, with eleven councillors in favour and nine against.

THE MORNING LETTER
Our best reporting, delivered to your inbox at seven.
Enter your e-mail
Sign up

The club said work would start in the autumn.
"""


def test_piped_byline_gives_date_and_author() -> None:
    result = clean_text(PAGE)
    assert result.title == "Harbour town votes to rebuild its flooded stadium"
    assert result.published == "2021-06-03"
    assert result.authors == ("Tobias Wren",)
    assert "Commentary |" not in result.body


def test_piped_byline_with_by_prefix_and_outlet() -> None:
    text = "Dockers end strike\n\nBy Ana Ruiz | Harbour Post | March 9, 2022\n\nDock workers returned to work on Tuesday after a deal on pay was reached."
    result = clean_text(text)
    assert result.published == "2022-03-09"
    assert result.authors == ("Ana Ruiz",)


def test_breadcrumb_without_date_is_not_a_byline() -> None:
    text = "Home | News | Local\n\nBridge reopens\n\nThe old bridge over the river reopened to traffic on Friday after repairs."
    result = clean_text(text)
    assert result.published is None
    assert result.authors == ()


def test_cookie_banner_promo_list_and_newsletter_form_leave_the_body() -> None:
    body = clean_text(PAGE).body
    for chrome in (
        "cookies",
        "Ferry strike",
        "Storm warning",
        "Most Popular",
        "inbox",
        "Enter your e-mail",
        "Sign up",
    ):
        assert chrome not in body
    for kept in ("Councillors in the harbour town", "The vote was close", "work would start in the autumn"):
        assert kept in body


def test_promo_list_stops_at_the_next_paragraph() -> None:
    text = (
        "Title of the story here\n\nFirst paragraph of the story, which is long enough to read as text.\n\n"
        "Related stories\nFloods close the coast road\n\nThe mayor said the road would reopen soon.\n"
    )
    result = clean_text(text)
    assert "Floods close the coast road" not in result.body
    assert "The mayor said the road would reopen soon." in result.body
