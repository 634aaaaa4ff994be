"""Event families beyond conflict: elections, office, justice, bans, displacement, trade, strikes.

Sentences written for these tests; each ambiguous trigger word also has a sentence where it
must not fire.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp.events.lexicon import load_lexicon
from newsgraph.nlp.state import get_state


def _kinds(nlp: Language, text: str) -> set[tuple[str, str]]:
    """(type, subtype) of the typed events: an ``other`` event of the learned layer ("was banned
    from driving": lemma ``ban``) is not the lexicon sense firing."""
    return {(e.type, e.subtype) for e in get_state(nlp(text)).events if e.type != "other"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Voters in Portugal elected a new parliament on 10 March 2024.", ("elect", "election")),
        ("Ireland held a referendum on the amendment on 8 March 2024.", ("elect", "vote")),
        ("Lawmakers in Lima voted to remove the president on 7 December 2022.", ("elect", "vote")),
        ("Gabriel Boric took office in Santiago on 11 March 2022.", ("elect", "taking_office")),
        ("Jane Roe was sworn in as governor on 2 June 2023.", ("elect", "taking_office")),
        ("The president appointed Jane Roe as finance minister on 2 June 2023.", ("elect", "appointment")),
        ("The prime minister of Peru resigned on 7 July 2022.", ("concede", "resignation")),
        ("Police in Lagos apprehended two suspects on 2 June 2023.", ("coerce", "arrest")),
        ("Prosecutors charged John Doe with fraud in Paris on 2 June 2023.", ("prosecute", "charge")),
        ("The corruption charges against John Doe were filed on 2 June 2023.", ("prosecute", "charge")),
        ("The trial of John Doe opened in Paris on 2 June 2023.", ("prosecute", "trial")),
        ("A court in Moscow sentenced John Doe to five years on 2 June 2023.", ("prosecute", "sentence")),
        ("Bolivia nationalised its gas fields in May 2006.", ("coerce", "nationalization")),
        ("Venezuela expropriated the Exxon assets in 2007.", ("coerce", "expropriation")),
        ("Thousands of families fled their homes in Goma in January 2024.", ("displace", "flight")),
        ("Fighting near Goma displaced 20,000 civilians in January 2024.", ("displace", "displacement")),
        ("Acme Corp bought eleven tankers from Zeta Shipping in May 2023.", ("acquire", "acquisition")),
        ("Zeta Shipping sold its stake in Acme Corp in May 2023.", ("acquire", "sale")),
        ("Workers at Volkswagen went on strike in Wolfsburg in March 2023.", ("protest", "strike")),
        ("Teachers struck across Kenya on 4 March 2023.", ("protest", "strike")),
        ("Unions called a general strike in Buenos Aires for 24 January 2024.", ("protest", "strike")),
        ("Germany suspended talks with Iran on 2 June 2023.", ("sanction", "suspension")),
        ("Britain scrapped the trade deal with Ruritania on 2 June 2023.", ("sanction", "cancellation")),
        ("The EU imposed an import ban on Russian coal in April 2022.", ("sanction", "ban")),
        ("Parliament banned the opposition party in Minsk in June 2023.", ("coerce", "ban")),
    ],
)
def test_family_is_found(nlp: Language, text: str, kind: tuple[str, str]) -> None:
    assert kind in _kinds(nlp, text)


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # the military "strike" stays an attack, not a labour strike
        ("Missiles struck Odesa on 4 March 2023.", "strike"),
        ("A drone strike hit a depot in Kharkiv on 4 March 2023.", "strike"),
        # "on" makes the subject a striker only after go/be/remain/stay/come
        ("Officials in Kyiv commented on the strike on 4 March 2023.", "strike"),
        ("The bank charged Jane Roe a fee in Paris on 2 June 2023.", "sentence"),
        ("The company charged a fee for deliveries in Paris on 2 June 2023.", "charge"),
        ("Jane Roe was in charge of the Paris office in June 2023.", "charge"),
        ("A clinical trial of the vaccine began in Paris on 2 June 2023.", "trial"),
        ("The first sentence of the Paris report was dropped on 2 June 2023.", "sentence"),
        ("The suspect fled the scene in Paris on 2 June 2023.", "flight"),
        ("Jane Roe bought time in Paris on 2 June 2023.", "acquisition"),
        ("Acme Corp sold the idea to investors in Paris on 2 June 2023.", "sale"),
        ("Jane Roe took a train to Paris on 2 June 2023.", "taking_office"),
        ("Jane Roe had a dental appointment in Paris on 2 June 2023.", "appointment"),
        ("Jane Roe swore revenge in Paris on 2 June 2023.", "taking_office"),
        ("Rain cancelled the match in Paris on 2 June 2023.", "cancellation"),
        ("Jane Roe was banned from driving in Paris on 2 June 2023.", "ban"),
        ("Jane Roe quit smoking in Paris on 2 June 2023.", "resignation"),
        ("Police seized the phones of John Doe in Paris on 2 June 2023.", "capture"),
    ],
)
def test_ambiguous_word_does_not_fire(nlp: Language, text: str, subtype: str) -> None:
    assert subtype not in {sub for _, sub in _kinds(nlp, text)}


def test_types_without_a_plover_category_are_ours() -> None:
    types = load_lexicon().types
    assert types["elect"].plover is None and types["acquire"].plover is None
    assert types["prosecute"].plover == "COERCE"
    assert types["protest"].acled == "Protests"
