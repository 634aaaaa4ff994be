"""The `newsgraph` command line: the contract other tools rely on (exit codes, outputs, errors)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph import __version__
from newsgraph.cli import app
from newsgraph.out.json import check_analysis

STORY = (
    "Aid convoy reaches Kharkiv\n\n"
    "A convoy of forty trucks reached Kharkiv on Tuesday, the regional governor said.\n\n"
    "The European Union has pledged 50 million euros for the region since March 2022."
)

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_analyze_one_file_to_json(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    out = tmp_path / "story.json"
    result = runner.invoke(app, ["analyze", str(source), "--json", str(out), "--date", "2022-06-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert check_analysis(data) == []
    assert data["document"]["reference_date"] == "2022-06-01"
    assert data["document"]["reference_date_method"] == "given"
    assert "forty trucks reached Kharkiv" in data["document"]["body"]


def test_analyze_stdin_to_stdout() -> None:
    result = runner.invoke(app, ["analyze", "-", "--json", "-"], input=STORY)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "newsgraph/1"


def test_batch_goes_on_after_a_failure_and_exits_1(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    outdir = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(empty), str(good), "-o", str(outdir)])
    assert result.exit_code == 1
    assert (outdir / "good.json").exists()
    assert not (outdir / "empty.json").exists()
    assert "empty.txt" in result.output  # the failure names its source


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(source), "--date", "20/10/2016"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_json_file_with_many_sources_is_a_usage_error(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(STORY, encoding="utf-8")
    b.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(a), str(b), "--json", str(tmp_path / "x.json")])
    assert result.exit_code == 2
