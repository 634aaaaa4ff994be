"""``newsgraph/1`` JSON: the shipped JSON Schema and checks that an analysis honours it.

``check_analysis()`` goes beyond the schema: every span must point at its own text in the
body and every id reference must resolve, so a consumer can trust the evidence links.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "newsgraph-1.schema.json"


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of ``newsgraph/1`` shipped in the package."""
    text = resources.files("newsgraph.schema").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def schema_errors(data: dict[str, Any]) -> list[str]:
    """Schema violations of ``data`` (an ``Analysis.to_dict()``), as readable strings."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '<root>'}: {error.message}"
        for error in validator.iter_errors(data)
    ]


def link_errors(data: dict[str, Any]) -> list[str]:
    """Evidence spans that do not match the body and id references that point nowhere."""
    body = data["document"]["body"]
    problems: list[str] = []

    def span(where: str, start: int, end: int, text: str | None) -> None:
        if not (0 <= start <= end <= len(body)):
            problems.append(f"{where}: span {start}-{end} outside the body")
        elif text is not None and body[start:end] != text:
            problems.append(f"{where}: body[{start}:{end}] is {body[start:end]!r}, not {text!r}")

    ids: dict[str, set[str]] = {}
    for kind in ("entities", "times", "amounts", "places", "events", "relations", "claims"):
        ids[kind] = {record["id"] for record in data[kind]}
        if len(ids[kind]) != len(data[kind]):
            problems.append(f"{kind}: duplicate ids")
    for e in data["entities"]:
        for m in e["mentions"]:
            span(f"entity {e['id']} mention", m["start"], m["end"], m["text"])
    for kind in ("times", "amounts", "places"):
        for r in data[kind]:
            span(f"{kind[:-1]} {r['id']}", r["start"], r["end"], r["text"])
    for c in data["claims"]:
        span(f"claim {c['id']}", c["start"], c["end"], c["text"])
        for cue in c["cues"]:
            span(f"claim {c['id']} cue", cue["start"], cue["end"], cue["text"])

    def ref(where: str, value: str | None, kind: str) -> None:
        if value is not None and value not in ids[kind]:
            problems.append(f"{where}: {value!r} is not a {kind[:-1]} id")

    for a in data["amounts"]:
        ref(f"amount {a['id']}.part_of", a["part_of"], "amounts")
        ref(f"amount {a['id']}.time", a["time"], "times")
    for p in data["places"]:
        ref(f"place {p['id']}.entity", p["entity"], "entities")
    for v in data["events"]:
        span(f"event {v['id']} trigger", v["trigger"]["start"], v["trigger"]["end"], v["trigger"]["text"])
        span(f"event {v['id']} sentence", v["sentence"]["start"], v["sentence"]["end"], None)
        ref(f"event {v['id']}.place", v["place"], "places")
        ref(f"event {v['id']}.time", v["time"], "times")
        ref(f"event {v['id']}.claim", v["claim"], "claims")
        for p in v["participants"]:
            ref(f"event {v['id']} participant", p["entity"], "entities")
    for r in data["relations"]:
        span(f"relation {r['id']} evidence", r["evidence"]["start"], r["evidence"]["end"], None)
        ref(f"relation {r['id']}.subject", r["subject"], "entities")
        ref(f"relation {r['id']}.object", r["object"], "entities")
        ref(f"relation {r['id']}.time", r["time"], "times")
        ref(f"relation {r['id']}.event", r.get("event"), "events")
    for c in data["claims"]:
        ref(f"claim {c['id']}.source", c["source"], "entities")
        for kind in ("entities", "times", "amounts", "places"):
            for value in c[kind]:
                ref(f"claim {c['id']}.{kind}", value, kind)
    return problems


def check_analysis(data: dict[str, Any]) -> list[str]:
    """All schema and evidence-link problems of an analysis (empty when it is sound)."""
    return schema_errors(data) + link_errors(data)
