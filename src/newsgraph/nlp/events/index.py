"""Token → record lookups for one document (:class:`RecordIndex`): which entity, place, time or amount
a syntactic argument is, with pronouns, descriptions ("the company") and appositions resolved to the
entity they refer to (``resources/events/anaphora.yaml``)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.geo.gazetteer import lookup_demonym
from newsgraph.model import Entity, Place, TimeExpr
from newsgraph.nlp.events.syntax import conjuncts
from newsgraph.nlp.state import NgState, body_text
from newsgraph.resources import load_yaml

# Sentences looked back over to resolve "he"/"she" to a person; 3 covers the usual
# "Name ... . He ... . His ..." chains without jumping to an unrelated paragraph.
PRONOUN_LOOKBACK_SENTENCES = 3
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
NAMING_VERBS = frozenset({"know", "call", "name", "dub", "brand"})
# Punctuation that may sit between an entity and the apposition that describes it.
APPOSITION_PUNCT = frozenset({",", ":", "—", "–", "-", "("})
# Sentences looked back over for "it"/"they"/"the company": the current and the one before,
# where subject continuity makes the antecedent plain; further back is guesswork.
ANAPHOR_LOOKBACK_SENTENCES = 2
ANAPHORA_FILE = "events/anaphora.yaml"
# "the department" may refer to an organisation named with that word this many tokens back.
NAMED_LIKE_LOOKBACK_TOKENS = 400
# Subject dependencies: a subject antecedent is preferred ("Acme bought Beta. It said ...": Acme).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@functools.lru_cache(maxsize=1)
def _anaphora_file() -> dict[str, Any]:
    """``resources/events/anaphora.yaml``, read and checked once for every list below."""
    return load_yaml(ANAPHORA_FILE, required_keys=("source", "pronouns", "descriptions", "named_like"))


def _words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _anaphora_file().get(key, []))


@functools.lru_cache(maxsize=1)
def state_nouns() -> frozenset[str]:
    """Nouns that with a nationality name the state: "the British government" is the United Kingdom."""
    return _words("state_nouns")


@functools.lru_cache(maxsize=1)
def named_only() -> frozenset[str]:
    """Institution nouns that refer back only to an organisation named with them ("the embassy")."""
    return _words("named_only")


@functools.lru_cache(maxsize=1)
def staff_nouns() -> frozenset[str]:
    """People who act for the organisation they are "at" or "from" ("prosecutors at X")."""
    return _words("staff_nouns")


@functools.lru_cache(maxsize=1)
def anaphora() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], frozenset[str]]:
    """(pronoun → entity types, description noun → entity types, institution nouns), loaded once."""
    raw = _anaphora_file()
    pron = {str(k).lower(): frozenset(map(str, v)) for k, v in raw["pronouns"].items()}
    desc = {str(k).lower(): frozenset(map(str, v)) for k, v in raw["descriptions"].items()}
    return pron, desc, _words("named_like")


PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
PLURAL_ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})

# Participles that give a common noun its name: "a man identified as X", "a group known as Y".
NAMING_VERBS = frozenset({"identify", "name", "know", "call", "describe", "list", "register"})
# Heads of partitive phrases: "part of X", "a stake in"-free shares of a whole.
PARTITIVES = frozenset(
    {"part", "half", "most", "some", "much", "share", "portion", "rest", "bulk", "all", "many", "each"}
)

# Time kinds that locate an event in time (durations and sets do not).
LOCATING_KINDS = frozenset({"date", "interval"})


class RecordIndex:
    """Token → record lookups for one document."""

    def __init__(self, doc: Doc, state: NgState) -> None:
        self.doc = doc
        self.state = state
        self.entity_at: dict[int, str] = {}
        self.entity_records: dict[str, Entity] = {e.id: e for e in state.entities}
        self.place_at: dict[int, Place] = {}
        self.place_of_entity: dict[str, Place] = {}
        self.time_at: dict[int, TimeExpr] = {}
        self.money_at: set[int] = set()
        self.person_mentions: list[tuple[int, str]] = []  # (token index, entity id), in text order
        # (token index, entity id, type, is a subject) of every other named mention, in text order
        self.other_mentions: list[tuple[int, str, str, bool]] = []
        for p in state.places:
            for tok in self._tokens(p.start, p.end):
                self.place_at.setdefault(tok.i, p)
            if p.entity:
                self.place_of_entity.setdefault(p.entity, p)
        # A wire dateline ("WILMINGTON, Delaware — A judge ...") says where the story was filed:
        # its names are no argument of the lead sentence's verbs, nor antecedents of its pronouns.
        self.dateline: Span | None = _dateline(doc, self.place_at)
        skip_before = self.dateline.end if self.dateline is not None else 0
        # Longer mentions first, so a token inside "Iranian Qods Force" maps to that entity
        # rather than to a shorter overlapping mention ("Iranian").
        mentions = [(m, e) for e in state.entities for m in e.mentions if m.start >= self._char(skip_before)]
        for m, e in sorted(mentions, key=lambda me: me[0].start - me[0].end):
            for tok in self._tokens(m.start, m.end):
                self.entity_at.setdefault(tok.i, e.id)
            toks = list(self._tokens(m.start, m.end))
            if not toks:
                continue
            if e.type == "PERSON":
                self.person_mentions.append((toks[0].i, e.id))
            else:
                root = min(toks, key=lambda t: len(list(t.ancestors)))
                # a subject, or the owner of one ("Acme's board said ..."): the salient actor
                salient = root.dep_ in SUBJECT_DEPS or (
                    root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS
                )
                self.other_mentions.append((toks[0].i, e.id, e.type, salient))
        self.person_mentions.sort()
        self.other_mentions.sort()
        for t in state.times:
            if t.kind in LOCATING_KINDS:
                for tok in self._tokens(t.start, t.end):
                    self.time_at.setdefault(tok.i, t)
        for a in state.amounts:
            if a.unit == "money":
                self.money_at.update(tok.i for tok in self._tokens(a.start, a.end))
        self.alias_of: dict[int, int] = _parenthetical_names(doc)
        # Country code → the country entity the article names, for "the British government".
        self.country_entity: dict[str, str] = {}
        for p in state.places:
            record = self.entity_records.get(p.entity or "")
            if p.feature == "country" and p.country and record is not None and record.type == "GPE":
                self.country_entity.setdefault(p.country, record.id)
        # Sentence starts by token, computed once: Token.sent walks the document every call.
        self.sent_starts: list[int] = [s.start for s in doc.sents]
        self._sent_of: list[int] = []
        k = 0
        for i in range(len(doc)):
            while k + 1 < len(self.sent_starts) and self.sent_starts[k + 1] <= i:
                k += 1
            self._sent_of.append(k)
        self._anaphors: dict[int, str | None] = {}
        self._times_in: dict[tuple[int, int], list[tuple[Token, TimeExpr]]] = {}

    def _char(self, token_index: int) -> int:
        """The character offset where token ``token_index`` starts (the end of the body past the last)."""
        return self.doc[token_index].idx if token_index < len(self.doc) else len(self.doc.text)

    def sentence_start(self, tok: Token, back: int = 0) -> int:
        """The first token of ``tok``'s sentence, or of the ``back``-th sentence before it."""
        k = max(0, self._sent_of[tok.i] - back)
        return self.sent_starts[k]

    def sentence(self, tok: Token, back: int = 0) -> Span:
        """``tok``'s sentence (or the ``back``-th before it) without walking the document."""
        k = max(0, self._sent_of[tok.i] - back)
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return self.doc[self.sent_starts[k] : end]

    def _tokens(self, start: int, end: int) -> Iterator[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            yield from span

    # --- entities -------------------------------------------------------------------
    def entity(self, tok: Token) -> str | None:
        """The entity a token names: its own mention, a resolved pronoun, or a parenthetical name."""
        if tok.i in self.entity_at:
            return self.entity_at[tok.i]
        if tok.lower_ in PERSON_PRONOUNS:
            return self._person_before(tok)
        if tok.i in self.alias_of:
            return self.entity_at.get(self.alias_of[tok.i])
        if tok.i not in self._anaphors:
            self._anaphors[tok.i] = self._anaphor(tok)
        return self._anaphors[tok.i]

    def _anaphor(self, tok: Token) -> str | None:
        pronouns, descriptions, institutions = anaphora()
        if tok.lower_ in pronouns and (tok.pos_ == "PRON" or tok.tag_ == "PRP$"):
            return self._antecedent(tok, pronouns[tok.lower_])
        noun = tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_
        # "Club chairman X" opens a sentence: the capital is the sentence's, not a name's
        common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_sent_start and tok.dep_ == "compound")
        if common and noun in descriptions and _bare_definite(tok):
            named = self._named_like(tok) if noun in institutions else None
            if named:
                return named
            # a business word ("the dealer", "company spokesman") never stands for a body named
            # by an institution noun ("Antwerp prosecutor's office", "Dutch police")
            public = noun in institutions
            if tok.dep_ == "compound":
                # "company spokesman X", "club chairman Y": the company the article is about,
                # i.e. the most mentioned one so far, not merely the last one named
                return self._most_mentioned(tok, descriptions[noun], institutions=public)
            if noun in named_only():
                return None  # "the embassy" is the one the article named, or none we know
            found = self._antecedent(tok, descriptions[noun], institutions=public)
            if found is None and noun not in institutions and descriptions[noun] == {"ORG"}:
                # "the dealer's owner" paragraphs after the dealer was named: still the one
                # company the article is about (an institution, "the court", must be named nearby)
                return self._most_mentioned(tok, frozenset({"ORG"}), institutions=False)
            return found
        # "the coast guard", "the trust's chair" (a determiner: "energy minister" is no reference)
        if tok.pos_ == "NOUN" and _bare_definite(tok) and any(c.dep_ == "det" for c in tok.children):
            return self._named_by_head(tok)
        return None

    def _named_by_head(self, tok: Token) -> str | None:
        """An organisation whose name ends with the description's words: "the trust" → "Ardmore
        Research Trust", "the coast guard" → "Philippine Coast Guard"; the latest one named
        anywhere before (the match of the name's own last words is specific enough to reach back
        paragraphs). Nouns outside the description list get their referent only this way."""
        words = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok.lower_]
        best: str | None = None
        for i, eid, etype, _ in self.other_mentions:
            if i < tok.i and etype == "ORG":
                name = self.entity_records[eid].name.lower().split()
                if len(name) > len(words) and name[-len(words) :] == words:
                    best = eid
        return best

    def _most_mentioned(self, tok: Token, types: frozenset[str], *, institutions: bool = True) -> str | None:
        """The entity of a wanted type mentioned most before ``tok``; without ``institutions``,
        bodies whose names hold an institution noun ("... Office", "... police") are left out."""
        counts: dict[str, int] = {}
        for i, eid, etype, _ in self.other_mentions:
            if not institutions and self._institution(eid):
                continue
            if i < tok.i and etype in types:
                counts[eid] = counts.get(eid, 0) + 1
        return max(counts, key=lambda e: counts[e]) if counts else None

    def _institution(self, eid: str, besides: str = "") -> bool:
        """Whether an entity's name holds an institution noun ("... Office", "Dutch police"), other
        than ``besides`` (and without it: "the court" may be "the Court of Appeal")."""
        _, _, institution_nouns = anaphora()
        words = set(self.entity_records[eid].name.lower().split())
        if besides and (besides in words or besides + "s" in words):
            return False
        return bool((institution_nouns - {besides}) & words)

    def _named_like(self, tok: Token) -> str | None:
        """The latest organisation whose own name has the description's noun ("the department"
        → "Louisiana Department of Environmental Quality"), within a few sentences back."""
        noun = tok.lemma_.lower()
        floor = max(0, tok.i - NAMED_LIKE_LOOKBACK_TOKENS)
        best: str | None = None
        for i, eid, _, _ in self.other_mentions:
            if floor <= i < tok.i and eid != self.entity_at.get(tok.i):
                words = self.entity_records[eid].name.lower().split()
                if noun in words or noun + "s" in words:
                    best = eid
        return best

    def _antecedent(self, tok: Token, types: frozenset[str], *, institutions: bool = True) -> str | None:
        """The named entity of a wanted type an anaphor refers back to: in this sentence, else the
        previous one, the latest subject (or a subject's owner), else the latest mention; None
        when none fits.

        "It was not clear" has no antecedent (an expletive "it" takes none) since only a
        pronoun that is itself an argument (subject, object, owner) is resolved.
        """
        if tok.pos_ == "PRON" and tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "poss"):
            return None
        if tok.lower_ == "it" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            return None  # "it is unclear", "it was a mistake": expletive or predicative
        here_start = self.sentence_start(tok)
        floor = self.sentence_start(tok, back=1)
        if tok.lower_ in PLURAL_PRONOUNS and self._plural_noun_before(tok, here_start):
            return None  # "people were told they were imagining it": "they" are the people
        window = [m for m in self.other_mentions if floor <= m[0] < tok.i and m[2] in types]
        if not institutions:
            window = [m for m in window if not self._institution(m[1])]
        elif tok.pos_ == "NOUN":
            # "the foundation" is no "... District Court": a body named by another institution noun
            window = [m for m in window if not self._institution(m[1], besides=tok.lemma_.lower())]
        # An object pronoun or a description cannot be its own clause's subject ("X sued it",
        # "X owns 22 % of the company"); a possessive usually is ("X added Y to its list").
        own = set() if tok.dep_ == "poss" else self._clause_subjects(tok)
        # "Lumentic, the startup it bought": a pronoun inside a relative clause is not the noun the
        # clause describes
        own |= self._described_by_clause(tok)
        window = [m for m in window if m[1] != self.entity_at.get(tok.head.i) and m[1] not in own]
        if not window:
            return None
        # this sentence before the previous one; in each, a salient actor before a mere mention
        here = [m for m in window if m[0] >= here_start]
        for group in (here, window):
            subjects = [m for m in group if m[3]]
            if subjects or group:
                return (subjects or group)[-1][1]
        return None

    def _described_by_clause(self, tok: Token) -> set[str]:
        """Entities of the noun a relative clause holding ``tok`` modifies (and its apposition)."""
        out: set[str] = set()
        for anc in tok.ancestors:
            if anc.dep_ == "relcl":
                noun = anc.head
                for t in (noun, noun.head if noun.dep_ == "appos" else None):
                    if t is not None and t.i in self.entity_at:
                        out.add(self.entity_at[t.i])
                for child in noun.children:
                    if child.dep_ == "appos" and child.i in self.entity_at:
                        out.add(self.entity_at[child.i])
                break
        return out

    def _named_as(self, tok: Token) -> str | None:
        """The entity a common noun is named as: "a man identified as X", "a firm known as Y"."""
        for acl in tok.children:
            # right after the noun: a participle further on, past a bracket or comma, is the
            # parser attaching a later aside ("the force that trains militias (known as X)")
            between = tok.doc[tok.i + 1 : acl.i]
            if (
                acl.dep_ == "acl"
                and acl.lemma_.lower() in NAMING_VERBS
                and 0 < acl.i - tok.i <= 2
                and not any(t.is_punct for t in between)
            ):
                for prep in acl.children:
                    if prep.dep_ == "prep" and prep.lower_ == "as":
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                eid = self.entity(pobj)
                                if eid:
                                    return eid
        return None

    def _plural_noun_before(self, tok: Token, start: int) -> bool:
        """Whether an unnamed plural noun phrase ("people", "residents") is an argument earlier in
        the sentence: a plural pronoun after it refers to it rather than to a named group."""
        return any(
            t.tag_ == "NNS" and t.dep_ in PLURAL_ANTECEDENT_DEPS and t.i not in self.entity_at
            for t in self.doc[start : tok.i]
        )

    def entities(self, tok: Token, *, through: bool = False, modifiers: bool = True) -> list[str]:
        """Entities an argument head stands for, over its conjuncts.

        A common noun counts through its apposition ("the general, Jane Roe"), and with
        ``through`` also through a named owner ("Roe's forces", "the forces of Ruritania")
        and, unless ``modifiers`` is false, a named modifier ("the Ruritanian government").
        """
        out: list[str] = []
        for t in conjuncts(tok):
            for eid in self._entities_one(t, through=through, modifiers=modifiers):
                if eid not in out:
                    out.append(eid)
        return out

    def _entities_one(self, tok: Token, *, through: bool, modifiers: bool) -> list[str]:
        eid = self.entity(tok)
        if eid:
            return [eid]
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        for child in tok.children:
            if child.dep_ == "appos":
                eid = self.entity(child) or self._named_as(child)
                if eid:
                    return [eid]
        eid = self._named_as(tok)
        if eid:
            return [eid]
        if tok.lemma_.lower() in PARTITIVES or tok.text == "%":  # "part of the mission", "22% of X"
            for child in tok.children:
                if child.dep_ == "prep" and (
                    child.lower_ == "of" or (child.lower_ == "in" and tok.lemma_ == "stake")
                ):
                    return [e for p in child.children if p.dep_ == "pobj" for e in self.entities(p)]
        adjacent = self.entity_before(tok) if tok.dep_ == "appos" else None
        if adjacent:
            return [adjacent]
        if not through:
            return []
        if tok.lemma_.lower() in state_nouns():
            # "the British government", "the U.S. administration": the state acts, even where
            # other modifiers are not read ("a Denver man" is no act of Denver).
            states = [
                s
                for c in tok.children
                if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
                for e in self.entities(c)
                if self.entity_records[(s := self._state_of(e))].type == "GPE"
            ]
            if states:
                return list(dict.fromkeys(states))
        found: list[str] = []
        deps = ("poss", "compound", "nmod", "amod") if modifiers else ("poss",)
        for child in tok.children:
            if child.dep_ in deps and child.i < tok.i:
                found += [e for e in self.entities(child) if e not in found]
        if found:
            return found
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.entities(pobj)
        # "prosecutors at the X Office", "investigators from X": staff act for their organisation
        if tok.tag_ == "NNS" and tok.lemma_.lower() in staff_nouns():
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("at", "from", "with"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            orgs = [e for e in self.entities(pobj) if self.entity_records[e].type == "ORG"]
                            if orgs:
                                return orgs
        return []

    def _clause_subjects(self, tok: Token) -> set[str]:
        """Entities that are the subject of the clause an anaphor sits in: "X, which owns 22 %
        of the company" — the company is not X."""
        cur = tok
        for _ in range(6):
            if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
                break
            cur = cur.head
        found: set[str] = set()
        for c in cur.children:
            if c.dep_ in SUBJECT_DEPS and c.i != tok.i and (eid := self.entity_at.get(c.i)):
                found.add(eid)
        if cur.dep_ == "relcl" and (eid := self.entity_at.get(cur.head.i)):
            found.add(eid)
        return found

    def _state_of(self, eid: str) -> str:
        """The country entity of a nationality ("British" → United Kingdom) when the article names
        the country; any other entity as it is."""
        record = self.entity_records.get(eid)
        if record is None or record.type != "NORP":
            return eid
        for candidate in lookup_demonym(record.name):
            if candidate.country in self.country_entity:
                return self.country_entity[candidate.country]
        return eid

    def entity_before(self, tok: Token) -> str | None:
        """The entity whose mention ends just before ``tok``'s phrase (apposition by adjacency)."""
        i = tok.left_edge.i - 1
        while i >= 0 and self.doc[i].text in APPOSITION_PUNCT:
            i -= 1
        if i < 0 or i == tok.left_edge.i - 1:
            return None
        return self.entity_at.get(i)

    def _person_before(self, tok: Token) -> str | None:
        sent_starts = [s for s in self.sent_starts if s <= tok.i]
        lookback = PRONOUN_LOOKBACK_SENTENCES
        floor = sent_starts[-lookback] if len(sent_starts) >= lookback else 0
        best: str | None = None
        for i, eid in self.person_mentions:
            if floor <= i < tok.i:
                best = eid
        return best

    # --- places, times, money ---------------------------------------------------------
    def place(self, tok: Token) -> Place | None:
        for t in conjuncts(tok):
            if t.i in self.place_at:
                return self.place_at[t.i]
            eid = self.entity_at.get(t.i)
            if eid and eid in self.place_of_entity:
                return self.place_of_entity[eid]
        return None

    def is_place(self, tok: Token) -> bool:
        if self.place(tok) is not None:
            return True
        eid = self.entity(tok)
        if eid and eid in self.entity_records:
            return self.entity_records[eid].type in ("GPE", "LOC", "FAC")
        return tok.ent_type_ in ("GPE", "LOC", "FAC")

    def is_money(self, tok: Token) -> bool:
        return any(t.i in self.money_at or t.ent_type_ == "MONEY" for t in tok.subtree)

    def times_in(self, span: Span) -> list[tuple[Token, TimeExpr]]:
        """(head token, time) for each time expression inside ``span`` (memoised by bounds)."""
        key = (span.start, span.end)
        if key not in self._times_in:
            self._times_in[key] = self._find_times(span)
        return self._times_in[key]

    def _find_times(self, span: Span) -> list[tuple[Token, TimeExpr]]:
        heads: dict[str, Token] = {}
        by_id: dict[str, TimeExpr] = {}
        for tok in span:
            t = self.time_at.get(tok.i)
            if t is None:
                continue
            by_id[t.id] = t
            # The time's head is its token whose own head lies outside the expression.
            outside = tok.head is tok or self.time_at.get(tok.head.i) is not t
            if t.id not in heads or (outside and self.time_at.get(heads[t.id].head.i) is t):
                heads[t.id] = tok
        return [(heads[k], by_id[k]) for k in heads]


# How far into the body a dateline's dash may sit ("SAN JOSE, Costa Rica — ").
DATELINE_CHARS = 60
DATELINE_DASHES = ("—", "–", " - ", "--")


def _dateline(doc: Doc, place_at: dict[int, Place]) -> Span | None:
    """The dateline that opens the body ("GOMA, Congo — "), up to its dash, when it names a place."""
    text = body_text(doc)
    head = text[:DATELINE_CHARS]
    cut = min((k for k in (head.find(d) for d in DATELINE_DASHES) if k > 0), default=-1)
    if cut < 0 or "\n" in head[:cut]:
        return None
    span = doc.char_span(0, cut, alignment_mode="expand")
    if span is None or not any(tok.i in place_at for tok in span):
        return None
    return span


def _bare_definite(tok: Token) -> bool:
    """Whether ``tok`` heads a description of something named before: "the company", not
    "a company", "the company's rivals" (fine), "the Acme company" (named in place) or
    "the largest company in Europe" (a new referent)."""
    det = [c for c in tok.children if c.dep_ == "det"]
    if tok.dep_ == "compound" and not det and tok.head.i > tok.i:
        return True  # "company spokesman X", "agency officials": the one just talked about
    if not det or det[0].lower_ not in ("the", "this"):
        return False
    # Restrictive modifiers introduce a new referent ("the company that won", "the firm in
    # Oslo", "the largest bank", "the Acme company"); descriptive ones do not ("the 1.9-tonne
    # probe", "the troubled company").
    for c in tok.children:
        if c.dep_ in ("prep", "relcl", "acl", "appos", "nummod"):
            return False
        if c.dep_ in ("amod", "compound", "nmod") and (
            c.tag_ in ("JJS", "RBS") or c.pos_ == "PROPN" or c.ent_type_
        ):
            return False
        if c.lower_ in ("first", "second", "third", "last", "next", "other", "same", "new", "former"):
            return False
    return True


def _parenthetical_names(doc: Doc) -> dict[int, int]:
    """Noun → the name given to it in a parenthesis: "the militias (known as the PMF)".

    The parser often hangs such a parenthesis on a distant noun; a parenthesis describes
    the phrase just before it, so we link by position instead.
    """
    out: dict[int, int] = {}
    for tok in doc:
        if tok.lemma_.lower() not in NAMING_VERBS or tok.dep_ != "acl" or tok.i == 0:
            continue
        if doc[tok.i - 1].text != "(":
            continue
        names = [p for prep in tok.children if prep.lower_ == "as" for p in prep.children if p.dep_ == "pobj"]
        before = doc[tok.i - 2] if tok.i >= 2 else None
        if names and before is not None and before.sent == tok.sent:
            head = before
            while head.dep_ in ("pobj", "prep") or head.pos_ not in ("NOUN", "PROPN"):
                if head.head is head:
                    break
                head = head.head
                if head.pos_ in ("NOUN", "PROPN"):
                    break
            out[head.i] = names[0].i
    return out
