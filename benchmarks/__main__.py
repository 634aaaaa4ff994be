"""Run every benchmark module and print its figures: ``python -m benchmarks [--shared DIR] [--only NAME]``.

Each module in ``BENCHMARKS`` exposes ``run(shared: Path) -> dict[str, object]`` and prints
its own table as it goes; the figures are also written to ``out/bench.json``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import traceback
from pathlib import Path

BENCHMARKS = (
    "extraction", "speed", "entities", "times", "amounts", "places", "events", "claims", "dossier", "corpus", "ecbplus", "scale", "heldout", "fuzz",
)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--only", action="append", default=[])
    args = ap.parse_args(argv)
    results: dict[str, object] = {}
    failed = 0
    for name in BENCHMARKS:
        if args.only and name not in args.only:
            continue
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"benchmarks.{name}":
                continue
            raise
        print(f"\n== {name} ==", flush=True)
        started = time.perf_counter()
        try:
            results[name] = module.run(args.shared)
        except Exception:
            failed += 1
            traceback.print_exc()
            results[name] = {"error": traceback.format_exc(limit=3)}
        print(f"({name}: {time.perf_counter() - started:.0f} s)", flush=True)
    Path("out").mkdir(exist_ok=True)
    Path("out/bench.json").write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print("\nfigures written to out/bench.json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
