"""Type evidence from the words around a name, for names whose own words say nothing.

The small NER model types many one-word organisations as people, places or products
("Energoatom", "Codelco", "M23"). News writing usually tells the reader what such a name is, once:

* an apposition or copula whose head noun is a class noun: "X, the state nuclear operator,",
  "X is a mining company", "X, a town in ...";
* a class noun right before the name: "the copper giant X", "the Baltic port of X";
* the name modifying a member noun: "X rebels", "X fighters" (unless it names a known place or
  a person: "Idlib rebels", "Haftar forces");
* ownership: "shares of X", "a stake in X", "X's chief executive";
* a spokesman: "a spokesman for the X".

The class nouns live in ``resources/entities/context.yaml``. Each mention gives at most one vote;
:func:`context_type` returns the winning type when the votes agree more one way than the other.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.entities.lexicon import lexicon
from newsgraph.nlp.entities.mentions import Cand
from newsgraph.nlp.entities.places import is_known_place
from newsgraph.resources import load_yaml

# Words of an appositive or predicate noun phrase before its head: "the state nuclear operator",
# "a Chilean copper miner". Longer runs are clauses more often than noun phrases.
MAX_PHRASE_WORDS = 5
_DETERMINERS = frozenset({"the", "a", "an"})
_COPULAS = frozenset({"is", "was", "are", "were", "remains", "became"})
_PHRASE_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "ADV", "VERB"})
# Possessors that only set the scope of a ranking: "the world's largest copper miner".
_SCOPE_NOUNS = frozenset({"world", "country", "nation", "region", "continent", "industry"})
# A finite verb inside the phrase makes it a clause: "..., the company said".
_FINITE_VERBS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass(frozen=True)
class ContextLexicon:
    org: frozenset[str]
    place: frozenset[str]
    natural: frozenset[str]
    members: frozenset[str]
    stakes: frozenset[str]
    possessed: frozenset[str]
    speakers: frozenset[str]


@functools.lru_cache(maxsize=1)
def context_lexicon() -> ContextLexicon:
    keys = ("org", "place", "natural", "members", "stakes", "possessed", "speakers")
    data = load_yaml("entities/context.yaml", required_keys=("source", *keys))
    words = {k: frozenset(str(w).lower() for w in data[k]) for k in keys}
    return ContextLexicon(**words)


def _class_of(word: str, lex: ContextLexicon) -> str | None:
    word = word.lower()
    if word in lex.org:
        return "ORG"
    if word in lex.place:
        return "GPE"
    if word in lex.natural:
        return "LOC"
    return None


def _phrase_head(doc: Doc, k: int, lex: ContextLexicon) -> Token | None:
    """The head noun of the determiner-led noun phrase starting at token ``k`` ("the state-owned
    nuclear operator", "a mining company based in ..."), or None when the phrase is cut by a
    possessive ("the group's founder") or is the subject of a clause ("the company said")."""
    if k >= len(doc) or doc[k].lower_ not in _DETERMINERS:
        return None
    head: Token | None = None
    for tok in doc[k + 1 : k + 3 + MAX_PHRASE_WORDS]:
        if tok.tag_ == "POS" or tok.lower_ in ("'s", "’s"):
            # "the agency's director": the head is the director, a person; but "the world's
            # largest copper miner" ranks the name among its class
            if head is None or head.lower_ not in _SCOPE_NOUNS:
                return None
            head = None
            continue
        if tok.tag_ in _FINITE_VERBS:
            return None
        if tok.tag_ != "HYPH" and tok.pos_ not in _PHRASE_POS:
            break
        # the small model tags some class nouns adjectives ("a vast salt flat")
        if tok.is_lower and (tok.pos_ == "NOUN" or _class_of(tok.text, lex)):
            head = tok
    return head


def _noun_after(doc: Doc, j: int) -> Token | None:
    """The last of the lower-case nouns right after a name: "X salt flat" → flat, "X rebels".
    The small model tags some such nouns adjectives ("flat"), so those count too."""
    head: Token | None = None
    for tok in doc[j : j + 3]:
        if tok.pos_ not in ("NOUN", "ADJ") or not tok.is_lower:
            break
        head = tok
    return head


# Role nouns an organisation can also be described by ("X, a member of NATO", "the leader in
# chips"): no evidence that the name is a person's.
_SHARED_ROLES = frozenset({"member", "leader", "head", "chief", "owner", "founder", "ally", "partner"})


def _occupation_after_comma(doc: Doc, j: int, roles: frozenset[str]) -> bool:
    """ "X, chief economist at Y", "X, an energy analyst": an occupation in apposition, so X is a
    person. Up to four lower-case words after the comma, the last an occupation noun followed by
    a preposition, a comma or the end of the sentence."""
    if j >= len(doc) or doc[j].text != ",":
        return False
    k = j + 1
    if k < len(doc) and doc[k].lower_ in _DETERMINERS:
        k += 1
    for m in range(k, min(len(doc), k + 4)):
        tok = doc[m]
        if not tok.is_lower or tok.pos_ not in ("NOUN", "ADJ", "PROPN"):
            return False
        if tok.lemma_.lower() in roles and tok.lemma_.lower() not in _SHARED_ROLES:
            nxt = doc[m + 1] if m + 1 < len(doc) else None
            return nxt is None or nxt.lower_ in ("at", "of", "for", "with", ",", ".")
    return False


def mention_evidence(doc: Doc, cand: Cand, lex: ContextLexicon) -> str | None:
    """The type the words around one mention give its name, or None."""
    i, j = cand.i, cand.j
    after = doc[j] if j < len(doc) else None
    roles = lexicon().title_nouns
    if _occupation_after_comma(doc, j, roles):
        return "PERSON"
    # "an analyst at X", "chief economist at X": X employs people; "Lagos-based X" is based somewhere
    # (a name that modifies a noun is not the employer: "managers at Tongi police station" work
    # at a station in Tongi; nor is a known place)
    modifies = after is not None and after.is_lower and after.pos_ == "NOUN"
    if i >= 2 and not modifies and not is_known_place(cand.text):
        if doc[i - 1].lower_ == "at" and doc[i - 2].lemma_.lower() in roles:
            return "ORG"
        if doc[i - 1].lower_ == "based" and doc[i - 2].text == "-":
            return "ORG"
    # "X, the state nuclear operator," / "X is a mining company"
    if after is not None and (after.text == "," or after.lower_ in _COPULAS):
        head = _phrase_head(doc, j + 1, lex)
        if head is not None and (kind := _class_of(head.text, lex)):
            return kind
    # "the copper giant X", "mining company X" (only organisations: "state" or "river" before a
    # name is usually a modifier of something else, "state broadcaster X")
    if i >= 1 and doc[i - 1].is_lower and doc[i - 1].lower_ in lex.org:
        return "ORG"
    # "the Baltic port of X"
    if i >= 2 and doc[i - 1].lower_ in ("of", "in"):
        before = doc[i - 2].lower_
        if doc[i - 1].lower_ == "of" and (before in lex.place or before in lex.natural):
            return _class_of(before, lex)
        if before in lex.stakes:  # "shares of X", "a stake in X"
            return "ORG"
    # "a spokesman for the X": a group speaks through a spokesman; a person NER saw is left alone
    k = i - 2 if i >= 2 and doc[i - 1].lower_ == "the" else i - 1
    if k >= 1 and doc[k].lower_ == "for" and doc[k - 1].lower_ in lex.speakers and cand.label != "PERSON":
        return "ORG"
    if after is None:
        return None
    # "the X salt flat", "X rebels": the name modifies a lower-case class or member noun.
    noun = _noun_after(doc, j)
    if noun is not None:
        # "Haftar forces" are a leader's, "Idlib rebels" a place's: neither name is the group.
        if noun.lower_ in lex.members and cand.label != "PERSON" and not is_known_place(cand.text):
            return "ORG"
        if noun.lower_ in lex.natural:
            return "LOC"
    # "X's shares", "X's chief executive"
    if after.tag_ == "POS" and j + 1 < len(doc):
        owned = doc[j + 1].lower_
        if owned in lex.possessed or (
            owned == "chief" and j + 2 < len(doc) and doc[j + 2].lower_ == "executive"
        ):
            return "ORG"
    return None


def context_type(doc: Doc, cands: list[Cand]) -> str | None:
    """The type most mentions' contexts give, when it beats every other by at least one vote."""
    lex = context_lexicon()
    votes = Counter(kind for c in cands if (kind := mention_evidence(doc, c, lex)))
    if not votes:
        return None
    ranked = votes.most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
