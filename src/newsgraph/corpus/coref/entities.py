"""Entity mentions clustered across the articles of one group (step 2): names by key, nominals by
head lemma, pronouns to the nearest compatible antecedent of their own article."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.corpus.coref.mentions import (
    TIME_TYPES,
    CorefMention,
    UnionFind,
    cluster_by_score,
    mention_head,
    sentence_index,
)
from newsgraph.corpus.names import name_key, skeleton
from newsgraph.nlp.times.numbers import parse_number

_PERSON_PRONOUNS = frozenset(
    {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
)  # fmt: skip
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
_NAME_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
# How many sentences back a pronoun looks for its antecedent (news sentences are long; a pronoun
# rarely refers further back than the previous two).
PRONOUN_WINDOW = 2


@dataclass(frozen=True)
class _Entity:
    mention: CorefMention
    sent: int
    head: Token
    kind: str  # "pronoun", "name" or "nominal"
    key: str  # name key of the name, or head lemma
    skeleton: str
    words: tuple[str, ...]  # name keys of the words of a name
    ent_type: str
    age: str = ""  # "16" for "the 16-year-old", "Kirkpatrick, 61"


def _entity(m: CorefMention, doc: Doc, sent_of: Mapping[int, int]) -> _Entity:
    head = mention_head(doc, m.tokens)
    lower = head.lower_
    if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$", "WP", "WP$", "WDT"):
        return _Entity(m, sent_of[head.i], head, "pronoun", lower, lower, (lower,), "")
    if head.pos_ == "PROPN" or head.ent_type_ in _NAME_TYPES:
        # The name is the run of proper nouns (and inner function words) the head ends.
        def in_name(i: int) -> bool:
            return doc[i].pos_ == "PROPN" or doc[i].ent_type_ == head.ent_type_ != ""

        # Only the run of name words that ends at the head: "Betty Ford Center in Rancho
        # Mirage, Calif." is Betty Ford Center, not a name mixing the centre and its town.
        inside = set(m.tokens)
        start = head.i
        while start - 1 in inside and in_name(start - 1):
            start -= 1
        toks = [doc[i] for i in range(start, head.i + 1) if in_name(i)]

        text = " ".join(t.text for t in toks) or head.text
        words = tuple(w for w in name_key(text).split() if w)
        return _Entity(
            m, sent_of[head.i], head, "name", name_key(text), skeleton(text), words, head.ent_type_
        )
    lemma = head.lemma_.lower()
    age = _age(doc, set(m.tokens) | _age_context(head))
    return _Entity(m, sent_of[head.i], head, "nominal", lemma, "", (lemma,), head.ent_type_, age)


def _after_comma(tok: Token) -> bool:
    """An apposition set off by a comma ("X, an actress"). The parser also calls the second
    object of "offered X a contract" and a bracketed "X (knee)" appositions. (Allowing a
    headline's "X the second climber" too: TRAIN 76.02 against 76.11.)"""
    start = tok.left_edge.i
    return start > 0 and tok.doc[start - 1].text == ","


def _span_descriptors(doc: Doc, name: set[int]) -> set[str]:
    """Common nouns an article puts next to a name: "actress Tara Reid", "Reid, the actress",
    "rep Jack Ketsoyan", "Reid is an actress". Other mentions may then call the bearer by that
    noun alone."""
    out: set[str] = set()
    for i in name:
        tok = doc[i]
        for child in tok.children:
            if (
                child.i not in name
                and (child.dep_ == "compound" or (child.dep_ == "appos" and _after_comma(child)))
                and (
                    # A headline capitalises the noun: "Actress Jane Roe" (PROPN, but outside the name).
                    child.pos_ == "NOUN" or (child.pos_ == "PROPN" and not child.ent_type_)
                )
            ):
                out.add(child.lemma_.lower())
        # "X, the actress": the name heads an apposition. (A name compounding a noun, "Bush
        # knee injury", describes the noun, not the bearer.)
        if tok.dep_ == "appos" and tok.head.i not in name and tok.head.pos_ == "NOUN":
            out.add(tok.head.lemma_.lower())
        # "a woman identified as X", "police identified the man as X", "the man was named as
        # X": the noun the naming verb describes (or its object, or passive subject) is the bearer.
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head
        if tok.dep_ in ("oprd", "pobj") and verb.lemma_ in _NAMING_VERBS and verb.i not in name:
            if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
                out.add(verb.head.lemma_.lower())
            out |= {
                c.lemma_.lower()
                for c in verb.children
                if c.dep_ in ("nsubjpass", "dobj") and c.pos_ == "NOUN"
            }
        # "X is a suspect", "X was the gunman": the name is the subject of a copula.
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            out |= {c.lemma_.lower() for c in tok.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"}
    return out


_NAMING_VERBS = frozenset({"identify", "name", "call"})


def _group_titles(docs: Sequence[Doc]) -> dict[str, set[str]]:
    """Last word of a person's name → the nouns the articles of a group describe them with.
    Every PERSON name the parser finds counts, not only the mentions being clustered: the
    sentence that says "X, a 31-year-old accountant" need not be one of them."""
    titles: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for ent in doc.ents:
            words = name_key(ent.text).split() if ent.label_ == "PERSON" else []
            if words:
                key = words[-1]
                titles[key] |= _span_descriptors(doc, set(range(ent.start, ent.end)))
                age = _age(doc, set().union(*(_age_context(t) for t in ent)))
                if age:
                    titles[key].add("age:" + age)
    return titles


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


_MONTHS = {
    m[:3]: n
    for n, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december"),
        start=1,
    )
}  # fmt: skip


def _month_days(e: _Entity) -> frozenset[tuple[int, int]]:
    """(month, day) pairs a mention names: "December 11", "Dec. 11", "11 December", "6th June"."""
    doc = e.head.doc
    toks = [doc[i] for i in sorted(e.mention.tokens) if doc[i].text not in (".", ",")]
    out: set[tuple[int, int]] = set()
    for n, tok in enumerate(toks):
        word = tok.lower_.rstrip(".")
        month = _MONTHS.get(word[:3]) if word.isalpha() and (tok.is_title or tok.is_upper) else None
        if month is None or (len(word) > 3 and not any(m.startswith(word) for m in _MONTH_NAMES)):
            continue
        for other in toks[max(0, n - 1) : n] + toks[n + 1 : n + 2]:
            digits = other.lower_.rstrip("stndrh") if other.lower_[:1].isdigit() else ""
            if digits.isdigit() and 1 <= int(digits) <= 31:
                out.add((month, int(digits)))
    return frozenset(out)


_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "sept",
)  # fmt: skip


def _weekdays(e: _Entity) -> frozenset[str]:
    """Weekday names inside a mention (the day a time expression falls on)."""
    doc = e.head.doc
    return frozenset(doc[i].lower_ for i in e.mention.tokens if doc[i].lower_ in _WEEKDAYS)


# Score of two common nouns of a group that state the same age, whatever their heads ("the
# 16-year-old" ~ "a boy, 16"); a stated age also joins a noun to a name described with that age
# (at DESCRIPTOR_SCORE). On the ECB+ TRAIN topics ages moved entity CoNLL by +0.1 (they are rare).
AGE_SCORE = 0.8
_YEAR_WORDS = frozenset({"year", "years", "yr", "yrs"})


def _age_context(tok: Token) -> set[int]:
    """Tokens around a head that may give an age: "a 16-year-old (boy)", "Kirkpatrick, 61,"."""
    out: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("amod", "appos", "npadvmod", "nummod", "compound"):
            out |= {x.i for x in c.subtree}
    return out


def _age(doc: Doc, tokens: set[int]) -> str:
    """The age a mention states, as digits ("" if none): "16-year-old", "16 - year - old",
    ", 61," after a name."""
    for i in sorted(tokens):
        t = doc[i]
        text = t.lower_
        m = _AGE_TOKEN.fullmatch(text)
        if m:
            return m.group(1)
        if not t.like_num:
            continue
        rest = [doc[j].lower_ for j in range(i + 1, min(len(doc), i + 6)) if doc[j].lower_ != "-"]
        value = parse_number(text)
        if value is None or not 0 < value < 120:
            continue
        if rest[:2] and rest[0] in _YEAR_WORDS and rest[1:2] == ["old"]:
            return str(int(value))
        if t.dep_ == "appos" and t.head.ent_type_ == "PERSON" and text.isdigit():
            return str(int(value))
    return ""


_AGE_TOKEN = re.compile(r"(\d{1,3})-years?-old")


def _numbers(e: _Entity) -> frozenset[str]:
    """Numbers written in a mention (two nouns with one head but other numbers differ)."""
    doc = e.head.doc
    return frozenset(doc[i].lower_ for i in e.mention.tokens if doc[i].like_num)


def _entity_score(a: _Entity, b: _Entity, titles: Mapping[str, set[str]]) -> float:
    """How likely two non-pronoun mentions corefer, from their names or heads alone; ``titles``
    maps the last word of a name to the nouns its articles describe it with."""
    dates_a, dates_b = _month_days(a), _month_days(b)
    if dates_a and dates_b:
        # "December 11" ~ "Dec. 11, 2008"; "December 11" is not "December 12".
        return WEEKDAY_SCORE if dates_a & dates_b else 0.0
    if a.kind == "name" and b.kind == "name":
        if a.key == b.key or (a.skeleton and a.skeleton == b.skeleton):
            return 1.0
        short, long = (a, b) if len(a.words) <= len(b.words) else (b, a)
        # "Reid" ~ "Tara Reid": a one-word name that is the other's last (or first) word.
        if short.words and len(short.words) == 1 and short.words[0] in (long.words[-1], long.words[0]):
            return 0.9
        # "LuAnn Johnson" ~ "LuAnn Marie Johnson": a middle name or initial added.
        if len(short.words) >= 2 and short.words[0] == long.words[0] and short.words[-1] == long.words[-1]:
            return 0.9
        return 0.0
    days_a, days_b = _weekdays(a), _weekdays(b)
    if days_a and days_b:
        # "on Thursday", "Thursday night", "early Thursday": in one story, the same day.
        return WEEKDAY_SCORE if days_a & days_b else 0.0
    if a.kind == "nominal" and b.kind == "nominal":
        if a.age and b.age:
            return AGE_SCORE if a.age == b.age else 0.0
        if a.key == b.key:
            # "two officers" vs "three officers", "$180 million" vs "$200 million".
            numbers_a, numbers_b = _numbers(a), _numbers(b)
            if numbers_a and numbers_b and not numbers_a & numbers_b:
                return 0.0
        return 0.8 if a.key == b.key else 0.0
    name, noun = (a, b) if a.kind == "name" else (b, a)
    described = titles.get(name.words[-1], set()) if name.words else set()
    if noun.age and "age:" + noun.age in described:
        return DESCRIPTOR_SCORE
    if name.head.lower_ == noun.head.lower_:
        return 0.8  # the parser tagged one occurrence of a name as a common noun
    if noun.key in described:
        return DESCRIPTOR_SCORE
    return 0.0


# Score of a common noun against a name that an article of the group described with that noun.
DESCRIPTOR_SCORE = 0.7
# Score of two time expressions of a group that name the same weekday (and 0 for two different
# weekdays, whatever their heads: "Friday night" is not "Saturday night"). Same value as two
# nouns with one head; on the ECB+ TRAIN topics this step moved entity CoNLL 74.0 → 74.5.
WEEKDAY_SCORE = 0.8


# Average pairwise score above which two clusters of names/nouns merge. Tuned on the ECB+
# training topics for entity CoNLL F1: swept 0.02–0.5; 0.1 was the best (75.96; 75.70 at 0.3,
# 75.65 at 0.4, 75.89 at 0.05). Pair scores are 0 or 0.7–1, so a low cut lets two clusters merge
# when about one pair in ten of their mentions matches.
ENTITY_THRESHOLD = 0.1


# Verbs of saying: their subjects are people or organisations ("the officer said").
_SPEECH = frozenset({"say", "tell", "add", "explain", "describe", "insist", "admit", "deny", "claim"})


def animate_nouns(docs: Iterable[Doc]) -> set[str]:
    """Lemmas of common nouns that the articles themselves treat as people: subjects of verbs of
    saying ("the driver told police"), nouns a "who" clause modifies ("the climber who fell"), and
    the nouns put next to a person's name ("actress X"). A "he"/"she" may refer to a common noun
    only if it is one of these. Learned from the articles at hand, not from a word list, so new
    roles ("the bagman", "the motorist") count as soon as one article uses them so. On the ECB+
    TRAIN topics this moved entity CoNLL 75.4 → 75.7."""
    out: set[str] = set()
    for doc in docs:
        for t in doc:
            if t.pos_ != "NOUN":
                continue
            if t.dep_ == "nsubj" and t.head.lemma_ in _SPEECH:
                out.add(t.lemma_.lower())
            for clause in t.children:
                if clause.dep_ == "relcl" and any(
                    w.lower_ in ("who", "whom", "whose") for w in clause.children
                ):
                    out.add(t.lemma_.lower())
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                out |= _span_descriptors(doc, set(range(ent.start, ent.end)))
    return out


def _pronoun_fits(pronoun: _Entity, cand: _Entity, animate: Set[str]) -> bool:
    p = pronoun.key
    if cand.kind == "pronoun":
        same_class = (
            (p in _PERSON_PRONOUNS and cand.key in _PERSON_PRONOUNS)
            or (p in _PLURAL_PRONOUNS and cand.key in _PLURAL_PRONOUNS)
            or (p in _NEUTER_PRONOUNS and cand.key in _NEUTER_PRONOUNS)
        )
        return same_class
    if cand.ent_type in TIME_TYPES or cand.head.like_num:
        return False
    plural = cand.head.tag_ in ("NNS", "NNPS")
    if p in _PERSON_PRONOUNS:
        # A common noun needs evidence that it names people ("the car" is no "she").
        return not plural and (
            cand.ent_type == "PERSON"
            or (cand.kind == "nominal" and not cand.ent_type and cand.key in animate)
        )
    if p in _PLURAL_PRONOUNS:
        return plural or cand.ent_type in ("ORG", "NORP")
    if p in _NEUTER_PRONOUNS:
        return not plural and cand.ent_type != "PERSON"
    return False


def _antecedent(i: int, ents: Sequence[_Entity], in_doc: Sequence[int], animate: Set[str]) -> int | None:
    """Index of the mention a pronoun refers to, or None (first person, no fit in range)."""
    p = ents[i]
    if p.key in _RELATIVE_PRONOUNS and p.head.head.dep_ == "relcl":
        noun = p.head.head.head.i
        for j in in_doc:
            if j != i and noun in ents[j].mention.tokens:
                return j
    if p.key in _RELATIVE_PRONOUNS:
        before = [j for j in in_doc if ents[j].sent == p.sent and ents[j].head.i < p.head.i]
        return max(before, key=lambda j: ents[j].head.i) if before else None
    cands = [
        j
        for j in in_doc
        if j != i
        and p.sent - PRONOUN_WINDOW <= ents[j].sent <= p.sent
        and ents[j].head.i < p.head.i
        and _pronoun_fits(p, ents[j], animate)
    ]
    if not cands:
        return None
    # Prefer a named antecedent in range over a nearer pronoun or noun; then the nearest.
    return max(cands, key=lambda j: (ents[j].kind == "name", ents[j].head.i))


def cluster_entities(
    mentions: Sequence[CorefMention],
    docs: Mapping[str, Doc],
    groups: Iterable[Iterable[str]],
    threshold: float = ENTITY_THRESHOLD,
    name_groups: Iterable[Iterable[str]] | None = None,
    event_groups: Iterable[Iterable[str]] | None = None,
) -> list[list[str]]:
    """Clusters of entity mention ids: names and nouns across the articles of each group, then
    pronouns joined to their antecedents within their article.

    ``name_groups`` (coarser groups, such as topics) let proper names match across ``groups``:
    a team or a company named in reports of two different happenings is still one actor, while
    "the victim" of two different attacks is not. ``event_groups`` (finer groups, one happening
    each; default ``groups``) bound where "yesterday" joins the weekday of its happening."""
    sent_of = {d: sentence_index(doc) for d, doc in docs.items()}
    animate = animate_nouns(docs.values())
    ents = [_entity(m, docs[m.doc_id], sent_of[m.doc_id]) for m in mentions]
    uf = UnionFind(len(ents))
    groups = [list(g) for g in groups]
    group_of = {d: g for g, members in enumerate(groups) for d in members}
    happening_of = {
        d: g for g, members in enumerate(groups if event_groups is None else event_groups) for d in members
    }
    by_group: dict[int, list[int]] = defaultdict(list)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(ents):
        by_doc[e.mention.doc_id].append(i)
        if e.kind != "pronoun":
            by_group[group_of.get(e.mention.doc_id, -1)].append(i)
    if name_groups is not None:
        block_of = {d: g for g, members in enumerate(name_groups) for d in members}
        names: dict[tuple[int, str], list[int]] = defaultdict(list)
        for i, e in enumerate(ents):
            if e.kind == "name" and e.key:
                names[(block_of.get(e.mention.doc_id, -1), e.key)].append(i)
        for same in names.values():
            for i in same[1:]:
                uf.union(i, same[0])
    for members in by_group.values():
        titles = _group_titles([docs[d] for d in sorted({ents[i].mention.doc_id for i in members})])

        def score(a: int, b: int, titles: Mapping[str, set[str]] = titles) -> float:
            return _entity_score(ents[a], ents[b], titles)

        cluster_by_score(members, score, threshold, uf)
        happenings: dict[int, list[int]] = defaultdict(list)
        for i in members:
            happenings[happening_of.get(ents[i].mention.doc_id, -1)].append(i)
        for part in happenings.values():
            _deictic_days(ents, part, uf)
    for in_doc in by_doc.values():
        for i in sorted((j for j in in_doc if ents[j].kind == "pronoun"), key=lambda j: ents[j].head.i):
            j = _antecedent(i, ents, in_doc, animate)
            if j is not None:
                uf.union(i, j)
    return [[mentions[i].id for i in g] for g in uf.groups()]


# Words that name a day relative to the article's date.
_DEICTIC_DAYS = frozenset({"today", "yesterday", "tonight"})


def _deictic_days(ents: Sequence[_Entity], members: Sequence[int], uf: UnionFind) -> None:
    """ "Yesterday", "today" and "tonight" in reports of one happening name the day it happened,
    which the reports that give a weekday name most often: join them to the weekday cluster with
    the most mentions among ``members`` (the mentions of one happening's articles). The articles
    carry no usable date here, so the day cannot be computed. On the ECB+ TRAIN topics +0.1
    entity CoNLL; adding "last night"/"this morning" lost 0.15."""
    count: dict[int, int] = defaultdict(int)
    for i in members:
        if _weekdays(ents[i]):
            count[uf.find(i)] += 1
    if not count:
        return
    day = max(count, key=lambda r: count[r])
    for i in members:
        e = ents[i]
        doc = e.head.doc
        if e.head.lower_ in _DEICTIC_DAYS and not any(doc[t].like_num for t in e.mention.tokens):
            uf.union(i, day)
