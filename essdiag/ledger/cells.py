"""Cell parsing shared by the readers: text encodings, amounts in exact cents, dates, text.

Where it sits: the FEC reader (:mod:`essdiag.ledger.fec`), the generic CSV/XLSX
reader (:mod:`essdiag.ledger.generic`) and the budget template
(:mod:`essdiag.budget.template`) turn the cells they read into values with
these functions. Whole columns are converted with ``pyarrow.compute`` (never a
Python loop over lines); :func:`cell_text` and :func:`workbook_cell_text` read
one cell at a time, for forms and workbook rows.

Amounts become exact integer cents (``int64``): money read from the accounts
never goes through a float sum.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from functools import cache
from typing import Any, Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "account_is_known",
    "cell_text",
    "cents_from_column",
    "cents_from_text",
    "dates_from_text",
    "detect_encoding",
    "optional_text",
    "trimmed",
    "workbook_cell_text",
]

_AMOUNT_RE: Final = r"^[+-]?[0-9]{1,13}(\.[0-9]{0,2}0*)?$"
_ACCOUNT_CLASSES: Final = tuple("12345678")
"""First digit of an account number of the plan comptable (classes 1 to 8)."""


def detect_encoding(data: bytes) -> str:
    """Guess the text encoding of an accounting export.

    UTF-8 (with or without BOM) when the bytes decode as UTF-8; otherwise
    ISO-8859-15 when the byte 0xA4 (€ in ISO-8859-15) appears and no byte of
    0x80–0x9F does; otherwise Windows-1252.

    Example:
        >>> detect_encoding("Débit".encode("utf-8")), detect_encoding("Débit".encode("cp1252"))
        ('utf-8', 'cp1252')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    sample = data[: 1 << 20]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if exc.start < len(sample) - 4 or len(sample) == len(data):
            return _latin_family(data)
    return "utf-8"


def _latin_family(data: bytes) -> str:
    if b"\xa4" in data and not any(bytes([b]) in data for b in range(0x80, 0xA0)):
        return "iso8859_15"
    return "cp1252"


def cents_from_text(values: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """Exact integer cents from amount text, vectorised.

    Accepts a decimal comma or dot, spaces as thousands separators, a sign,
    and at most two significant decimals; an empty cell is zero.

    Returns:
        ``(cents, valid)``: int64 cents (0 where invalid) and a boolean mask.

    Notes:
        Fast path: ``,`` → ``.`` then one cast to float64 for the whole
        column; a value is kept only if ``100 × value`` is an integer to
        within 10⁻⁶ and below 10¹⁵ cents, so the int64 result is exact. When
        the cast fails (spaces, letters…), each value is checked by a regular
        expression first.

    Example:
        >>> c, ok = cents_from_text(pa.array(["1 234,56", "-0,5", "", "12.30", "abc"]))
        >>> c.tolist(), ok.tolist()
        ([123456, -50, 0, 1230, 0], [True, True, True, True, False])
    """
    s = pc.replace_substring(values, ",", ".")
    if pc.any(pc.equal(pc.utf8_length(s), 0)).as_py():
        s = pc.if_else(pc.equal(pc.utf8_length(s), 0), "0", s)
    try:
        # Exponents, "nan" and "inf" parse as floats but are not amounts.
        for letter in ("e", "n"):
            if pc.any(pc.match_substring(s, letter, ignore_case=True)).as_py():
                raise pa.ArrowInvalid(f"letter {letter} in an amount")
        floats = pc.cast(s, pa.float64())
        valid = np.ones(len(s), dtype=bool)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        s = pc.utf8_trim_whitespace(s)
        s = pc.replace_substring_regex(s, "[ \u00a0\u202f']", "")
        s = pc.if_else(pc.equal(pc.utf8_length(s), 0), "0", s)
        ok = pc.fill_null(pc.match_substring_regex(s, _AMOUNT_RE), False)
        floats = pc.cast(pc.if_else(ok, s, "0"), pa.float64())
        valid = np.asarray(ok.to_numpy(zero_copy_only=False), dtype=bool)
    scaled = np.asarray(floats.to_numpy(zero_copy_only=False), dtype=np.float64) * 100.0
    rounded = np.rint(scaled)
    valid &= np.abs(scaled - rounded) < 1e-6
    valid &= np.abs(rounded) < 1e15
    cents = np.where(valid, rounded, 0.0).astype(np.int64)
    return cents, valid


def cents_from_column(values: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """Exact cents from an amount column parsed as float64 by a reader, or as text.

    Notes:
        A float is kept only when 100 × value is an integer to within 10⁻⁶
        (at most two decimals) and below 10¹⁵ cents; empty cells are zero.
    """
    if not pa.types.is_floating(values.type):
        return cents_from_text(values)
    scaled = np.asarray(pc.fill_null(values, 0.0).to_numpy(zero_copy_only=False)) * 100.0
    rounded = np.rint(scaled)
    valid = (np.abs(scaled - rounded) < 1e-6) & (np.abs(rounded) < 1e15)
    return np.where(valid, rounded, 0.0).astype(np.int64), valid


_DAYS_IN_MONTH: Final = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def _days_from_civil(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm)."""
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = np.where(m > 2, m - 3, m + 9)
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days: np.ndarray = era * 146097 + doe - 719468
    return days


@cache
def _day_table() -> tuple[np.ndarray, np.ndarray]:
    """Days since 1970-01-01 and validity for every (year, month, day ≤ 31) of 1900–2199.

    Index = (year − 1900) × 372 + (month − 1) × 31 + (day − 1): a row's date is
    then one array lookup instead of a calendar computation per line.
    """
    idx = np.arange(300 * 372)
    y = idx // 372 + 1900
    m = idx % 372 // 31 + 1
    d = idx % 31 + 1
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    valid = d <= _DAYS_IN_MONTH[m] + ((m == 2) & leap)
    return _days_from_civil(y, m, d), valid


def dates_from_text(values: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, np.ndarray]:
    """Timestamps from ``AAAAMMJJ`` dates (text or already parsed as integers).

    ``AAAA-MM-JJ`` and ``JJ/MM/AAAA`` text is tolerated.

    Example:
        >>> d, ok = dates_from_text(pa.array(["20260115", "20250231", "2026-02-01", "x"]))
        >>> ok.tolist()
        [True, False, True, False]
    """
    if pa.types.is_integer(values.type):
        numbers = pc.fill_null(values, 0)
        valid = np.ones(len(values), dtype=bool)
    else:
        s = values
        try:
            if not pc.all(pc.equal(pc.utf8_length(s), 8)).as_py():
                raise pa.ArrowInvalid("not eight characters")
            numbers = pc.cast(s, pa.int64())
            valid = np.ones(len(s), dtype=bool)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            s = pc.utf8_trim_whitespace(s)
            s = pc.replace_substring_regex(s, r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$", r"\1\2\3")
            s = pc.replace_substring_regex(s, r"^([0-9]{2})/([0-9]{2})/([0-9]{4})$", r"\3\2\1")
            ok = pc.fill_null(pc.match_substring_regex(s, r"^[0-9]{8}$"), False)
            numbers = pc.cast(pc.if_else(ok, s, "19700101"), pa.int64())
            valid = np.asarray(ok.to_numpy(zero_copy_only=False), dtype=bool)
    v = np.asarray(numbers.to_numpy(zero_copy_only=False), dtype=np.int64)
    y = v // 10000
    md = v - y * 10000
    m = md // 100
    d = md - m * 100
    valid &= (y >= 1900) & (y <= 2199) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= 31)
    index = np.where(valid, (y - 1900) * 372 + (m - 1) * 31 + (d - 1), 0)
    days_table, valid_table = _day_table()
    valid &= valid_table[index]
    days = np.where(valid, days_table[index], 0)
    stamps = pa.array(days * 86_400_000_000_000, pa.int64()).view(pa.timestamp("ns"))
    return stamps, valid


def trimmed(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Text cells without their leading and trailing white space.

    Example:
        >>> trimmed(pa.array([" 606 ", "AC"])).to_pylist()
        ['606', 'AC']
    """
    return pc.utf8_trim_whitespace(values)


def optional_text(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Trimmed text cells, null where empty (an analytic code that is not there).

    Example:
        >>> optional_text(pa.array([" ACI", "  ", ""])).to_pylist()
        ['ACI', None, None]
    """
    text = trimmed(values)
    return pc.if_else(pc.equal(pc.utf8_length(text), 0), pa.scalar(None, pa.string()), text)


def account_is_known(accounts: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """True where an account number starts with a class of the plan comptable (1 to 8).

    Example:
        >>> account_is_known(pa.array(["606100", "9", "", "x1"])).tolist()
        [True, False, False, False]
    """
    first = pc.utf8_slice_codeunits(accounts, 0, 1)
    known = pc.fill_null(pc.is_in(first, pa.array(list(_ACCOUNT_CLASSES))), False)
    return np.asarray(known.to_numpy(zero_copy_only=False), dtype=bool)


def cell_text(value: Any) -> str:
    """One cell as trimmed text; empty for a missing value (None, NaN).

    Example:
        >>> cell_text("  6063 "), cell_text(None), cell_text(float("nan"))
        ('6063', '', '')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def workbook_cell_text(value: Any) -> str:
    """A workbook cell as the text a CSV would hold (dates ISO, whole numbers without ``.0``).

    Example:
        >>> workbook_cell_text(datetime(2026, 3, 31)), workbook_cell_text(606100.0)
        ('2026-03-31', '606100')
    """
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
