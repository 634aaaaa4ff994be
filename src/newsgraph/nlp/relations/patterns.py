"""Relation patterns over the dependency parse; each yields candidate (subjects, predicate, objects).

* verbs: subject–verb–object, passives ("X was trained by Y"), participles ("militias
  trained by Y"), relative clauses, coordinations and "including" lists;
* light verbs and money verbs: "X provided support to Y", "X released funds to Y";
* operations: "X directed the battle for Y" (Y may be a place);
* action nouns: "U.S. sanctions on X", "Y's support for X", "X is under U.S. sanctions";
* role nouns: copulas, appositions and titles ("X is the commander of Y", "X, head of Y",
  "Y commander X").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.nlp.events.frames import (
    is_passive,
    is_verbal,
    listing_verb,
    noun_arguments,
    passive_agents,
    subjects,
)
from newsgraph.nlp.events.index import RecordIndex
from newsgraph.nlp.events.lexicon import Lexicon
from newsgraph.nlp.events.syntax import conjuncts, included
from newsgraph.nlp.relations.lexicon import RelationLexicon

# Roles of an operation noun's arguments that name what the operation is about.
OPERATION_ROLES = frozenset({"target", "patient", "location"})
OPERATION_TYPES = ("fight", "assault")
# Role predicates whose organisation may follow "at" ("an executive at X"); "the head at X" is rare.
# Prepositions that introduce the organisation of a role noun, beyond "of": "an analyst at X",
# "a spokesperson for X", "the envoy to X" is someone else's envoy (to is the host, not read).
ROLE_PREPS = {"member_of": ("of", "at"), "represents": ("of", "for")}
# Role predicates whose object is an organisation or a place, never a person.
ORG_ROLES = frozenset({"member_of", "leads", "part_of"})
# Prepositions that name whom money moved to, or through (an agency that passes it on).
MONEY_PREPS = frozenset({"to", "through", "via"})
# What can be founded or owned by the holder of a role: never a place or a person.
OWNED_KINDS_OF = {
    "owns": frozenset({"ORG", "FAC", "PRODUCT"}),
    "founded": frozenset({"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"}),
}
# Nouns for an organisation that a definite description ("the agency's director") may refer back
# with, and how far back (about three sentences) its antecedent may be named.
ORG_NOUNS = frozenset(
    {"agency", "company", "firm", "group", "organisation", "organization", "party", "bank", "ministry",
     "department", "council", "committee", "court", "union", "alliance", "movement", "militia", "corporation"}
)  # fmt: skip
ORG_LOOKBACK_TOKENS = 90
# "one of its buyers", "some of his advisers": the apposition names one of the group.
PARTITIVE_HEADS = frozenset({"one", "some", "two", "three", "several", "many", "another"})
# Actors a relational noun may link ("its insurer, X"); things and dates have other patterns.
POSSESSED_TYPES = frozenset({"ORG", "PERSON", "GPE", "NORP"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Candidate:
    subjects: tuple[str, ...]
    predicate: str
    objects: tuple[str, ...]
    anchor: Token
    # a link read from a description ("its insurer, X") rather than from an act: it does not keep
    # an event of the same sentence from giving the pair its own link
    descriptive: bool = False


class Patterns:
    def __init__(self, lexicon: RelationLexicon, events: Lexicon, index: RecordIndex) -> None:
        self.lex = lexicon
        self.events = events
        self.index = index
        self.operation_nouns = events.nouns_of_types(*OPERATION_TYPES)

    # --- argument helpers -------------------------------------------------------------
    def _ents(self, toks: list[Token], *, through: bool, modifiers: bool = True) -> tuple[str, ...]:
        out: list[str] = []
        for t in toks:
            direct = self.index.entity(t) is not None
            for eid in self.index.entities(t, through=through, modifiers=modifiers):
                record = self.index.entity_records.get(eid)
                # "the Ruritanian army" is not Ruritanians acting: a nationality modifier is no actor.
                if not direct and record is not None and record.type == "NORP":
                    continue
                if eid not in out:
                    out.append(eid)
        return tuple(out)

    def _objects(self, toks: list[Token], *, lists: bool = True) -> tuple[str, ...]:
        """Objects over conjuncts and "including" lists; a common noun counts through "of"/owner."""
        expanded: list[Token] = []
        for t in toks:
            expanded += conjuncts(t)
            if lists:
                expanded += [m for i in included(t) for m in conjuncts(i)]
        return self._ents(expanded, through=True, modifiers=False)

    def _clause_subjects(self, verb: Token) -> tuple[str, ...]:
        if is_passive(verb):
            return self._ents(passive_agents(verb), through=True)
        return self._ents(subjects(verb), through=True)

    # --- patterns ---------------------------------------------------------------------
    def run(self, tok: Token) -> Iterator[Candidate]:
        lemma = tok.lemma_.lower()
        if is_verbal(tok):
            yield from self.verb(tok, lemma)
        elif tok.pos_ == "NOUN":
            if lemma in self.lex.action_nouns:
                yield from self.action_noun(tok, lemma)
            if lemma in self.lex.role_nouns or self._describes_a_person(tok):
                yield from self.role_noun(tok, lemma)
            elif lemma not in self.lex.action_nouns:
                yield from self.possessed_relation(tok, lemma)
        elif tok.pos_ == "PROPN" and tok.lower_ in self.lex.role_nouns and self.index.entity(tok) is None:
            # a capitalised title the tagger took for a name: "Chile's President Gabriel Boric"
            yield from self.role_noun(tok, tok.lower_)
        elif tok.pos_ == "PROPN":
            yield from self.person_of(tok)
        if lemma == "base" and tok.tag_ == "VBN":
            yield from self.based_in(tok)

    def person_of(self, name: Token) -> Iterator[Candidate]:
        """ "Piotr Sadowski of Vistula Capital": a person named with an organisation after "of"
        belongs to it (a place after "of" is where they are from, and is left out); "the Liberal
        Movement of Tomas Girdauskas": an organisation "of" a person is the one they lead."""
        person = self.index.entity_at.get(name.i)
        if person is not None and self._type(person) == "ORG":
            leaders = [
                p
                for c in name.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            people = tuple(e for e in self._ents(leaders, through=False) if self._type(e) == "PERSON")
            if people:
                yield Candidate(people, "leads", (person,), name)
            return
        if person is None or self._type(person) != "PERSON":
            return
        orgs = [
            p
            for c in name.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        objs = tuple(o for o in self._ents(orgs, through=False) if self._type(o) == "ORG")
        if objs:
            yield Candidate((person,), "member_of", objs, name)

    def based_in(self, based: Token) -> Iterator[Candidate]:
        """ "X, a drugmaker based in Basel", "Acme, which is based in Oslo": where an organisation is
        based (its headquarters), a place."""
        places = [
            p
            for c in based.children
            if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        where = tuple(p for p in self._ents(places, through=False) if self._type(p) in PLACE_TYPES)
        if not where:
            return
        holders = [based.head] if based.dep_ == "acl" else list(subjects(based))
        if based.dep_ == "relcl" or (based.head.dep_ == "relcl" and based.head is not based):
            holders += [based.head.head] if based.dep_ == "relcl" else []
        orgs = tuple(o for o in self._ents(holders, through=False) if self._type(o) == "ORG")
        if not orgs and based.dep_ == "acl" and based.head.dep_ == "appos":
            orgs = tuple(o for o in self._ents([based.head.head], through=False) if self._type(o) == "ORG")
        if orgs:
            yield Candidate(orgs, "based_in", where, based, descriptive=True)

    def verb(self, verb: Token, lemma: str) -> Iterator[Candidate]:
        subj = self._clause_subjects(verb)
        if not subj:
            return
        dobj = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if lemma in self.lex.verbs:
            entry = self.lex.verbs[lemma]
            if is_passive(verb):
                objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
                if verb.dep_ == "acl":  # "militias trained by X"
                    objs.append(verb.head)
                if verb.dep_ == "relcl" and any(o.tag_ in ("WDT", "WP") for o in objs):
                    objs.append(verb.head)  # "the group, which is led by X": the antecedent
            else:
                objs = list(dobj) if entry.direct else []
                objs += [
                    p
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ in entry.preps
                    for p in c.children
                ]
                if not entry.direct:  # "spoke by telephone with X": the "with" hangs on the manner
                    objs += [
                        p
                        for c in verb.children
                        if c.dep_ == "prep" and c.lower_ not in entry.preps
                        for m in c.children
                        if m.dep_ == "pobj"
                        for c2 in m.children
                        if c2.dep_ == "prep" and c2.lower_ in entry.preps
                        for p in c2.children
                    ]
            op_objs = [o for o in objs if o.lemma_.lower() in self.operation_nouns]
            if lemma in self.lex.operation_verbs and op_objs:
                targets = self._operation_targets(op_objs)
                if targets:
                    yield Candidate(subj, self.lex.operation_verbs[lemma], targets, verb)
                objs = [o for o in objs if o not in op_objs]
            found = self._objects(objs, lists=entry.lists)
            if entry.objects:  # "owns 22 % of the company", never "owns her degree"
                found = tuple(o for o in found if self._type(o) in entry.objects)
            yield Candidate(subj, entry.name, found, verb)
        # "X added Y to its sanctions list": listing on a sanctions list sanctions the listed
        if lemma in self.events.roles.listing_verbs:
            for lst in verb.subtree:
                lister = listing_verb(lst, self.events.roles.listing_verbs) if lst.pos_ == "NOUN" else None
                if lister is None or lister.i != verb.i:
                    continue
                sense = next(iter(self.events.senses_for(lst.lemma_.lower(), "noun")), None)
                kinds = {c.lemma_.lower() for c in lst.children if c.dep_ in ("compound", "amod", "nmod")}
                if (
                    sense is not None
                    and sense.type == "sanction"
                    and (not sense.modifier or kinds & sense.modifier)
                ):
                    yield Candidate(subj, "sanctions", self._objects(dobj), verb)
        if lemma in self.lex.money_verbs and any(self._is_money(o) for o in dobj):
            # "gave $2 million to X"; "contributed ¥450 million through X": the channel is funded too
            recipients = [
                p for c in verb.children if c.dep_ == "prep" and c.lower_ in MONEY_PREPS for p in c.children
            ]
            recipients += [c for c in verb.children if c.dep_ == "dative"]
            yield Candidate(subj, "funds", self._objects(recipients), verb)
        if lemma in self.lex.light_verbs:
            for noun in dobj:
                entry_n = self.lex.action_nouns.get(noun.lemma_.lower())
                if entry_n is None:
                    continue
                objs = [
                    p
                    for holder in (noun, verb)
                    for c in holder.children
                    if c.dep_ == "prep" and c.lower_ in entry_n.preps
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                yield Candidate(subj, entry_n.name, self._objects(objs), noun)

    def _is_money(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.lex.money_nouns or self.index.is_money(tok)

    def _operation_targets(self, nouns: list[Token]) -> tuple[str, ...]:
        toks = [
            t
            for n in nouns
            for role, t in noun_arguments(n, self.events, self.index)
            if role in OPERATION_ROLES and t.i > n.i
        ]
        # "the battle to retake X": the operation's purpose clause names its objective.
        toks += [
            o
            for n in nouns
            for acl in n.children
            if acl.dep_ in ("acl", "relcl")
            for o in acl.children
            if o.dep_ == "dobj"
        ]
        return self._ents(toks, through=False)

    def action_noun(self, noun: Token, lemma: str) -> Iterator[Candidate]:
        entry = self.lex.action_nouns[lemma]
        owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod", "amod") and c.i < noun.i]
        subj = self._ents(owners, through=False)
        if not subj:
            return
        objs = [
            p
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in entry.preps
            for p in c.children
            if p.dep_ == "pobj"
        ]
        targets = self._objects(objs)
        # "X has been under U.S. sanctions": the clause subject is the object.
        if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX"):
            targets += self._ents(subjects(noun.head.head), through=False)
        yield Candidate(subj, entry.name, targets, noun)

    def role_noun(self, noun: Token, lemma: str) -> Iterator[Candidate]:
        predicate = self.lex.role_nouns.get(lemma, "member_of")
        prev_tok = noun.doc[noun.i - 1] if noun.i > 0 else None
        # "chief economist", "chief negotiator": an occupation with "chief" before it heads its
        # own field, not the organisation; only the generic ranks lead ("chief executive")
        if (
            lemma in self.lex.leading_heads
            and predicate in ("member_of", "directs")
            and (
                any(
                    c.dep_ in ("amod", "compound")
                    and c.lower_ in self.lex.leading_modifiers
                    # "chief executive officer" leads; "chief technology officer" heads one function
                    and all(t.lower_ in self.lex.leading_modifiers for t in noun.doc[c.i + 1 : noun.i])
                    for c in noun.children
                )
                # "Acme chief executive Jane Roe": the parser may hang "chief" on the name instead
                or (
                    prev_tok is not None
                    and prev_tok.lower_ in self.lex.leading_modifiers
                    and prev_tok.head.i != prev_tok.i
                )
            )
        ):
            predicate = "leads"  # "chief executive", "managing director"
        # "head of X"; for employment also "an analyst at X"
        preps = ROLE_PREPS.get(predicate, ("of",))
        if lemma not in self.lex.role_nouns:  # "an astronomer at X", "a researcher with X"
            preps = ("at", "with")
        orgs = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children]
        objs = self._ents([o for org in orgs for o in conjuncts(org)], through=False)
        if (
            not objs and predicate in self.lex.compound_roles
        ):  # "Ruritanian army chief X", "the party's leader"
            objs = self._ents(
                [c for c in noun.children if c.dep_ in ("compound", "poss", "nmod") and c.i < noun.i],
                through=False,
            )
            # The parser often tags a name before a role as an adjective ("Acme/amod chief
            # executive"); only an organisation counts there ("Iranian official" is no employer).
            objs += tuple(
                e
                for e in self._ents(
                    [c for c in noun.children if c.dep_ == "amod" and c.i < noun.i], through=False
                )
                if self._type(e) == "ORG" and e not in objs
            )
            if not objs and noun.dep_ == "compound" and noun.head.i > noun.i:
                # "Acme chief executive Jane Roe" parsed flat: the name's modifiers before the role
                objs = tuple(
                    e
                    for e in self._ents(
                        [
                            c
                            for c in noun.head.children
                            if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i < noun.i
                        ],
                        through=False,
                    )
                    if self._type(e) == "ORG"
                )
        if not objs and predicate in self.lex.compound_roles and noun.dep_ == "compound":
            # "SITRAP general secretary Nuno Ferreira", where the parser split the name phrase:
            # an organisation's name right before the role's first word is whose role it is.
            first = min([noun.i, *(c.i for c in noun.children if c.dep_ in ("amod", "compound"))])
            left = noun.doc[first - 1] if first > 0 else None
            eid = self.index.entity(left) if left is not None and left.i in self.index.entity_at else None
            if eid is not None and self._type(eid) == "ORG":
                objs = (eid,)
        if not objs:  # "the agency's director, X": the organisation named just before
            # "the agency's director general": the possessive sits on the compound's head
            owners = [noun, noun.head] if noun.dep_ == "compound" else [noun]
            objs = tuple(
                e
                for o in owners
                for c in o.children
                if c.dep_ == "poss" and (e := self._org_before(c) or self._owner(c))
            )
        if predicate in ORG_ROLES:  # "Trump's lawyer, X" is no membership of a person
            objs = tuple(o for o in objs if self._type(o) != "PERSON")
        if predicate in OWNED_KINDS_OF:  # "its owner": a company, a building, a product; no town
            objs = tuple(o for o in objs if self._type(o) in OWNED_KINDS_OF[predicate])
        if predicate == "member_of" and not orgs:
            # "the New Orleans lawyer": a place compounded with an occupation says where, not
            # whose ("Romania's energy minister", with a possessive, is Romania's)
            located = {
                e
                for c in noun.children
                if c.dep_ in ("compound", "nmod") and c.i < noun.i
                for e in self._ents([c], through=False)
                if self._type(e) in ("GPE", "LOC", "FAC")
            }
            objs = tuple(o for o in objs if o not in located)
        if not objs:
            return
        holders: list[Token] = []
        if noun.dep_ == "attr" and noun.head.pos_ in ("AUX", "VERB"):
            holders += subjects(noun.head)
        if noun.dep_ in ("appos", "compound") and noun.head.i != noun.i:
            holders.append(noun.head)
        holders += [c for c in noun.children if c.dep_ == "appos"]
        subj = self._ents(holders, through=False)
        if not subj and noun.dep_ == "appos":
            before = self.index.entity_before(noun)
            subj = (before,) if before else ()
        yield Candidate(subj, predicate, objs, noun)
        if lemma in self.lex.owned_roles:  # "X, a subsidiary of Y": Y owns X
            yield Candidate(objs, "owns", subj, noun)
        # "the Labour mayor of X": a party (organisation) modifying the role is the holder's party
        parties = tuple(
            p
            for c in noun.children
            if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
            for e in self._ents([c], through=False)
            if (p := self._party(e)) and p not in objs
        )
        if parties and orgs:
            yield Candidate(subj, "member_of", parties, noun)

    def possessed_relation(self, noun: Token, lemma: str) -> Iterator[Candidate]:
        """A relational noun between a possessor and a name in apposition: "its insurer, X",
        "Y, one of its largest buyers", "his brother, Z". The noun itself is the predicate (X is
        the insurer of its owner), as an event's trigger is; role nouns have their own pattern."""
        head = noun
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_.lower() in PARTITIVE_HEADS
        ):
            head = noun.head.head  # "one of its buyers, X": the apposition hangs on "one"
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if not owners:
            return
        objs = self._ents(owners, through=False)
        holders = [c for c in head.children if c.dep_ == "appos"]
        # "X, its insurer": the noun in apposition to the name; not for "one of its ships", which
        # the parser often hangs on a name before it ("According to the Foreign Office, one of ...")
        if head is noun and head.dep_ == "appos" and head.head.i != head.i:
            holders.append(head.head)
        subj = self._ents(holders, through=False)
        pairs = [
            (s, o)
            for s in subj
            for o in objs
            if s != o
            and self._type(s) in POSSESSED_TYPES
            and self._type(o) in POSSESSED_TYPES
            # "its capital, Tehran", "Ohio's neighbour, Indiana": places of places are geography
            and not {self._type(s), self._type(o)} <= PLACE_TYPES
        ]
        for s, o in pairs:
            yield Candidate((s,), lemma, (o,), noun, descriptive=True)

    def _describes_a_person(self, noun: Token) -> bool:
        """Whether an unlisted noun describes a named person by an organisation they belong to:
        "X, the KEMRI scientist", "the Acme engineer X". The noun must be in apposition to (or
        compounded with) a person and carry a named organisation before it; then it is the
        person's affiliation, whatever the occupation is called."""
        holders = [c for c in noun.children if c.dep_ == "appos"]
        if noun.dep_ in ("appos", "compound") and noun.head.i != noun.i:
            holders.append(noun.head)
        if not any(self._type(e) == "PERSON" for e in self._ents(holders, through=False)):
            before = self.index.entity_before(noun) if noun.dep_ == "appos" else None
            if before is None or self._type(before) != "PERSON":
                return False
        named = [c for c in noun.children if c.dep_ in ("compound", "poss", "nmod") and c.i < noun.i]
        named += [
            p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("at", "with") for p in c.children
        ]
        return any(self._type(e) == "ORG" for e in self._ents(named, through=False))

    def _party(self, eid: str) -> str | None:
        """The organisation a role modifier names: itself ("Labour"), or for a party adjective
        tagged as a group ("the Conservative mayor") the article's "<Name> Party"."""
        if self._type(eid) == "ORG":
            return eid
        record = self.index.entity_records.get(eid)
        if record is None or record.type != "NORP":
            return None
        wanted = f"{record.name} party".lower()
        return next(
            (
                e.id
                for e in self.index.entity_records.values()
                if e.type == "ORG" and e.name.lower() == wanted
            ),
            None,
        )

    def _type(self, eid: str) -> str | None:
        record = self.index.entity_records.get(eid)
        return record.type if record else None

    def _owner(self, tok: Token) -> str | None:
        """An organisation a possessive names or refers back to ("its", "the factory's")."""
        eid = self.index.entity(tok)
        return eid if eid is not None and self._type(eid) == "ORG" else None

    def _org_before(self, tok: Token) -> str | None:
        """The organisation a definite description stands for ("the company's", "the agency's"):
        the nearest earlier organisation whose name has that noun ("... Energy Agency"), else the
        last organisation named in the sentences just before."""
        lemma = tok.lemma_.lower()
        if lemma not in ORG_NOUNS or not any(c.lower_ == "the" for c in tok.children):
            return None
        named_like: str | None = None  # "the agency" → an organisation whose name says "Agency"
        last: str | None = None
        for i in range(tok.i - 1, -1, -1):
            eid = self.index.entity_at.get(i)
            if not eid or self._type(eid) != "ORG":
                continue
            record = self.index.entity_records[eid]
            if lemma in record.name.lower().split():
                named_like = named_like or eid
            if last is None and i >= tok.i - ORG_LOOKBACK_TOKENS:
                last = eid
        return named_like or last
