"""Office holders of the state an article is about: "Interior Minister X", "President Y".

News names a national office without its country when the country is the story's own: a
Lisbon-datelined report says "Interior Minister Helena Cardoso", never "Portugal's". A person
whose title is such an office (``state_offices`` in the relation lexicon) and names no
organisation of its own holds it in:

1. a country named inside the title ("South Korea's deputy defence minister");
2. else a ministry the article names whose name shares the title's subject ("Agriculture
   Cabinet Secretary X" → "Ministry of Agriculture ..."), for a minister-like office;
3. else the country of the dateline ("RABAT —").

Without a dateline no country is guessed: an article about Iran that quotes "Secretary of State
John Kerry" is no evidence that Kerry serves Iran, so the article's most named country is not
used.

A former office ("former finance minister") is no current link and gives none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from newsgraph.model import Entity, Place, Span
from newsgraph.nlp.events.index import RecordIndex
from newsgraph.nlp.relations.lexicon import RelationLexicon
from newsgraph.nlp.relations.titles import title_evidence

# Words of a title that say it is no longer (or not yet) held.
NOT_HELD = frozenset({"former", "ex", "ex-", "late", "acting-designate", "incoming", "outgoing", "designate"})
# Title words that carry no subject of a ministry ("deputy", "state", "cabinet").
NO_SUBJECT = frozenset(
    {"minister", "ministers", "deputy", "cabinet", "secretary", "state", "of", "for", "the", "and", "junior", "senior"}
)  # fmt: skip
_FORMER = re.compile(r"\b(?:former|ex-|then-|outgoing)\s*$", re.IGNORECASE)
COUNTRY_FEATURES = frozenset({"country"})


def _office(title: str, lexicon: RelationLexicon) -> tuple[str, str] | None:
    """(office, predicate) when ``title`` is a state office: "Defence Minister", "minister of
    state for petroleum resources", "President"."""
    low = re.sub(r"\s+", " ", title.strip().lower())
    words = set(re.split(r"[\s-]+", low))
    if words & NOT_HELD:
        return None
    for office in sorted(lexicon.state_offices, key=len, reverse=True):
        if low == office or low.endswith(" " + office) or low.startswith((office + " of ", office + " for ")):
            return office, lexicon.state_offices[office]
    return None


def _countries(entities: list[Entity], places: list[Place]) -> dict[str, str]:
    """Entity id → country code, for entities that resolved to a country."""
    return {
        p.entity: p.country
        for p in places
        if p.entity is not None and p.country and p.feature in COUNTRY_FEATURES
    }


def _ministry_for(title: str, entities: list[Entity]) -> str | None:
    subject = [w for w in re.split(r"[\s-]+", title.lower()) if w and w not in NO_SUBJECT]
    if not subject:
        return None
    for e in entities:
        words = e.name.lower().split()
        if e.type == "ORG" and "ministry" in words and all(w in words for w in subject):
            return e.id
    return None


def office_relations(
    doc: Doc, index: RecordIndex, lexicon: RelationLexicon
) -> Iterator[tuple[str, str, str, Span]]:
    """(holder, predicate, country or ministry, evidence) for untied state offices."""
    entities = index.state.entities
    countries = _countries(entities, index.state.places)
    if not countries:
        return
    by_id = {e.id: e for e in entities}
    dateline_country = None
    if index.dateline is not None:
        for tok in index.dateline:
            place = index.place(tok)
            if place is not None and place.country:
                dateline_country = next((eid for eid, cc in countries.items() if cc == place.country), None)
                break
    for person in entities:
        if person.type != "PERSON":
            continue
        for title in person.titles:
            found = _office(title, lexicon)
            if found is None:
                continue
            office, predicate = found
            low = title.lower()
            named = [
                eid
                for eid in countries
                if eid in by_id and any(n.lower() in low for n in (by_id[eid].name, *by_id[eid].aliases))
            ]
            target = named[0] if named else None
            if target is None and ("minister" in office or "secretary" in office):
                target = _ministry_for(title, entities)
            target = target or dateline_country
            if target is None or target == person.id:
                continue
            evidence = title_evidence(doc, person, title)
            # "former Defence Minister X": the title read before the name leaves out "former"
            at = evidence.text.find(title) if evidence is not None else -1
            if evidence is None or (at >= 0 and _FORMER.search(evidence.text[:at])):
                continue
            yield person.id, predicate, target, evidence
            break
