"""newsgraph_places: resolve the document's place names to GeoNames places.

Every GPE/LOC/FAC entity (from the entities component; spaCy's ``doc.ents`` when there are
none) is looked up in the offline gazetteer and resolved with its population and kind, the
containment phrases around its mentions and the countries the rest of the article is about
(:mod:`newsgraph.geo.resolve`).

One :class:`~newsgraph.model.Place` is written per resolved entity: ``text``/``start``/``end``
are its first mention, ``name`` its canonical name as the article writes it. Names the gazetteer
does not know get no Place: without coordinates a record adds nothing the entity does not already
say, and a name with no candidate is as likely an organisation or a person mislabelled by the
tagger as a place. Demonyms (NORP) are never places.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.geo.gazetteer import Candidate, lookup
from newsgraph.geo.names import fold
from newsgraph.geo.resolve import Resolution, Toponym, haversine, resolve
from newsgraph.model import Place
from newsgraph.nlp.state import body_text, get_state

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# The small spaCy model often tags a bare state or country name as an organisation or a person
# ("Connecticut" beat Notre Dame, "Georgia" said). Such an entity is a place when every mention is
# the main name of a country or first-level division; a city name is not enough ("Jackson",
# "Madison" are people too).
RETYPED = frozenset({"ORG", "PERSON"})
# Facilities ("the White House", "Camp Bastion") share names with towns far away (White House,
# Tennessee). A facility is taken to be the town of its name only when that town matches by its
# main name and lies within FAC_NEAR_KM of another town or area the article names.
FAC_NEAR_KM = 150.0
_LOCAL = frozenset({"city", "admin1", "admin2"})
# "the town of Sake", "the Baltic port of Primorsk", "the province of Anbar": a name written after a
# settlement noun and "of" is a place whatever type the tagger gave it, or when it tagged nothing.
# Only nouns that name a populated place or an area: "the head of X", "the port of call" are not.
SETTLEMENT_OF = re.compile(
    r"\b(?:town|city|village|hamlet|port|suburb|municipality|province|district|county)\s+of\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)


@dataclass(frozen=True)
class PlaceName:
    """A place-like entity of the document: id (or ``None`` for a bare spaCy span) and mentions."""

    entity: str | None
    label: str
    toponym: Toponym


def place_names(doc: Doc) -> list[PlaceName]:
    """GPE/LOC/FAC entities of ``doc`` with their mentions, in order of first mention."""
    state = get_state(doc)
    out: list[PlaceName] = []
    settled = settlement_names(body_text(doc))
    if state.entities:
        for ent in state.entities:
            if not ent.mentions:
                continue
            mentions = sorted(ent.mentions, key=lambda m: m.start)
            texts = [m.text for m in mentions]
            if (
                ent.type not in PLACE_TYPES
                and not (ent.type in RETYPED and all(map(names_an_area, texts)))
                and not (ent.type != "NORP" and any(m.start in settled for m in mentions))
            ):
                continue
            aliases = tuple(dict.fromkeys([ent.name, *ent.aliases, *texts]))
            spans = tuple((m.start, m.end) for m in mentions)
            name = written_name(ent.name, texts)
            out.append(PlaceName(ent.id, ent.type, Toponym(name=name, spans=spans, aliases=aliases)))
    else:
        groups: dict[str, list[tuple[str, int, int, str]]] = {}
        for span in doc.ents:
            if span.label_ in PLACE_TYPES:
                groups.setdefault(fold(span.text), []).append(
                    (span.text, span.start_char, span.end_char, span.label_)
                )
        for ms in groups.values():
            spans = tuple((s, e) for _, s, e, _ in ms)
            out.append(PlaceName(None, ms[0][3], Toponym(name=ms[0][0], spans=spans)))
    taken = [(m.start, m.end) for e in state.entities for m in e.mentions]
    taken += [(s, e) for p in out for s, e in p.toponym.spans]
    settled.update(container_names(body_text(doc), [p.toponym.spans for p in out]))
    out += untagged_settlements(body_text(doc), settled, taken)
    out.sort(key=lambda p: p.toponym.spans[0][0])
    return out


# ", Cyprus" right after a place name; up to three capitalised words ("United Arab Emirates").
CONTAINER_AFTER = re.compile(r",\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?![\w'’-])")


def settlement_names(text: str) -> dict[int, str]:
    """Start offset → name of each name written after a settlement noun and "of" (SETTLEMENT_OF)."""
    return {m.start("name"): m.group("name") for m in SETTLEMENT_OF.finditer(text)}


def container_names(text: str, place_spans: list[tuple[tuple[int, int], ...]]) -> dict[int, str]:
    """Start offset → name of a country or first-level area written right after a place and a
    comma ("Limassol, Cyprus", "Springfield, Illinois"): the container the tagger missed."""
    out: dict[int, str] = {}
    for spans in place_spans:
        for _, end in spans:
            m = CONTAINER_AFTER.match(text, end)
            if m and names_an_area(m.group("name")):
                out[m.start("name")] = m.group("name")
    return out


def untagged_settlements(text: str, settled: dict[int, str], taken: list[tuple[int, int]]) -> list[PlaceName]:
    """Place names for "the town of X" (or a container "Y, X") where no entity covers X, with every
    mention of X."""
    out: list[PlaceName] = []
    seen: set[str] = set()
    for start, name in settled.items():
        key = fold(name)
        if key in seen or any(s <= start < e for s, e in taken) or not lookup(name):
            continue
        seen.add(key)
        spans = tuple(
            (m.start(), m.end())
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
            if not any(s <= m.start() < e for s, e in taken)
        )
        out.append(PlaceName(None, "GPE", Toponym(name=name, spans=spans)))
    return out


def names_an_area(text: str) -> bool:
    """Whether ``text`` is the main name of a country or first-level division ("Georgia", "Ohio"), or
    of a several-word region ("Salar de Atacama"; one-word regions like "Amazon" are companies too)."""
    return any(
        not c.alternate and (c.feature in ("country", "admin1") or (c.feature == "region" and " " in c.name))
        for c in lookup(text)
    )


def written_name(canonical: str, mentions: list[str]) -> str:
    """The entity's name as the article writes it: the canonical name when it occurs, else the
    most frequent (then longest) mention ("Irbil" in an article that never writes "Erbil")."""
    if not mentions or any(fold(m) == fold(canonical) for m in mentions):
        return canonical
    counts = Counter(mentions)
    return max(counts, key=lambda m: (counts[m], len(m)))


def accept(name: PlaceName, res: Resolution | None, others: Sequence[Candidate] = ()) -> bool:
    """Whether a resolution is kept as a place of the document.

    ``others``: the places the document's GPE/LOC names resolved to (the facility check).
    """
    if res is None:
        return False
    if name.label == "FAC":
        c = res.candidate
        return not c.alternate and any(
            o.feature in _LOCAL and o != c and haversine(c.lat, c.lon, o.lat, o.lon) <= FAC_NEAR_KM
            for o in others
        )
    return True


def accepted(names: Sequence[PlaceName], resolutions: Sequence[Resolution | None]) -> list[bool]:
    """:func:`accept` for each name, facilities checked against the GPE/LOC places."""
    others = [
        r.candidate for n, r in zip(names, resolutions, strict=True) if r is not None and n.label != "FAC"
    ]
    return [accept(n, r, others) for n, r in zip(names, resolutions, strict=True)]


def places_of(doc: Doc) -> list[Place]:
    names = place_names(doc)
    resolutions = resolve(body_text(doc), [n.toponym for n in names])
    places: list[Place] = []
    for name, res, ok in zip(names, resolutions, accepted(names, resolutions), strict=True):
        if res is None or not ok:
            continue
        start, end = name.toponym.spans[0]
        c = res.candidate
        places.append(
            Place(
                id=f"p{len(places) + 1}",
                text=body_text(doc)[start:end],
                start=start,
                end=end,
                name=name.toponym.name,
                entity=name.entity,
                geonames_id=c.geonames_id,
                lat=round(c.lat, 5),
                lon=round(c.lon, 5),
                country=c.country,
                feature=c.feature,
                confidence=res.confidence,
            )
        )
    return places


class PlacesComponent:
    def __call__(self, doc: Doc) -> Doc:
        get_state(doc).places.extend(places_of(doc))
        return doc


@Language.factory("newsgraph_places")
def make_component(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()
