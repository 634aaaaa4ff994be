"""Limits: the one place they are defined and read from the environment.

``NEWSGRAPH_MAX_BYTES``       largest document accepted (bytes; default 5 MB)
``NEWSGRAPH_FETCH_TIMEOUT``   URL connect/read timeout (seconds; default 10)
``NEWSGRAPH_MAX_REDIRECTS``   redirects followed when fetching (default 5)
``NEWSGRAPH_FETCH_DEADLINE``  the whole fetch: connect, headers and body, over every redirect
                              (seconds; default 30)
``NEWSGRAPH_MIN_RATE``        slowest transfer accepted once the grace period is over
                              (bytes per second; default 2048)
``NEWSGRAPH_TIME_BUDGET``     pipeline time of one document, or one part of a long one
                              (seconds; default 60)
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
# A news page is 50 KB-2 MB; at the minimum rate a 2 MB page still arrives within the deadline's
# order of magnitude, while a server dripping a byte a second is cut off after the grace period.
DEFAULT_FETCH_DEADLINE = 30.0
DEFAULT_MIN_RATE = 2048.0
# Seconds before the minimum rate is enforced (slow TLS handshakes and first bytes are normal).
RATE_GRACE = 5.0
# Generous: an ordinary article takes well under a second in the pipeline.
DEFAULT_TIME_BUDGET = 60.0


@dataclass(frozen=True)
class IngestSettings:
    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    fetch_deadline: float = DEFAULT_FETCH_DEADLINE
    min_rate: float = DEFAULT_MIN_RATE
    time_budget: float = DEFAULT_TIME_BUDGET


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
        fetch_deadline=_number("NEWSGRAPH_FETCH_DEADLINE", DEFAULT_FETCH_DEADLINE, integer=False),
        min_rate=_number("NEWSGRAPH_MIN_RATE", DEFAULT_MIN_RATE, integer=False),
        time_budget=_number("NEWSGRAPH_TIME_BUDGET", DEFAULT_TIME_BUDGET, integer=False),
    )
