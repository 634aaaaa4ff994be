"""Record tables: one row per record of a ``newsgraph/1`` document, as lists, pandas or Arrow.

The columns are those of the corpus store's tables (docs/database.md), so a frame of one analysis
and a query over a whole corpus line up: ``analysis.frame("events")`` has the columns of
``SELECT * FROM events``. Ids stay the document's own (``e1``, ``t3``); ``doc_id`` says which document.
Kinds: documents, entities, mentions, times, amounts, places, events, participants, relations, claims.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported only when a frame is asked for
    import pandas as pd

    from newsgraph.model import Analysis

# Columns written per record table, in the order :func:`rows` builds them.
COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "source", "url", "title", "authors", "published", "reference_date", "reference_method",
                  "language", "site", "body", "analysis"],
    "entities": ["doc_id", "id", "name", "type", "aliases", "titles", "mentions"],
    "mentions": ["doc_id", "entity_id", "start", "end", "text"],
    "times": ["doc_id", "id", "text", "start", "end", "kind", "value", "mod", "earliest", "latest", "anchor"],
    "amounts": ["doc_id", "id", "text", "start", "end", "value", "unit", "currency", "per", "qualifier", "range_lo",
                "range_hi", "part_of", "time_id"],
    "places": ["doc_id", "id", "text", "start", "end", "name", "entity_id", "geonames_id", "lat", "lon", "country",
               "feature", "confidence"],
    "events": ["doc_id", "id", "type", "subtype", "trigger", "trigger_start", "trigger_end", "sentence_start",
               "sentence_end", "place_id", "time_id", "earliest", "latest", "polarity", "modality", "claim_id",
               "plover", "acled"],
    "participants": ["doc_id", "event_id", "entity_id", "role"],
    "relations": ["doc_id", "id", "subject", "predicate", "object", "evidence_start", "evidence_end", "polarity",
                  "modality", "time_id"],
    "claims": ["doc_id", "id", "text", "start", "end", "status", "checkworthy", "source_entity", "cues", "entity_ids",
               "time_ids", "amount_ids", "place_ids"],
}  # fmt: skip


def rows(doc_id: str, d: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every record table for one ``newsgraph/1`` dict."""
    doc = d["document"]
    return {
        "documents": [
            (doc_id, doc["source"], doc["url"], doc["title"], doc["authors"], doc["published"],
             _date(doc["reference_date"]), doc["reference_date_method"], doc["language"], doc.get("site"), doc["body"],
             json.dumps(d, ensure_ascii=False))
        ],
        "entities": [
            (doc_id, e["id"], e["name"], e["type"], e["aliases"], e["titles"], len(e["mentions"])) for e in d["entities"]
        ],
        "mentions": [(doc_id, e["id"], m["start"], m["end"], m["text"]) for e in d["entities"] for m in e["mentions"]],
        "times": [
            (doc_id, t["id"], t["text"], t["start"], t["end"], t["kind"], t["value"], t["mod"],
             _day(t["earliest"], low=True), _day(t["latest"], low=False), t["anchor"])
            for t in d["times"]
        ],
        "amounts": [
            (doc_id, a["id"], a["text"], a["start"], a["end"], _dec(a["value"]), a["unit"], a["currency"], a["per"],
             a["qualifier"], _dec(a["range"][0]) if a["range"] else None,
             _dec(a["range"][1]) if a["range"] else None, a["part_of"], a["time"])
            for a in d["amounts"]
        ],
        "places": [
            (doc_id, p["id"], p["text"], p["start"], p["end"], p["name"], p["entity"], p["geonames_id"], p["lat"],
             p["lon"], p["country"], p["feature"], p["confidence"])
            for p in d["places"]
        ],
        "events": [
            (doc_id, v["id"], v["type"], v["subtype"], v["trigger"]["text"], v["trigger"]["start"], v["trigger"]["end"],
             v["sentence"]["start"], v["sentence"]["end"], v["place"], v["time"], _day(v["earliest"], low=True),
             _day(v["latest"], low=False), v["polarity"], v["modality"], v["claim"], v.get("plover"), v.get("acled"))
            for v in d["events"]
        ],
        "participants": [(doc_id, v["id"], p["entity"], p["role"]) for v in d["events"] for p in v["participants"]],
        "relations": [
            (doc_id, r["id"], r["subject"], r["predicate"], r["object"], r["evidence"]["start"], r["evidence"]["end"],
             r["polarity"], r["modality"], r["time"])
            for r in d["relations"]
        ],
        "claims": [
            (doc_id, c["id"], c["text"], c["start"], c["end"], c["status"], c["checkworthy"], c["source"],
             json.dumps(c["cues"], ensure_ascii=False), c["entities"], c["times"], c["amounts"], c["places"])
            for c in d["claims"]
        ],
    }  # fmt: skip


KINDS = tuple(COLUMNS)

# Columns left out of data frames: the whole analysis JSON is in the store for round trips, not for tables.
FRAME_DROP = {"documents": ("analysis",)}


def frame(analysis: Analysis | dict[str, Any], kind: str) -> pd.DataFrame:
    """The records of one kind as a pandas DataFrame with the store's columns (always, even when empty).

    Money values become floats and date bounds pandas timestamps, as DuckDB's ``.df()`` gives them.
    """
    if kind not in COLUMNS:
        raise ValueError(f"unknown record kind {kind!r}: choose one of {', '.join(KINDS)}")
    data = analysis if isinstance(analysis, dict) else analysis.to_dict()
    table = rows(data["document"]["id"], data)[kind]
    columns = COLUMNS[kind]
    keep = [i for i, c in enumerate(columns) if c not in FRAME_DROP.get(kind, ())]
    return to_frame([columns[i] for i in keep], [tuple(r[i] for i in keep) for r in table])


def to_frame(columns: list[str], table: list[tuple[Any, ...]]) -> pd.DataFrame:
    """A DataFrame from rows, with Decimal columns as float and date columns as datetime64."""
    import pandas as pd

    df = pd.DataFrame.from_records(table, columns=columns)
    for column in df.columns:
        sample = next((v for v in df[column] if v is not None), None)
        if isinstance(sample, Decimal):
            df[column] = [None if v is None else float(v) for v in df[column]]
            df[column] = df[column].astype("float64")
        elif isinstance(sample, dt.date) and not isinstance(sample, dt.datetime):
            df[column] = pd.to_datetime(df[column])
    return df


def _dec(value: float | int | str) -> Decimal:
    # JSON numbers come back as float; go through str so 0.1 stays 0.1 and large ints stay exact.
    return Decimal(str(value))


def _day(value: str | None, *, low: bool) -> dt.date | None:
    """An ISO date of any precision as a DATE bound (``2014`` → 2014-01-01 or 2014-12-31)."""
    if not value:
        return None
    parts = value[:10].split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 1, 1) if low else dt.date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        return dt.date(year, month, 1) if low else dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date.fromisoformat(value[:10])


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None
