"""The dossier's view model: derived tables the page draws, computed from the ``newsgraph/1`` dict.

Computing them here (not in the page's script) keeps the logic testable without a browser; the page
only lays them out. Every function reads ``Analysis.to_dict()`` output and nothing else.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from newsgraph.out.html.dates import reference_of
from newsgraph.out.html.ledger import build_ledger
from newsgraph.out.html.timeline import build_timeline

RECORD_KINDS = ("entities", "times", "amounts", "places", "events", "relations", "claims")


def _mention_counts(d: dict[str, Any]) -> dict[str, int]:
    return {e["id"]: len(e.get("mentions", [])) for e in d.get("entities", [])}


def build_graph(d: dict[str, Any]) -> dict[str, Any]:
    """Nodes: every entity that takes part in a relation. Edges: the relations, as they are."""
    entities = {e["id"]: e for e in d.get("entities", [])}
    counts = _mention_counts(d)
    used: list[str] = []
    edges = []
    times = {t["id"]: t["text"] for t in d.get("times", [])}
    for r in d.get("relations", []):
        if r.get("subject") not in entities or r.get("object") not in entities:
            continue  # a dangling id cannot be drawn; the JSON validator reports it
        for end in (r["subject"], r["object"]):
            if end not in used:
                used.append(end)
        edges.append(
            {
                "id": r["id"],
                "source": r["subject"],
                "target": r["object"],
                "predicate": r["predicate"],
                "polarity": r.get("polarity", "positive"),
                "modality": r.get("modality", "actual"),
                "time_text": times.get(r.get("time") or ""),
                "evidence": r.get("evidence"),
            }
        )
    nodes = [
        {"id": i, "name": entities[i]["name"], "type": entities[i]["type"], "mentions": counts.get(i, 0)}
        for i in used
    ]
    return {"nodes": nodes, "edges": edges, "predicates": sorted({e["predicate"] for e in edges})}


def build_markers(d: dict[str, Any]) -> list[dict[str, Any]]:
    """One marker per geocoded location: place records of the same GeoNames id (or name and
    coordinates) are one location; its size counts the mentions of it."""
    counts = _mention_counts(d)
    groups: dict[Any, dict[str, Any]] = {}
    for p in d.get("places", []):
        if p.get("lat") is None or p.get("lon") is None:
            continue
        key = p.get("geonames_id") or (p["name"].casefold(), round(p["lat"], 2), round(p["lon"], 2))
        g = groups.setdefault(
            key,
            {
                "key": f"m{len(groups) + 1}",
                "name": p["name"],
                "lat": p["lat"],
                "lon": p["lon"],
                "country": p.get("country"),
                "feature": p.get("feature"),
                "places": [],
                "entities": [],
                "events": [],
            },
        )
        g["places"].append(p["id"])
        if p.get("entity") and p["entity"] not in g["entities"]:
            g["entities"].append(p["entity"])
    for ev in d.get("events", []):
        for g in groups.values():
            if ev.get("place") in g["places"]:
                g["events"].append(ev["id"])
    for g in groups.values():
        g["mentions"] = max(len(g["places"]), sum(counts.get(e, 0) for e in g["entities"]))
    return list(groups.values())


def build_entity_index(d: dict[str, Any], ledger: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Per entity: the events it takes part in, the claims about or by it, the money it pays or gets."""
    index: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"events": [], "claims": [], "money": []})
    for ev in d.get("events", []):
        for p in ev.get("participants", []):
            if ev["id"] not in index[p["entity"]]["events"]:
                index[p["entity"]]["events"].append(ev["id"])
    for c in d.get("claims", []):
        for e in {*c.get("entities", []), *([c["source"]] if c.get("source") else [])}:
            index[e]["claims"].append(c["id"])
    for row in ledger["rows"]:
        for e in {row["payer"], row["payee"]} - {None}:
            index[e]["money"].append(row["id"])
    return dict(index)


def counts(d: dict[str, Any]) -> dict[str, int]:
    return {kind: len(d.get(kind, [])) for kind in RECORD_KINDS}


def build_view(d: dict[str, Any]) -> dict[str, Any]:
    ledger = build_ledger(d)
    return {
        "counts": counts(d),
        "reference": reference_of(d["document"]),
        "timeline": build_timeline(d),
        "graph": build_graph(d),
        "markers": build_markers(d),
        "ledger": ledger,
        "entity_index": build_entity_index(d, ledger),
    }
