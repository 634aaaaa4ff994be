"""A hand-built :class:`~newsgraph.model.Analysis` of an invented article, with every kind of record.

The dossier's tests, its benchmark and ``make screenshots`` draw this instead of waiting for the NLP
components: it has a payer and payee with a monthly rate running to the reference date, a part of a
larger sum, seasons and START/END modifiers, a negated and a future relation, several statuses and cues,
a place mentioned twice, and (``hostile=True``) markup in the title and body that must stay text.
``sample_analysis(copies=n)`` repeats the article n times (fresh ids, shifted offsets) for size tests.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from newsgraph.model import (
    Amount,
    Analysis,
    Boilerplate,
    Claim,
    Cue,
    Document,
    Entity,
    Event,
    Mention,
    Participant,
    Place,
    ReferenceDate,
    Relation,
    Span,
    TimeExpr,
)

TITLE = "The port authority's quiet payments to Northwind Capital"
HOSTILE_TITLE = 'Payments </script><script>alert("title")</script> <!-- ]]> <img src=x onerror=alert(1)>'
PARAGRAPHS = (
    "The Meridian Port Authority has paid Northwind Capital about $45 million a month since March 2019, "
    "according to auditors at the Office of the Comptroller.",
    'Northwind\'s chief executive, Lena Okafor, said the payments were "routine maintenance fees" and '
    "denied any wrongdoing.",
    "In the summer of 2021 hundreds of dock workers marched through Valparaiso and Santiago, demanding an "
    "inquiry.",
    "The Comptroller may open a formal investigation early next year, officials said.",
    "Of the $2.1 billion paid so far, $600 million was moved to a subsidiary in Panama City in late 2020.",
    "The port authority's board never approved the contracts, and critics call the so-called consulting "
    "work a giveaway.",
    "Santiago's mayor has asked for the audit to be published.",
)
HOSTILE_PARAGRAPH = (
    'A reader wrote: </script><script>document.title="pwned"</script> and <img src=x onerror="alert(2)"> '
    "then <!-- a comment ]]> and &lt;b&gt;bold&lt;/b&gt; in the letters page."
)
REFERENCE = "2023-06-15"


class _Finder:
    """Locates phrases in the body so the records' offsets are computed, never typed by hand."""

    def __init__(self, body: str, offset: int) -> None:
        self.body = body
        self.offset = offset

    def span(self, phrase: str, after: str = "") -> tuple[int, int]:
        base = self.body.index(after, self.offset) if after else self.offset
        start = self.body.index(phrase, base)
        return start, start + len(phrase)

    def paragraph(self, text: str) -> tuple[int, int]:
        """Each paragraph of the invented article is one sentence."""
        start = self.body.index(text, self.offset)
        return start, start + len(text)


def _records(body: str, offset: int, n: int) -> dict[str, list[Any]]:
    """The records of one copy of the article starting at ``offset``; ids get the copy number ``n``."""
    f = _Finder(body, offset)

    def sid(prefix: str, i: int) -> str:
        return f"{prefix}{(n - 1) * 10 + i}"

    def mention(phrase: str, after: str = "") -> Mention:
        s, e = f.span(phrase, after)
        return Mention(s, e, body[s:e])

    def span(phrase: str, after: str = "") -> Span:
        s, e = f.span(phrase, after)
        return Span(s, e, body[s:e])

    s1, s2, s3, s4, s5, s6, s7 = (f.paragraph(text) for text in PARAGRAPHS)
    e = {i: sid("e", i) for i in range(1, 9)}
    entities = [
        Entity(
            e[1],
            "Meridian Port Authority",
            "ORG",
            ("port authority",),
            (),
            (mention("Meridian Port Authority"), mention("port authority", "The port authority")),
        ),
        Entity(
            e[2],
            "Northwind Capital",
            "ORG",
            ("Northwind",),
            (),
            (mention("Northwind Capital"), mention("Northwind", "Comptroller.")),
        ),
        Entity(
            e[3],
            "Office of the Comptroller",
            "ORG",
            ("Comptroller",),
            (),
            (mention("Office of the Comptroller"), mention("Comptroller", "The Comptroller may")),
        ),
        Entity(
            e[4],
            "Lena Okafor",
            "PERSON",
            (),
            ("chief executive of Northwind Capital",),
            (mention("Lena Okafor"),),
        ),
        Entity(e[5], "Valparaiso", "GPE", (), (), (mention("Valparaiso"),)),
        Entity(
            e[6],
            "Santiago",
            "GPE",
            (),
            (),
            (mention("Santiago"), mention("Santiago", "The port authority's board")),
        ),
        Entity(e[7], "Panama City", "GPE", (), (), (mention("Panama City"),)),
        Entity(e[8], "dock workers", "NORP", (), (), (mention("dock workers"),)),
    ]
    t = {i: sid("t", i) for i in range(1, 5)}
    times = [
        TimeExpr(
            t[1],
            "since March 2019",
            *f.span("since March 2019"),
            kind="interval",
            value="2019-03",
            mod="AFTER",
            earliest="2019-03-01",
            latest=None,
            anchor=None,
        ),
        TimeExpr(
            t[2],
            "the summer of 2021",
            *f.span("the summer of 2021"),
            kind="date",
            value="2021-SU",
            earliest="2021-06-01",
            latest="2021-08-31",
        ),
        TimeExpr(
            t[3],
            "early next year",
            *f.span("early next year"),
            kind="date",
            value="2024",
            mod="START",
            earliest="2024-01-01",
            latest="2024-04-30",
            anchor="reference",
        ),
        TimeExpr(
            t[4],
            "late 2020",
            *f.span("late 2020"),
            kind="date",
            value="2020",
            mod="END",
            earliest="2020-09-01",
            latest="2020-12-31",
        ),
    ]
    a = {i: sid("a", i) for i in range(1, 5)}
    amounts = [
        Amount(
            a[1],
            "about $45 million a month",
            *f.span("about $45 million a month"),
            value=Decimal(45_000_000),
            currency="USD",
            per="month",
            qualifier="approx",
            time=t[1],
        ),
        Amount(a[2], "$2.1 billion", *f.span("$2.1 billion"), value=Decimal("2.1E9"), currency="USD"),
        Amount(
            a[3],
            "$600 million",
            *f.span("$600 million"),
            value=Decimal(600_000_000),
            currency="USD",
            part_of=a[2],
            time=t[4],
        ),
        Amount(
            a[4], "hundreds", *f.span("hundreds"), value=Decimal(200), unit="people", qualifier="at_least"
        ),
    ]
    p = {i: sid("p", i) for i in range(1, 5)}
    places = [
        Place(
            p[1],
            "Valparaiso",
            *f.span("Valparaiso"),
            name="Valparaíso",
            entity=e[5],
            geonames_id=3868626,
            lat=-33.039,
            lon=-71.628,
            country="CL",
            feature="city",
            confidence=0.9,
        ),
        Place(
            p[2],
            "Santiago",
            *f.span("Santiago"),
            name="Santiago",
            entity=e[6],
            geonames_id=3871336,
            lat=-33.457,
            lon=-70.648,
            country="CL",
            feature="city",
            confidence=0.8,
        ),
        Place(
            p[3],
            "Panama City",
            *f.span("Panama City"),
            name="Panama City",
            entity=e[7],
            geonames_id=3703443,
            lat=8.994,
            lon=-79.519,
            country="PA",
            feature="city",
            confidence=0.85,
        ),
        Place(
            p[4],
            "Santiago",
            *f.span("Santiago", "The port authority's board"),
            name="Santiago",
            entity=e[6],
            geonames_id=3871336,
            lat=-33.457,
            lon=-70.648,
            country="CL",
            feature="city",
            confidence=0.8,
        ),
    ]
    c = {i: sid("c", i) for i in range(1, 8)}
    v = {i: sid("v", i) for i in range(1, 6)}
    events = [
        Event(
            v[1],
            "AID",
            "payment",
            span("paid"),
            Span(*s1),
            (Participant(e[1], "payer"), Participant(e[2], "payee")),
            time=t[1],
            claim=c[1],
            plover="AID",
        ),
        Event(
            v[2],
            "PROTEST",
            "march",
            span("marched"),
            Span(*s3),
            (Participant(e[8], "agent"),),
            place=p[1],
            time=t[2],
            claim=c[3],
            plover="PROTEST",
        ),
        Event(
            v[3],
            "INVESTIGATE",
            "inquiry",
            span("investigation"),
            Span(*s4),
            (Participant(e[3], "agent"),),
            time=t[3],
            modality="future",
            claim=c[4],
            plover="INVESTIGATE",
        ),
        Event(
            v[4],
            "AID",
            "transfer",
            span("moved"),
            Span(*s5),
            (Participant(e[2], "agent"),),
            place=p[3],
            time=t[4],
            claim=c[5],
        ),
        Event(v[5], "DEMAND", "request", span("asked"), Span(*s7), (), place=p[4]),
    ]
    r = {i: sid("r", i) for i in range(1, 6)}
    relations = [
        Relation(r[1], e[1], "pays", e[2], Span(*s1), time=t[1]),
        Relation(r[2], e[4], "member_of", e[2], Span(*s2)),
        Relation(r[3], e[3], "investigates", e[2], Span(*s4), modality="future", time=t[3]),
        Relation(r[4], e[1], "approves", e[2], Span(*s6), polarity="negative"),
        Relation(r[5], e[3], "audits", e[1], Span(*s1)),
    ]

    def cue(phrase: str, kind: str, after: str = "") -> Cue:
        s, e_ = f.span(phrase, after)
        return Cue(body[s:e_], s, e_, kind)  # type: ignore[arg-type]

    claims = [
        Claim(
            c[1],
            body[s1[0] : s1[1]],
            *s1,
            status="attributed",
            checkworthy=0.93,
            cues=(cue("according to", "attribution"),),
            source=e[3],
            entities=(e[1], e[2], e[3]),
            times=(t[1],),
            amounts=(a[1],),
        ),
        Claim(
            c[2],
            body[s2[0] : s2[1]],
            *s2,
            status="attributed",
            checkworthy=0.41,
            cues=(cue("said", "attribution"), cue('"routine maintenance fees"', "scare_quote")),
            source=e[4],
            entities=(e[2], e[4]),
        ),
        Claim(
            c[3],
            body[s3[0] : s3[1]],
            *s3,
            status="asserted",
            checkworthy=0.58,
            entities=(e[5], e[6], e[8]),
            times=(t[2],),
            places=(p[1], p[2]),
        ),
        Claim(
            c[4],
            body[s4[0] : s4[1]],
            *s4,
            status="speculative",
            checkworthy=0.22,
            cues=(cue("may", "hedge"), cue("officials said", "attribution")),
            entities=(e[3],),
            times=(t[3],),
        ),
        Claim(
            c[5],
            body[s5[0] : s5[1]],
            *s5,
            status="asserted",
            checkworthy=0.88,
            entities=(e[7],),
            times=(t[4],),
            amounts=(a[2], a[3]),
            places=(p[3],),
        ),
        Claim(
            c[6],
            body[s6[0] : s6[1]],
            *s6,
            status="opinion",
            checkworthy=0.35,
            cues=(cue("so-called", "loaded"), cue("giveaway", "loaded")),
            entities=(e[1], e[2]),
        ),
        Claim(
            c[7],
            body[s7[0] : s7[1]],
            *s7,
            status="asserted",
            checkworthy=0.12,
            entities=(e[6],),
            places=(p[4],),
        ),
    ]
    return {
        "entities": entities,
        "times": times,
        "amounts": amounts,
        "places": places,
        "events": events,
        "relations": relations,
        "claims": claims,
    }


def sample_analysis(copies: int = 1, *, hostile: bool = False) -> Analysis:
    """The invented article (``copies`` times over), analyzed by hand."""
    paragraphs = list(PARAGRAPHS)
    if hostile:
        paragraphs.insert(3, HOSTILE_PARAGRAPH)
    one = "\n\n".join(paragraphs)
    body = "\n\n".join([one] * copies)
    merged: dict[str, list[Any]] = {}
    offset = 0
    for n in range(1, copies + 1):
        for kind, records in _records(body, offset, n).items():
            merged.setdefault(kind, []).extend(records)
        offset += len(one) + 2
    document = Document(
        id=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        source="sample/port-payments.txt",
        url="https://news.example.org/port-payments" + ('"><script>alert(3)</script>' if hostile else ""),
        title=HOSTILE_TITLE if hostile else TITLE,
        authors=("Ada Reporter", "<b>Desk</b>") if hostile else ("Ada Reporter",),
        published=REFERENCE,
        reference_date=ReferenceDate(REFERENCE, "metadata", 0.9),
        language="en",
        body=body,
        boilerplate=(
            Boilerplate("Subscribe to our newsletter for more port news.", "promo"),
            Boilerplate(
                "Ada Reporter covers shipping and trade." + (" <script>alert(4)</script>" if hostile else ""),
                "bio",
            ),
        ),
        captions=("Cranes at the container terminal.",),
    )
    return Analysis(document, **{k: tuple(v) for k, v in merged.items()})
