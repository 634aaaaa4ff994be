"""Hostile-input benchmark: ``python -m benchmarks --only fuzz`` (``FUZZ_N`` inputs, default 10,000).

Every input goes through ``newsgraph.analyze`` as a file would (bytes on disk, ``.txt`` or
``.html``), under the default time budget. Each ends in one of:
- ok: an analysis whose record offsets index its body;
- clean error: a NewsgraphError with a one-line message (empty, binary, not English, too large ...);
- timeout: longer than the budget, whether the budget stopped it or not;
- crash: anything else (an exception that escaped, an "internal error", a broken offset).

The generators (seeded, so a run is repeatable) cover random bytes, text in other encodings,
giant lines, deep nesting, regex fodder for the time/amount grammars and hostile HTML. Then the
reproductions of issue 16 are timed one by one, and a 4 MB document of real text (TimeBank and
AQUAINT articles from ``../shared``) is analysed whole, with where its first and last records
fall. Peak RSS is the process's.
"""

from __future__ import annotations

import os
import random
import resource
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import newsgraph
from benchmarks.timeml_events import tagged_text
from newsgraph._analyze import time_budget
from newsgraph.errors import NewsgraphError
from newsgraph.nlp.pipeline import load_pipeline

SEED = 20261203
PROSE = (
    "The Interior Ministry said on Monday that police had detained 14 people in Basra after a protest. "
    "Acme Holdings paid $1.2 million to the city in March 2024, officials said. "
)
REPRODUCTIONS = {
    "'&#' × 50000 in HTML": ("html", "<html><body><p>" + "&#" * 50000 + "</p></body></html>"),
    "'(((((' × 20000": ("txt", "(((((" * 20000),
    "'\"((' × 30000 + '$' × 30000": ("txt", '"((' * 30000 + "$" * 30000),
    "'1 ' × 100000": ("txt", "1 " * 100000),
}


def _bytes(rng: random.Random) -> tuple[str, bytes]:
    return rng.choice(["txt", "html"]), bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 4000)))


def _encoded(rng: random.Random) -> tuple[str, bytes]:
    text = "".join(
        rng.choice([PROSE, "Zoë Müller café — «niño» ", "Привет мир. ", "مرحبا بالعالم. ", "東京 "])
        for _ in range(rng.randint(1, 30))
    )
    encoding = rng.choice(["utf-8", "utf-16", "latin-1", "cp1252", "utf-8-sig", "koi8-r"])
    return "txt", text.encode(encoding, errors="replace")


def _giant_line(rng: random.Random) -> tuple[str, bytes]:
    unit = rng.choice(["a", "ab(", "1,", "&#", "x" * 7, "é", "$", ".", "-", "😀", "Mr. "])
    return "txt", (PROSE + unit * rng.randint(600, 20000) + " " + PROSE).encode()


def _nesting(rng: random.Random) -> tuple[str, bytes]:
    opener = rng.choice(["(", "[", "{", '"', "'", "“", "<b>", "<div>", "<!--"])
    n = rng.randint(10, 20000)
    return rng.choice(["txt", "html"]), (PROSE + opener * n + " word " + PROSE).encode()


def _regex_fodder(rng: random.Random) -> tuple[str, bytes]:
    pieces = ["1,", "12 ", "January ", "2024-", "$", "£1.", "million ", "per cent ", "Mr. ", "U.S. ", "late ", "early ",
              "the spring of ", "between ", "and ", "from ", "to ", "a month ", "%", "..", "—", "as high as "]  # fmt: skip
    return "txt", (PROSE + "".join(rng.choice(pieces) for _ in range(rng.randint(10, 800))) + PROSE).encode()


def _html(rng: random.Random) -> tuple[str, bytes]:
    parts = [
        "<div>" * rng.randint(0, 2000),
        "<script>" + "x=1;" * rng.randint(0, 20000) + "</script>",
        "<style>" + "a{}" * rng.randint(0, 5000) + "</style>",
        "<p>" + PROSE + "</p>",
        "<![CDATA[" + "]" * rng.randint(0, 500),
        '<meta charset="' + rng.choice(["utf-8", "x-nonsense", "utf-16", ""]) + '">',
        "<p>" + "&#" + "9" * rng.randint(1, 40) + ";" + "</p>",
        "<table>" + "<tr><td>1</td></tr>" * rng.randint(0, 800) + "</table>",
        "<a href='javascript:alert(1)'>x</a><img src=x onerror=alert(1)>",
    ]
    rng.shuffle(parts)
    return "html", (
        "<html><head><title>T</title></head><body>" + "".join(parts[: rng.randint(1, len(parts))])
    ).encode(errors="replace")


def _prose_with_junk(rng: random.Random) -> tuple[str, bytes]:
    junk = ["\x00", "\ufeff", "\u202e", "\u200b" * 50, "�" * 20, "\r\r\r", "\t" * 100, " " * 5000]
    text = "".join(PROSE + rng.choice(junk) for _ in range(rng.randint(1, 12)))
    return rng.choice(["txt", "html"]), text.encode("utf-8", errors="replace")


GENERATORS: tuple[Callable[[random.Random], tuple[str, bytes]], ...] = (
    _bytes, _encoded, _giant_line, _nesting, _regex_fodder, _html, _prose_with_junk,
)  # fmt: skip


def inputs(n: int, seed: int = SEED) -> Iterator[tuple[str, str, bytes]]:
    rng = random.Random(seed)
    for i in range(n):
        gen = GENERATORS[i % len(GENERATORS)]
        suffix, data = gen(rng)
        yield gen.__name__.lstrip("_"), suffix, data


def _offsets_ok(analysis: newsgraph.Analysis) -> bool:
    body = analysis.document.body
    spans = [(m.start, m.end, m.text) for e in analysis.entities for m in e.mentions]
    spans += [(r.start, r.end, r.text) for r in (*analysis.times, *analysis.amounts, *analysis.claims)]
    return all(body[a:b] == text for a, b, text in spans)


def classify(path: Path, nlp: Any, budget: float) -> tuple[str, float]:
    started = time.monotonic()
    try:
        analysis = newsgraph.analyze(path, nlp=nlp, reference_date="2024-05-01")
        outcome = "ok" if _offsets_ok(analysis) else "crash"
    except NewsgraphError as exc:
        text = str(exc)
        if "internal error" in text or "\n" in text.strip():
            outcome = "crash"
        elif "took over" in text:
            outcome = "timeout"
        else:
            outcome = "clean error"
    except Exception:
        outcome = "crash"
    spent = time.monotonic() - started
    if spent > budget and outcome != "crash":
        outcome = "timeout"
    return outcome, spent


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _real_text(shared: Path, size: int) -> str:
    texts: list[str] = []
    total = 0
    for tml in sorted((shared / "data" / "tempeval3-train").rglob("*.tml")):
        text = tagged_text(tml.read_text(encoding="utf-8"), "EVENT")[0].strip()
        texts.append(text)
        total += len(text) + 2
        if total >= size:
            break
    body = "\n\n".join(texts)
    while len(body) < size:  # the corpus is smaller than asked: repeat it, paragraphs intact
        body += "\n\n" + body
    return body[:size]


def run(shared: Path) -> dict[str, object]:
    n = int(os.environ.get("FUZZ_N", "10000"))
    nlp = load_pipeline()
    budget = time_budget()
    counts: Counter[str] = Counter()
    by_generator: dict[str, Counter[str]] = {}
    slowest = (0.0, "")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for k, (name, suffix, data) in enumerate(inputs(n)):
            path = Path(tmp) / f"input{k % 50}.{suffix}"
            path.write_bytes(data)
            outcome, spent = classify(path, nlp, budget)
            counts[outcome] += 1
            by_generator.setdefault(name, Counter())[outcome] += 1
            if spent > slowest[0]:
                slowest = (spent, name)
            if (k + 1) % 1000 == 0:
                print(f"  {k + 1:,} inputs, {dict(counts)}", flush=True)
    elapsed = time.monotonic() - started
    print(f"{n:,} hostile inputs in {elapsed:.0f} s, budget {budget:g} s each:")
    for outcome in ("ok", "clean error", "timeout", "crash"):
        print(f"  {outcome:12} {counts[outcome]:6,}")
    for name, c in sorted(by_generator.items()):
        print(f"    {name:16} " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    print(f"  slowest input {slowest[0]:.1f} s ({slowest[1]}); peak RSS {_peak_rss_mb():.0f} MB")
    reproductions: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, (suffix, text) in REPRODUCTIONS.items():
            path = Path(tmp) / f"repro.{suffix}"
            path.write_text(text, encoding="utf-8")
            outcome, spent = classify(path, nlp, budget)
            reproductions[label] = round(spent, 2)
            print(f"  reproduction {label:30} {outcome:12} {spent:6.1f} s")
    long_doc: dict[str, object] = {}
    if (shared / "data" / "tempeval3-train").exists():
        body = _real_text(shared, 4_000_000)
        t0 = time.monotonic()
        analysis = newsgraph.analyze(body, nlp=nlp, reference_date="1998-03-01")
        spent = time.monotonic() - t0
        length = len(analysis.document.body)
        starts = sorted(r.start for r in (*analysis.times, *analysis.amounts, *analysis.claims))
        long_doc = {
            "characters": length, "seconds": round(spent, 1), "events": len(analysis.events),
            "entities": len(analysis.entities), "first_record": starts[0] if starts else None,
            "last_record": starts[-1] if starts else None, "offsets_ok": _offsets_ok(analysis),
        }  # fmt: skip
        print(
            f"  4 MB real text: {length:,} characters in {spent:.0f} s, {len(analysis.events):,} events, "
            f"{len(analysis.entities):,} entities, records from offset {long_doc['first_record']:,} to "
            f"{long_doc['last_record']:,}; offsets {'ok' if long_doc['offsets_ok'] else 'BROKEN'}"
        )
    print(f"  peak RSS after all {_peak_rss_mb():.0f} MB (target <= 1024)")
    return {
        "inputs": n, "seconds": round(elapsed, 1), "outcomes": dict(counts),
        "by_generator": {k: dict(v) for k, v in by_generator.items()}, "slowest_s": round(slowest[0], 2),
        "reproductions_s": reproductions, "long_document": long_doc, "peak_rss_mb": round(_peak_rss_mb()),
    }  # fmt: skip


if __name__ == "__main__":
    import sys

    run(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
