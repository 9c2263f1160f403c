"""Cell parsing shared by the readers: text encodings, amounts in exact cents, dates, text.

Where it sits: the FEC reader (:mod:`essdiag.ledger.fec`), the generic CSV/XLSX
reader (:mod:`essdiag.ledger.generic`) and the budget template
(:mod:`essdiag.budget.template`) turn the cells they read into values with
these functions. Whole columns are converted with ``pyarrow.compute`` (never a
Python loop over lines); :func:`cell_text` and :func:`workbook_cell_text` read
one cell at a time, for forms and workbook rows.

Amounts become exact integer cents (``int64``) by one rule for every reader
(:func:`parse_amounts`): money read from the accounts never goes through a
float, an exponent (``1e5``) is refused everywhere, and a cell written with
the other decimal mark than its column (``1.230`` among ``1 234,56``) is
ambiguous and refused with its own message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "MAX_AMOUNT_DIGITS",
    "Amounts",
    "account_is_known",
    "cell_text",
    "cents_from_column",
    "cents_from_text",
    "dates_from_text",
    "decimal_mark",
    "detect_encoding",
    "each_flag",
    "each_text",
    "empty_cells",
    "is_ascii",
    "numbered_names",
    "optional_text",
    "parse_amounts",
    "trimmed",
    "workbook_cell_text",
]

MAX_AMOUNT_DIGITS: Final = 13
"""Most digits before the decimal mark of an amount (up to 9 999 999 999 999,99 €)."""
_MAX_CENTS: Final = 10 ** (MAX_AMOUNT_DIGITS + 2)
_POW10: Final = np.array([10**k for k in range(19)], dtype=np.int64)
_ACCOUNT_CLASSES: Final = tuple("12345678")
"""First digit of an account number of the plan comptable (classes 1 to 8)."""
_SEPARATORS: Final = "[ \u00a0\u202f']"
"""Thousands separators tolerated in an amount: spaces (plain, no-break, narrow) and '."""


def detect_encoding(data: bytes) -> str:
    """Guess the text encoding of an accounting export from its first bytes.

    UTF-8 (with or without BOM) when the bytes decode as UTF-8; otherwise
    ISO-8859-15 when the byte 0xA4 (€ in ISO-8859-15) appears and no byte of
    0x80–0x9F does; otherwise Windows-1252. Give it the first megabyte of a
    large file (never a copy of the whole file): a reader that meets a byte
    that is not UTF-8 further on sets that line aside (:mod:`essdiag.ledger.fec`).

    Example:
        >>> detect_encoding("Débit".encode("utf-8")), detect_encoding("Débit".encode("cp1252"))
        ('utf-8', 'cp1252')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if exc.start < len(data) - 4 or exc.reason != "unexpected end of data":
            return _latin_family(data)
    return "utf-8"


def _latin_family(data: bytes) -> str:
    if b"\xa4" in data and not any(bytes([b]) in data for b in range(0x80, 0xA0)):
        return "iso8859_15"
    return "cp1252"


def is_ascii(data: bytes) -> bool:
    """True when every byte is below 0x80 (the text says nothing of its encoding).

    Example:
        >>> is_ascii(b"Debit"), is_ascii("Débit".encode())
        (True, False)
    """
    return data.isascii()


@dataclass(frozen=True)
class Amounts:
    """Amount cells read as exact cents.

    Attributes:
        cents: int64 cents (0 where invalid).
        valid: True where the cell is an amount (an empty cell is 0, valid).
        ambiguous: True where the cell uses the other decimal mark than the
            column's (``1.230`` among amounts written ``1 234,56``: a thousands
            separator or a decimal point?); such cells are not valid.
        decimal: the column's decimal mark (``,`` or ``.``).
    """

    cents: np.ndarray
    valid: np.ndarray
    ambiguous: np.ndarray
    decimal: str


def decimal_mark(values: pa.Array | pa.ChunkedArray) -> str:
    """The decimal mark of an amount column: the last mark of most non-zero cells (``,`` on a tie).

    Example:
        >>> decimal_mark(pa.array(["12,50", "3"])), decimal_mark(pa.array(["12.50", "0,00"]))
        (',', '.')
    """
    nonzero = pc.fill_null(pc.match_substring_regex(values, "[1-9]"), False)
    commas = pc.sum(pc.and_(nonzero, pc.match_substring_regex(values, ",[0-9]*\\s*$"))).as_py()
    points = pc.sum(pc.and_(nonzero, pc.match_substring_regex(values, "\\.[0-9]*\\s*$"))).as_py()
    return "." if (points or 0) > (commas or 0) else ","


def _np(values: Any, dtype: Any) -> np.ndarray:
    return np.asarray(values.to_numpy(zero_copy_only=False), dtype=dtype)


def _indices(chunk: pa.DictionaryArray) -> np.ndarray:
    """The indices of a dictionary chunk as numpy, read in place when none is null (0 if null)."""
    if chunk.indices.null_count:
        return _np(pc.fill_null(chunk.indices, 0), np.int64)
    return np.asarray(chunk.indices.to_numpy())


def parse_amounts(values: pa.Array | pa.ChunkedArray, decimal: str | None = None) -> Amounts:
    """Exact integer cents from amount text, one rule for every reader.

    Accepted: a sign (``-`` or ``+``), digits, at most one decimal mark
    (``decimal``, detected from the column by :func:`decimal_mark` when
    None; the other mark only where it cannot mislead, see :func:`_other_mark`),
    at most two significant decimals (``12,300`` is 12,30 €), at most
    :data:`MAX_AMOUNT_DIGITS` digits before the mark, spaces or ``'`` as
    thousands separators; an empty cell is zero. Refused: exponents (``1e5``),
    ``nan``, ``inf``, letters, and the other decimal mark (ambiguous).

    Notes:
        No float is involved, so every accepted amount is exact: the decimal
        mark is removed, the digits are cast to int64 once for the whole
        column, then scaled by 10^(2 − decimals). A column that does not cast
        at once (spaces, signs, letters) is normalised and checked by a
        regular expression first.

    Example:
        >>> a = parse_amounts(pa.array(["1 234,56", "-0,5", "", "1.230", "1e5", "166094689,45"]))
        >>> a.cents.tolist(), a.valid.tolist(), a.ambiguous.tolist()[3]
        ([123456, -50, 0, 0, 0, 16609468945], [True, True, True, False, False, True], True)
        >>> parse_amounts(pa.array(["120.50", "1.234,56", "0.000"]), ",").cents.tolist()
        [12050, 123456, 0]
    """
    if not _is_text(values.type):
        values = pc.cast(values, pa.string())
    mark = decimal or decimal_mark(values)
    plain = _plain_cents(values, mark) if len(values) else None
    if plain is not None:
        none = np.zeros(len(values), dtype=bool)
        if plain.min() > -_MAX_CENTS and plain.max() < _MAX_CENTS:
            return Amounts(plain, ~none, none, mark)
        ok = np.abs(plain) < _MAX_CENTS
        return Amounts(np.where(ok, plain, 0), ok, none, mark)
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    text = pc.fill_null(values, "") if values.null_count else values
    text, ambiguous = _other_mark(text, mark)
    if (_layout(text)[0] == 0).any():
        text = pc.if_else(pc.equal(pc.utf8_length(text), 0), "0", text)
    try:
        ints = _np(pc.cast(pc.replace_substring(text, mark, ""), pa.int64()), np.int64)
        ok = np.ones(len(text), dtype=bool)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        text = pc.replace_substring_regex(pc.utf8_trim_whitespace(text), _SEPARATORS, "")
        text = pc.replace_substring_regex(text, "^\\+", "")
        text = pc.if_else(pc.equal(pc.utf8_length(text), 0), "0", text)
        m = re.escape(mark)
        shape = f"^-?([0-9]+({m}[0-9]*)?|{m}[0-9]+)$"
        ok_arr = pc.and_(
            pc.fill_null(pc.match_substring_regex(text, shape), False),
            pc.less_equal(pc.utf8_length(text), 18),
        )
        ok = _np(ok_arr, bool)
        digits = pc.if_else(ok_arr, pc.replace_substring(text, mark, ""), "0")
        ints = _np(pc.cast(digits, pa.int64()), np.int64)
    places = _decimals(text, mark)
    if not (places == 2).all():  # any cell not written with exactly two decimals
        ok &= _np(pc.count_substring(text, mark), np.int32) <= 1
        np.clip(places, 0, 18, out=places)
        down = np.clip(places - 2, 0, 18)
        ok &= (ints % _POW10[down]) == 0
        short = places < 2
        ints = np.where(short, ints * _POW10[np.clip(2 - places, 0, 2)], ints // _POW10[down])
        del down, short
    del places
    ok &= np.abs(ints) < _MAX_CENTS  # at most MAX_AMOUNT_DIGITS digits before the mark
    ok &= ~ambiguous
    ints = np.where(ok, ints, 0)
    return Amounts(ints, ok, ambiguous, mark)


_PLAIN_ROWS: Final = 1 << 16
"""Rows of amounts read at once by :func:`_plain_cents` (their bytes stay in the processor's cache)."""


def _plain_cents(values: pa.Array | pa.ChunkedArray, mark: str) -> np.ndarray | None:
    """Cents of a column whose every cell is written ``-?digits<mark>dd`` (None otherwise).

    What an accounting export writes: the usual case is read straight from
    the text's buffers, :data:`_PLAIN_ROWS` rows at a time. Each cell must
    have the mark third from its end; in a copy of the bytes the mark becomes
    a ``0`` (``-1234,56`` → ``-1234056``, a thousand times the euros plus the
    cents, with the same offsets). The rows are then cast to int64 at once,
    which refuses anything but an optional sign and digits (letters,
    exponents, spaces, a second mark), and 1000 × e + c becomes 100 × e + c.
    Any other column goes the general way of :func:`parse_amounts`.
    """
    groups = _row_groups(values) if isinstance(values, pa.ChunkedArray) else [values]
    cents = np.empty(len(values), dtype=np.int64)
    done = 0
    for part in groups:
        rows = len(part)
        if rows == 0:
            continue
        if part.null_count or not pa.types.is_string(part.type):
            return None
        read = _thousandfold(part, mark)
        if read is None:
            return None
        _to_cents(read, cents[done : done + rows])
        done += rows
    return cents


def _thousandfold(text: pa.Array, mark: str) -> np.ndarray | None:
    """Plain amounts with their mark read as a ``0`` (``-1234,56`` as -1234056), or None."""
    lengths, offsets, data = _layout(text)
    if int(lengths.min()) < 3:
        return None
    place = offsets[1:] - 3  # where each cell's mark must be
    if not (data[place] == ord(mark)).all():
        return None
    digits = data[: int(offsets[-1])].copy()
    digits[place] = ord("0")
    read = pa.Array.from_buffers(
        pa.string(), len(text), [None, text.buffers()[1], pa.py_buffer(digits)], offset=text.offset
    )
    try:
        return _np(pc.cast(read, pa.int64()), np.int64)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None


def _to_cents(read: np.ndarray, out: np.ndarray) -> None:
    """Cents from 1000 × euros + cents, sign apart: c = r − 900 × (r div 1000), into ``out``.

    Example:
        >>> out = np.empty(3, np.int64); _to_cents(np.array([1234056, -5, 0]), out); out.tolist()
        [123456, -5, 0]
    """
    negative = bool(read.min() < 0)
    if negative:
        sign = read < 0
        read = np.abs(read)  # the cast's array is Arrow's, read-only
    np.floor_divide(read, 1000, out=out)
    out *= -900
    out += read
    if negative:
        np.negative(out, out=out, where=sign)


def _layout(text: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(lengths, offsets, data)`` of a text array, read from its buffers without a copy."""
    buffers = text.buffers()
    width = np.int64 if pa.types.is_large_string(text.type) else np.int32
    offsets = np.frombuffer(buffers[1], dtype=width)[text.offset : text.offset + len(text) + 1]
    data = (
        np.frombuffer(buffers[2], dtype=np.uint8)
        if buffers[2] is not None
        else np.zeros(0, np.uint8)
    )
    return np.diff(offsets), offsets, data


def _decimals(text: pa.Array, mark: str) -> np.ndarray:
    """Digits after the first decimal mark of each cell (0 without one).

    Notes:
        The cells' lengths come from the offsets buffer (no pass over the
        text), the marks' positions from one ``find_substring``.
    """
    lengths = _layout(text)[0].astype(np.int32)
    pos = np.asarray(pc.find_substring(text, mark).to_numpy(zero_copy_only=False))
    places: np.ndarray = lengths - pos - 1
    places[pos < 0] = 0
    return places


def _other_mark(text: pa.Array, mark: str) -> tuple[pa.Array, np.ndarray]:
    """Cells written with the other decimal mark: read when they can only mean one thing.

    With a decimal comma, ``120.50`` (one or two digits after the point) and
    ``0.00`` are decimals, ``1.234,56`` has thousands points; ``1.230`` is
    ambiguous (1,23 € or 1 230 €?) and so are the other uses of the point.
    """
    other = "." if mark == "," else ","
    _lengths, offsets, data = _layout(text)
    if not (data[int(offsets[0]) : int(offsets[-1])] == ord(other)).any():
        return text, np.zeros(len(text), dtype=bool)
    has_other = pc.fill_null(pc.match_substring(text, other), False)
    o, m = re.escape(other), re.escape(mark)
    has_mark = pc.fill_null(pc.match_substring(text, mark), False)
    nonzero = pc.fill_null(pc.match_substring_regex(text, "[1-9]"), False)
    single = pc.equal(pc.count_substring(text, other), 1)
    short = pc.fill_null(pc.match_substring_regex(text, f"{o}[0-9]{{1,2}}\\s*$"), False)
    as_decimal = pc.and_(
        pc.and_(has_other, pc.invert(has_mark)), pc.and_(single, pc.or_(short, pc.invert(nonzero)))
    )
    grouped = f"^\\s*[+-]?[0-9]{{1,3}}({o}[0-9]{{3}})+{m}[0-9]*\\s*$"
    thousands = pc.and_(has_mark, pc.fill_null(pc.match_substring_regex(text, grouped), False))
    text = pc.if_else(as_decimal, pc.replace_substring(text, other, mark), text)
    text = pc.if_else(thousands, pc.replace_substring(text, other, ""), text)
    ambiguous = pc.and_(has_other, pc.invert(pc.or_(as_decimal, thousands)))
    return text, _np(ambiguous, bool)


def cents_from_text(
    values: pa.Array | pa.ChunkedArray | np.ndarray, decimal: str | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Exact integer cents from amount text (:func:`parse_amounts`): ``(cents, valid)``.

    Example:
        >>> c, ok = cents_from_text(pa.array(["1 234,56", "-0,5", "", "12,30", "abc"]))
        >>> c.tolist(), ok.tolist()
        ([123456, -50, 0, 1230, 0], [True, True, True, True, False])
    """
    array = values if not isinstance(values, np.ndarray) else pa.array(values, pa.string())
    found = parse_amounts(array, decimal)
    return found.cents, found.valid


def cents_from_column(values: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """Exact cents from an amount column parsed as float64 by a reader, or as text.

    Notes:
        A float is kept when 100 × value is within rounding of an integer
        (at most two decimals: 10⁻⁶, or the float's own precision for large
        amounts) and below 10¹⁵ cents; empty cells are zero.
    """
    if not pa.types.is_floating(values.type):
        return cents_from_text(values)
    scaled = np.asarray(pc.fill_null(values, 0.0).to_numpy(zero_copy_only=False)) * 100.0
    with np.errstate(invalid="ignore"):
        rounded = np.rint(scaled)
        slack = np.maximum(1e-6, np.abs(scaled) * 2.0**-50)
        valid = (np.abs(scaled - rounded) < slack) & (np.abs(rounded) < _MAX_CENTS)
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

    ``AAAA-MM-JJ`` and ``JJ/MM/AAAA`` text is tolerated; years 1900 to 2199.

    Notes:
        Computed in 32-bit integers on the whole column (a few arrays of
        4 bytes a line), then one lookup in :func:`_day_table`. A dictionary
        column (a FEC's dates: a few hundred days for a million lines) is
        computed once per distinct day.

    Example:
        >>> d, ok = dates_from_text(pa.array(["20260115", "20250231", "2026-02-01", "x"]))
        >>> ok.tolist()
        [True, False, True, False]
        >>> dates_from_text(pa.array(["20260115", "x", "20260115"]).dictionary_encode())[1].tolist()
        [True, False, True]
    """
    if isinstance(values, pa.ChunkedArray) and pa.types.is_dictionary(values.type):
        values = values.combine_chunks()
    if isinstance(values, pa.DictionaryArray):
        days, ok = dates_from_text(values.dictionary)
        if not ok.size:
            none = np.zeros(len(values), np.int64)
            return pa.array(none).view(pa.timestamp("ns")), none.astype(bool)
        index = _indices(values)
        valid = ok[index]
        if values.null_count:
            valid &= _np(values.is_valid(), bool)
        stamps = np.asarray(days.view(pa.int64()).to_numpy(zero_copy_only=False))
        at = stamps[index]
        if not valid.all():
            at[~valid] = 0
        return pa.array(at, pa.int64()).view(pa.timestamp("ns")), valid
    if pa.types.is_integer(values.type):
        numbers = pc.fill_null(values, 0)
    else:
        s = values
        try:
            if not pc.all(pc.equal(pc.utf8_length(s), 8)).as_py():
                raise pa.ArrowInvalid("not eight characters")
            numbers = pc.cast(s, pa.int64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            s = pc.utf8_trim_whitespace(s)
            s = pc.replace_substring_regex(s, r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$", r"\1\2\3")
            s = pc.replace_substring_regex(s, r"^([0-9]{2})/([0-9]{2})/([0-9]{4})$", r"\3\2\1")
            ok = pc.fill_null(pc.match_substring_regex(s, r"^[0-9]{8}$"), False)
            numbers = pc.cast(pc.if_else(ok, s, "0"), pa.int64())
    wide = np.asarray(numbers.to_numpy(zero_copy_only=False))
    valid = (wide >= 19000101) & (wide <= 21991231)
    v = np.where(valid, wide, 19000101).astype(np.int32)
    del wide
    y = v // 10000
    v -= y * 10000  # month and day
    m = v // 100
    v -= m * 100  # day
    valid &= (m >= 1) & (m <= 12) & (v >= 1) & (v <= 31)
    index = (y - 1900) * 372
    index += (m - 1) * 31
    index += v - 1
    del y, m, v
    np.clip(index, 0, 300 * 372 - 1, out=index)
    days_table, valid_table = _day_table()
    valid &= valid_table[index]
    stamps = np.where(valid, days_table[index], 0).astype(np.int64)
    stamps *= 86_400_000_000_000
    return pa.array(stamps, pa.int64()).view(pa.timestamp("ns")), valid


def each_flag(values: pa.Array | pa.ChunkedArray, fn: Callable[[pa.Array], pa.Array]) -> np.ndarray:
    """``fn`` (a test giving booleans) of every cell as a numpy mask, once per distinct value.

    Readers read low-cardinality columns (journals, accounts, their labels)
    as dictionaries: a test on a million lines is then a test on a few
    hundred values and one numpy lookup by index. A null answer is False.

    Example:
        >>> col = pa.array(["AN", "AC", "AN"]).dictionary_encode()
        >>> each_flag(col, lambda d: pc.equal(d, "AN")).tolist()
        [True, False, True]
    """
    if (
        isinstance(values, pa.ChunkedArray)
        and values.num_chunks > 1
        and pa.types.is_dictionary(values.type)
    ):
        values = values.combine_chunks()  # one dictionary: the test runs once per value
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    parts = []
    for chunk in chunks:
        if pa.types.is_dictionary(chunk.type):
            found = _np(pc.fill_null(fn(chunk.dictionary), False), bool)
            part = found[_indices(chunk)] if found.size else np.zeros(len(chunk), dtype=bool)
            if chunk.null_count:
                part &= _np(chunk.is_valid(), bool)
            parts.append(part)
        else:
            parts.append(_np(pc.fill_null(fn(chunk), False), bool))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)


def each_text(
    values: pa.Array | pa.ChunkedArray, fn: Callable[[pa.Array], pa.Array]
) -> pa.Array | pa.ChunkedArray:
    """Text made from text, per distinct value of a dictionary column (which stays one).

    Example:
        >>> each_text(pa.array([" a", "b "]).dictionary_encode(), pc.utf8_trim_whitespace).to_pylist()
        ['a', 'b']
    """
    if isinstance(values, pa.ChunkedArray):
        if values.num_chunks == 0:
            return values
        return pa.chunked_array([each_text(c, fn) for c in values.chunks])
    if pa.types.is_dictionary(values.type):
        return pa.DictionaryArray.from_arrays(values.indices, fn(values.dictionary))
    return fn(values)


def trimmed(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Text cells without their leading and trailing white space.

    A column none of whose cells starts or ends with a space or a tab (what
    exports write) is returned as it is, found from its buffers
    (:data:`_PLAIN_ROWS` rows at a time when it comes in many parsed blocks).

    Example:
        >>> trimmed(pa.array([" 606 ", "AC"])).to_pylist()
        ['606', 'AC']
    """
    if (
        isinstance(values, pa.ChunkedArray)
        and values.num_chunks > 1
        and _is_text(values.type)
        and all(_clean_edges(part) for part in _row_groups(values))
    ):
        return values
    return each_text(values, _trim)


def _row_groups(values: pa.ChunkedArray) -> Iterator[pa.Array]:
    """The blocks of a column joined :data:`_PLAIN_ROWS` rows or more at a time."""
    chunks, taken = values.chunks, 0
    while taken < len(chunks):
        first, rows = taken, 0
        while taken < len(chunks) and rows < _PLAIN_ROWS:
            rows += len(chunks[taken])
            taken += 1
        yield chunks[first] if taken == first + 1 else pa.concat_arrays(chunks[first:taken])


def _is_text(kind: pa.DataType) -> bool:
    """Plain text, with 32- or 64-bit offsets (not a dictionary)."""
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def _clean_edges(text: pa.Array) -> bool:
    """True when no cell starts or ends with a byte of :data:`_EDGE_BYTES` (read from the buffers)."""
    if not _is_text(text.type) or text.null_count:
        return False
    if not len(text):
        return True
    lengths, offsets, data = _layout(text)
    first, last = offsets[:-1], offsets[1:] - 1
    if not lengths.all():
        filled = lengths > 0
        first, last = first[filled], last[filled]
    return not (_edge_byte(data[first]) or _edge_byte(data[last]))


def _edge_byte(found: np.ndarray) -> bool:
    """True when one of these bytes is in :data:`_EDGE_BYTES`.

    Every such byte is at most 0x20 or at least 0x80: ``b − 0x21`` (modulo 256)
    is then at least 0x5F. Two passes over the bytes, and the table is read
    only for the few that pass (a lookup per byte takes ten times longer).
    """
    near = np.subtract(found, 0x21, dtype=np.uint8) >= 0x5F
    return bool(near.any() and _EDGE_BYTES[found[near]].any())


def _trim(text: pa.Array) -> pa.Array:
    return text if _clean_edges(text) else pc.utf8_trim_whitespace(text)


_EDGE_BYTES: Final = np.zeros(256, dtype=bool)
"""Bytes a cell must not start or end with to be left as it is: ASCII white space, and any
byte ≥ 0x80 (maybe a no-break space, left to pyarrow's Unicode rule)."""
_EDGE_BYTES[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20]] = True
_EDGE_BYTES[0x80:] = True


def empty_cells(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """True where a text cell is empty (a null is not), read from the offsets of the text.

    Example:
        >>> empty_cells(pa.chunked_array([pa.array(["a", ""]).dictionary_encode(),
        ...                               pa.array(["", "b"]).dictionary_encode()])).tolist()
        [False, True, True, False]
    """
    return each_flag(values, _empty_text)


def _empty_text(text: pa.Array) -> pa.Array:
    if _is_text(text.type) and not text.null_count:
        return pa.array(_layout(text)[0] == 0)
    return pc.equal(pc.utf8_length(text), 0)


def optional_text(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Trimmed text cells, null where empty (an analytic code that is not there).

    Example:
        >>> optional_text(pa.array([" ACI", "  ", ""])).to_pylist()
        ['ACI', None, None]
    """

    def empty_as_null(text: pa.Array) -> pa.Array:
        text = pc.utf8_trim_whitespace(text)
        return pc.if_else(pc.equal(pc.utf8_length(text), 0), pa.scalar(None, pa.string()), text)

    return each_text(values, empty_as_null)


def account_is_known(accounts: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """True where an account number starts with a class of the plan comptable (1 to 8).

    Example:
        >>> account_is_known(pa.array(["606100", "9", "", "x1"])).tolist()
        [True, False, False, False]
    """

    def known(values: pa.Array) -> pa.Array:
        first = pc.utf8_slice_codeunits(values, 0, 1)
        return pc.fill_null(pc.is_in(first, pa.array(list(_ACCOUNT_CLASSES))), False)

    return each_flag(accounts, known)


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
    """A workbook cell as the text a French CSV would hold.

    Dates ISO, whole numbers without ``.0``, other numbers with a decimal
    comma and at most 15 significant digits (what the spreadsheet shows:
    ``0.1 + 0.2`` is ``0,3``), so numeric cells and amounts typed as text
    (``12,50``) read by the same rule.

    Example:
        >>> workbook_cell_text(datetime(2026, 3, 31)), workbook_cell_text(606100.0)
        ('2026-03-31', '606100')
        >>> workbook_cell_text(0.1 + 0.2), workbook_cell_text(166094689.45)
        ('0,3', '166094689,45')
    """
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}".replace(".", ",") if math.isfinite(value) else str(value)
    return str(value)


def numbered_names(names: list[str]) -> tuple[list[str], list[str]]:
    """Names made unique (a second « Montant » becomes « Montant (2) ») and those doubled.

    Shared by the FEC and the table readers. Linear in the number of names
    (a header of a million columns is not read twice per column).

    Example:
        >>> numbered_names(["Date", "Montant", "Montant", "Montant (2)"])
        (['Date', 'Montant', 'Montant (3)', 'Montant (2)'], ['Montant'])
    """
    taken = set(names)
    seen: dict[str, int] = {}
    out: list[str] = []
    doubled: list[str] = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        if seen[name] == 1:
            out.append(name)
            continue
        k = seen[name]
        while f"{name} ({k})" in taken:
            k += 1
        taken.add(f"{name} ({k})")
        out.append(f"{name} ({k})")
        if seen[name] == 2:
            doubled.append(name)
    return out, doubled
