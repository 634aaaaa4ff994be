"""The relation lexicon (``resources/relations/lexicon.yaml``), loaded and checked once."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from newsgraph.errors import ResourceError
from newsgraph.resources import load_yaml

LEXICON_FILE = "relations/lexicon.yaml"
REQUIRED = (
    "source",
    "verbs",
    "action_nouns",
    "light_verbs",
    "money_verbs",
    "money_nouns",
    "operation_verbs",
    "role_nouns",
    "compound_roles",
)


@dataclass(frozen=True)
class Predicate:
    name: str
    preps: frozenset[str] = frozenset()
    lists: bool = True
    direct: bool = True  # the verb's direct object is a relation object
    objects: frozenset[str] = frozenset()  # entity types an object must have (empty: any)


@dataclass(frozen=True)
class RelationLexicon:
    verbs: dict[str, Predicate]
    action_nouns: dict[str, Predicate]
    light_verbs: frozenset[str]
    money_verbs: frozenset[str]
    money_nouns: frozenset[str]
    operation_verbs: dict[str, str]
    role_nouns: dict[str, str]
    compound_roles: frozenset[str]
    leading_modifiers: frozenset[str] = frozenset()
    leading_heads: frozenset[str] = frozenset()
    owned_roles: frozenset[str] = frozenset()
    state_offices: dict[str, str] = field(default_factory=dict)


def _predicates(raw: object, key: str) -> dict[str, Predicate]:
    if not isinstance(raw, dict):
        raise ResourceError(f"{LEXICON_FILE}: {key!r} must be a mapping")
    out: dict[str, Predicate] = {}
    for lemma, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("predicate"), str):
            raise ResourceError(f"{LEXICON_FILE}: {key}.{lemma} needs a predicate")
        preps = frozenset(str(p) for p in spec.get("preps", []))
        out[str(lemma).lower()] = Predicate(
            spec["predicate"],
            preps,
            bool(spec.get("lists", True)),
            bool(spec.get("direct", True)),
            frozenset(str(t) for t in spec.get("objects", [])),
        )
    return out


def _words(raw: object, key: str) -> frozenset[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
        raise ResourceError(f"{LEXICON_FILE}: {key!r} must be a list of words")
    return frozenset(w.lower() for w in raw)


def _mapping(raw: object, key: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise ResourceError(f"{LEXICON_FILE}: {key!r} must map words to predicates")
    return {str(k).lower(): v for k, v in raw.items()}


@functools.lru_cache(maxsize=1)
def load_relation_lexicon() -> RelationLexicon:
    """The packaged relation lexicon; raises :class:`ResourceError` naming a bad file."""
    raw = load_yaml(LEXICON_FILE, required_keys=REQUIRED)
    return RelationLexicon(
        verbs=_predicates(raw["verbs"], "verbs"),
        action_nouns=_predicates(raw["action_nouns"], "action_nouns"),
        light_verbs=_words(raw["light_verbs"], "light_verbs"),
        money_verbs=_words(raw["money_verbs"], "money_verbs"),
        money_nouns=_words(raw["money_nouns"], "money_nouns"),
        operation_verbs=_mapping(raw["operation_verbs"], "operation_verbs"),
        role_nouns=_mapping(raw["role_nouns"], "role_nouns"),
        compound_roles=_words(raw["compound_roles"], "compound_roles"),
        leading_modifiers=_words(raw.get("leading_modifiers", []), "leading_modifiers"),
        leading_heads=_words(raw.get("leading_heads", []), "leading_heads"),
        owned_roles=_words(raw.get("owned_roles", []), "owned_roles"),
        state_offices=_mapping(raw.get("state_offices", {}), "state_offices"),
    )
