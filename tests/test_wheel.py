"""``pip install newsgraph-*.whl`` gives a working tool: no make, no post-install step, offline.

The wheel is built from this checkout (``python -m build --wheel --no-isolation``, so the pinned
setuptools of the lock file is used and nothing is downloaded) and installed with plain pip,
``--no-deps``, into a new virtual environment. Its third-party dependencies come from the project's
own environment through a ``.pth`` line, so the test needs no network; that ``pip install`` would
fetch every one of them is checked on its own: each third-party module the package imports belongs
to a distribution the wheel requires, directly or through another requirement.

The installed copy then analyzes the seed article from an unrelated directory: the gazetteer is
built on first use (with a message), the map outlines come from inside the wheel.
"""

from __future__ import annotations

import ast
import email
import json
import os
import re
import subprocess
import sys
import sysconfig
import venv
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "eval" / "seed"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    (built,) = out.glob("newsgraph-*.whl")
    return built


def test_wheel_holds_the_data_the_package_reads(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "newsgraph/py.typed",
        "newsgraph/resources/events/mentions.json",
        "newsgraph/resources/events/classes.yaml",
        "newsgraph/schema/newsgraph-1.schema.json",
        "newsgraph/out/html/templates/report.html.j2",
        "newsgraph/out/html/assets/report.js",
    ):
        assert needed in names, needed
    if (ROOT / "src/newsgraph/out/html/assets/world-atlas/countries-110m.json").exists():
        assert "newsgraph/out/html/assets/world-atlas/countries-110m.json" in names
    # Built artefacts and caches stay out: the gazetteer is built on first use, not shipped.
    assert not [n for n in names if "_data/" in n or "__pycache__" in n or "node_modules" in n]


def _third_party_imports() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "newsgraph").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    stdlib = set(sys.stdlib_module_names)
    return {m for m in found if m not in stdlib and m not in ("newsgraph", "__future__")}


def _closure(requirements: list[str]) -> set[str]:
    seen: set[str] = set()
    todo = [re.split(r"[ ;<>=!~\[]", r, maxsplit=1)[0] for r in requirements if "extra ==" not in r]
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            todo += [
                re.split(r"[ ;<>=!~\[(]", r, maxsplit=1)[0]
                for r in metadata.requires(name) or []
                if "extra ==" not in r
            ]
        except metadata.PackageNotFoundError:
            continue
    return seen


def test_every_imported_library_is_a_requirement_of_the_wheel(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.message_from_bytes(zf.read(meta_name))
    required = _closure(meta.get_all("Requires-Dist") or [])
    owners = metadata.packages_distributions()
    # Optional imports, guarded where they are used, with the reason.
    optional = {
        "IPython": "newsgraph.display uses it only inside Jupyter, where it is present",
        "playwright": "the dossier's browser checks (tests, screenshots); guarded with a clear message",
    }
    missing = {}
    for module in sorted(_third_party_imports()):
        dists = {d.lower().replace("_", "-") for d in owners.get(module, [])}
        if module in optional or dists & required:
            continue
        missing[module] = sorted(dists)
    assert not missing, f"imported but not required by the wheel: {missing}"


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the checkout")
def test_installed_wheel_analyzes_the_seed_offline(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # Dependencies (and the spaCy model package) from this project's environment, after the new one.
    (site / "zz_project_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEWSGRAPH_GAZETTEER")}
    where = subprocess.run(
        [str(python), "-c", "import newsgraph; print(newsgraph.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert where.startswith(str(site)), f"imported the wrong copy: {where}"
    out = tmp_path / "seed.json"
    run = subprocess.run(
        [str(env_dir / "bin" / "newsgraph"), "analyze", str(SEED / "article.txt"), "--json", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "building the offline gazetteer" in run.stderr  # first use says why it waits
    assert (site / "newsgraph" / "geo" / "_data" / "gazetteer.sqlite").exists()
    score = subprocess.run(
        [
            sys.executable,
            str(ROOT.parent / "shared" / "eval" / "score.py"),
            str(out),
            str(SEED / "gold.json"),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert re.search(r"score 1\.000", score), score
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["places"] and all(p["lat"] is not None for p in data["places"])
