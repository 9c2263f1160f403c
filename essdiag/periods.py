"""Fiscal years that may start in any month, and the months inside them.

Example:
    >>> fy = FiscalYear(label_year=2026, start_month=7)
    >>> fy.start.isoformat(), fy.end.isoformat()
    ('2025-07-01', '2026-06-30')
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, Field

from essdiag.i18n import Translator

__all__ = ["FiscalYear", "month_end", "month_title"]


def month_title(month: str, tr: Translator) -> str:
    """A "YYYY-MM" month written out in the reader's language ("octobre 2026").

    Example:
        >>> from essdiag.i18n import translator
        >>> month_title("2026-10", translator("fr")), month_title("2026-10", translator("en"))
        ('octobre 2026', 'October 2026')
    """
    year, number = (int(x) for x in month.split("-"))
    return tr.date(date(year, number, 1), "LLLL y")


def month_end(year: int, month: int) -> date:
    """Last day of a month."""
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


class FiscalYear(BaseModel):
    """A twelve-month fiscal year, named by the calendar year in which it ends.

    Attributes:
        label_year: the year in which the fiscal year ends.
        start_month: 1 for a calendar year, 7 for July–June, etc.
    """

    model_config = ConfigDict(frozen=True)

    label_year: int
    start_month: int = Field(default=1, ge=1, le=12)

    @property
    def start(self) -> date:
        """First day of the fiscal year."""
        year = self.label_year if self.start_month == 1 else self.label_year - 1
        return date(year, self.start_month, 1)

    @property
    def end(self) -> date:
        """Last day of the fiscal year."""
        m = (self.start_month - 2) % 12 + 1
        return month_end(self.label_year, m)

    def months(self) -> list[tuple[int, int]]:
        """The twelve (year, month) pairs of the fiscal year, in order."""
        out = []
        y, m = self.start.year, self.start.month
        for _ in range(12):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def contains(self, d: date) -> bool:
        """True when ``d`` falls inside the fiscal year."""
        return self.start <= d <= self.end

    @classmethod
    def containing(cls, d: date, start_month: int = 1) -> FiscalYear:
        """The fiscal year (with that start month) that contains date ``d``."""
        label = d.year if start_month == 1 or d.month < start_month else d.year + 1
        return cls(label_year=label, start_month=start_month)
