"""Find amounts in plain text: money, percentages and counts, with qualifier, rate and range.

The scan works on characters, not tokens, so it needs no spaCy and is easy to test. It finds number
*atoms* ("$11.9", "12 billion euros", "5,000-plus troops", "hundreds of fighters"), then joins
neighbouring atoms into ranges ("$1–2 billion", "between 10 and 20 million people": one amount,
``qualifier="range"``, ``value`` = the LOW end, ``range=(lo, hi)``) or coordinations ("$11.9 and
$12 billion": two amounts sharing the scale), and finally reads the words around each amount:
qualifiers before and after it, and a rate ("a month", "per year", "/yr") after it.

Values of vague numbers ("hundreds of fighters") are the smallest value the phrase can mean, with
``qualifier="approx"``. A number with no currency, percent sign or counted noun is not an amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from newsgraph.nlp.amounts.lexicon import lexicon
from newsgraph.nlp.amounts.numbers import Reading, canonical, read_number
from newsgraph.nlp.amounts.patterns import patterns

# How far before an amount we look for a qualifier, range opener or rate word ("an estimated",
# "anywhere between"); the longest phrases in modifiers.yaml are under 30 characters.
LOOKBACK = 40
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_WORD = re.compile(r"[A-Za-z]+")
# "the 2001 attacks", "September 11, 2001 attacks", "May's 2019 ...": words that make 19xx/20xx a year.
_YEAR_CONTEXT = re.compile(r"(?:\b(?:the|this|last|next|since)|\d,|'s|’s)\s*$", re.IGNORECASE)
# How many words before a range we look for a verb of change ("rose by 37 percent, from X to Y").
CHANGE_WINDOW = 6


@dataclass(frozen=True)
class Quantity:
    """One amount found in text; offsets are into the scanned text."""

    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    currency: str | None = None
    per: str | None = None
    qualifier: str = "exact"
    range: tuple[Decimal, Decimal] | None = None
    vague: bool = False


@dataclass
class _Atom:
    start: int
    num_start: int
    num_end: int
    end: int
    reading: Reading
    unit: str | None
    currency: str | None
    words: bool  # the number was written in words
    qualifier: str | None = None
    per: str | None = None


def _unit_of(text: str, m: re.Match[str]) -> tuple[str | None, str | None, int]:
    """(unit, currency, end) from the atom's own currency symbol/name or percent sign."""
    pats, lex = patterns(), lexicon()
    reading_vague = (
        m.group("num")[:1].isalpha() and (read_number(m.group("num")) or Reading(Decimal(0))).vague
    )
    currency = pats.symbol_currency.get(m.group("sym") or "")
    end = m.end("num")
    name = m.group("name")
    if name:
        words = name.split()
        has_of = words[0].lower() == "of"
        written = " ".join(words[1:] if has_of else words).lower()
        # "pounds" is also a weight: as money only after a scale ("3 million pounds"), never before "of".
        ambiguous = written in pats.ambiguous_names and (
            re.match(r"\s+of\b", text[m.end("name") :]) is not None
            or not (read_number(m.group("num")) or Reading(Decimal(0))).scaled
        )
        refused = (has_of and not reading_vague) or ambiguous
        if not refused:
            currency = currency or pats.name_currency[written]
            end = m.end("name")
    if currency:
        return "money", currency, max(end, m.end("sym") if m.group("sym") else end)
    if m.group("pct"):
        written = m.group("pct").strip(" -").lower()
        return (
            lex.percent.get(written, lex.percent.get(" ".join(written.split()), "percent")),
            None,
            m.end("pct"),
        )
    return None, None, end


def _atoms(text: str) -> list[_Atom]:
    pats, lex = patterns(), lexicon()
    atoms = []
    for m in pats.atom.finditer(text):
        reading = read_number(m.group("num"))
        if reading is None:
            continue
        unit, currency, end = _unit_of(text, m)
        atom = _Atom(
            start=m.start(),
            num_start=m.start("num"),
            num_end=m.end("num"),
            end=end,
            reading=reading,
            unit=unit,
            currency=currency,
            words=m.group("num")[:1].isalpha(),
        )
        q = pats.qualifier_after.match(text, atom.end)
        if q:
            atom.qualifier = lex.qualifiers_after[" ".join(q.group("q").lower().split())]
            atom.end = q.end()
        if atom.unit is None:
            n = pats.noun.match(text, atom.end)
            unit = lex.counted[" ".join(n.group("noun").lower().split())] if n else None
            # "hundreds of fighters" but "12 fighters"; "dozens killed" needs no "of" (a participle unit)
            if n and (
                (n.group("of") is None) != reading.vague or (n.group("of") is None and unit in lex.bare_vague)
            ):
                atom.unit = unit
                atom.end = n.end()
                q = pats.qualifier_after.match(text, atom.end)
                if q and atom.qualifier is None:
                    atom.qualifier = lex.qualifiers_after[" ".join(q.group("q").lower().split())]
                    atom.end = q.end()
        r = pats.rate.match(text, atom.end)
        if r:
            atom.per = lex.rates[" ".join(r.group("r").lower().split())]
            atom.end = r.end()
        atoms.append(atom)
    return atoms


def _words_before(text: str, pos: int, n: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[max(0, pos - LOOKBACK) : pos])][-n:]


def _shared(lo: _Atom, hi: _Atom) -> tuple[_Atom, _Atom]:
    """Copies of "X to Y" / "X and Y" with what one side left out filled from the other: unit,
    currency, scale and rate."""
    lo, hi = replace(lo), replace(hi)
    if lo.unit is None:
        lo.unit, lo.currency = hi.unit, hi.currency
    if hi.unit is None:
        hi.unit, hi.currency = lo.unit, lo.currency
    if lo.currency is None and lo.unit == hi.unit == "money":
        lo.currency = hi.currency
    # "$11.9 and $12 billion", "between 10 and 20 million": the first number borrows the scale only when
    # it is below the second's written figure (so "from 500 to 2 million" keeps 500).
    if (
        not lo.reading.scaled
        and hi.reading.scaled
        and lo.reading.value <= hi.reading.value / hi.reading.scale
    ):
        lo.reading = replace(
            lo.reading,
            value=canonical(lo.reading.value * hi.reading.scale),
            scaled=True,
            scale=hi.reading.scale,
        )
    if lo.per is None:
        lo.per = hi.per
    return lo, hi


def _is_date_number(text: str, atom: _Atom) -> bool:
    """A year ("in 2015 fighters", "September 11, 2001 attacks") or a day ("the May 5 attacks") read as
    a count or percentage. Newspapers write counts from 1,000 up with a comma, so a bare 19xx/20xx
    after a date-like word is a year."""
    if atom.unit in ("money", None) or atom.reading.scaled or atom.words:
        return False
    written = text[atom.num_start : atom.num_end]
    if patterns().month_before.search(text, max(0, atom.num_start - 12), atom.num_start):
        return True
    if not _YEAR.match(written):
        return False
    before = text[max(0, atom.num_start - LOOKBACK) : atom.num_start]
    words = _words_before(text, atom.num_start, 1)
    return bool(_YEAR_CONTEXT.search(before)) or (bool(words) and words[0] in lexicon().time_prepositions)


def _glued(text: str, atom: _Atom) -> bool:
    """A number that is part of a code or model name: "787-9", "A350-900", "400 737 Max jets"."""
    before = text[max(0, atom.start - 8) : atom.start]
    return bool(
        re.search(r"\w[-/]$", before)
        or (atom.start == atom.num_start and re.search(r"\d[ \t]+$", before))
        or re.match(r"[-/]\d", text[atom.num_end : atom.num_end + 2])
    )


def _qualifier_before(text: str, start: int) -> str | None:
    m = patterns().qualifier_before.search(text[max(0, start - LOOKBACK) : start])
    return lexicon().qualifiers_before[" ".join(m.group("q").lower().split())] if m else None


def _quantity(text: str, first: _Atom, last: _Atom, *, is_range: bool) -> Quantity | None:
    unit = last.unit if is_range else first.unit
    if unit is None:
        return None
    if first.words and not first.reading.scaled and first.reading.value < 2 and not is_range:
        return None  # "one soldier", "a man": not a figure anyone reports as an amount
    qualifier = first.qualifier or last.qualifier or _qualifier_before(text, first.start) or "exact"
    if first.reading.vague and qualifier == "exact":
        qualifier = "approx"
    per = last.per if is_range else first.per
    if per is None:
        m = patterns().rate_before.search(text[max(0, first.start - LOOKBACK) : first.start])
        per = lexicon().rates_before[" ".join(m.group("r").lower().split())] if m else None
    lo, hi = first.reading.value, last.reading.value
    return Quantity(
        start=first.start,
        end=last.end,
        text=text[first.start : last.end],
        value=lo,
        unit=unit,
        currency=(last.currency if is_range else first.currency) if unit == "money" else None,
        per=per,
        qualifier="range" if is_range else qualifier,
        range=(lo, hi) if is_range else None,
        vague=first.reading.vague or last.reading.vague,
    )


def _pair_kind(text: str, a: _Atom, b: _Atom) -> str | None:
    """ "range", "and" (two amounts sharing unit and scale) or None for two atoms side by side."""
    pats, lex = patterns(), lexicon()
    m = pats.joiner.match(text[a.end : b.start])
    if not m or (a.per and b.per is None):
        return None
    if b.start < b.num_start and a.start == a.num_start:
        return None  # "in 2014 and $7bn": a bare number is not joined to a following "$7bn"
    word = (m.group("w") or "-").lower()
    before = text[max(0, a.start - LOOKBACK) : a.start]
    opened = pats.range_open.search(before) is not None
    clause = re.split(r"[.;:!?()]", before)[-1]
    if any(w.lower() in lex.change_verbs for w in _WORD.findall(clause)[-CHANGE_WINDOW:]):
        return None  # "rose by 2%, from 5% to 7%": a change between two amounts
    if word == "and":
        return "range" if opened else "and"
    if not (a.unit is None or b.unit is None or (a.unit == b.unit and a.currency == b.currency)):
        return None
    return "range"


def find_quantities(text: str) -> list[Quantity]:
    """Every amount in ``text``, in order of appearance."""
    atoms = _atoms(text)
    out: list[Quantity] = []
    merged: set[int] = set()  # atoms joined to a neighbour: "$1-2 billion" is not a glued code
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        kind = _pair_kind(text, a, b) if b is not None else None
        if b is not None and kind is not None:
            lo, hi = _shared(a, b)
            if kind == "range" and lo.unit == hi.unit and lo.reading.value <= hi.reading.value:
                q = _quantity(text, lo, hi, is_range=True)
                if q is not None and not _is_date_number(text, lo):
                    out.append(q)
                i += 2
                continue
            if kind == "and" and lo.unit == hi.unit:
                a = lo
                merged.update((i, i + 1))
        if (i in merged or not _glued(text, a)) and not _is_date_number(text, a):
            q = _quantity(text, a, a, is_range=False)
            if q is not None:
                out.append(q)
        i += 1
    return out
