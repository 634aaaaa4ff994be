"""The money ledger: every monetary amount with who pays whom, when, at what rate, and running totals.

Everything here reads the ``newsgraph/1`` dict (``Analysis.to_dict()``) only. Payer and payee come from a
``funds``/``pays``-like relation whose evidence holds the amount, else from the participants of a
payment-like event whose sentence holds it. A rate (``per`` month...) with a period (the amount's time,
an open end running to the reference date) gives a running total; flows add these up per payer → payee.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from newsgraph.out.html.dates import first_day, last_day, reference_of
from newsgraph.out.html.sentences import sentence_around

# Predicates of relations that move money from subject to object (the DESIGN vocabulary plus synonyms
# other components may emit).
MONEY_PREDICATES = frozenset(
    {"funds", "pays", "finances", "donates", "lends", "transfers", "bribes", "sells_to"}
)
PAYER_ROLES = frozenset({"payer", "giver", "donor", "funder", "sender", "source", "lender", "buyer"})
PAYEE_ROLES = frozenset({"payee", "recipient", "beneficiary", "receiver", "borrower", "seller"})
# An agent is the payer only in an event that is itself a transfer of money or aid.
PAYMENT_EVENT_TYPES = frozenset({"AID", "PAY", "FUND", "TRANSFER", "PAYMENT"})
PAYMENT_SUBTYPES = frozenset(
    {"payment", "funding", "aid", "grant", "loan", "transfer", "donation", "purchase"}
)
# Bounds are not amounts paid: "up to $5m" adds nothing certain to a total.
BOUND_QUALIFIERS = frozenset({"at_most", "at_least", "range"})
# Mean Gregorian lengths, so a period counted in days converts to months/years without calendar drift.
PERIOD_DAYS = {
    "day": Decimal(1),
    "week": Decimal(7),
    "month": Decimal("30.436875"),
    "year": Decimal("365.2425"),
}


def _num(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _is_money(amount: dict[str, Any]) -> bool:
    return amount.get("unit", "money") == "money" or bool(amount.get("currency"))


def _inside(inner: dict[str, Any], outer: dict[str, Any] | None) -> bool:
    return bool(outer) and outer["start"] <= inner["start"] and inner["end"] <= outer["end"]  # type: ignore[index]


def _nearest_to_trigger(amount: dict[str, Any], ev: dict[str, Any], money: list[dict[str, Any]]) -> bool:
    """Is ``amount`` the money amount of the event's sentence closest to its trigger? Only that one
    is the event's payment: "Of the $2.1bn paid, $600m was moved" moves the $600m, not the whole."""
    trigger = ev.get("trigger") or {"start": amount["start"], "end": amount["end"]}
    inside = [a for a in money if _inside(a, ev.get("sentence"))]

    def distance(a: dict[str, Any]) -> int:
        return max(trigger["start"] - a["end"], a["start"] - trigger["end"], 0)

    return min(inside, key=lambda a: (distance(a), a["start"]))["id"] == amount["id"]


def _parties(
    amount: dict[str, Any],
    relations: list[dict[str, Any]],
    events: list[dict[str, Any]],
    money: list[dict[str, Any]],
) -> tuple[str | None, str | None, str | None]:
    """(payer id, payee id, id of the record that says so)."""
    holding = [
        r for r in relations if r.get("predicate") in MONEY_PREDICATES and _inside(amount, r.get("evidence"))
    ]
    if holding:
        r = min(holding, key=lambda r: r["evidence"]["end"] - r["evidence"]["start"])
        return r["subject"], r["object"], r["id"]
    for ev in events:
        if not _inside(amount, ev.get("sentence")) or not _nearest_to_trigger(amount, ev, money):
            continue
        payment = ev.get("type") in PAYMENT_EVENT_TYPES or ev.get("subtype") in PAYMENT_SUBTYPES
        payer = payee = None
        for p in ev.get("participants", []):
            role = str(p.get("role", "")).lower()
            if payer is None and (role in PAYER_ROLES or (payment and role in {"agent", "actor", "subject"})):
                payer = p["entity"]
            elif payee is None and role in PAYEE_ROLES:
                payee = p["entity"]
        if payer or payee:
            return payer, payee, ev["id"]
    return None, None, None


def _period(
    time: dict[str, Any] | None, reference: str | None
) -> tuple[dt.date | None, dt.date | None, bool]:
    """Start and end days of an amount's time; an open end runs to the reference date (flag True)."""
    if not time:
        return None, None, False
    start = first_day(time.get("earliest"))
    end = last_day(time.get("latest"))
    to_reference = False
    if end is None and start is not None and reference:
        end, to_reference = first_day(reference), True
    return start, end, to_reference


def build_ledger(d: dict[str, Any]) -> dict[str, Any]:
    """``{"rows": [...], "flows": [...], "other": [...]}`` for the money section of the dossier."""
    body: str = d["document"]["body"]
    reference = reference_of(d["document"])["date"]
    names = {e["id"]: e["name"] for e in d.get("entities", [])}
    times = {t["id"]: t for t in d.get("times", [])}
    amounts = d.get("amounts", [])
    by_id = {a["id"]: a for a in amounts}
    known = [(c["start"], c["end"]) for c in d.get("claims", [])]
    known += [
        (e["sentence"]["start"], e["sentence"]["end"]) for e in d.get("events", []) if e.get("sentence")
    ]
    parts: dict[str, list[str]] = defaultdict(list)
    for a in amounts:
        if a.get("part_of"):
            parts[a["part_of"]].append(a["id"])

    money = [a for a in amounts if _is_money(a)]
    rows: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    for a in sorted(amounts, key=lambda a: a["start"]):
        s, e = sentence_around(body, a["start"], a["end"], known)
        if not _is_money(a):
            other.append(
                {
                    "id": a["id"],
                    "text": a["text"],
                    "unit": a.get("unit"),
                    "value": a.get("value"),
                    "qualifier": a.get("qualifier"),
                    "sentence": {"start": s, "end": e},
                }
            )
            continue
        time = times.get(a.get("time") or "")
        time_inferred = False
        if time is None:
            # No time attached: the one time expression in the same sentence is the natural reading.
            inside = [t for t in times.values() if s <= t["start"] and t["end"] <= e]
            if len(inside) == 1:
                time, time_inferred = inside[0], True
        payer, payee, said_by = _parties(a, d.get("relations", []), d.get("events", []), money)
        value = _num(a.get("value"))
        start, end, to_reference = _period(time, reference)
        total: Decimal | None = None
        periods: Decimal | None = None
        per = a.get("per")
        if value is not None and per in PERIOD_DAYS and start and end and end > start:
            days = Decimal((end - start).days + (0 if to_reference else 1))
            periods = (days / PERIOD_DAYS[per]).quantize(Decimal("0.1"))
            total = value * periods
        parent = by_id.get(a.get("part_of") or "")
        rows.append(
            {
                "id": a["id"],
                "text": a["text"],
                "start": a["start"],
                "end": a["end"],
                "value": a.get("value"),
                "currency": a.get("currency"),
                "per": per,
                "qualifier": a.get("qualifier", "exact"),
                "range": a.get("range"),
                "part_of": parent["id"] if parent else None,
                "part_of_text": parent["text"] if parent else None,
                "parts": parts.get(a["id"], []),
                "time": time["id"] if time else None,
                "time_text": time["text"] if time else None,
                "time_inferred": time_inferred,
                "from": start.isoformat() if start else None,
                "to": end.isoformat() if end else None,
                "to_reference": to_reference,
                "periods": _plain(periods) if periods is not None else None,
                "total": _plain(total) if total is not None else None,
                "payer": payer,
                "payer_name": names.get(payer or ""),
                "payee": payee,
                "payee_name": names.get(payee or ""),
                "said_by": said_by,
                "sentence": {"start": s, "end": e},
            }
        )
    return {"rows": rows, "flows": _flows(rows), "other": other}


def _flows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sum each payer → payee → currency flow: running totals of rates, plus one-off amounts.

    Only flows with a known payer or payee are summed: adding up unrelated figures is no total. Left
    out (and listed as such, not silently dropped): parts (already inside their whole), bounds
    ("up to", "at least", ranges), rates without a period, and a figure repeated with the same value
    (one sum mentioned twice is one payment).
    """
    groups: dict[tuple[str | None, str | None, str | None], dict[str, Any]] = {}
    for row in rows:
        if not (row["payer"] or row["payee"]):
            continue
        key = (row["payer"], row["payee"], row["currency"])
        flow = groups.setdefault(
            key,
            {
                "payer": row["payer"],
                "payer_name": row["payer_name"],
                "payee": row["payee"],
                "payee_name": row["payee_name"],
                "currency": row["currency"],
                "total": Decimal(0),
                "counted": [],
                "left_out": [],
                "approx": False,
                "_seen": set(),
            },
        )
        value = _num(row["value"])
        figure = (row["value"], row["per"])
        if row["part_of"] or row["qualifier"] in BOUND_QUALIFIERS or figure in flow["_seen"]:
            flow["left_out"].append(row["id"])
        elif row["total"] is not None:
            flow["total"] += _num(row["total"]) or 0
            flow["counted"].append(row["id"])
            flow["approx"] = True  # a running total is an estimate: the period's ends are often vague
        elif row["per"] is None and value is not None:
            flow["total"] += value
            flow["counted"].append(row["id"])
            flow["approx"] = flow["approx"] or row["qualifier"] == "approx"
        else:
            flow["left_out"].append(row["id"])
        flow["_seen"].add(figure)
    out = []
    for flow in groups.values():
        del flow["_seen"]
        flow["total"] = _plain(flow["total"]) if flow["counted"] else None
        out.append(flow)
    return out
