"""Entity types: spaCy's labels corrected from context, the lexicons and the gazetteer.

Rules, first that applies wins:

0. a name ending in a company's legal form ("Kestrel Maritime Ltd") in the cluster → ORG;
1. a person's full name in the cluster (or a surname shared by known people) → PERSON;
2. the variant lexicon's type ("UN" → ORG);
3. a demonym, or a name ending in one ("Iranian", "Virginia Democrats") → NORP, kept apart from
   the country;
4. a country or major city (see :mod:`~newsgraph.nlp.entities.places`) → GPE, even where NER
   called it a person;
4a. what the words around the mentions say it is (:mod:`~newsgraph.nlp.entities.context`: "X, the
   state operator", "the port of X", "X rebels", "shares of X"), unless a title before a mention
   makes it a person;
5. a person by the evidence of :func:`~newsgraph.nlp.entities.merge.mark_people` (a title before
   the name, "the X government", NER) when at least half the NER labels say PERSON → PERSON;
6. a name ending in an organisation head word ("Qods Force", "Interior Ministry") → ORG;
7. a name ending in a place head word ("Nineveh Governorate") → GPE unless NER said LOC; in a
   natural feature's head word ("Jordan Valley", "Red Sea") → LOC;
8. a place the gazetteer knows, called a place at least once (by NER or after "in", "near", ...)
   and not mostly a person → GPE (LOC if NER said so more);
9. otherwise the majority of the mentions' NER labels; a name only we found is ORG.
"""

from __future__ import annotations

import re
from collections import Counter

from newsgraph.nlp.entities.institutions import is_vessel_name
from newsgraph.nlp.entities.lexicon import EntityLexicon
from newsgraph.nlp.entities.merge import Group
from newsgraph.nlp.entities.places import is_known_place, is_major_place

_ABBREVIATION = re.compile(r"^[A-Z]{2,5}$")
_NAME_SUFFIXES = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "JR", "SR"})
DEFAULT_TYPE = "ORG"  # abbreviations found without NER are overwhelmingly organisations


def _cased(name: str) -> str:
    """A dateline's capitals as the gazetteer writes the name ("ANTWERP" → "Antwerp")."""
    return name.title() if name.isupper() and len(name) > 3 else name


def cluster_type(groups: list[Group], name: str, lex: EntityLexicon, context: str | None = None) -> str:
    """The cluster's type by the rules above; ``context`` is :func:`~newsgraph.nlp.entities.context.
    context_type` of its mentions."""
    votes: Counter[str] = Counter()
    for g in groups:
        votes.update(g.labels)
    # "MV Princess Amihan": a ship prefix names a vessel, whatever its abbreviation suggests
    if any(is_vessel_name(g.name) for g in groups):
        return "PRODUCT"
    # A legal form ("... Ltd", "... AG") names a company, whatever NER said of its short forms.
    if any(len(g.words) >= 2 and g.words[-1] in lex.legal_forms for g in groups):
        return "ORG"
    # "RKV Maasstad", "PSV Eindhoven": a capitalised abbreviation beside a written-out word of a
    # name is an organisation's, whatever NER said; people's names hold initials with points.
    words = name.split()
    if (
        len(words) >= 2
        and any(_ABBREVIATION.match(w) and w not in _NAME_SUFFIXES for w in words)
        and any(not w.isupper() for w in words)
    ):
        return "ORG"
    if any(g.full_name or g.ambiguous_surname for g in groups):
        return "PERSON"
    lexicon_type = next((g.lexicon_type for g in groups if g.lexicon_type), None)
    if lexicon_type:
        return lexicon_type
    words = name.split()
    if words[-1] in lex.demonyms:  # "Iranian", "Virginia Democrats": a people or group, not a person
        return "NORP"
    # A country or major city is a place even when NER called it a person ("Mali", "Tbilisi").
    if any(is_major_place(_cased(g.name)) for g in groups):
        return "LOC" if votes["LOC"] > votes["GPE"] else "GPE"
    # A known place that NER reads as a place in most of its mentions stays one, whatever one
    # context phrase suggests ("Antwerp, which handles most of the diamond trade").
    place_share = votes["GPE"] + votes["LOC"]
    if place_share * 2 > sum(votes.values()) and any(is_known_place(_cased(g.name)) for g in groups):
        return "LOC" if votes["LOC"] > votes["GPE"] else "GPE"
    # "Energoatom, the state nuclear operator": the text says what NER guessed; a title does more.
    if context and not any(c.titles for g in groups for c in g.cands):
        return context
    if any(g.person for g in groups) and votes["PERSON"] * 2 >= sum(votes.values()):
        return "PERSON"
    if len(words) >= 2 and words[-1] in lex.org_heads:
        return "ORG"
    if len(words) >= 2 and words[-1] in lex.place_heads:
        return "LOC" if votes["LOC"] > votes["GPE"] else "GPE"
    if len(words) >= 2 and words[-1] in lex.natural_heads:
        return "LOC"
    # A smaller known place needs some place reading in the text too: many companies and buildings
    # carry a town's name (Toyota, Paramount, "White House"); Irbil-like NER slips have one.
    place_votes = votes["GPE"] + votes["LOC"]
    if (
        place_votes
        and votes["PERSON"] * 2 <= sum(votes.values())
        and any(is_known_place(_cased(g.name)) for g in groups)
    ):
        return "LOC" if votes["LOC"] > votes["GPE"] else "GPE"
    if not votes:
        return DEFAULT_TYPE
    best = max(votes.values())
    # Ties go to the label of the earliest mention that has one of the best labels.
    for g in sorted(groups, key=lambda g: g.cands[0].start):
        for c in g.cands:
            if c.label and votes[c.label] == best:
                return c.label
    return DEFAULT_TYPE
