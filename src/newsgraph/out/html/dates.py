"""ISO dates of any precision (``2014``, ``2014-03``, ``2014-03-05``) as calendar bounds for drawing."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def first_day(value: str | None) -> dt.date | None:
    """The first calendar day an ISO date of any precision covers (``2014`` → 2014-01-01)."""
    m = _ISO.match(value or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def last_day(value: str | None) -> dt.date | None:
    """The last calendar day an ISO date of any precision covers (``2014-02`` → 2014-02-28)."""
    m = _ISO.match(value or "")
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2) or 12)
    if m.group(3):
        day = int(m.group(3))
    else:
        try:
            day = calendar.monthrange(year, month)[1]
        except calendar.IllegalMonthError:
            return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def reference_of(document: dict[str, Any]) -> dict[str, Any]:
    """``{date, method, confidence}`` of a ``newsgraph/1`` document: the JSON keeps the date itself in
    ``reference_date`` and how it was found beside it; a nested ``{date, method, confidence}`` object
    (the record's own shape) is read too."""
    value = document.get("reference_date")
    if isinstance(value, dict):
        return {
            "date": value.get("date"),
            "method": value.get("method") or "",
            "confidence": value.get("confidence"),
        }
    return {
        "date": value,
        "method": document.get("reference_date_method") or "",
        "confidence": document.get("reference_date_confidence"),
    }
