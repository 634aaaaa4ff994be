"""The docs are the contract: every output field and every CLI command is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.out.json import schema

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _fields(node: dict, prefix: str = "") -> set[str]:  # type: ignore[type-arg]
    names: set[str] = set()
    props = node.get("properties") or node.get("items", {}).get("properties") or {}
    for name, sub in props.items():
        names.add(name)
        names |= _fields(sub)
    return names


def test_every_schema_field_is_in_format_md() -> None:
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", text))
    missing = sorted(_fields(schema()) - documented)
    assert missing == [], f"fields missing from docs/format.md: {missing}"


@pytest.mark.parametrize(
    "command",
    sorted(c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands if c.callback),
)
def test_commands_have_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
