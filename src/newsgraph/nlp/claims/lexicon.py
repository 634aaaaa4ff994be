"""The cue lexicon of the claims component: ``resources/claims/cues.yaml`` loaded, validated (the
bad file and key are named) and compiled into phrase sets matched over tokens, by lowercased text
or lemma and optional tag."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.errors import ResourceError
from newsgraph.resources import load_yaml

LEXICON_RESOURCE = "claims/cues.yaml"


@dataclass(frozen=True)
class _TokenPattern:
    text: str
    tag: str | None

    def matches(self, tok: Token) -> bool:
        if self.tag and tok.tag_ != self.tag and tok.pos_ != self.tag:
            return False
        return self.text in (_fold(tok.lower_), _fold(tok.lemma_.lower()))


@dataclass(frozen=True)
class Phrase:
    """Token patterns; the cue itself is ``patterns[cue_lo:cue_hi]`` (the rest is context)."""

    patterns: tuple[_TokenPattern, ...]
    cue_lo: int
    cue_hi: int


@dataclass(frozen=True)
class Match:
    length: int  # tokens consumed
    cue_lo: int  # the cue's tokens, relative to the match start
    cue_hi: int


def _fold(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def _phrase(entry: str) -> Phrase:
    """Parse ``"[appear] to"``: brackets mark the cue words inside a longer context (default: all)."""
    pats = []
    lo, hi = None, None
    for k, part in enumerate(entry.split()):
        if part.startswith("["):
            lo, part = k, part[1:]
        if part.endswith("]"):
            hi, part = k + 1, part[:-1]
        text, _, tag = part.partition("/")
        pats.append(_TokenPattern(_fold(text.lower()), tag or None))
    if (lo is None) != (hi is None):
        raise ResourceError(f"{LEXICON_RESOURCE}: unbalanced brackets in {entry!r}")
    return Phrase(tuple(pats), lo or 0, hi if hi is not None else len(pats))


@dataclass(frozen=True)
class _PhraseSet:
    """Phrases indexed by the text of their first pattern, so a look-up per token is cheap."""

    by_first: dict[str, tuple[Phrase, ...]]

    @classmethod
    def build(cls, entries: Iterable[str]) -> _PhraseSet:
        index: dict[str, list[Phrase]] = {}
        for entry in entries:
            ph = _phrase(str(entry))
            index.setdefault(ph.patterns[0].text, []).append(ph)
        return cls({k: tuple(v) for k, v in index.items()})

    def match_at(self, tokens: Sequence[Token], i: int) -> Match | None:
        """The longest phrase matching at ``tokens[i]`` ("as long as" wins over "as")."""
        tok = tokens[i]
        keys = {_fold(tok.lower_), _fold(tok.lemma_.lower())}
        candidates = sorted(
            (ph for key in keys for ph in self.by_first.get(key, ())), key=lambda ph: -len(ph.patterns)
        )
        for ph in candidates:
            n = len(ph.patterns)
            if i + n <= len(tokens) and all(p.matches(tokens[i + k]) for k, p in enumerate(ph.patterns)):
                return Match(n, ph.cue_lo, ph.cue_hi)
        return None


@dataclass(frozen=True)
class Lexicon:
    hedge: _PhraseSet
    speculation: _PhraseSet
    condition: _PhraseSet
    loaded: _PhraseSet
    sarcasm: _PhraseSet
    rhetorical_questions: _PhraseSet
    exhortations: _PhraseSet
    evaluative: _PhraseSet
    interjections: _PhraseSet
    attribution_phrases: _PhraseSet
    attribution_verbs: frozenset[str]
    attribution_nouns: frozenset[str]
    source_nouns: frozenset[str]


def _strings(data: object, where: str) -> list[str]:
    if not isinstance(data, list) or not all(isinstance(x, str) and x.strip() for x in data):
        raise ResourceError(f"{LEXICON_RESOURCE}: {where} must be a list of non-empty strings")
    return [str(x) for x in data]


_SECTIONS = ("source", "hedge", "speculation", "condition", "attribution", "loaded", "sarcasm", "rhetorical")


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = load_yaml(
        LEXICON_RESOURCE,
        required_keys=(
            "source",
            "hedge",
            "speculation",
            "condition",
            "attribution",
            "loaded",
            "sarcasm",
            "rhetorical",
            "evaluative",
        ),
    )
    attr, rhet, evaluative = data["attribution"], data["rhetorical"], data["evaluative"]
    if not isinstance(attr, dict) or not isinstance(rhet, dict) or not isinstance(evaluative, dict):
        raise ResourceError(f"{LEXICON_RESOURCE}: attribution, rhetorical and evaluative must be mappings")
    return Lexicon(
        hedge=_PhraseSet.build(_strings(data["hedge"], "hedge")),
        speculation=_PhraseSet.build(_strings(data["speculation"], "speculation")),
        condition=_PhraseSet.build(_strings(data["condition"], "condition")),
        loaded=_PhraseSet.build(_strings(data["loaded"], "loaded")),
        sarcasm=_PhraseSet.build(_strings(data["sarcasm"], "sarcasm")),
        rhetorical_questions=_PhraseSet.build(_strings(rhet.get("questions"), "rhetorical.questions")),
        exhortations=_PhraseSet.build(_strings(rhet.get("exhortations"), "rhetorical.exhortations")),
        evaluative=_PhraseSet.build(_strings(evaluative.get("predicates"), "evaluative.predicates")),
        interjections=_PhraseSet.build(_strings(evaluative.get("interjections"), "evaluative.interjections")),
        attribution_phrases=_PhraseSet.build(_strings(attr.get("phrases"), "attribution.phrases")),
        attribution_verbs=frozenset(_strings(attr.get("verbs"), "attribution.verbs")),
        attribution_nouns=frozenset(_strings(attr.get("nouns"), "attribution.nouns")),
        source_nouns=frozenset(_strings(attr.get("source_nouns"), "attribution.source_nouns")),
    )
