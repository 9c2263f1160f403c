"""Cell parsing shared by the readers (``essdiag.ledger.cells``): cents, dates, text, encodings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.ledger.cells import (
    account_is_known,
    cell_text,
    cents_from_column,
    cents_from_text,
    dates_from_text,
    detect_encoding,
    optional_text,
    trimmed,
    workbook_cell_text,
)


@pytest.mark.parametrize(
    ("text", "cents", "ok"),
    [
        ("1 234,56", 123456, True),
        ("-0,5", -50, True),
        ("", 0, True),
        ("12.30", 1230, True),
        ("12,300", 1230, True),
        ("12,345", 0, False),
        ("1e3", 0, False),
        ("abc", 0, False),
        ("99999999999,99", 9999999999999, True),
    ],
)
def test_amounts_are_exact_cents(text: str, cents: int, ok: bool) -> None:
    got, valid = cents_from_text(pa.array([text, "0,01"]))
    assert (int(got[0]), bool(valid[0])) == (cents, ok)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(10**9), max_value=10**9), st.sampled_from([",", "."]))
def test_any_amount_written_with_two_decimals_reads_back_to_the_cent(cents: int, mark: str) -> None:
    """Up to ten million euros.

    Beyond about a hundred million euros, 100 × value is no longer within the
    fast path's 10⁻⁶ of an integer and amounts with cents are refused (known,
    left as it is).
    """
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    text = f"{sign}{whole}{mark}{part:02d}"
    got, valid = cents_from_text(pa.array([text]))
    assert (int(got[0]), bool(valid[0])) == (cents, True)


def test_amounts_parsed_as_floats_by_a_reader() -> None:
    got, valid = cents_from_column(pa.array([12.5, None, 0.125, 1e20]))
    assert got.tolist()[:2] == [1250, 0]
    assert valid.tolist() == [True, True, False, False]
    assert cents_from_column(pa.array(["3,10"]))[0].tolist() == [310]


def test_dates_in_the_forms_of_accounting_exports() -> None:
    stamps, ok = dates_from_text(
        pa.array(["20260115", "2026-02-01", "28/02/2026", "20250229", "x"])
    )
    assert ok.tolist() == [True, True, True, False, False]
    days = [d.date() for d in stamps.to_pylist()[:3]]
    assert days == [date(2026, 1, 15), date(2026, 2, 1), date(2026, 2, 28)]
    _stamps, ok = dates_from_text(pa.array([20240229, 20230229]))
    assert ok.tolist() == [True, False]


def test_text_cells() -> None:
    assert trimmed(pa.array(["  AC ", "VE"])).to_pylist() == ["AC", "VE"]
    assert optional_text(pa.array(["ACI ", " ", ""])).to_pylist() == ["ACI", None, None]
    assert account_is_known(pa.array(["606", "9000", "", None, "A1"])).tolist() == [
        True, False, False, False, False,
    ]  # fmt: skip
    assert cell_text(" 64 ") == "64" and cell_text(None) == "" and cell_text(float("nan")) == ""
    assert workbook_cell_text(datetime(2026, 3, 31, 12, tzinfo=UTC)) == "2026-03-31"
    assert workbook_cell_text(date(2026, 3, 31)) == "2026-03-31"
    assert (workbook_cell_text(99.9), workbook_cell_text(606100.0)) == ("99.9", "606100")


@pytest.mark.parametrize(
    ("text", "encoding", "found"),
    [
        ("Débit", "utf-8", "utf-8"),
        ("\ufeffDébit", "utf-8", "utf-8-sig"),
        ("Débit €", "iso8859_15", "iso8859_15"),
        ("Débit — €", "cp1252", "cp1252"),
    ],
)
def test_encodings(text: str, encoding: str, found: str) -> None:
    assert detect_encoding(text.encode(encoding)) == found
