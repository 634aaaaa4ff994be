"""Mention candidates: spaCy's named entities, trimmed, plus the clear names NER missed.

A candidate keeps exact character offsets into ``doc.text`` and the spaCy label it came with
(``None`` for a mention we added ourselves, which then casts no vote on the type).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.entities.lexicon import EntityLexicon
from newsgraph.nlp.entities.places import is_known_place
from newsgraph.nlp.state import body_text

# The labels that make entities; the numeric and temporal ones belong to the times/amounts components.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Lower-case words that belong inside a personal or place name ("Osama bin Laden", "Charles de Gaulle").
_PARTICLES = frozenset(
    {
        "al",
        "el",
        "de",
        "da",
        "di",
        "van",
        "von",
        "der",
        "den",
        "du",
        "le",
        "la",
        "bin",
        "ibn",
        "bint",
        "ben",
        "dos",
    }
)
# An abbreviation: capitals (digits and inner dots or ampersands allowed), at least two letters.
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Z0-9&.]*[A-Z0-9.]$")
MAX_ACRONYM_LENGTH = 8  # longer all-capital words are shouted text, not abbreviations
# One-word titles that also open names of things as adjectives ("General Motors", "Major League",
# "Private Eye"): they are cut from a name only when NER called it a person's.
ADJECTIVE_TITLES = frozenset(
    {"general", "gen.", "major", "maj.", "private", "pvt.", "chief", "head", "prime"}
)


@dataclass
class Cand:
    """One mention candidate; ``i``/``j`` are token offsets, ``start``/``end`` character offsets."""

    i: int
    j: int
    start: int
    end: int
    text: str
    label: str | None
    titles: list[str] = field(default_factory=list)

    def overlaps(self, other: Cand) -> bool:
        return self.start < other.end and other.start < self.end


def sentence_starts(doc: Doc) -> list[int]:
    """For each token, the character offset where its sentence starts (``Token.sent`` walks the
    whole document on every call; this is computed once)."""
    starts: list[int] = []
    current = 0
    for tok in doc:
        if tok.is_sent_start or tok.i == 0:
            current = tok.idx
        starts.append(current)
    return starts


def is_acronym(text: str) -> bool:
    return len(text) <= MAX_ACRONYM_LENGTH and bool(_ACRONYM.match(text))


def is_junk(text: str) -> bool:
    """Mentions no entity may rest on: one character, no capital letter, or only digits."""
    bare = text.strip()
    return len(bare) < 2 or bare == bare.lower() or not any(ch.isalpha() for ch in bare)


def cand_from_tokens(doc: Doc, i: int, j: int, label: str | None) -> Cand:
    span = doc[i:j]
    return Cand(i=i, j=j, start=span.start_char, end=span.end_char, text=span.text, label=label)


def _longest_line(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """NER sometimes runs a name across a paragraph break ("Thunderbolt 3\n\nApple"); keep one line,
    the longest (the later one on a tie: the name opening a paragraph, not a heading's tail)."""
    parts: list[tuple[int, int]] = []
    start = i
    for k in range(i, j):
        if doc[k].is_space:
            parts.append((start, k))
            start = k + 1
    parts.append((start, j))
    return max((p for p in parts if p[1] > p[0]), key=lambda p: (p[1] - p[0], p[0]), default=(i, i))


def _glued(doc: Doc, k: int) -> bool:
    """Token ``k`` is joined to a neighbour by a hyphen ("al-Maliki", "Ing-wen")."""
    return (k + 1 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_) or (
        k > 0 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_
    )


def _trim(doc: Doc, i: int, j: int, lex: EntityLexicon, label: str = "PERSON") -> tuple[int, int, list[str]]:
    """Drop leading determiners/honorifics/titles/lower-case words, trailing possessives/punctuation/
    lower-case words ("earlier MacBook Pro" → "MacBook Pro"); name particles ("al-", "bin") stay."""
    i, j = _longest_line(doc, i, j)
    titles: list[str] = []

    def loose_start(tok: Token) -> bool:
        low = tok.lower_
        if low in _DETERMINERS or tok.is_punct or low in lex.honorifics:
            return True
        return tok.is_lower and low not in _PARTICLES and not _glued(doc, tok.i)

    while i < j and loose_start(doc[i]):
        i += 1
    # "Office of Foreign Assets Control (OFAC": a span that opens a parenthesis it does not close
    # ends before it; the parenthesis holds an abbreviation or an aside, not more of the name.
    for k in range(i, j):
        if doc[k].text == "(" and not any(doc[m].text == ")" for m in range(k + 1, j)):
            j = k
            break
    # A title word swallowed into a PERSON span ("President Obama") becomes a title of the person.
    for k in range(j - 1, i, -1):
        phrase = doc[i:k].text.lower()
        if phrase in lex.prefix_titles and doc[k].text[:1].isupper():
            if label != "PERSON" and phrase in ADJECTIVE_TITLES:
                break  # "General Motors" keeps its first word
            titles.append(doc[i:k].text)
            i = k
            break
    while j > i and (
        doc[j - 1].text in _POSSESSIVE
        or doc[j - 1].is_punct
        or (doc[j - 1].is_lower and not _glued(doc, j - 1))
    ):
        j -= 1
    return i, j, titles


def ner_candidates(doc: Doc, lex: EntityLexicon, sent_starts: list[int] | None = None) -> list[Cand]:
    """spaCy's entities with our labels, trimmed; those inside a title phrase are dropped."""
    starts = sent_starts if sent_starts is not None else sentence_starts(doc)
    out: list[Cand] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        i, j, titles = _trim(doc, ent.start, ent.end, lex, ent.label_)
        if i >= j:
            continue
        if ent.label_ in ("ORG", "FAC"):
            i, j = _coordinated_name(doc, i, j, lex)
            j = _before_located_in(doc, i, j)
        cand = cand_from_tokens(doc, i, j, ent.label_)
        if is_junk(cand.text) or _inside_title(doc, ent, starts[ent.start], lex):
            continue
        cand.titles = titles
        out.append(cand)
    return out


def _before_located_in(doc: Doc, i: int, j: int) -> int:
    """The end of an organisation's name that NER ran on into where it sits: "Ministry of Health
    in Maputo" → "Ministry of Health". Names rarely hold a lower-case "in" before a known place
    (they say "of"), so the cut is made only there."""
    for k in range(i + 2, j - 1):
        if doc[k].lower_ == "in" and doc[k].text == "in" and is_known_place(doc[k + 1 : j].text):
            return k
    return j


def _capitalised_free(tok: Token) -> bool:
    """A capitalised word that no other entity claims (it may continue a name)."""
    return tok.is_title and not tok.ent_type_ and tok.is_alpha


def _coordinated_name(doc: Doc, i: int, j: int, lex: EntityLexicon) -> tuple[int, int]:
    """Widen an organisation NER cut at an "and" inside its name: "Pharmacy and [Poisons Board]",
    "[Bangladesh Fire Service] and Civil Defence". Only where an institution word ends one side,
    and the other side is capitalised words no other entity claims."""
    if j < len(doc) - 1 and doc[j].lower_ in ("and", "&") and doc[j - 1].text in lex.coordinated_heads:
        k = j + 1
        while k < len(doc) and _capitalised_free(doc[k]) and k - j <= 3:
            k += 1
        if k > j + 1:
            return i, k
    if i >= 2 and doc[i - 1].lower_ in ("and", "&") and doc[j - 1].text in lex.coordinated_heads:
        k = i - 1
        while k - 1 >= 0 and _capitalised_free(doc[k - 1]) and i - k < 3 and not doc[k - 1].is_sent_start:
            k -= 1
        if k < i - 1:
            return k, j
    return i, j


def _inside_title(doc: Doc, ent: Span, sent_start: int, lex: EntityLexicon) -> bool:
    """``State`` in "Secretary of State John Kerry" is the end of a title, not an entity."""
    text = body_text(doc)[sent_start : ent.end_char].lower()
    for title in lex.prefix_titles:
        if text.endswith(title) and len(title) > len(ent.text):
            cut = len(text) - len(title)
            if cut == 0 or not text[cut - 1].isalnum():
                return True
    return False


def _is_shouting(doc: Doc, tok: Token) -> bool:
    """An all-capital neighbour means a headline or shouted text, where capitals say nothing."""
    neighbours = [doc[k] for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc)]
    return any(n.is_alpha and n.is_upper and len(n.text) > 1 for n in neighbours)


def acronym_candidates(doc: Doc, taken: list[Cand], lex: EntityLexicon) -> list[Cand]:
    """Bare abbreviations NER missed ("the nuclear JCPOA"): proper-noun capitals not in the stop list."""
    covered = {k for c in taken for k in range(c.i, c.j)}
    out: list[Cand] = []
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not is_acronym(tok.text):
            continue
        if tok.text in lex.not_names or tok.text.rstrip(".") in lex.not_names or _is_shouting(doc, tok):
            continue
        out.append(cand_from_tokens(doc, tok.i, tok.i + 1, None))
    return out


def _initial_consistent(name: str, acronym: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isupper()]
    return bool(words) and any(w[0] == acronym[0] for w in words)


def acronym_definitions(doc: Doc, cands: list[Cand]) -> list[tuple[Cand, Cand]]:
    """Pairs (name, abbreviation) defined in the text: "Name (ABC)", "Name, or ABC", "ABC (Name)".

    The abbreviation becomes a candidate when NER missed it; the caller merges each pair.
    """
    by_end = {c.j: c for c in cands}
    by_start = {c.i: c for c in cands}
    pairs: list[tuple[Cand, Cand]] = []
    for tok in doc:
        if not is_acronym(tok.text):
            continue
        k = tok.i
        name: Cand | None = None
        bracketed = False
        if k >= 2 and doc[k - 1].text == "(" and k + 1 < len(doc) and doc[k + 1].text == ")":
            name = by_end.get(k - 1)
            bracketed = name is not None
        elif k >= 2 and doc[k - 1].lower_ == "or":
            back = k - 2 if doc[k - 2].text == "," else k - 1
            name = by_end.get(back)
        if name is None and k + 2 < len(doc) and doc[k + 1].text == "(":
            inner = by_start.get(k + 2)
            if (
                inner is not None
                and inner.j < len(doc)
                and doc[inner.j].text == ")"
                and inner.j - inner.i > 1
            ):
                name = inner
        if name is None or name.j - name.i < 2:
            continue
        # "Union of Rail and Port Workers (SITRAP)": an organisation's abbreviation in its own
        # language need not share an initial with the English name; written right after the
        # name in brackets it is still its definition.
        translated = bracketed and name.label == "ORG" and len(tok.text) >= 3
        if not (translated or _initial_consistent(name.text, tok.text)):
            continue
        acronym = next((c for c in cands if c.i == k and c.j == k + 1), None)
        if acronym is None:
            acronym = cand_from_tokens(doc, k, k + 1, None)
        pairs.append((name, acronym))
    return pairs


def _part_of_longer_name(doc: Doc, span: Span) -> bool:
    """ "Obama" inside "Michelle Obama": a capitalised proper noun right beside it extends the name."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if (
        before is not None
        and before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and not span[0].is_sent_start
    ):
        return True
    return after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()


def _used_as_word(text: str, form: str) -> bool:
    """Whether the article also writes ``form`` in lower case, as an ordinary word."""
    return re.search(r"(?<!\w)" + re.escape(form.lower()) + r"(?!\w)", text) is not None


def repeat_mentions(doc: Doc, forms: list[str], taken: list[Cand]) -> list[Cand]:
    """Other occurrences of a found name that NER missed, on token boundaries, case-sensitive."""
    out: list[Cand] = []
    text = body_text(doc)
    covered = {k for c in taken for k in range(c.i, c.j)}
    for form in forms:
        if is_junk(form):
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            span = doc.char_span(m.start(), m.end())
            if span is None or any(k in covered for k in range(span.start, span.end)):
                continue
            if (
                len(span) == 1
                and span[0].is_sent_start
                and span[0].pos_ != "PROPN"
                and _used_as_word(text, form)
            ):
                continue  # "Energy costs rose": a sentence's first word, written lower case elsewhere
            if _part_of_longer_name(doc, span):
                continue
            out.append(cand_from_tokens(doc, span.start, span.end, None))
            covered.update(range(span.start, span.end))
    return out


# Prepositions that put what follows in a place ("in Gainesville", "near Calais"); "from" and "to"
# are left out: "a letter from Obama", "a reply to Jackson".
_LOCATIVE = frozenset({"in", "near", "outside", "across", "throughout", "around", "inside"})
_SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "suburb", "province", "district"})


def relabel_places(doc: Doc, cands: list[Cand], is_place: Callable[[str], bool]) -> None:
    """A known place name after a locative preposition is a place, whatever NER said ("in Gainesville"
    tagged PERSON); a possessive after it ("in Jackson's speech") keeps NER's label."""
    for c in cands:
        if c.label not in ("PERSON", "ORG", "PRODUCT") or c.i == 0:
            continue
        # "the town of Enerhodar", "the port of Primorsk": a settlement noun and "of" say place too
        settled = c.i >= 2 and doc[c.i - 1].lower_ == "of" and doc[c.i - 2].lower_ in _SETTLEMENT_NOUNS
        if doc[c.i - 1].lower_ not in _LOCATIVE and not settled:
            continue
        if c.j < len(doc) and doc[c.j].text in _POSSESSIVE:
            continue
        if is_place(c.text):
            c.label = "GPE"
