"""What an imported ledger is (``essdiag.ledger.nature``): its fiscal year, its opening entries."""

from __future__ import annotations

from datetime import date

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.ledger.nature import closing_from_name, infer_fiscal_year, opening_by_nature
from essdiag.periods import FiscalYear


def test_closing_date_from_the_fec_file_name() -> None:
    assert closing_from_name("123456789FEC20251231.txt") == date(2025, 12, 31)
    assert closing_from_name("/tmp/123456789fec20260630") == date(2026, 6, 30)
    assert closing_from_name("123456789FEC20251331.txt") is None  # no 13th month
    assert closing_from_name("FEC_2026_01-10.txt") is None


def test_the_name_wins_only_when_the_entries_agree() -> None:
    days = np.array(["2025-08-01", "2025-12-15", "2026-03-01"], dtype="datetime64[ns]")
    fy, how = infer_fiscal_year(days, name="123456789FEC20260731.txt")
    assert (fy, how) == (FiscalYear(label_year=2026, start_month=8), "name")
    fy, how = infer_fiscal_year(days, name="123456789FEC20231231.txt")
    assert (fy, how) == (FiscalYear(label_year=2025), "dates")
    assert infer_fiscal_year(np.array([], dtype="datetime64[ns]")) == (None, "none")


def test_openings_by_code_label_or_nature() -> None:
    fy = FiscalYear(label_year=2026)
    days = np.array(["2026-01-01"] * 5 + ["2026-01-02"], dtype="datetime64[ns]")
    flags = opening_by_nature(
        pa.array(["RAN", "OD", "OD", "BQ", "BQ", "XX"]),
        journal_label=pa.array(["", "", "", "Banque", "Banque", "Report à nouveau"]),
        entry=pa.array(["1", "2", "2", "3", "3", "4"]),
        account=pa.array(["512", "512", "110", "512", "606", "401"]),
        days=days,
        fiscal_year=fy,
    )
    # RAN by code; entry 2 on the first day with classes 1–5; entry 3 has a charge: not
    # an opening; entry 4 by its label.
    assert flags.tolist() == [True, True, True, False, False, True]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), min_size=1),
    st.integers(min_value=1, max_value=12),
)
def test_the_year_from_the_dates_holds_the_median_entry(days: list[date], start: int) -> None:
    # Reference: the entry in the middle of the sorted dates, and the fiscal year holding it.
    middle = sorted(days)[len(days) // 2]
    found, how = infer_fiscal_year(np.array(days, dtype="datetime64[ns]"), start_month=start)
    assert (found, how) == (FiscalYear.containing(middle, start), "dates")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["1", "2", "3", None]),
            st.sampled_from(["512", "110", "606", "7", ""]),
            st.booleans(),
        ),
        min_size=1,
        max_size=25,
    ),
    st.integers(0, 25),
)
def test_first_day_openings_judge_each_entry_on_all_its_first_day_lines(
    lines: list[tuple[str | None, str, bool]], cut: int
) -> None:
    # Reference, by hand: an entry's lines dated on the first day are an opening when every
    # one of them is on an account of classes 1 to 5 (lines of other days do not count).
    fy = FiscalYear(label_year=2026)
    first_day = {e for e, _a, on in lines if on}
    outside = {e for e, a, on in lines if on and not (a and a[0] in "12345")}
    expected = [on and e in first_day and e not in outside for e, _a, on in lines]
    entries, accounts = [e for e, _a, _o in lines], [a for _e, a, _o in lines]
    days = np.array(
        ["2026-01-01" if on else "2026-01-02" for *_x, on in lines], dtype="datetime64[ns]"
    )
    blocks = pa.chunked_array(
        [pa.array(entries[:cut], pa.string()), pa.array(entries[cut:], pa.string())]
    )
    found = opening_by_nature(
        pa.array(["OD"] * len(lines)),
        journal_label=None,
        entry=blocks,
        account=pa.array(accounts).dictionary_encode(),
        days=days,
        fiscal_year=fy,
    )
    assert found.tolist() == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)), min_size=1))
def test_the_name_wins_when_half_the_entries_fall_in_its_year(days: list[date]) -> None:
    # Reference: count the entries of 2025 by hand.
    inside = sum(date(2025, 1, 1) <= d <= date(2025, 12, 31) for d in days)
    found, how = infer_fiscal_year(
        np.array(days, dtype="datetime64[ns]"), name="123456789FEC20251231.txt"
    )
    assert (how == "name") == (2 * inside >= len(days))
    if how == "name":
        assert found == FiscalYear(label_year=2025)
