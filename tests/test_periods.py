"""Months, periods and fiscal years that may start in any month."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essdiag.i18n import translator
from essdiag.periods import (
    FiscalYear,
    Period,
    month_key,
    month_of,
    month_short,
    month_title,
    next_month,
    parse_month,
)


@pytest.mark.parametrize(
    ("label", "start", "first", "last"),
    [
        (2026, 1, date(2026, 1, 1), date(2026, 12, 31)),
        (2026, 7, date(2025, 7, 1), date(2026, 6, 30)),
        (2024, 3, date(2023, 3, 1), date(2024, 2, 29)),
    ],  # 2024 is a leap year
)
def test_fiscal_year_bounds(label: int, start: int, first: date, last: date) -> None:
    fy = FiscalYear(label_year=label, start_month=start)
    assert (fy.start, fy.end) == (first, last)


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.integers(1, 12))
def test_fiscal_year_containing_a_date_contains_it(d: date, start: int) -> None:
    fy = FiscalYear.containing(d, start)
    assert fy.contains(d)
    months = fy.months()
    assert len(months) == 12 and months[0] == (fy.start.year, fy.start.month)
    assert (d.year, d.month) in months
    assert month_of(d) in fy.month_keys()


@given(st.integers(100, 9000), st.integers(1, 12), st.integers(-240, 240))
def test_month_keys_read_back_and_step(year: int, month: int, step: int) -> None:
    key = month_key(year, month)
    assert parse_month(key) == (year, month)
    moved = next_month(key, step)
    assert next_month(moved, -step) == key
    assert (parse_month(moved)[0] - year) * 12 + parse_month(moved)[1] - month == step


@pytest.mark.parametrize("bad", ["2026-13", "2026-1", "26-01", "2026/01", "abcd-ef", "0000-01"])
def test_a_text_that_is_not_a_month_key_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not a month key"):
        parse_month(bad)


def test_months_and_periods_read_in_both_languages() -> None:
    fr, en = translator("fr"), translator("en")
    assert (month_title("2026-10", fr), month_short("2026-10", fr)) == ("octobre 2026", "oct. 2026")
    assert month_title("2026-10", en) == "October 2026"
    fy = FiscalYear(label_year=2026, start_month=7)
    assert fy.title(fr) == "exercice 2025-2026"
    assert FiscalYear(label_year=2026).title(fr) == "exercice 2026"
    ytd = Period.of(FiscalYear(label_year=2026), "ytd", "2026-10")
    assert (ytd.key, ytd.title(fr)) == ("2026-YTD-10", "janvier – octobre 2026")
    with pytest.raises(ValueError, match="not in fiscal year"):
        Period.of(fy, "month", "2026-07")
