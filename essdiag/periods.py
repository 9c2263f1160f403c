"""Months, quarters, year to date and fiscal years that may start in any month.

The one place that knows how a month is keyed (``"YYYY-MM"``), how a period
inside a fiscal year is keyed (``2026-10``, ``2026-T4``, ``2026-T4-11``,
``2026-YTD-10``, ``2026``) and how both are written for a reader
(« octobre 2026 », « oct. 2026 », « janvier – octobre 2026 »). Every other
module builds and reads month keys through these functions.

Example:
    >>> fy = FiscalYear(label_year=2026, start_month=7)
    >>> fy.start.isoformat(), fy.end.isoformat()
    ('2025-07-01', '2026-06-30')
    >>> fy.month_keys()[:2]
    ['2025-07', '2025-08']
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from essdiag.i18n import N_, LabelledEnum, MonthKey, Translator

__all__ = [
    "FiscalYear",
    "MonthName",
    "Period",
    "PeriodKind",
    "month_end",
    "month_key",
    "month_of",
    "month_short",
    "month_start",
    "month_title",
    "next_month",
    "parse_month",
    "span_params",
]

PeriodKind = Literal["month", "quarter", "ytd", "year"]


def month_key(year: int, month: int) -> str:
    """The key of a month, ``"YYYY-MM"``.

    Example:
        >>> month_key(2026, 3)
        '2026-03'
    """
    return f"{year:04d}-{month:02d}"


def month_of(day: date) -> str:
    """The key of the month containing ``day``.

    Example:
        >>> month_of(date(2026, 10, 31))
        '2026-10'
    """
    return month_key(day.year, day.month)


def parse_month(key: str) -> tuple[int, int]:
    """``(year, month)`` of a month key; ValueError when it is not one.

    Example:
        >>> parse_month("2026-10")
        (2026, 10)
    """
    year_text, _, month_text = key.partition("-")
    if len(year_text) != 4 or len(month_text) != 2 or not (year_text + month_text).isdigit():
        raise ValueError(f"not a month key: {key!r}")
    year, month = int(year_text), int(month_text)
    if not 1 <= month <= 12 or year < 1:
        raise ValueError(f"not a month key: {key!r}")
    return year, month


def month_start(key: str) -> date:
    """First day of a month key."""
    year, month = parse_month(key)
    return date(year, month, 1)


def month_end(year: int, month: int) -> date:
    """Last day of a month.

    Example:
        >>> month_end(2024, 2)
        datetime.date(2024, 2, 29)
    """
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def next_month(key: str, step: int = 1) -> str:
    """The month ``step`` months after ``key`` (before it when negative).

    Example:
        >>> next_month("2026-12"), next_month("2026-01", -1)
        ('2027-01', '2025-12')
    """
    year, month = parse_month(key)
    index = year * 12 + month - 1 + step
    return month_key(index // 12, index % 12 + 1)


def month_title(month: str, tr: Translator) -> str:
    """A month written out in the reader's language (« octobre 2026 »).

    Example:
        >>> from essdiag.i18n import translator
        >>> month_title("2026-10", translator("fr")), month_title("2026-10", translator("en"))
        ('octobre 2026', 'October 2026')
    """
    return tr.date(month_start(month), "LLLL y")


def month_short(month: str, tr: Translator) -> str:
    """A month in a few letters, for chart axes and narrow columns (« oct. 2026 »).

    Example:
        >>> from essdiag.i18n import translator
        >>> month_short("2026-10", translator("fr")), month_short("2026-06", translator("en"))
        ('oct. 2026', 'Jun 2026')
    """
    return tr.date(month_start(month), "LLL y")


class FiscalYear(BaseModel):
    """A twelve-month fiscal year, named by the calendar year in which it ends.

    Attributes:
        label_year: the year in which the fiscal year ends.
        start_month: 1 for a calendar year, 7 for July–June, etc.
    """

    model_config = ConfigDict(frozen=True)

    label_year: int = Field(ge=2, le=9998)
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
        return [parse_month(k) for k in self.month_keys()]

    def month_keys(self) -> list[str]:
        """The twelve month keys of the fiscal year, in order."""
        first = month_of(self.start)
        return [next_month(first, k) for k in range(12)]

    def contains(self, d: date) -> bool:
        """True when ``d`` falls inside the fiscal year."""
        return self.start <= d <= self.end

    def title(self, tr: Translator) -> str:
        """The fiscal year as people say it: « exercice 2026 » or « exercice 2025-2026 »."""
        if self.start_month == 1:
            return tr("exercice {year}", year=str(self.label_year))
        return tr("exercice {first}-{last}", first=str(self.start.year), last=str(self.end.year))

    @classmethod
    def containing(cls, d: date, start_month: int = 1) -> FiscalYear:
        """The fiscal year (with that start month) that contains date ``d``."""
        label = d.year if start_month == 1 or d.month < start_month else d.year + 1
        return cls(label_year=label, start_month=start_month)


class Period(BaseModel):
    """A period inside a fiscal year: some of its months.

    Attributes:
        kind: month, quarter, ytd (year to date) or year.
        months: the months covered (month keys), in order.
        key: stable label used to file comments (``2026-10``, ``2026-T4``,
            ``2026-T4-11``, ``2026-YTD-10``, ``2026``).
    """

    model_config = ConfigDict(frozen=True)

    kind: PeriodKind
    months: tuple[str, ...]
    key: str

    def title(self, tr: Translator) -> str:
        """The period as the reader says it (« janvier – octobre 2026 », « trimestre 4 : octobre 2026 »).

        Example:
            >>> from essdiag.i18n import translator
            >>> Period.of(FiscalYear(label_year=2026), "ytd", "2026-10").title(translator("fr"))
            'janvier – octobre 2026'
        """
        span = months_span(self.months, tr)
        if self.kind == "quarter":
            return tr("trimestre {q} : {months}", q=self.key.split("-T")[1][0], months=span)
        if self.kind == "year":
            return tr("exercice entier : {months}", months=span)
        return span

    @classmethod
    def of(cls, fiscal_year: FiscalYear, kind: PeriodKind, through: str | None = None) -> Period:
        """The period of that kind ending with month ``through``.

        The quarter is the fiscal quarter containing ``through``, up to
        ``through`` (a quarter to date: the budget of months without actuals
        yet is not compared with nothing); its key says so (``2026-T2-05``)
        until the quarter is complete (``2026-T2``). ``year`` is the whole
        fiscal year and ignores ``through``.

        Example:
            >>> fy = FiscalYear(label_year=2026)
            >>> Period.of(fy, "quarter", "2026-05").months
            ('2026-04', '2026-05')
            >>> Period.of(fy, "quarter", "2026-05").key, Period.of(fy, "quarter", "2026-06").key
            ('2026-T2-05', '2026-T2')
            >>> Period.of(fy, "ytd", "2026-03").key
            '2026-YTD-03'
        """
        months = fiscal_year.month_keys()
        label = fiscal_year.label_year
        if kind == "year":
            return cls(kind=kind, months=tuple(months), key=str(label))
        if through is None or through not in months:
            raise ValueError(f"month {through!r} is not in fiscal year {label}")
        k = months.index(through)
        if kind == "month":
            return cls(kind=kind, months=(through,), key=through)
        if kind == "quarter":
            q = k // 3
            key = f"{label}-T{q + 1}" if k % 3 == 2 else f"{label}-T{q + 1}-{k + 1:02d}"
            return cls(kind=kind, months=tuple(months[3 * q : k + 1]), key=key)
        return cls(kind=kind, months=tuple(months[: k + 1]), key=f"{label}-YTD-{k + 1:02d}")


def months_span(months: tuple[str, ...] | list[str], tr: Translator) -> str:
    """First to last month as people write it (« janvier – octobre 2026 », « nov. 2025 – … »).

    Example:
        >>> from essdiag.i18n import translator
        >>> months_span(["2025-11", "2025-12", "2026-01"], translator("fr"))
        'novembre 2025 – janvier 2026'
    """
    first, last = months[0], months[-1]
    if first == last:
        return month_title(first, tr)
    start = month_title(first, tr)
    if first[:4] == last[:4]:
        start = start.rsplit(" ", 1)[0]
    return f"{start} – {month_title(last, tr)}"


class MonthName(LabelledEnum):
    """A month named without its year, the first month of a span within one year (« janvier »).

    Its label is written as the translator writes the month (« janvier », "January"),
    so that a span reads « janvier – octobre 2026 », as :func:`months_span`.
    """

    JANUARY = "01", N_("janvier")
    FEBRUARY = "02", N_("février")
    MARCH = "03", N_("mars")
    APRIL = "04", N_("avril")
    MAY = "05", N_("mai")
    JUNE = "06", N_("juin")
    JULY = "07", N_("juillet")
    AUGUST = "08", N_("août")
    SEPTEMBER = "09", N_("septembre")
    OCTOBER = "10", N_("octobre")
    NOVEMBER = "11", N_("novembre")
    DECEMBER = "12", N_("décembre")


def span_params(months: Sequence[str]) -> dict[str, object]:
    """The raw ``first`` and ``last`` of a span of months, written as the periods write them.

    Within one year the first month is named without its year (« janvier –
    octobre 2026 »); across two years both carry theirs (« novembre 2025 –
    janvier 2026 »): the same text as :meth:`essdiag.periods.Period.title`,
    in every language, with values the translator writes.

    Example:
        >>> from essdiag.i18n import translator
        >>> translator("fr").fill("{first} – {last}", span_params(["2026-01", "2026-10"]))
        'janvier – octobre 2026'
        >>> translator("en").fill("{first} – {last}", span_params(["2025-11", "2026-01"]))
        'November 2025 – January 2026'
    """
    first, last = months[0], months[-1]
    same_year = first[:4] == last[:4] and first != last
    shown_first: object = MonthName(first[5:7]) if same_year else MonthKey(first)
    return {"first": shown_first, "last": MonthKey(last)}
