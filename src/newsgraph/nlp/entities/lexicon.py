"""The entity lexicons (YAML under ``resources/entities/``), loaded once into one typed object."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from newsgraph.errors import ResourceError
from newsgraph.resources import load_yaml


def dotless(text: str) -> str:
    """``U.S.`` → ``US``: the key under which all-capital abbreviations are compared."""
    return text.replace(".", "").replace(" ", "")


@dataclass(frozen=True)
class Variant:
    """The canonical form a known variant stands for."""

    name: str
    type: str


@dataclass(frozen=True)
class EntityLexicon:
    variants: dict[str, Variant]  # exact text (and dotless form of all-capital variants) → canonical
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    natural_heads: frozenset[str]
    ruler_nouns: frozenset[str]
    prefix_titles: tuple[str, ...]  # longest first, lower case
    title_nouns: frozenset[str]
    honorifics: frozenset[str]
    not_names: frozenset[str]
    demonyms: frozenset[str]
    legal_forms: frozenset[str] = frozenset()  # "Ltd", "AG": a name ending in one is a company
    coordinated_heads: frozenset[str] = frozenset()  # "Pharmacy and Poisons Board": one name

    def variant(self, text: str) -> Variant | None:
        """The canonical entry ``text`` is a variant of (or the canonical name itself)."""
        found = self.variants.get(text)
        if found is None and text.replace(".", "").isupper():
            found = self.variants.get(dotless(text))
        return found


def _words(data: dict[str, object], key: str, file: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ResourceError(f"resource file entities/{file}: '{key}' must be a list of strings")
    return [str(v) for v in value]


def _variants(entries: object) -> dict[str, Variant]:
    if not isinstance(entries, list):
        raise ResourceError("resource file entities/abbreviations.yaml: 'entries' must be a list")
    table: dict[str, Variant] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not {"name", "type", "variants"} <= entry.keys():
            raise ResourceError(f"resource file entities/abbreviations.yaml: bad entry {entry!r}")
        canonical = Variant(name=str(entry["name"]), type=str(entry["type"]))
        for text in [entry["name"], *entry["variants"]]:
            table[str(text)] = canonical
            if str(text).replace(".", "").isupper():
                table[dotless(str(text))] = canonical
    return table


@functools.lru_cache(maxsize=1)
def lexicon() -> EntityLexicon:
    """All entity lexicons; loaded once per process."""
    abbreviations = load_yaml("entities/abbreviations.yaml", required_keys=("source", "entries"))
    heads = load_yaml("entities/heads.yaml", required_keys=("source", "org", "place", "natural", "ruler"))
    titles = load_yaml("entities/titles.yaml", required_keys=("source", "prefix", "noun", "honorific"))
    acronyms = load_yaml("entities/acronyms.yaml", required_keys=("source", "not_names"))
    demonyms = load_yaml("entities/demonyms.yaml", required_keys=("source", "words"))
    prefix = sorted({t.lower() for t in _words(titles, "prefix", "titles.yaml")}, key=len, reverse=True)
    return EntityLexicon(
        variants=_variants(abbreviations["entries"]),
        org_heads=frozenset(_words(heads, "org", "heads.yaml")),
        place_heads=frozenset(_words(heads, "place", "heads.yaml")),
        natural_heads=frozenset(_words(heads, "natural", "heads.yaml")),
        ruler_nouns=frozenset(w.lower() for w in _words(heads, "ruler", "heads.yaml")),
        prefix_titles=tuple(prefix),
        title_nouns=frozenset(w.lower() for w in _words(titles, "noun", "titles.yaml")),
        honorifics=frozenset(w.lower() for w in _words(titles, "honorific", "titles.yaml")),
        not_names=frozenset(_words(acronyms, "not_names", "acronyms.yaml")),
        demonyms=frozenset(_words(demonyms, "words", "demonyms.yaml")),
        legal_forms=frozenset(_words(heads, "legal", "heads.yaml")) if "legal" in heads else frozenset(),
        coordinated_heads=(
            frozenset(_words(heads, "coordinated", "heads.yaml")) if "coordinated" in heads else frozenset()
        ),
    )
