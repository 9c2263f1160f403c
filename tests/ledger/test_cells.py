"""Cell parsing shared by the readers (``essdiag.ledger.cells``): cents, dates, text, encodings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.ledger.cells import (
    account_is_known,
    cell_text,
    cents_from_column,
    cents_from_text,
    dates_from_text,
    decimal_mark,
    detect_encoding,
    each_flag,
    empty_cells,
    optional_text,
    parse_amounts,
    trimmed,
    workbook_cell_text,
)


@pytest.mark.parametrize(
    ("text", "cents", "ok"),
    [
        ("1 234,56", 123456, True),
        ("-0,5", -50, True),
        ("", 0, True),
        ("12.30", 1230, True),  # a point beside "0,01": two decimals, it can only be one
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
    """The decimal mark detected from the column itself."""
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
    assert (workbook_cell_text(99.9), workbook_cell_text(606100.0)) == ("99,9", "606100")


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


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1),
    st.sampled_from([",", "."]),
    st.sampled_from(["", " ", "\u202f"]),
)
def test_every_amount_the_reader_accepts_reads_back_to_the_cent(
    cents: int, mark: str, group: str
) -> None:
    """The whole range accepted (13 digits before the mark), with or without thousands spaces.

    The fast path used to refuse amounts of about 10⁸ € and more that had
    cents (``166094689,45``): no float is involved any more.
    """
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    digits = f"{whole:,}".replace(",", group) if group else str(whole)
    text = f"{sign}{digits}{mark}{part:02d}"
    got, valid = cents_from_text(pa.array([text]), mark)
    assert (int(got[0]), bool(valid[0])) == (cents, True)


@pytest.mark.parametrize(
    ("values", "decimal", "cents", "ok"),
    [
        (["166094689,45"], ",", [16609468945], [True]),
        (["9999999999999,99"], ",", [999999999999999], [True]),
        (["10000000000000,00"], ",", [0], [False]),  # 14 digits before the mark
        (["1e5", "1E5", "nan", "inf", "0x10"], ".", [0] * 5, [False] * 5),  # one rule: refused
        (["1.230", "1,230"], ",", [0, 123], [False, True]),  # ambiguous with a decimal comma
        (["1,230", "1.230"], ".", [0, 123], [False, True]),  # ambiguous with a decimal point
        (["120.50", "0.00", "1.234,56"], ",", [12050, 0, 123456], [True, True, True]),
        (["+12,5", " 12,50 ", "12,", ",5", "-0,01"], ",", [1250, 1250, 1200, 50, -1], [True] * 5),
        (["1,2,3", "--1", "12,345"], ",", [0, 0, 0], [False, False, False]),
    ],
)
def test_one_rule_for_every_amount(
    values: list[str], decimal: str, cents: list[int], ok: list[bool]
) -> None:
    found = parse_amounts(pa.array(values), decimal)
    assert (found.cents.tolist(), found.valid.tolist()) == (cents, ok)


def test_the_decimal_mark_of_a_column_is_the_one_most_cells_use() -> None:
    assert decimal_mark(pa.array(["12,50", "3", "0.00"])) == ","
    assert decimal_mark(pa.array(["12.50", "0,00", "3.10"])) == "."
    assert decimal_mark(pa.array(["", "0"])) == ","  # a tie: the French way


def test_dictionary_columns_are_read_per_distinct_value() -> None:
    col = pa.chunked_array([pa.array([" 606 ", "AC", " 606 "]).dictionary_encode()])
    assert trimmed(col).to_pylist() == ["606", "AC", "606"]
    assert account_is_known(col).tolist() == [False, False, False]  # untrimmed: not a class
    assert account_is_known(trimmed(col)).tolist() == [True, False, True]
    assert each_flag(col, lambda v: pc.greater(pc.utf8_length(v), 2)).tolist() == [
        True,
        False,
        True,
    ]
    nulls = pa.chunked_array(
        [pa.array(["AN", None, "AC"]).dictionary_encode(), pa.array(["AN"]).dictionary_encode()]
    )
    assert each_flag(nulls, lambda v: pc.equal(v, "AN")).tolist() == [True, False, False, True]


_PLAIN_AMOUNT = st.builds(
    lambda sign, whole, cents, mark: f"{sign}{whole}{mark}{cents:02d}",
    st.sampled_from(["", "-"]),
    st.integers(0, 10**15).map(str) | st.just(""),
    st.integers(0, 99),
    st.just(","),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_PLAIN_AMOUNT | st.text("0123456789,.-+e ", max_size=8), min_size=1, max_size=30),
    st.integers(0, 30),
)
def test_amounts_read_from_the_buffers_equal_the_general_rule(cells: list[str], cut: int) -> None:
    """The buffer path (every cell ``-?digits,dd``) gives what the general path gives.

    The column is given in two parsed blocks, cut anywhere. The reference is the same column with one
    cell the buffer path cannot take (a leading space) appended: that column
    goes the general way.
    """
    blocks = pa.chunked_array(
        [pa.array(cells[:cut], pa.string()), pa.array(cells[cut:], pa.string())]
    )
    fast = parse_amounts(blocks, ",")
    general = parse_amounts(pa.array([*cells, " 1,00"]), ",")
    assert fast.cents.tolist() == general.cents.tolist()[:-1]
    assert fast.valid.tolist() == general.valid.tolist()[:-1]
    assert fast.ambiguous.tolist() == general.ambiguous.tolist()[:-1]


def test_plain_amounts_are_exact_cents() -> None:
    # By hand: 32564,81 € = 3 256 481 cents; -0,05 € = -5; ,10 = 10 cents; -1234,56 € read as
    # -1234056 (the mark as a 0) is -(1234056 - 900 × 1234) = -123 456 cents.
    found = parse_amounts(pa.array(["32564,81", "-0,05", "0,00", ",10", "-1234,56"]), ",")
    assert found.cents.tolist() == [3256481, -5, 0, 10, -123456]
    assert found.valid.all()
    too_large = parse_amounts(pa.array(["10000000000000,00", "9999999999999,99"]), ",")
    assert too_large.valid.tolist() == [False, True]  # MAX_AMOUNT_DIGITS = 13


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(" \t\u00a0ab", max_size=4), min_size=1, max_size=20),
    st.sampled_from(["text", "large text", "dictionary"]),
    st.integers(0, 20),
)
def test_trimming_and_emptiness_follow_pyarrow_on_any_text(
    cells: list[str], kind: str, cut: int
) -> None:
    """Read as text, as text with 64-bit offsets (the entry numbers) or as a dictionary."""
    column = {
        "text": pa.array(cells, pa.string()),
        "large text": pa.array(cells, pa.large_string()),
        "dictionary": pa.array(cells).dictionary_encode(),
    }[kind]
    blocks = pa.chunked_array([column.slice(0, cut), column.slice(cut)])  # two parsed blocks
    reference = pc.utf8_trim_whitespace(pa.array(cells)).to_pylist()
    for given_as in (column, blocks):
        assert pa.chunked_array([trimmed(given_as)]).to_pylist() == reference
        assert empty_cells(given_as).tolist() == [c == "" for c in cells]
