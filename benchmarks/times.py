"""Time expressions on TempEval-3 training data (TBAQ-cleaned: TimeBank + AQUAINT, ~1.8k TIMEX3).

Each document's TimeML is turned into plain text (tags stripped, offsets kept) and run through the
full newsgraph pipeline with ``reference_date`` = the document's DCT. Figures follow the
TempEval-3 task definitions (UzZaman et al. 2013):

* extraction: strict (same offsets) and relaxed (overlap, one-to-one) precision/recall/F1;
* type / value: over relaxed matches; ``accuracy`` = correct ÷ matched, ``F1`` = the P×R
  combination with correct attributes (P = correct ÷ system timexes, R = correct ÷ gold), which
  equals accuracy × relaxed F1. Our kinds map to TIMEX3 types: duration→DURATION, set→SET,
  date/interval→TIME when the value has a clock part, else DATE. Values compare as strings.

Baselines, on the GOLD spans (so extraction is given for free; the number is value accuracy):

* ``dateparser`` 1.x: each gold span parsed with ``RELATIVE_BASE`` = DCT; its date and the
  period it reports (day/week/month/year/time) rendered as a TIMEX3 value; no parse = wrong.
* ``newsgraph (span only)``: our normalizer on the same isolated span text, anchored on the DCT,
  for a like-for-like comparison with dateparser (no discourse context).

HeidelTime reports value F1 77.61 on the TE3 platinum test set (a different, withheld set).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from benchmarks.timeml_events import dct_of, tagged_text
from newsgraph import load_pipeline
from newsgraph._analyze import analyze_raw
from newsgraph.ingest import RawDocument
from newsgraph.model import TimeExpr
from newsgraph.nlp.times import extract


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


def parse_tml(raw: str) -> tuple[str, list[Gold], str]:
    """Plain text of ``<TEXT>``, its TIMEX3s with offsets into that text, and the DCT (ISO date)."""
    text, spans = tagged_text(raw, "TIMEX3")
    gold = [Gold(a, b, attrs.get("type", ""), attrs.get("value", ""), text[a:b]) for a, b, attrs in spans]
    return text, gold, dct_of(raw)


def timex_type(t: TimeExpr) -> str:
    if t.kind == "duration":
        return "DURATION"
    if t.kind == "set":
        return "SET"
    return "TIME" if re.search(r"T(\d|MO|AF|EV|NI)", t.value) else "DATE"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return p, r, _f1(p, r)


def _dateparser_value(text: str, dct: str) -> str | None:
    from dateparser.date import DateDataParser

    base = datetime.fromisoformat(dct)
    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    data = parser.get_date_data(text)
    d = data.date_obj
    if d is None:
        return None
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        iso = d.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if period == "time":
        return f"{d.date().isoformat()}T{d.hour:02d}:{d.minute:02d}"
    return d.date().isoformat()


def _span_only_value(g: Gold, dct: str) -> str | None:
    times = extract(g.text, dct).times
    return times[0].value if len(times) == 1 else None


def run(shared: Path) -> dict[str, object]:
    root = shared / "data" / "tempeval3-train"
    files = sorted(root.glob("*/*.tml"))
    nlp = load_pipeline()
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    dp_ok = span_ok = 0
    started = time.perf_counter()
    for f in files:
        text, gold, dct = parse_tml(f.read_text(encoding="utf-8"))
        analysis = analyze_raw(RawDocument(source=f.name, body=text), reference_date=dct, nlp=nlp)
        system = list(analysis.times)
        n_gold += len(gold)
        n_sys += len(system)
        used: set[int] = set()
        for g in gold:
            strict += any(t.start == g.start and t.end == g.end for t in system)
            match = next(
                (i for i, t in enumerate(system) if i not in used and t.start < g.end and g.start < t.end),
                None,
            )
            if match is not None:
                used.add(match)
                relaxed += 1
                type_ok += timex_type(system[match]) == g.type
                value_ok += system[match].value == g.value
            dp_ok += _dateparser_value(g.text, dct) == g.value
            span_ok += _span_only_value(g, dct) == g.value
    seconds = time.perf_counter() - started
    sp, sr, sf = _prf(strict, n_sys, n_gold)
    rp, rr, rf = _prf(relaxed, n_sys, n_gold)
    tf = _prf(type_ok, n_sys, n_gold)[2]
    vp, vr, vf = _prf(value_ok, n_sys, n_gold)
    figures: dict[str, object] = {
        "documents": len(files),
        "gold_timex": n_gold,
        "system_timex": n_sys,
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "relaxed_p": rp,
        "relaxed_r": rr,
        "relaxed_f1": rf,
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "type_f1": tf,
        "value_accuracy": value_ok / relaxed if relaxed else 0.0,
        "value_p": vp,
        "value_r": vr,
        "value_f1": vf,
        "span_only_value_accuracy": span_ok / n_gold if n_gold else 0.0,
        "dateparser_value_accuracy": dp_ok / n_gold if n_gold else 0.0,
        "seconds": seconds,
    }
    print(f"TempEval-3 train (TimeBank+AQUAINT): {len(files)} docs, {n_gold} gold TIMEX3, {n_sys} ours")
    print(f"  {'figure':<44}{'P':>7}{'R':>7}{'F1':>7}")
    print(f"  {'extraction, strict':<44}{sp:7.3f}{sr:7.3f}{sf:7.3f}")
    print(f"  {'extraction, relaxed':<44}{rp:7.3f}{rr:7.3f}{rf:7.3f}")
    print(f"  {'value (on relaxed matches)':<44}{vp:7.3f}{vr:7.3f}{vf:7.3f}")
    print(f"  type F1 {tf:.3f}   type accuracy {figures['type_accuracy']:.3f}   "
          f"value accuracy {figures['value_accuracy']:.3f}")  # fmt: skip
    print("  value accuracy on the GOLD spans (extraction given):")
    print(f"    newsgraph normalizer, span alone + DCT   {figures['span_only_value_accuracy']:.3f}")
    print(f"    dateparser {_dp_version()}, span alone + DCT      {figures['dateparser_value_accuracy']:.3f}")
    print("  (HeidelTime: value F1 0.776 on the TE3 platinum test set, a different, withheld set)")
    return figures


def _dp_version() -> str:
    import dateparser

    return str(dateparser.__version__)
