"""Packaged data files (lexicons, trigger lists, gazetteers, models), read by one loader.

Every file lives under ``newsgraph/resources/`` and says where its content comes from
(a ``source:`` key in YAML, or a ``SOURCES.md`` beside it). Loading validates the shape
and raises :class:`~newsgraph.errors.ResourceError` naming the bad file.
"""

from __future__ import annotations

import functools
import json
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import yaml

from newsgraph.errors import ResourceError

ROOT = Path(str(importlib_resources.files("newsgraph.resources")))


def path(name: str) -> Path:
    """Absolute path of a resource (e.g. ``"times/lexicon.yaml"``); raises if it is missing."""
    p = ROOT / name
    if not p.exists():
        raise ResourceError(f"resource file is missing: {p} (reinstall newsgraph)")
    return p


@functools.cache
def load_yaml(name: str, *, required_keys: tuple[str, ...] = ()) -> Any:
    """Load a YAML resource once; mappings must hold ``required_keys``."""
    p = path(name)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ResourceError(f"resource file is not valid YAML: {p}: {exc}") from exc
    if required_keys:
        if not isinstance(data, dict):
            raise ResourceError(f"resource file is not a mapping: {p}")
        missing = [k for k in required_keys if k not in data]
        if missing:
            raise ResourceError(f"resource file {p} lacks keys: {', '.join(missing)}")
    return data


@functools.cache
def load_json(name: str) -> Any:
    """Load a JSON resource once."""
    p = path(name)
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ResourceError(f"resource file is not valid JSON: {p}: {exc}") from exc
