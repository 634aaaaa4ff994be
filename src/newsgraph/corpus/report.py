"""The corpus dossier: many stored analyses combined into one ``newsgraph/1`` view for the HTML report.

The dossier front end draws one analysis; for a corpus we build one whose body is the
documents' bodies one after another (each headed by its title and site), with every record's
offsets shifted to match and its id prefixed by the document's number, so evidence links still
point at the right characters. Entities of the same resolved actor become one entity (all their
mentions, every alias), so the link chart and the timeline group by actor across sources.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from newsgraph.corpus.store import Store
from newsgraph.model import FORMAT

# Documents put in one report: a browser draws a few hundred articles' highlights comfortably;
# beyond that the page gets slow and big, and SQL/exports serve better.
DEFAULT_LIMIT = 200
SEPARATOR = "\n\n"


def combined_analysis(store: Store, *, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    """One ``newsgraph/1``-shaped dict for up to ``limit`` stored documents (newest first)."""
    _, rows = store.query("SELECT analysis FROM documents ORDER BY ingested_at DESC, doc_id LIMIT ?", [limit])
    analyses = [json.loads(r[0]) for r in reversed(rows)]
    _, links = store.query("SELECT doc_id, entity_id, actor_id FROM actor_links")
    actor_of = {(d, e): a for d, e, a in links}
    _, actor_rows = store.query("SELECT actor_id, name, type FROM actors")
    actor_names = {a: (n, t) for a, n, t in actor_rows}

    body_parts: list[str] = []
    offset = 0
    out: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ("times", "amounts", "places", "events", "relations", "claims")
    }
    entities: dict[str, dict[str, Any]] = {}
    entity_key: dict[tuple[str, str], str] = {}
    new_ids: dict[tuple[str, str], str] = {}
    counters: Counter[str] = Counter()
    for n, data in enumerate(analyses, start=1):
        doc = data["document"]
        heading = f"[{n}] {doc.get('title') or doc['source']}" + (
            f" — {doc['site']}" if doc.get("site") else ""
        )
        body_parts.append(heading + SEPARATOR)
        offset += len(heading) + len(SEPARATOR)
        shift = offset
        prefix = f"d{n}"
        # Entities: one per actor across documents (ids stay "e…" so the report's id conventions hold).
        for e in data["entities"]:
            actor = actor_of.get((doc["id"], e["id"]))
            key = actor or f"{prefix}:{e['id']}"
            if key not in entities:
                name, typ = (
                    actor_names.get(actor, (e["name"], e["type"])) if actor else (e["name"], e["type"])
                )
                entities[key] = {
                    "id": f"e{len(entities) + 1}", "name": name, "type": typ, "aliases": [], "titles": [], "mentions": [],
                }  # fmt: skip
            merged = entities[key]
            merged["aliases"] = sorted({*merged["aliases"], *e["aliases"], e["name"]})
            merged["titles"] = sorted({*merged["titles"], *e["titles"]})
            merged["mentions"].extend(
                {"start": m["start"] + shift, "end": m["end"] + shift, "text": m["text"]}
                for m in e["mentions"]
            )
            entity_key[(prefix, e["id"])] = merged["id"]

        def ent(entity_id: str | None, prefix: str = prefix) -> str | None:
            return entity_key.get((prefix, entity_id)) if entity_id else None

        # Renumber this document's records after those of the documents before it (t1, t2, ... across
        # the corpus), first for every kind, so references to records built later still resolve.
        for kind in ("times", "amounts", "places", "events", "relations", "claims"):
            for record in data[kind]:
                counters[kind] += 1
                new_ids[(prefix, record["id"])] = f"{record['id'][0]}{counters[kind]}"

        def rid(value: str | None, prefix: str = prefix) -> str | None:
            return new_ids.get((prefix, value)) if value else None

        for t in data["times"]:
            out["times"].append(
                {**t, "id": rid(t["id"]), "start": t["start"] + shift, "end": t["end"] + shift}
            )
        for a in data["amounts"]:
            out["amounts"].append(
                {**a, "id": rid(a["id"]), "start": a["start"] + shift, "end": a["end"] + shift,
                 "part_of": rid(a["part_of"]), "time": rid(a["time"])}
            )  # fmt: skip
        for p in data["places"]:
            out["places"].append(
                {
                    **p,
                    "id": rid(p["id"]),
                    "start": p["start"] + shift,
                    "end": p["end"] + shift,
                    "entity": ent(p["entity"]),
                }
            )
        for v in data["events"]:
            out["events"].append(
                {
                    **v, "id": rid(v["id"]), "place": rid(v["place"]), "time": rid(v["time"]), "claim": rid(v["claim"]),
                    "trigger": _shift_span(v["trigger"], shift), "sentence": _shift_span(v["sentence"], shift),
                    "participants": [
                        {"entity": ent(p["entity"]), "role": p["role"]} for p in v["participants"] if ent(p["entity"])
                    ],
                }
            )  # fmt: skip
        for r in data["relations"]:
            if ent(r["subject"]) and ent(r["object"]):
                out["relations"].append(
                    {**r, "id": rid(r["id"]), "subject": ent(r["subject"]), "object": ent(r["object"]),
                     "time": rid(r["time"]), "evidence": _shift_span(r["evidence"], shift)}
                )  # fmt: skip
        for c in data["claims"]:
            out["claims"].append(
                {
                    **c, "id": rid(c["id"]), "start": c["start"] + shift, "end": c["end"] + shift,
                    "source": ent(c["source"]),
                    "cues": [{**q, "start": q["start"] + shift, "end": q["end"] + shift} for q in c["cues"]],
                    "entities": [x for x in (ent(e) for e in c["entities"]) if x],
                    "times": [x for x in map(rid, c["times"]) if x], "amounts": [x for x in map(rid, c["amounts"]) if x],
                    "places": [x for x in map(rid, c["places"]) if x],
                }
            )  # fmt: skip
        body_parts.append(doc["body"] + SEPARATOR)
        offset += len(doc["body"]) + len(SEPARATOR)
    body = "".join(body_parts)
    sites = sorted({a["document"].get("site") or "" for a in analyses} - {""})
    dates = sorted(a["document"]["reference_date"] for a in analyses if a["document"].get("reference_date"))
    document = {
        "id": hashlib.sha256(body.encode("utf-8")).hexdigest(), "source": store.path, "url": None,
        "title": f"Corpus: {len(analyses)} documents" + (f" from {len(sites)} sites" if sites else ""),
        "authors": sorted({x for a in analyses for x in a["document"]["authors"]}),
        "published": None, "reference_date": dates[-1] if dates else None,
        "reference_date_method": "text" if dates else "none", "reference_date_confidence": 1.0 if dates else 0.0,
        "language": "en", "body": body,
        "boilerplate": [], "captions": [], "site": None,
    }  # fmt: skip
    return {
        "format": FORMAT,
        "document": document,
        "entities": list(entities.values()),
        **out,
        "warnings": [],
    }


def _shift_span(span: dict[str, Any], shift: int) -> dict[str, Any]:
    return {**span, "start": span["start"] + shift, "end": span["end"] + shift}
