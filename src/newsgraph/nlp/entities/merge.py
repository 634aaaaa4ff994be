"""Alias merging: mention candidates → clusters, each one real-world entity.

Candidates with the same name (after the variant lexicon: "U.S." = "US" = "United States") form
a :class:`Group`; groups are then joined by these rules, each kept conservative:

* an abbreviation defined in the text ("Name (ABC)", "Name, or ABC") joins its name;
* an abbreviation matching the initials of exactly one multi-word name in the document joins it;
* a name with a leading modifier or place joins the bare name ("Iranian Qods Force" → "Qods Force",
  "Kansas City Chiefs" → "Chiefs");
* two full names of a person with the same first and last word, or one the tail of the other,
  join ("Barack Hussein Obama", "W. Mark Felt");
* a surname (any tail of a full name) joins the one full name of a person ending in it; when two
  different full names end in it, it joins neither;
* a bare first name NER calls a person joins the one full name starting with it, unless that
  first name is shared or is also a surname in the document.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph.nlp.entities.institutions import is_vessel_name
from newsgraph.nlp.entities.lexicon import EntityLexicon, dotless
from newsgraph.nlp.entities.mentions import Cand, is_acronym
from newsgraph.nlp.entities.places import is_known_place, is_major_place
from newsgraph.nlp.state import body_text

# Surname particles: "al-Abadi" is also referred to as "Abadi", "van Gogh" as "Gogh" rarely, so only
# hyphenated Arabic articles are stripped.
_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az)-", re.IGNORECASE)
# Full names longer than this (given names + surname) are not trusted to start with a first name.
MAX_FIRST_NAME_WORDS = 3
_GENERATIONAL = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# First words that make a different place or thing, not a modified one ("New Mexico" ≠ "Mexico").
_NEVER_MODIFIERS = frozenset(
    {
        "New",
        "Old",
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Upper",
        "Lower",
        "Greater",
        "Great",
        "Central",
        "Little",
    }
)
# An organisation label on this many mentions (and no other label) keeps a surname-shaped name
# apart from a person with that surname: one ORG tag is often NER noise on a surname, two are not.
MIN_ORG_VOTES = 2
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la", "le", "&"})


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()


@dataclass
class Group:
    key: str
    name: str
    words: list[str]
    cands: list[Cand]
    lexicon_type: str | None = None
    labels: Counter[str] = field(default_factory=Counter)
    person: bool = False  # evidence this group names a person
    modifier_variant: bool = False  # "Iranian Qods Force" when "Qods Force" exists too
    ambiguous_surname: bool = False

    @property
    def full_name(self) -> bool:
        return self.person and len(self.words) >= 2


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def make_groups(cands: list[Cand], lex: EntityLexicon) -> list[Group]:
    groups: dict[str, Group] = {}
    for cand in sorted(cands, key=lambda c: c.start):
        text = normalize(cand.text)
        variant = lex.variant(text)
        name = variant.name if variant else text
        key = name.casefold()
        group = groups.get(key)
        if group is None:
            kind = variant.type if variant else None
            group = Group(key=key, name=name, words=name.split(), cands=[], lexicon_type=kind)
            groups[key] = group
        group.cands.append(cand)
        if cand.label:
            group.labels[cand.label] += 1
    return list(groups.values())


def mark_people(doc: Doc, groups: list[Group], lex: EntityLexicon) -> None:
    """Set ``person`` from the labels, the lexicon, a title before the name, or "the X government"."""
    for g in groups:
        # "Virginia Democrats" names a group of people, and "Sri Lanka" a country, whatever NER said.
        if g.words[-1] in lex.org_heads or g.words[-1] in lex.demonyms or is_major_place(g.name):
            continue
        top = max(g.labels.values(), default=0)
        person_votes = g.labels["PERSON"]
        # A tie with the place labels goes to the place ("in Calais" GPE, "Calais said" PERSON).
        by_label = (
            person_votes > 0 and person_votes == top and person_votes > g.labels["GPE"] + g.labels["LOC"]
        )
        titled = any(c.titles for c in g.cands) and g.labels["PERSON"] > 0
        g.person = by_label or titled or g.lexicon_type == "PERSON" or _leads_government(doc, g, lex)


def _leads_government(doc: Doc, g: Group, lex: EntityLexicon) -> bool:
    """ "the Haider al-Abadi government": a multi-word, non-place name before a ruler noun."""
    if len(g.words) < 2 or g.labels["NORP"] or is_known_place(g.name):
        return False
    return any(c.j < len(doc) and doc[c.j].lower_ in lex.ruler_nouns for c in g.cands)


def _name_words(g: Group) -> list[str]:
    """A person's name words without a generational suffix ("Arcade Comeaux Jr." → Arcade Comeaux)."""
    words = [w.rstrip(",") for w in g.words]
    while len(words) > 1 and words[-1].casefold() in _GENERATIONAL:
        words.pop()
    return words


def _surname_keys(g: Group) -> set[str]:
    """Every proper tail of a full name ("Lo Presti", "Presti"), and the last word without an
    Arabic article ("al-Abadi" → "Abadi")."""
    words = _name_words(g)
    keys = {" ".join(words[k:]).casefold() for k in range(1, len(words))}
    stripped = _PARTICLE.sub("", words[-1])
    if stripped != words[-1] and len(stripped) > 2:
        keys.add(stripped.casefold())
    return keys


def _same_person(a: Group, b: Group) -> bool:
    """Two full names of one person: same first and last word ("Barack [Hussein] Obama"), or one
    the tail of the other ("[W.] Mark Felt")."""
    wa, wb = _name_words(a), _name_words(b)
    if wa[0] == wb[0] and wa[-1] == wb[-1]:
        return True
    short, long = sorted((wa, wb), key=len)
    return len(short) >= 2 and len(short) < len(long) and long[-len(short) :] == short


def _initials(words: list[str], *, all_words: bool) -> str:
    picked = [w for w in words if all_words or w.casefold() not in _FUNCTION_WORDS]
    return "".join(w[0].upper() for w in picked if w[:1].isalpha())


def cluster(
    doc: Doc, groups: list[Group], pairs: list[tuple[Cand, Cand]], lex: EntityLexicon
) -> list[list[Group]]:
    """Join the groups by the module's rules; returns clusters ordered by first mention."""
    index = {g.key: n for n, g in enumerate(groups)}
    of_cand = {id(c): n for n, g in enumerate(groups) for c in g.cands}
    uf = _UnionFind(len(groups))

    for name, acronym in pairs:
        a, b = of_cand.get(id(name)), of_cand.get(id(acronym))
        if a is not None and b is not None:
            uf.union(a, b)

    _join_initials(groups, uf)
    _join_modifiers(doc, groups, index, uf, lex)
    _join_legal_forms(groups, index, uf, lex)
    _join_short_org_names(doc, groups, uf, lex)
    _join_party_plurals(groups, uf)
    full = [n for n, g in enumerate(groups) if g.full_name]
    for a, b in itertools.combinations(full, 2):
        if _same_person(groups[a], groups[b]):
            uf.union(a, b)
    _join_surnames(groups, full, uf)
    _join_first_names(groups, full, uf)

    clusters: dict[int, list[Group]] = {}
    for n, g in enumerate(groups):
        clusters.setdefault(uf.find(n), []).append(g)
    return sorted(clusters.values(), key=lambda cl: min(c.start for g in cl for c in g.cands))


# Last words of party-like names whose members are called by the plural of the first word:
# "the Liberals" of the Liberal Movement, "the Conservatives" of the Conservative Party.
PARTY_HEADS = frozenset({"Party", "Movement", "Alliance", "Union", "Front", "League", "Coalition"})


def _join_party_plurals(groups: list[Group], uf: _UnionFind) -> None:
    """ "the Liberals" → "Liberal Movement", when exactly one party-like name starts so."""
    for n, g in enumerate(groups):
        if len(g.words) != 1 or g.person or not g.name.endswith("s") or len(g.name) < 5:
            continue
        stem = g.name[:-1]
        owners = {
            uf.find(m)
            for m, other in enumerate(groups)
            if m != n and len(other.words) >= 2 and other.words[0] == stem and other.words[-1] in PARTY_HEADS
        }
        if len(owners) == 1:
            uf.union(n, owners.pop())


def _join_initials(groups: list[Group], uf: _UnionFind) -> None:
    for n, g in enumerate(groups):
        if len(g.words) != 1 or g.lexicon_type or not is_acronym(g.name):
            continue
        letters = dotless(g.name).upper()
        matches = {
            uf.find(m)
            for m, other in enumerate(groups)
            if len(other.words) >= 2
            and not other.person
            and letters in (_initials(other.words, all_words=False), _initials(other.words, all_words=True))
        }
        if len(matches) == 1:
            uf.union(n, matches.pop())


def _is_modifier(doc: Doc, g: Group, lex: EntityLexicon) -> bool:
    first = g.words[0]
    if first in _NEVER_MODIFIERS:
        return False
    if first in lex.demonyms:
        return True
    tok = doc[g.cands[0].i]
    return tok.text == first and tok.pos_ == "ADJ"


def _place_prefix(g: Group) -> int:
    """How many leading words of ``g`` name a known place ("Kansas City" in "Kansas City Chiefs");
    0 if none, or if the rest is itself a place ("North India" is a part of India, not a team)."""
    for k in range(len(g.words) - 1, 0, -1):
        head = " ".join(g.words[:k])
        if head not in _NEVER_MODIFIERS and is_known_place(head):
            return 0 if is_known_place(" ".join(g.words[k:])) else k
    return 0


def _join_modifiers(
    doc: Doc, groups: list[Group], index: dict[str, int], uf: _UnionFind, lex: EntityLexicon
) -> None:
    """ "Iranian Qods Force" → "Qods Force" (a modifier: the bare name is the canonical one);
    "MV Princess Amihan" → "Princess Amihan" (a ship prefix: the full name stays canonical);
    "Kansas City Chiefs" → "Chiefs" (a place in the name: the full name stays canonical). When two
    names lead to the same bare name ("Virginia Democrats", "Ohio Democrats"), neither joins it."""
    joins: dict[int, list[tuple[int, bool]]] = {}
    for n, g in enumerate(groups):
        if len(g.words) < 2 or g.person or is_known_place(g.name):
            continue
        modifier = _is_modifier(doc, g, lex)
        # a ship prefix ("MV Princess Amihan" → "Princess Amihan") is cut like a place in the name
        cut = 1 if modifier or is_vessel_name(g.name) else _place_prefix(g)
        if not cut:
            continue
        m = index.get(" ".join(g.words[cut:]).casefold())
        if m is not None and not groups[m].person:
            joins.setdefault(m, []).append((n, modifier))
    for m, sources in joins.items():
        if len(sources) == 1:
            n, modifier = sources[0]
            uf.union(n, m)
            groups[n].modifier_variant = modifier


def _join_legal_forms(groups: list[Group], index: dict[str, int], uf: _UnionFind, lex: EntityLexicon) -> None:
    """ "Kestrel Maritime Ltd" → "Kestrel Maritime"; "Alpenrand Advisory AG" → "Alpenrand": a company
    written with its legal form is the company written without it, or its first word alone when the
    full name has three or more words and that word is not a known place ("China Merchants Bank Ltd"
    is not China)."""
    for n, g in enumerate(groups):
        if len(g.words) < 2 or g.words[-1] not in lex.legal_forms:
            continue
        bare = g.words[:-1]
        keys = [" ".join(bare).casefold()]
        if len(bare) >= 2 and not is_known_place(bare[0]):
            keys.append(bare[0].casefold())
        for key in keys:
            m = index.get(key)
            if m is not None and m != n:
                uf.union(n, m)


def _join_short_org_names(doc: Doc, groups: list[Group], uf: _UnionFind, lex: EntityLexicon) -> None:
    """ "Halvorsen" → "Halvorsen Maritime", "Bayou Crest" → "Bayou Crest Chemicals", "Council" →
    "Spokane City Council": a name that is the start of exactly one organisation's name ending in
    an organisation word (the rest dropped, as articles do after the first mention), or an
    institution word that ends exactly one such name. A place never stands for a company
    ("Houston" is not "Houston Energy"), nor a person the article names in full."""
    orgs = [
        n
        for n, g in enumerate(groups)
        if len(g.words) >= 2
        and not g.person
        and not g.full_name
        and ("ORG" in g.labels or g.words[-1] in lex.org_heads)
    ]
    # NER often calls a company's short name a person ("Elbwerk said"); it is one only when the
    # article names a person with that surname.
    surnames = {g.words[-1] for g in groups if g.full_name}
    for n, g in enumerate(groups):
        if g.full_name or g.lexicon_type or len(g.words) > 3 or g.words[-1] in surnames:
            continue
        places = g.labels["GPE"] + g.labels["LOC"] + g.labels["FAC"] + g.labels["NORP"]
        # a stray place tag among many others ("Corvane" once FAC, eight times PERSON) is noise
        if places * 3 > sum(g.labels.values()) or _named_as_place(doc, g):
            continue  # a place ("the town of Convent" before "Convent Clean Air Coalition")
        if len(g.words) == 1 and g.words[0] in lex.coordinated_heads | INSTITUTION_WORDS:
            owners = {uf.find(m) for m in orgs if m != n and groups[m].words[-1] == g.words[0]}
        elif not is_known_place(g.name) and g.words[-1] not in lex.org_heads:
            # one word needs the longer name to end in an organisation word ("Halvorsen
            # Maritime") or both to be tagged organisations ("Corvane" and "Corvane Systems");
            # two or more are distinctive enough ("Spokane Neighbors First")
            tagged_org = _mostly_org(g)
            owners = {
                uf.find(m)
                for m in orgs
                if m != n
                and len(groups[m].words) > len(g.words)
                and groups[m].words[: len(g.words)] == g.words
                and (
                    len(g.words) >= 2
                    or groups[m].words[-1] in lex.org_heads
                    or (tagged_org and _mostly_org(groups[m]))
                )
            }
        else:
            continue
        if len(owners) == 1:
            uf.union(n, owners.pop())


def _mostly_org(g: Group) -> bool:
    """Whether NER tagged most of the group's mentions ORG."""
    total = sum(g.labels.values())
    return total > 0 and g.labels["ORG"] * 2 > total


PLACE_NOUNS = frozenset(
    {"town", "city", "village", "port", "province", "district", "county", "region", "state"}
)


def _named_as_place(doc: Doc, g: Group) -> bool:
    """Whether a mention of ``g`` follows "the town of", "the city of", ...: a place's name."""
    text = body_text(doc)
    for c in g.cands:
        before = text[max(0, c.start - 20) : c.start].lower().split()
        if len(before) >= 2 and before[-1] == "of" and before[-2] in PLACE_NOUNS:
            return True
    return False


# Heads of bodies an article names in full once and by the head alone afterwards ("the Council").
INSTITUTION_WORDS = frozenset(
    {"Council", "Parliament", "Assembly", "Senate", "Congress", "Police", "Army", "Navy"}
)


def _join_surnames(groups: list[Group], full: list[int], uf: _UnionFind) -> None:
    by_surname: dict[str, set[int]] = {}
    for f in full:
        for key in _surname_keys(groups[f]):
            by_surname.setdefault(key, set()).add(f)
    for n, g in enumerate(groups):
        if g.full_name or _other_kind_of_name(g):
            continue
        owners = {uf.find(f) for f in by_surname.get(g.key, set())}
        if not owners:
            continue
        if len(owners) > 1:
            g.ambiguous_surname = True
            continue
        uf.union(n, owners.pop())


def _other_kind_of_name(g: Group) -> bool:
    """A surname-shaped name that NER never called a person and that is known as something else:
    a country or major city (Jordan, Houston), a people or religion (NORP on some mention: "Islam"
    beside a Mr. Islam) or, on every mention, an organisation (Disney beside Walt Disney). A smaller
    town does not count: many surnames are also towns somewhere (Lopez, Obama)."""
    if g.labels["PERSON"]:
        return False
    if is_major_place(g.name) or g.labels["NORP"]:
        return True
    return g.labels["ORG"] >= MIN_ORG_VOTES and g.labels["ORG"] == sum(g.labels.values())


def _join_first_names(groups: list[Group], full: list[int], uf: _UnionFind) -> None:
    """A bare first name NER calls a person joins the one full name starting with it ("Serena" →
    "Serena Williams"); never when two people share it or it is also someone's surname."""
    by_first: dict[str, set[int]] = {}
    surnames = {key for f in full for key in _surname_keys(groups[f])}
    for f in full:
        # Longer "full names" are NER run-ons ("Browns DL Sheldon Richardson"), not a first name.
        if len(_name_words(groups[f])) <= MAX_FIRST_NAME_WORDS:
            by_first.setdefault(groups[f].words[0].casefold(), set()).add(f)
    for n, g in enumerate(groups):
        if g.full_name or len(g.words) != 1 or g.key in surnames:
            continue
        if not g.labels["PERSON"] or g.labels["PERSON"] * 2 < sum(g.labels.values()):
            continue
        owners = {uf.find(f) for f in by_first.get(g.key, set())}
        if len(owners) == 1:
            uf.union(n, owners.pop())


def unique_surnames(clusters: list[list[Group]]) -> dict[int, str]:
    """Cluster index → the surname of the one person that cluster is, when no other cluster's
    person shares it; used to find bare surnames NER missed ("King" after "Martin Luther King Jr.")."""
    found: dict[int, set[str]] = {}
    for n, cl in enumerate(clusters):
        for g in cl:
            if g.full_name:
                surname = _name_words(g)[-1]
                if len(surname) > 2 and surname[:1].isupper() and not surname.endswith("."):
                    found.setdefault(n, set()).add(surname)
    counts: dict[str, int] = {}
    for names in found.values():
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return {
        n: next(iter(names))
        for n, names in found.items()
        if len(names) == 1 and counts[next(iter(names))] == 1
    }
