"""The package layout of docs/architecture.md is the real one: data flows one way.

Every ``import`` in ``src/newsgraph`` (including imports inside functions, which are still
dependencies) is checked against the layer table below: a module may import its own layer and
the layers beneath it, never one above. The table is the diagram of docs/architecture.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"

# (layer number, package or module prefix), lowest first; the longest matching prefix wins.
LAYERS: dict[str, int] = {
    "newsgraph._version": 0,
    "newsgraph.errors": 0,
    "newsgraph.resources": 0,
    "newsgraph.schema": 0,
    "newsgraph.model": 1,
    "newsgraph.frames": 2,
    "newsgraph.ingest": 2,
    "newsgraph.geo": 2,
    "newsgraph.nlp": 3,
    "newsgraph._analyze": 4,
    "newsgraph._parts": 4,
    "newsgraph.corpus": 5,
    "newsgraph.out": 6,
    "newsgraph.api": 7,
    "newsgraph.cli": 8,
    "newsgraph": 9,  # the package root: the public facade (analyze, display, ...)
}

# Upward imports allowed on purpose, each with its reason. Keep this short.
ALLOWED: dict[tuple[str, str], str] = {
    (
        "newsgraph.model",
        "newsgraph.out.notebook",
    ): "Jupyter's display protocol needs _repr_html_ on the record class; the import is lazy",
    (
        "newsgraph.model",
        "newsgraph.frames",
    ): "analysis.frame(kind) is the notebook user's entry point; the import is lazy",
}

# Inside nlp/, the record-kind packages run in this order and each may read only those before it.
NLP_ORDER = ("entities", "times", "amounts", "places", "events", "relations", "claims")


def _layer(module: str) -> int:
    best = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len)
    return LAYERS[best]


def _module_name(path: Path) -> str:
    parts = ["newsgraph", *path.relative_to(SRC).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("newsgraph")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsgraph"):
            # "from newsgraph.nlp.claims import checkworthy" imports a module; count the full name.
            found |= {
                f"{node.module}.{a.name}"
                if (SRC / Path(*node.module.split(".")[1:]) / f"{a.name}.py").exists()
                else node.module
                for a in node.names
            }
    return found


def _all_modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "frontend" not in p.parts)


def test_layer_table_covers_every_package() -> None:
    top = {
        p.name.removesuffix(".py")
        for p in SRC.iterdir()
        if (p.suffix == ".py" or p.is_dir()) and not p.name.startswith((".", "__"))
    }
    top -= {"_data", "py"}
    unknown = {
        t
        for t in top
        if f"newsgraph.{t}" not in LAYERS and (SRC / t).is_dir() and any((SRC / t).glob("*.py"))
    }
    unknown |= {t for t in top if (SRC / f"{t}.py").exists() and f"newsgraph.{t}" not in LAYERS}
    assert not unknown, f"packages missing from the layer table (and docs/architecture.md): {sorted(unknown)}"


@pytest.mark.parametrize("path", _all_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_from_a_layer_above(path: Path) -> None:
    importer = _module_name(path)
    mine = _layer(importer)
    upward = sorted(m for m in _imports(path) if _layer(m) > mine and (importer, m) not in ALLOWED)
    assert not upward, f"{importer} (layer {mine}) imports from a layer above: {upward}"


def _nlp_kind(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "nlp" and parts[2] in NLP_ORDER else None


@pytest.mark.parametrize(
    "path", [p for p in _all_modules() if _nlp_kind(_module_name(p))], ids=lambda p: str(p.relative_to(SRC))
)
def test_record_kinds_read_only_earlier_kinds(path: Path) -> None:
    kind = _nlp_kind(_module_name(path))
    assert kind is not None
    later = sorted(
        m
        for m in _imports(path)
        if (k := _nlp_kind(m)) is not None and NLP_ORDER.index(k) > NLP_ORDER.index(kind)
    )
    assert not later, f"nlp/{kind} reads a record kind computed after it: {later}"


def test_allowed_exceptions_are_real() -> None:
    # An exception whose import no longer exists must be deleted, so the table cannot rot.
    for importer, imported in ALLOWED:
        path = SRC / Path(*importer.split(".")[1:])
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        assert imported in _imports(path), f"stale exception: {importer} no longer imports {imported}"
