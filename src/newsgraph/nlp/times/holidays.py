"""Named days ("Thanksgiving", "Christmas Eve", "Easter") → their date in a given year."""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Holiday:
    month: int = 0
    day: int = 0
    weekday: int = 0  # ISO, Monday = 1
    nth: int = 0  # which such weekday in the month; -1 = the last
    on_or_after: int = 1  # count weekdays from this day of the month
    easter: int | None = None  # days from Easter Sunday

    def date_in(self, year: int) -> date:
        if self.easter is not None:
            return easter_sunday(year) + timedelta(days=self.easter)
        if not self.weekday:
            return date(year, self.month, self.day)
        if self.nth < 0:
            last = date(year, self.month, _cal.monthrange(year, self.month)[1])
            return last - timedelta(days=(last.isoweekday() - self.weekday) % 7)
        first = date(year, self.month, self.on_or_after)
        first += timedelta(days=(self.weekday - first.isoweekday()) % 7)
        return first + timedelta(weeks=self.nth - 1)


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher")."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(year, month, day + 1)
