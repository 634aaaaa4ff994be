"""FollowTheMoney export: a corpus as entities Aleph can ingest (`ftm` JSON lines).

Mapping (each entity carries ``proof``/``documentedBy`` links back to the Article it came from):

- a document → ``Article`` (title, author, publishedAt, sourceUrl, summary);
- a resolved actor → ``Person`` (PERSON), ``Organization`` (ORG, NORP groups are skipped),
  ``LegalEntity`` with a ``country`` (GPE that acts: pays, sanctions, supports);
- an actor's appearance in a document → ``Documentation`` (document ↔ entity);
- ``sanctions`` relations → ``Sanction`` (entity = the sanctioned, authority = the sanctioner);
- ``funds``/``pays`` relations → ``Payment`` (payer, beneficiary, and the money amounts stated in
  the same sentence: amount, currency, date);
- events → ``Event`` (name, date bounds, location, involved actors);
- every other relation → ``UnknownLink`` (subject, object, role = the predicate).

Entities are validated with ``followthemoney`` before they are written.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy

from newsgraph.corpus.store import Store
from newsgraph.errors import StoreError

ACTOR_SCHEMA = {"PERSON": "Person", "ORG": "Organization", "GPE": "LegalEntity"}
PAYMENT_PREDICATES = frozenset({"funds", "pays"})


def _make(schema: str, *key: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.make_id("newsgraph", schema, *key)
    return proxy


def ftm_entities(store: Store) -> Iterator[EntityProxy]:
    """Every FtM entity of the corpus (call ``resolve`` first so actors are merged)."""
    _, docs = store.query("SELECT doc_id, title, authors, published, url, body FROM documents")
    articles: dict[str, EntityProxy] = {}
    for doc_id, title, authors, published, url, body in docs:
        article = _make("Article", doc_id)
        article.add("title", title or doc_id[:12])
        article.add("name", title or doc_id[:12])
        article.add("author", authors or [])
        article.add("publishedAt", published)
        article.add("sourceUrl", url)
        article.add("summary", (body or "")[:400])
        # Not contentHash: FtM checksums are SHA-1 of a file in Aleph's archive; our id is the SHA-256 of the body.
        article.add("notes", f"newsgraph document {doc_id}")
        articles[doc_id] = article
        yield article

    _, rows = store.query(
        "SELECT a.actor_id, a.name, a.type, a.aliases, list(DISTINCT l.doc_id) FROM actors a "
        "JOIN actor_links l USING (actor_id) GROUP BY ALL"
    )
    actors: dict[str, EntityProxy] = {}
    countries = _actor_countries(store)
    for actor_id, name, typ, aliases, doc_ids in rows:
        schema = ACTOR_SCHEMA.get(typ)
        if schema is None:
            continue
        actor = _make(schema, actor_id)
        actor.add("name", name)
        actor.add("alias", [a for a in aliases or [] if a != name])
        if actor_id in countries:
            actor.add("country", countries[actor_id])
        actors[actor_id] = actor
        yield actor
        for doc_id in doc_ids:
            link = _make("Documentation", actor_id, doc_id)
            link.add("entity", actor.id)
            link.add("document", articles[doc_id].id)
            link.add("role", "mentioned")
            yield link

    actor_of = {
        (d, e): a for d, e, a in store.query("SELECT doc_id, entity_id, actor_id FROM actor_links")[1]
    }
    yield from _relations(store, actors, actor_of, articles)
    yield from _events(store, actors, actor_of, articles)


def _actor_countries(store: Store) -> dict[str, str]:
    _, rows = store.query(
        "SELECT l.actor_id, any_value(p.country) FROM places p "
        "JOIN actor_links l ON l.doc_id = p.doc_id AND l.entity_id = p.entity_id "
        "WHERE p.country IS NOT NULL AND p.feature = 'country' GROUP BY l.actor_id"
    )
    return {a: c.lower() for a, c in rows}


def _relations(
    store: Store, actors: dict[str, EntityProxy], actor_of: dict[tuple[str, str], str],
    articles: dict[str, EntityProxy],
) -> Iterator[EntityProxy]:  # fmt: skip
    _, rows = store.query(
        "SELECT r.doc_id, r.id, r.subject, r.predicate, r.object, r.evidence_start, r.evidence_end, "
        "CAST(t.earliest AS VARCHAR), CAST(t.latest AS VARCHAR), d.body FROM relations r "
        "JOIN documents d USING (doc_id) LEFT JOIN times t ON t.doc_id = r.doc_id AND t.id = r.time_id "
        "WHERE r.polarity = 'positive'"
    )
    amounts: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in store.query(
        "SELECT doc_id, start, \"end\", value, currency FROM amounts WHERE unit = 'money' AND part_of IS NULL"
    )[1]:
        amounts[row[0]].append(row)
    for doc_id, rel_id, subj, pred, obj, start, end, earliest, latest, body in rows:
        subject = actors.get(actor_of.get((doc_id, subj), ""))
        target = actors.get(actor_of.get((doc_id, obj), ""))
        if subject is None or target is None:
            continue
        sentence = body[start:end]
        if pred == "sanctions":
            entity = _make("Sanction", doc_id, rel_id)
            entity.add("entity", target.id)
            entity.add("authority", subject.first("name"))
            entity.add("startDate", earliest)
            entity.add("summary", sentence)
        elif pred in PAYMENT_PREDICATES:
            entity = _make("Payment", doc_id, rel_id)
            entity.add("payer", subject.id)
            entity.add("beneficiary", target.id)
            entity.add("purpose", sentence)
            for _, a_start, a_end, value, currency in amounts.get(doc_id, []):
                if start <= a_start and a_end <= end:
                    entity.add("amount", str(value))
                    entity.add("currency", currency)
            entity.add("startDate", earliest)
            entity.add("endDate", latest)
        else:
            entity = _make("UnknownLink", doc_id, rel_id)
            entity.add("subject", subject.id)
            entity.add("object", target.id)
            entity.add("role", pred)
            entity.add("summary", sentence)
        entity.add("proof", articles[doc_id].id)
        yield entity


def _events(
    store: Store, actors: dict[str, EntityProxy], actor_of: dict[tuple[str, str], str],
    articles: dict[str, EntityProxy],
) -> Iterator[EntityProxy]:  # fmt: skip
    _, rows = store.query(
        "SELECT e.doc_id, e.id, e.type, e.subtype, e.trigger, CAST(e.earliest AS VARCHAR), "
        "CAST(e.latest AS VARCHAR), p.name, p.country, list(pa.entity_id) FILTER (WHERE pa.entity_id IS NOT NULL) "
        "FROM events e LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place_id "
        "LEFT JOIN participants pa ON pa.doc_id = e.doc_id AND pa.event_id = e.id "
        "WHERE e.polarity = 'positive' GROUP BY ALL"
    )
    for doc_id, event_id, typ, subtype, trigger, earliest, latest, place, country, participants in rows:
        event = _make("Event", doc_id, event_id)
        event.add("name", f"{subtype or typ}" + (f" in {place}" if place else "") + f" ({trigger})")
        event.add("startDate", earliest)
        event.add("endDate", latest)
        event.add("location", place)
        if country:
            event.add("country", country.lower())
        for entity_id in participants or []:
            actor = actors.get(actor_of.get((doc_id, entity_id), ""))
            if actor is not None:
                event.add("involved", actor.id)
        event.add("proof", articles[doc_id].id)
        yield event


def validate(proxy: EntityProxy) -> list[str]:
    """Problems followthemoney finds with an entity (missing required properties, bad values)."""
    problems = []
    data = proxy.to_dict()
    for prop in proxy.schema.required:
        if not proxy.get(prop):
            problems.append(f"{proxy.schema.name} {proxy.id}: missing required {prop}")
    try:  # followthemoney 3 returned the errors, 4 raises them
        error = proxy.schema.validate(data)  # type: ignore[arg-type]
    except InvalidData as exc:
        error = f"{exc}: {exc.errors}"
    if error:
        problems.append(f"{proxy.schema.name} {proxy.id}: {error}")
    try:
        model.get_proxy(data, cleaned=False)
    except Exception as exc:  # followthemoney raises several types for malformed data
        problems.append(f"{proxy.schema.name} {proxy.id}: {exc}")
    return problems


def write_ftm(store: Store, path: str | Path) -> int:
    """Write the corpus as FtM JSON lines (one entity per line); returns the number written."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for proxy in ftm_entities(store):
            problems = validate(proxy)
            if problems:
                raise StoreError("FollowTheMoney rejected an entity: " + "; ".join(problems))
            out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count
