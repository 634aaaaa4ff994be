"""Timeline items: dated events and dated claims as bars or points with firm, vague or open ends."""

from __future__ import annotations

import re
from typing import Any

from newsgraph.out.html.dates import first_day, last_day, reference_of

# TIMEX3 modifiers that blur one end of a time: "the start of 2014" has a firm first day but no firm
# last day; "the end of 2013" the opposite; "mid-", "about" blur both.
FUZZY_END_MODS = frozenset({"START", "EARLY"})
FUZZY_START_MODS = frozenset({"END", "LATE"})
FUZZY_BOTH_MODS = frozenset({"MID", "APPROX", "EQUAL_OR_LESS", "EQUAL_OR_MORE"})
OPEN_START_MODS = frozenset({"BEFORE", "ON_OR_BEFORE", "LESS_THAN"})
OPEN_END_MODS = frozenset({"AFTER", "ON_OR_AFTER", "MORE_THAN"})
# Seasons (2014-SP), quarters/halves (2014-Q2, 2014-H1) and vague references have no calendar edges.
_VAGUE_VALUE = re.compile(r"-(SP|SU|FA|WI|Q\d|H\d)\b|_REF$|X")
_ACTOR_TYPES = ("PERSON", "ORG", "NORP", "GPE")
_AGENT_ROLES = ("agent", "actor", "subject", "attacker", "payer", "giver", "source")


def _fuzz(time: dict[str, Any] | None) -> tuple[bool, bool]:
    """(start is vague, end is vague) for one time record."""
    if not time:
        return False, False
    mod = (time.get("mod") or "").upper()
    if mod in FUZZY_BOTH_MODS or _VAGUE_VALUE.search(time.get("value") or ""):
        return True, True
    return mod in FUZZY_START_MODS or mod in OPEN_START_MODS, mod in FUZZY_END_MODS or mod in OPEN_END_MODS


def _bounds(
    earliest: str | None, latest: str | None, fuzz: tuple[bool, bool], reference: str | None
) -> dict[str, Any] | None:
    start, end = first_day(earliest), last_day(latest)
    if start is None and end is None:
        return None
    open_start, open_end = start is None, end is None
    if open_end and reference and start is not None and first_day(reference) is not None:
        ref = first_day(reference)
        end = ref if ref and ref >= start else start  # "since 2014" runs to the article's date
    if open_start:
        start = end
    assert start is not None and end is not None
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "point": start == end,
        "fuzzy_start": fuzz[0],
        "fuzzy_end": fuzz[1],
        "open_start": open_start,
        "open_end": open_end,
    }


def _event_actor(ev: dict[str, Any], names: dict[str, str]) -> str | None:
    parts = ev.get("participants", [])
    ranked = sorted(parts, key=lambda p: (str(p.get("role", "")).lower() not in _AGENT_ROLES,))
    for p in ranked:
        if p.get("entity") in names:
            return names[p["entity"]]
    return None


def build_timeline(d: dict[str, Any]) -> list[dict[str, Any]]:
    """One item per event with a date (own bounds or its time's) and per claim with dated times."""
    reference = reference_of(d["document"])["date"]
    names = {e["id"]: e["name"] for e in d.get("entities", [])}
    types = {e["id"]: e["type"] for e in d.get("entities", [])}
    times = {t["id"]: t for t in d.get("times", [])}
    places = {p["id"]: p for p in d.get("places", [])}
    items: list[dict[str, Any]] = []
    for ev in d.get("events", []):
        time = times.get(ev.get("time") or "")
        earliest = ev.get("earliest") or (time or {}).get("earliest")
        latest = ev.get("latest") or (time or {}).get("latest")
        b = _bounds(earliest, latest, _fuzz(time), reference)
        if b is None:
            continue
        place = places.get(ev.get("place") or "")
        items.append(
            {
                **b,
                "kind": "event",
                "id": ev["id"],
                "label": ev.get("subtype") or ev.get("type") or "event",
                "text": (ev.get("trigger") or {}).get("text", ""),
                "time_text": (time or {}).get("text"),
                "actor": _event_actor(ev, names),
                "place": place["name"] if place else None,
            }
        )
    for c in d.get("claims", []):
        dated = [times[t] for t in c.get("times", []) if t in times]
        spans = []
        for t in dated:
            lo, hi = first_day(t.get("earliest")), last_day(t.get("latest"))
            if lo or hi:
                spans.append((lo or hi, hi or lo, hi is None, t))
        if not spans:
            continue
        # The claim covers the envelope of its times; each end is as vague as the time that sets it.
        first = min(spans, key=lambda s: s[0])  # type: ignore[arg-type,return-value]
        last = max(spans, key=lambda s: s[1])  # type: ignore[arg-type,return-value]
        open_end = any(s[2] for s in spans)
        b = _bounds(
            first[3].get("earliest") or first[3].get("latest"),
            None if open_end else last[3].get("latest"),
            (_fuzz(first[3])[0], _fuzz(last[3])[1]),
            reference,
        )
        if b is None:
            continue
        source = names.get(c.get("source") or "")
        actor = source or next(
            (names[e] for e in c.get("entities", []) if types.get(e) in _ACTOR_TYPES), None
        )
        place = next((places[p]["name"] for p in c.get("places", []) if p in places), None)
        items.append(
            {
                **b,
                "kind": "claim",
                "id": c["id"],
                "label": c.get("status", "claim"),
                "text": c.get("text", ""),
                "time_text": ", ".join(t["text"] for t in dated),
                "actor": actor,
                "place": place,
            }
        )
    items.sort(key=lambda i: (i["start"], i["end"], i["id"]))
    return items
