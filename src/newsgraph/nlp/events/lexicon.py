"""The event vocabulary and trigger lexicon (``resources/events/*.yaml``), loaded and checked once."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.errors import ResourceError
from newsgraph.resources import load_yaml

TYPES_FILE = "events/types.yaml"
TRIGGERS_FILE = "events/triggers.yaml"
ROLES_FILE = "events/roles.yaml"
MODALITY_FILE = "events/modality.yaml"
CLASSES_FILE = "events/classes.yaml"
# The type of a predicate the mention model finds in no class.
OTHER_TYPE = "other"
# Classes whose nouns name things or amounts more often than happenings ("a rise of 5 %" is
# counted by amounts; "the budget", "the price", "the game" are things): their nouns are events
# only where the model says so.
NON_NOMINAL_TYPES = frozenset({"change", "finance", "compete", "communicate", "create", "move", "decide"})
# ... except nouns made from verbs, which name the act ("approval", "adoption", "decision").
DEVERBAL_SUFFIXES = ("al", "tion", "sion", "ment", "ance", "ence", "ure")


@dataclass(frozen=True)
class EventType:
    name: str
    definition: str
    plover: str | None  # None for our own types PLOVER has no category for (elections)
    acled: str | None
    place_roles: tuple[str, ...]
    prep_roles: dict[str, str]


@dataclass(frozen=True)
class Sense:
    """One sense of a trigger lemma, with the constraints that select it."""

    lemma: str
    pos: str
    type: str
    subtype: str
    acled: str | None = None
    patient: frozenset[str] = frozenset()
    modifier: frozenset[str] = frozenset()
    agent: frozenset[str] = frozenset()
    place_arg: bool = False
    money_patient: bool = False
    proper_patient: bool = False
    person_patient: bool = False


@dataclass(frozen=True)
class Roles:
    verb: dict[str, str]
    noun: dict[str, str]
    prep: dict[str, str]
    noun_prep: dict[str, str]
    support_verbs: frozenset[str]
    state_preps: dict[str, str]
    listing_verbs: frozenset[str] = frozenset()
    state_prep_verbs: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Modality:
    negation: frozenset[str]
    negating_verbs: frozenset[str]
    future_aux: frozenset[str]
    future_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    uncertain_aux: frozenset[str]
    uncertain_adverbs: frozenset[str]
    uncertain_verbs: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    types: dict[str, EventType]
    senses: dict[tuple[str, str], tuple[Sense, ...]]
    roles: Roles
    modality: Modality
    # lemma -> event type, for mentions of the learned layer that no trigger sense claims
    classes: dict[str, str] = field(default_factory=dict)
    # "call off" -> "cancel": phrasal verbs named by the predicate they mean
    phrasal: dict[str, str] = field(default_factory=dict)
    # lemma -> frame ("intransitive", "transitive", "passive") -> the type that frame means:
    # "the ferry overturned" is a disaster, "overturned the ruling" a judgment
    frames: dict[str, dict[str, str]] = field(default_factory=dict)

    @functools.cached_property
    def class_nominals(self) -> frozenset[str]:
        """Lemmas of the event classes whose nouns name happenings ("robbery", "blaze", "merger"),
        for :func:`newsgraph.nlp.events.mentions.mentions`."""
        return frozenset(
            lemma
            for lemma, etype in self.classes.items()
            if etype not in NON_NOMINAL_TYPES or lemma.endswith(DEVERBAL_SUFFIXES)
        )

    @functools.cached_property
    def known_lemmas(self) -> frozenset[str]:
        """Every lemma the lexicon types (classes and trigger senses), to repair lemmas by."""
        return frozenset(self.classes) | frozenset(lemma for lemma, _ in self.senses)

    def lemma(self, tok: Token) -> str:
        """``tok``'s lemma as the lexicon names it: a phrasal verb by what it means ("called off"
        → "cancel"), and repaired where the lemmatizer cut a silent -e ("fined" → "fin" → "fine")."""
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and self.phrasal:
            for child in tok.children:
                if child.dep_ in ("prt", "prep") and child.i == tok.i + 1:
                    meant = self.phrasal.get(f"{lemma} {child.lower_}")
                    if meant:
                        return meant  # "called off" → "cancel"
        if lemma in self.known_lemmas or tok.pos_ not in ("VERB", "AUX", "ADJ"):
            return lemma
        if lemma + "e" in self.known_lemmas and tok.lower_.startswith(lemma):
            return lemma + "e"
        return lemma

    def class_of(self, lemma: str, tok: Token | None = None) -> str:
        """The event type of a predicate lemma (``other`` when it is in no class); with the
        trigger token, a verb's frame may choose another ("operated by X" runs, not surgery)."""
        by_frame = self.frames.get(lemma)
        if by_frame and tok is not None and tok.pos_ == "VERB":
            frame = verb_frame(tok)
            if frame in by_frame:
                return by_frame[frame]
        return self.classes.get(lemma, OTHER_TYPE)

    def senses_for(self, lemma: str, pos: str) -> tuple[Sense, ...]:
        return self.senses.get((lemma, pos), ())

    def nouns_of_types(self, *types: str) -> frozenset[str]:
        """Lemmas of nominal triggers of the given types (e.g. what counts as a battle noun)."""
        return frozenset(
            lemma for (lemma, pos), ss in self.senses.items() if pos == "noun" and ss[0].type in types
        )


def _words(data: dict[str, object], key: str, where: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ResourceError(f"{where}: {key!r} must be a list of words")
    return frozenset(v.lower() for v in value)


def _str_map(data: object, where: str) -> dict[str, str]:
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ResourceError(f"{where}: expected a mapping of words to words")
    return dict(data)


def _load_types() -> dict[str, EventType]:
    raw = load_yaml(TYPES_FILE, required_keys=("source", "types"))
    out: dict[str, EventType] = {}
    for name, spec in raw["types"].items():
        if not isinstance(spec, dict) or "plover" not in spec or "place_roles" not in spec:
            raise ResourceError(f"{TYPES_FILE}: type {name!r} needs plover and place_roles")
        plover = spec["plover"]
        out[name] = EventType(
            name=name,
            definition=str(spec.get("definition", "")),
            plover=None if plover is None else str(plover),
            acled=spec.get("acled"),
            place_roles=tuple(spec["place_roles"]),
            prep_roles=_str_map(spec.get("prep_roles", {}), TYPES_FILE),
        )
    return out


def _load_senses(types: dict[str, EventType]) -> dict[tuple[str, str], tuple[Sense, ...]]:
    raw = load_yaml(TRIGGERS_FILE, required_keys=("source", "triggers"))
    senses: dict[tuple[str, str], list[Sense]] = {}
    for entry in raw["triggers"]:
        where = f"{TRIGGERS_FILE}: trigger {entry!r}"
        if not isinstance(entry, dict) or not {"lemma", "pos", "type", "subtype"} <= entry.keys():
            raise ResourceError(f"{where} needs lemma, pos, type and subtype")
        if entry["type"] not in types:
            raise ResourceError(f"{where}: unknown type {entry['type']!r} (not in {TYPES_FILE})")
        if entry["pos"] not in ("verb", "noun"):
            raise ResourceError(f"{where}: pos must be verb or noun")
        sense = Sense(
            lemma=str(entry["lemma"]).lower(),
            pos=entry["pos"],
            type=entry["type"],
            subtype=str(entry["subtype"]),
            acled=entry.get("acled"),
            patient=_words(entry, "patient", where),
            modifier=_words(entry, "modifier", where),
            agent=_words(entry, "agent", where),
            place_arg=bool(entry.get("place_arg", False)),
            money_patient=bool(entry.get("money_patient", False)),
            proper_patient=bool(entry.get("proper_patient", False)),
            person_patient=bool(entry.get("person_patient", False)),
        )
        senses.setdefault((sense.lemma, sense.pos), []).append(sense)
    return {k: tuple(v) for k, v in senses.items()}


def _load_roles() -> Roles:
    raw = load_yaml(
        ROLES_FILE, required_keys=("source", "verb", "noun", "prep", "noun_prep", "support_verbs")
    )
    return Roles(
        verb=_str_map(raw["verb"], ROLES_FILE),
        noun=_str_map(raw["noun"], ROLES_FILE),
        prep=_str_map(raw["prep"], ROLES_FILE),
        noun_prep=_str_map(raw["noun_prep"], ROLES_FILE),
        support_verbs=_words(raw["support_verbs"], "agent", ROLES_FILE),
        state_preps=_str_map(raw.get("state_preps", {}), ROLES_FILE),
        listing_verbs=_words(raw, "listing_verbs", ROLES_FILE),
        state_prep_verbs={
            prep: _words(raw.get("state_prep_verbs", {}), prep, ROLES_FILE)
            for prep in raw.get("state_prep_verbs", {})
        },
    )


def _load_modality() -> Modality:
    keys = (
        "negation",
        "negating_verbs",
        "future_aux",
        "future_verbs",
        "hypothetical_aux",
        "hypothetical_marks",
        "uncertain_aux",
        "uncertain_adverbs",
        "uncertain_verbs",
    )
    raw = load_yaml(MODALITY_FILE, required_keys=("source", *keys))
    return Modality(**{k: _words(raw, k, MODALITY_FILE) for k in keys})


FRAMES = ("intransitive", "transitive", "passive")


def verb_frame(tok: Token) -> str:
    """How a verb takes its arguments: passive ("was operated by"), transitive (a direct object)
    or intransitive (neither)."""
    # a participle after a noun with no "by" is not read as passive: the small parser makes "the
    # ferry overturned near X" a reduced relative as often as a clause
    deps = {c.dep_ for c in tok.children}
    if deps & {"nsubjpass", "auxpass", "agent"}:
        return "passive"
    return "transitive" if "dobj" in deps else "intransitive"


def _load_frames(types: dict[str, EventType]) -> dict[str, dict[str, str]]:
    raw = load_yaml(CLASSES_FILE, required_keys=("source", "classes")).get("frames", {})
    if not isinstance(raw, dict):
        raise ResourceError(f"{CLASSES_FILE}: 'frames' must map lemmas to frames")
    out: dict[str, dict[str, str]] = {}
    for lemma, by_frame in raw.items():
        if not isinstance(by_frame, dict) or not set(by_frame) <= set(FRAMES):
            raise ResourceError(f"{CLASSES_FILE}: frames.{lemma} must map {FRAMES} to types")
        for etype in by_frame.values():
            if etype not in types:
                raise ResourceError(f"{CLASSES_FILE}: frames.{lemma}: unknown type {etype!r}")
        out[str(lemma)] = {str(k): str(v) for k, v in by_frame.items()}
    return out


def _load_phrasal() -> dict[str, str]:
    raw = load_yaml(CLASSES_FILE, required_keys=("source", "classes"))
    return _str_map(raw.get("phrasal", {}), CLASSES_FILE)


def _load_classes(types: dict[str, EventType]) -> dict[str, str]:
    raw = load_yaml(CLASSES_FILE, required_keys=("source", "classes"))
    out: dict[str, str] = {}
    for name, lemmas in raw["classes"].items():
        if name not in types:
            raise ResourceError(f"{CLASSES_FILE}: unknown type {name!r} (not in {TYPES_FILE})")
        for lemma in _words({"lemmas": lemmas}, "lemmas", f"{CLASSES_FILE}: {name}"):
            if lemma in out:
                raise ResourceError(f"{CLASSES_FILE}: {lemma!r} is in both {out[lemma]!r} and {name!r}")
            out[lemma] = name
    if OTHER_TYPE not in types:
        raise ResourceError(f"{TYPES_FILE}: the type {OTHER_TYPE!r} is missing")
    return out


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged event lexicon; raises :class:`ResourceError` naming a bad file."""
    types = _load_types()
    return Lexicon(
        types=types,
        senses=_load_senses(types),
        roles=_load_roles(),
        modality=_load_modality(),
        classes=_load_classes(types),
        phrasal=_load_phrasal(),
        frames=_load_frames(types),
    )
