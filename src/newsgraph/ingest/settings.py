"""Ingest limits: the one place they are defined and read from the environment.

``NEWSGRAPH_MAX_BYTES``       largest document accepted (bytes; default 5 MB)
``NEWSGRAPH_FETCH_TIMEOUT``   URL connect/read timeout (seconds; default 10)
``NEWSGRAPH_MAX_REDIRECTS``   redirects followed when fetching (default 5)
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newsgraph.errors import ConfigError

# A long-read news article is ~100 KB of HTML text; saved pages with inline scripts reach ~2 MB.
# 5 MB leaves room for those while refusing dumps that would take minutes in the parser.
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_FETCH_TIMEOUT = 10.0
DEFAULT_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class IngestSettings:
    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT
    max_redirects: int = DEFAULT_MAX_REDIRECTS


def _number(name: str, default: float, *, integer: bool) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw) if integer else float(raw)
    except ValueError as exc:
        kind = "a whole number" if integer else "a number"
        raise ConfigError(f"{name}={raw!r} is not {kind}; unset it or give e.g. {name}={default:g}") from exc
    if value <= 0 and not (name == "NEWSGRAPH_MAX_REDIRECTS" and value == 0):
        raise ConfigError(f"{name}={raw!r} must be positive")
    return value


def settings() -> IngestSettings:
    """Current limits (read on each call, so a changed environment takes effect)."""
    return IngestSettings(
        max_bytes=int(_number("NEWSGRAPH_MAX_BYTES", DEFAULT_MAX_BYTES, integer=True)),
        fetch_timeout=_number("NEWSGRAPH_FETCH_TIMEOUT", DEFAULT_FETCH_TIMEOUT, integer=False),
        max_redirects=int(_number("NEWSGRAPH_MAX_REDIRECTS", DEFAULT_MAX_REDIRECTS, integer=True)),
    )
