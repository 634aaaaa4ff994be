"""Event mentions in one sentence: trigger senses, arguments and roles from the parse.

A mention is a lexicon trigger (a verb or a noun) whose sense constraints hold; its
arguments come from dependency labels (``resources/events/roles.yaml``). Mentions of the
same event inside one sentence ("the battle to retake the city") are merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsgraph.model import Participant, Place, TimeExpr
from newsgraph.nlp.events.index import RecordIndex
from newsgraph.nlp.events.lexicon import OTHER_TYPE, Lexicon, Sense
from newsgraph.nlp.events.syntax import ModalityValue, Polarity, conjuncts, included

PRONOUNS = frozenset({"it", "they", "them", "this", "these", "those"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Dependency paths along which two triggers describe one event ("battle to retake X",
# "the offensive for X launched by Y"); anything looser (conj, ccomp) stays separate.
MERGE_DEPS = frozenset({"acl", "relcl", "xcomp", "prep", "pobj", "advcl"})
# Roles whose named arguments are read through an owner ("Ruritania's army", "the army of
# Ruritania" → Ruritania as agent); objects are not, since "the capital of X" is not X.
# Modifiers are not read: "a Denver man killed ..." does not make Denver the killer.
THROUGH_ROLES = frozenset({"agent"})
# Roles that place an event (a noun with one of them needs no place lent by its verb).
PLACE_ROLES = frozenset({"location", "origin", "destination", "target"})
# "a market in the town of X": two phrases down reaches the name; deeper is another topic.
NESTED_PLACE_DEPTH = 2
NESTED_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "of"})
# "added X and four of its vessels to the list": from the list's "to" up to the verb is 4 arcs.
LISTING_CLIMB = 4


@dataclass
class Mention:
    trigger: Token
    sense: Sense
    args: list[tuple[str, Token]]
    modifier: Token | None = None
    participants: list[Participant] = field(default_factory=list)
    place: Place | None = None
    time: TimeExpr | None = None
    polarity: Polarity = "positive"
    modality: ModalityValue = "actual"


def subjects(verb: Token) -> list[Token]:
    """The subject of a verb, following relative clauses and shared or controlled subjects."""
    cur: Token | None = verb
    came_by = ""
    for _ in range(4):  # conj/xcomp/advcl chains longer than this are parse noise
        if cur is None:
            return []
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        # "X did, however, promise": the parser may hang the subject on the auxiliary.
        subj = subj or [c for a in cur.children if a.dep_ == "aux" for c in a.children if c.dep_ == "nsubj"]
        if not subj and came_by == "xcomp":  # "X was prompted to demand": X demands
            subj = [c for c in cur.children if c.dep_ == "nsubjpass"]
        if subj:
            s = subj[0]
            if s.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":
                return [cur.head]
            return [s]
        if cur.dep_ == "relcl":
            # "the girl who was kidnapped": the antecedent is the patient, not the subject.
            passive = any(c.dep_ == "nsubjpass" for c in cur.children)
            return [] if passive else [cur.head]
        if cur.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl"):
            nxt = cur.head
            if cur.dep_ == "pcomp":  # "by releasing funds": the verb that takes the "by" phrase
                nxt = nxt.head
            came_by = cur.dep_
            cur = nxt if nxt.pos_ in ("VERB", "AUX") else None
            continue
        return []
    return []


def passive_agents(verb: Token) -> list[Token]:
    for cur in (verb, *[c for c in verb.children if c.dep_ == "conj"]):
        for child in cur.children:
            if child.dep_ == "agent":
                return [p for p in child.children if p.dep_ == "pobj"]
    # "armed, trained and directed by X": the by-phrase sits on the last conjunct.
    if verb.dep_ == "conj":
        return passive_agents(verb.head)
    return []


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children):
        return True
    if verb.tag_ != "VBN":
        return False
    # "militias armed by X"; "who was seized and held": a participle shares its conjunct's voice.
    return verb.dep_ == "acl" or (verb.dep_ == "conj" and verb.head is not verb and is_passive(verb.head))


def verb_arguments(verb: Token, lexicon: Lexicon) -> list[tuple[str, Token]]:
    roles = lexicon.roles
    args: list[tuple[str, Token]] = []
    for child in verb.children:
        dep = child.dep_
        if dep == "agent":
            args += [("agent", p) for p in child.children if p.dep_ == "pobj"]
        elif dep == "prep":
            role = roles.prep.get(child.lower_)
            if role:
                args += [(role, p) for p in child.children if p.dep_ == "pobj"]
        elif dep in roles.verb and dep != "nsubj":
            args.append((roles.verb[dep], child))
    if not any(r == "agent" for r, _ in args):
        if is_passive(verb):
            args += [("agent", a) for a in passive_agents(verb)]
        else:
            args += [("agent", s) for s in subjects(verb)]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "hostages freed by X": the noun is the patient
        args.append(("patient", verb.head))
    clause = verb
    while clause.dep_ == "conj" and clause.tag_ == "VBN" and clause.head is not clause:
        clause = clause.head
    shared = [c for c in clause.children if c.dep_ == "nsubjpass"]
    if clause is not verb and not any(r == "patient" for r, _ in args):
        args += [("patient", c) for c in shared if c.tag_ not in ("WDT", "WP")]
    if clause.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in shared):
        args.append(("patient", clause.head))  # "the girl who was kidnapped"
    if verb.dep_ == "relcl" and any(
        c.dep_ == "dobj" and (c.tag_ in ("WDT", "WP") or c.lower_ in RELATIVE_PRONOUNS) for c in verb.children
    ):
        args.append(("patient", verb.head))  # "a firm that Acme has hired": the firm is hired
    elif (
        verb.dep_ == "relcl"
        and not is_passive(verb)
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in verb.children)
    ):
        args.append(("patient", verb.head))  # "the startup it bought": a relative with no "that"
    for role, tok in list(args):
        args += [(role, t) for t in included(tok)]
    return args


def noun_arguments(noun: Token, lexicon: Lexicon, index: RecordIndex) -> list[tuple[str, Token]]:
    roles = lexicon.roles
    args: list[tuple[str, Token]] = []
    for child in noun.children:
        dep = child.dep_
        if dep == "prep":
            role = roles.noun_prep.get(child.lower_) or roles.prep.get(child.lower_)
            if role:
                args += [(role, p) for p in child.children if p.dep_ == "pobj"]
        elif dep in roles.noun and child.i < noun.i and index.entities(child):
            args.append((roles.noun[dep], child))
    head = noun.head
    # "announced €2 million in emergency aid", "pledged $5bn of aid": the noun names what the
    # amount is for, and the amount is the verb's object.
    if (
        noun.dep_ == "pobj"
        and head.lower_ in ("in", "of")
        and index.is_money(head.head)
        and head.head.dep_ == "dobj"
        and head.head.head.pos_ == "VERB"
        and head.head.head.lemma_.lower() in roles.support_verbs
        and not any(r == "agent" for r, _ in args)
    ):
        args += [("agent", s) for s in subjects(head.head.head)]
    if head is not noun and head.pos_ == "VERB":
        if noun.dep_ == "dobj" and head.lemma_.lower() in roles.support_verbs:
            if not any(r == "agent" for r, _ in args):
                args += [("agent", s) for s in subjects(head)]
            # "launched an offensive in X": the location sits on the verb.
            for prep in head.children:
                if prep.dep_ == "prep" and roles.prep.get(prep.lower_) == "location":
                    args += [("location", p) for p in prep.children if p.dep_ == "pobj"]
        elif noun.dep_ == "nsubjpass" and not any(r == "agent" for r, _ in args):
            args += [("agent", a) for a in passive_agents(head)]
        if noun.dep_ in ("nsubj", "nsubjpass") and not any(
            r in PLACE_ROLES and index.is_place(t) for r, t in args
        ):
            # "the robbery took place in X", "the fire broke out at X", "talks were held in X":
            # the verb an event noun is subject of says where it happened, unless the noun
            # names its place itself ("air operations from X ... began, in Y").
            # "broke out on the third floor of the X factory": "on" gives a target to verbs of
            # action but a place to a verb an event noun is subject of.
            for prep in head.children:
                if prep.dep_ == "prep" and roles.prep.get(prep.lower_) in ("location", "target"):
                    args += [("location", p) for p in prep.children if p.dep_ == "pobj"]
    # "X added Y to its sanctions list": the listing verb's subject lists its object.
    verb = listing_verb(noun, roles.listing_verbs)
    if verb is not None:
        if not any(r == "agent" for r, _ in args):
            args += [("agent", s) for s in subjects(verb)]
        args += [("patient", o) for o in verb.children if o.dep_ == "dobj"]
    # "X has been under sanctions": the clause's subject bears the state the noun names.
    if noun.dep_ == "pobj" and noun.head.lower_ in roles.state_preps:
        clause = noun.head.head
        verbs = roles.state_prep_verbs.get(noun.head.lower_)
        if clause.pos_ in ("VERB", "AUX") and (verbs is None or clause.lemma_.lower() in verbs):
            role = roles.state_preps[noun.head.lower_]
            args += [(role, s) for s in subjects(clause)]
    return args


def listing_verb(noun: Token, verbs: frozenset[str]) -> Token | None:
    """The verb that puts something on the list ``noun`` names ("added Y to the list", "put Y on it")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "on") or prep.head is prep:
        return None
    cur = prep.head
    # The parser may hang "to its sanctions list" on the object ("added X and four of its vessels
    # to ..."): climb through the object phrase to the verb, a few arcs at most.
    for _ in range(LISTING_CLIMB):
        if cur.pos_ == "VERB" or cur.dep_ not in ("pobj", "prep", "dobj", "conj", "appos") or cur.head is cur:
            break
        cur = cur.head
    return cur if cur.pos_ == "VERB" and cur.lemma_.lower() in verbs else None


def patient_heads(trigger: Token, pos: str, args: list[tuple[str, Token]]) -> list[Token]:
    heads = [t for r, t in args if r == "patient"]
    if pos == "noun":
        heads += [c for c in trigger.children if c.dep_ in ("compound", "nmod") and c.i < trigger.i]
    return [c for h in heads for c in conjuncts(h)]


def antecedent_has(pronoun: Token, wanted: frozenset[str]) -> bool:
    """Whether a pronoun ("they were lifted") can refer back to a noun with a wanted lemma."""
    sent = pronoun.sent
    start = pronoun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in wanted for t in pronoun.doc[start : pronoun.i])


def _is_person(tok: Token, index: RecordIndex) -> bool:
    """Whether a name is a person's ("signed Jane Roe" is hiring, not an agreement)."""
    eid = index.entity(tok)
    record = index.entity_records.get(eid) if eid else None
    return (record.type if record else tok.ent_type_) == "PERSON"


def sense_holds(
    sense: Sense, trigger: Token, pos: str, args: list[tuple[str, Token]], index: RecordIndex
) -> tuple[bool, Token | None]:
    """Whether the constraints of ``sense`` hold; also returns the modifier that selected it."""
    modifier: Token | None = None
    if sense.modifier:
        modifier = next(
            (c for c in trigger.children if c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in sense.modifier),
            None,
        )
        if modifier is None:
            return False, None
    if sense.patient:
        ok = False
        for p in patient_heads(trigger, pos, args):
            lemma = p.lemma_.lower()
            if (
                lemma in sense.patient
                or (sense.money_patient and index.is_money(p))
                or (sense.proper_patient and p.pos_ == "PROPN" and not _is_person(p, index))
                or (lemma in PRONOUNS and antecedent_has(p, sense.patient))
            ):
                ok = True
                break
        if not ok:
            return False, None
    if sense.person_patient and not any(
        index.entity(p) and _is_person(p, index) for p in patient_heads(trigger, pos, args)
    ):
        return False, None
    if sense.agent and not any(t.lemma_.lower() in sense.agent for r, t in args if r == "agent"):
        return False, None
    if sense.place_arg and not any(index.is_place(t) for r, t in args if r != "agent"):
        return False, None
    return True, modifier


def is_verbal(tok: Token) -> bool:
    """A verb, or a past form the tagger took for an adjective although it has an object ("X armed Y")."""
    return tok.pos_ in VERB_POS or (tok.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in tok.children))


def trigger_pos(tok: Token) -> str | None:
    """``verb`` or ``noun``, the lexicon's parts of speech for a trigger; None for other words."""
    if is_verbal(tok):
        return "verb"
    return "noun" if tok.pos_ in NOUN_POS else None


def find_mention(tok: Token, lexicon: Lexicon, index: RecordIndex) -> Mention | None:
    pos = trigger_pos(tok)
    if pos is None:
        return None
    senses = lexicon.senses_for(tok.lemma_.lower(), pos)
    if not senses:
        return None
    args = verb_arguments(tok, lexicon) if pos == "verb" else noun_arguments(tok, lexicon, index)
    for sense in senses:
        ok, modifier = sense_holds(sense, tok, pos, args, index)
        if ok:
            return Mention(trigger=tok, sense=sense, args=args, modifier=modifier)
    return None


def resolve(mention: Mention, lexicon: Lexicon, index: RecordIndex) -> None:
    """Fill participants and place from the arguments."""
    remap = lexicon.types[mention.sense.type].prep_roles
    if remap:
        mention.args = [
            (remap.get(t.head.lower_, role) if t.dep_ == "pobj" else role, t) for role, t in mention.args
        ]
    seen: set[str] = set()
    for role, tok in mention.args:
        for eid in index.entities(tok, through=role in THROUGH_ROLES, modifiers=False):
            if eid not in seen:
                seen.add(eid)
                mention.participants.append(Participant(entity=eid, role=role))
    place_roles = lexicon.types[mention.sense.type].place_roles
    for nested in (False, True):
        for wanted in place_roles:
            for role, tok in mention.args:
                if role == wanted:
                    place = nested_place(tok, index) if nested else index.place(tok)
                    if place is not None:
                        mention.place = place
                        return
    # Last, where the actor is: "a court in Stockholm upheld", "Kenya's regulator approved".
    for role, tok in mention.args:
        if role == "agent" and tok.pos_ == "NOUN":
            place = nested_place(tok, index) or next(
                (
                    p
                    for c in tok.children
                    if c.dep_ in ("poss", "compound") and (p := index.place(c)) is not None
                ),
                None,
            )
            if place is not None:
                mention.place = place
                return


def nested_place(tok: Token, index: RecordIndex, depth: int = NESTED_PLACE_DEPTH) -> Place | None:
    """The place an unnamed argument sits in: "a strike on a market in the town of X" → X.

    Followed only through locative prepositions and "of" ("the town of X"), at most ``depth``
    phrases down, and only when no argument names a place directly.
    """
    if depth <= 0:
        return None
    for child in tok.children:
        # "in Paris trading", "at the Antwerp offices": a place that modifies the argument
        if child.dep_ == "compound" and child.i < tok.i and index.place(child) is not None:
            return index.place(child)
        if child.dep_ == "prep" and child.lower_ in NESTED_PLACE_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = index.place(pobj) or nested_place(pobj, index, depth - 1)
                    if found is not None:
                        return found
    return None


def _linked(head: Token, dep: Token) -> bool:
    """Whether ``dep`` hangs under ``head`` through event-internal dependencies only."""
    cur = dep
    for _ in range(4):
        if cur.head is cur or cur.dep_ not in MERGE_DEPS:
            return False
        cur = cur.head
        if cur.i == head.i:
            return True
    return False


def merge(mentions: list[Mention]) -> list[Mention]:
    """Merge mentions of one event in a sentence into the syntactically highest one."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: len(list(m.trigger.ancestors))):
        target = next(
            (
                o
                for o in out
                if o.sense.type == m.sense.type
                # untyped mentions share no kind: "the trial ... released" are two happenings
                and (o.sense.type != OTHER_TYPE or o.sense.subtype == m.sense.subtype)
                and (
                    _linked(o.trigger, m.trigger)
                    or (o.sense.subtype == m.sense.subtype and o.place is not None and o.place is m.place)
                )
            ),
            None,
        )
        if target is None:
            out.append(m)
            continue
        known = {p.entity for p in target.participants}
        target.participants += [p for p in m.participants if p.entity not in known]
        target.place = target.place or m.place
        target.time = target.time or m.time
    return sorted(out, key=lambda m: m.trigger.i)


def sentence_mentions(sent: Span, lexicon: Lexicon, index: RecordIndex) -> list[Mention]:
    found: list[Mention] = []
    for tok in sent:
        m = find_mention(tok, lexicon, index)
        if m is not None:
            resolve(m, lexicon, index)
            found.append(m)
    by_trigger = {m.trigger.i: m for m in found}
    for m in found:
        # "the sanctions on X were lifted": the lifting concerns the sanctions' participants.
        for role, tok in m.args:
            inner = by_trigger.get(tok.i) if role == "patient" else None
            if inner is not None and inner is not m:
                known = {p.entity for p in m.participants}
                m.participants += [p for p in inner.participants if p.entity not in known]
    return found


# TimeML classes whose predicates are events of the world whatever their lemma; the others
# (saying, believing, wanting, beginning, seeing) become records only when their lemma is in a
# class of its own ("accused" is an accusation, "said" is not news of itself).
OPEN_CLASSES = frozenset({"OCCURRENCE", "I_ACTION"})
# Lemma classes that never make a record by themselves: a report or an announcement is the
# frame of the news, not the news (the claims layer keeps who said what).
FRAME_TYPES = frozenset({"communicate"})
# Light and auxiliary verbs the model sometimes marks; their complement carries the event.
LIGHT_LEMMAS = frozenset({"be", "have", "do", "get", "become", "seem", "appear", "remain", "take", "make"})
# Aspectual verbs say when another event starts or stops; that event is the record.
ASPECTUAL_LEMMAS = frozenset({"begin", "start", "continue", "end", "stop", "finish", "resume", "keep"})


def general_mention(tok: Token, timeml_class: str, lexicon: Lexicon, index: RecordIndex) -> Mention | None:
    """A mention for a predicate of the learned layer that no trigger sense claimed, or None.

    Its type is the lemma's class (``other`` when none) and its subtype the lemma, so an
    untyped event still says what happened; arguments, participants and place come from the
    same parse rules as lexicon triggers.
    """
    pos = trigger_pos(tok)
    if pos is None:
        return None
    lemma = lexicon.lemma(tok)
    if lemma in LIGHT_LEMMAS or lemma in ASPECTUAL_LEMMAS or index.entity(tok) is not None:
        return None
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):  # a preposition
        return None
    # A lemma with trigger senses none of which held ("lifted the box", not "lifted sanctions")
    # keeps no type: the senses' constraints are exactly what tells its meanings apart.
    etype = OTHER_TYPE if lexicon.senses_for(lemma, pos) else lexicon.class_of(lemma, tok)
    if etype in FRAME_TYPES or (timeml_class not in OPEN_CLASSES and etype == OTHER_TYPE):
        return None
    sense = Sense(lemma=lemma, pos=pos, type=etype, subtype=lemma)
    args = verb_arguments(tok, lexicon) if pos == "verb" else noun_arguments(tok, lexicon, index)
    mention = Mention(trigger=tok, sense=sense, args=args)
    resolve(mention, lexicon, index)
    return mention
