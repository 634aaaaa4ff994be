"""Long documents analysed in parts: cut at paragraph (else line, sentence, word) boundaries, each
part run through the pipeline on its own, the records merged back into one analysis of the whole
body.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) because the parser and NER need
about a gigabyte per 100,000 words; reports, transcripts and court filings are longer than that.
A part holds at most :data:`PART_CHARS` characters, so memory stays bounded by the part, not the
document. Merging shifts every offset by the part's start, renumbers ids (``e1``, ``t1``, ...) over
the whole document, and joins the entities of all parts that have the same name and type, so an
actor named in the first and the last part is one entity with all its mentions. A relation found
in two parts is kept once, with its first evidence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from newsgraph.model import Analysis, Cue, Entity, Mention, Participant, Place, Span

# Characters per part: an ordinary article (up to ~60,000 characters) is never split, and a part's
# parse stays around 300 MB. Documents up to this size are analysed exactly as before.
PART_CHARS = 100_000
# Boundaries tried, best first; a cut is taken only in the last half of a part, so parts stay big.
_BOUNDARIES = ("\n\n", "\n", ". ", "? ", "! ", "; ", " ")


def split_points(body: str, limit: int = PART_CHARS) -> list[tuple[int, int]]:
    """[start, end) of each part; consecutive parts share their boundary, together they cover ``body``."""
    parts: list[tuple[int, int]] = []
    start = 0
    while len(body) - start > limit:
        window = body[start : start + limit]
        cut = limit
        for boundary in _BOUNDARIES:
            at = window.rfind(boundary)
            if at >= limit // 2:
                cut = at + len(boundary)
                break
        parts.append((start, start + cut))
        start += cut
    parts.append((start, len(body)))
    return parts


class _Ids:
    """New ids for one kind of record across the whole document (``e1``, ``e2``, ...)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return f"{self.prefix}{self.count}"


def _span(span: Span, shift: int) -> Span:
    return dataclasses.replace(span, start=span.start + shift, end=span.end + shift)


def _shifted(record: Any, shift: int, **changes: Any) -> Any:
    return dataclasses.replace(record, start=record.start + shift, end=record.end + shift, **changes)


def merge(parts: Sequence[Analysis], starts: Sequence[int], whole: Analysis) -> Analysis:
    """One analysis of ``whole.document`` from the analyses of its parts (part ``k`` begins at ``starts[k]``)."""
    ids = {kind: _Ids(kind) for kind in "etapvrc"}
    entities: dict[str, Entity] = {}  # new id -> merged entity
    by_name: dict[tuple[str, str], str] = {}
    places: dict[str, Place] = {}
    place_of_entity: dict[str, str] = {}
    times: list[Any] = []
    amounts: list[Any] = []
    events: list[Any] = []
    relations: list[Any] = []
    claims: list[Any] = []
    seen_triples: set[tuple[str, str, str]] = set()
    for part, shift in zip(parts, starts, strict=True):
        emap: dict[str, str] = {}
        for e in part.entities:
            key = (e.name, e.type)
            mentions = tuple(
                Mention(start=m.start + shift, end=m.end + shift, text=m.text) for m in e.mentions
            )
            if key in by_name:
                new = by_name[key]
                old = entities[new]
                entities[new] = dataclasses.replace(
                    old,
                    aliases=tuple(dict.fromkeys((*old.aliases, *e.aliases))),
                    titles=tuple(dict.fromkeys((*old.titles, *e.titles))),
                    mentions=old.mentions + mentions,
                )
            else:
                new = ids["e"].next()
                by_name[key] = new
                entities[new] = dataclasses.replace(e, id=new, mentions=mentions)
            emap[e.id] = new
        tmap = {t.id: ids["t"].next() for t in part.times}
        times += [_shifted(t, shift, id=tmap[t.id]) for t in part.times]
        amap = {a.id: ids["a"].next() for a in part.amounts}
        amounts += [
            _shifted(a, shift, id=amap[a.id], part_of=amap.get(a.part_of or ""), time=tmap.get(a.time or ""))
            for a in part.amounts
        ]
        pmap: dict[str, str] = {}
        for p in part.places:
            entity = emap.get(p.entity or "")
            if entity is not None and entity in place_of_entity:  # the same place, named again
                pmap[p.id] = place_of_entity[entity]
                continue
            new = ids["p"].next()
            pmap[p.id] = new
            places[new] = _shifted(p, shift, id=new, entity=entity)
            if entity is not None:
                place_of_entity[entity] = new
        cmap = {c.id: ids["c"].next() for c in part.claims}
        for c in part.claims:
            claims.append(
                _shifted(
                    c,
                    shift,
                    id=cmap[c.id],
                    source=emap.get(c.source or "", c.source),
                    cues=tuple(
                        Cue(text=q.text, start=q.start + shift, end=q.end + shift, kind=q.kind)
                        for q in c.cues
                    ),
                    entities=_mapped(c.entities, emap),
                    times=_mapped(c.times, tmap),
                    amounts=_mapped(c.amounts, amap),
                    places=_mapped(c.places, pmap),
                )
            )
        vmap = {v.id: ids["v"].next() for v in part.events}
        for v in part.events:
            events.append(
                dataclasses.replace(
                    v,
                    id=vmap[v.id],
                    trigger=_span(v.trigger, shift),
                    sentence=_span(v.sentence, shift),
                    participants=tuple(
                        Participant(entity=emap.get(p.entity, p.entity), role=p.role) for p in v.participants
                    ),
                    place=pmap.get(v.place or ""),
                    time=tmap.get(v.time or ""),
                    claim=cmap.get(v.claim or ""),
                )
            )
        for r in part.relations:
            subject, obj = emap.get(r.subject, r.subject), emap.get(r.object, r.object)
            triple = (subject, r.predicate, obj)
            if triple in seen_triples:
                continue
            seen_triples.add(triple)
            relations.append(
                dataclasses.replace(
                    r,
                    id=ids["r"].next(),
                    subject=subject,
                    object=obj,
                    evidence=_span(r.evidence, shift),
                    time=tmap.get(r.time or ""),
                    event=vmap.get(r.event or ""),
                )
            )
    merged_entities = [
        dataclasses.replace(e, mentions=tuple(sorted(e.mentions, key=lambda m: m.start)))
        for e in entities.values()
    ]
    note = f"analysed in {len(parts)} parts of at most {PART_CHARS:,} characters, cut at paragraph or sentence boundaries"
    warnings = tuple(dict.fromkeys(w for p in parts for w in p.warnings))
    return dataclasses.replace(
        whole,
        entities=tuple(merged_entities),
        times=tuple(times),
        amounts=tuple(amounts),
        places=tuple(places.values()),
        events=tuple(events),
        relations=tuple(relations),
        claims=tuple(claims),
        warnings=(*warnings, note),
    )


def _mapped(values: tuple[str, ...], mapping: dict[str, str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(mapping[v] for v in values if v in mapping))
