"""Days of the simulation: business days, month ends, fixed public holidays.

Where it sits: a helper of the posting rules (:mod:`.postings`, :mod:`.bookkeeping`),
which date invoices, payments and remittances on working days.
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "HOLIDAYS",
    "business_day",
    "business_days",
    "in_month",
    "last_business_day",
    "month_end",
]

HOLIDAYS = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}
"""Fixed public holidays (month, day); movable ones are ignored."""


def business_day(day: dt.date) -> dt.date:
    """The same day, or the next weekday that is not a fixed public holiday.

    Example:
        >>> business_day(dt.date(2025, 12, 25))  # Christmas, a Thursday
        datetime.date(2025, 12, 26)
    """
    while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
        day += dt.timedelta(days=1)
    return day


def month_end(year: int, month: int) -> dt.date:
    """Last calendar day of the month."""
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def last_business_day(year: int, month: int) -> dt.date:
    """Last weekday of the month."""
    day = month_end(year, month)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def business_days(year: int, month: int) -> list[dt.date]:
    """Weekdays of a month that are not fixed public holidays."""
    first = dt.date(year, month, 1)
    days = (first + dt.timedelta(days=i) for i in range(month_end(year, month).day))
    return [d for d in days if d.weekday() < 5 and (d.month, d.day) not in HOLIDAYS]


def in_month(year: int, month: int, day: int) -> dt.date:
    """Business day on or after ``day`` of the month, staying in the month."""
    wanted = business_day(dt.date(year, month, min(day, month_end(year, month).day)))
    return wanted if wanted.month == month else last_business_day(year, month)
