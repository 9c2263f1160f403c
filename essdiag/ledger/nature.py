"""What an imported ledger is: the fiscal year it covers and which entries open it.

Where it sits: the readers (:mod:`essdiag.ledger.fec`, :mod:`essdiag.ledger.generic`)
call these once the cells are parsed, before the canonical ledger is made.

* The fiscal year comes from the file name when it follows the FEC naming
  rule (``SIRENFECAAAAMMJJ``, the closing date: art. A47 A-1 of the LPF) and
  the entries agree, else from the entries' dates (the fiscal year holding
  most of them), never from today's date.
* Opening entries (à-nouveaux) are recognised by their nature, not only by a
  list of journal codes: a journal code of :data:`OPENING_JOURNALS`, a
  journal label that says « à nouveaux » (or « report à nouveau », «
  ouverture »), or an entry dated on the first day of the fiscal year whose
  lines all carry balance-sheet accounts (classes 1 to 5).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath
from typing import Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from essdiag.ledger.cells import each_flag
from essdiag.ledger.frame import OPENING_JOURNALS
from essdiag.periods import FiscalYear, month_end

__all__ = [
    "OPENING_WORDS",
    "closing_from_name",
    "first_day_openings",
    "infer_fiscal_year",
    "journal_openings",
    "opening_by_nature",
]

OPENING_WORDS: Final = ("a nouveau", "a-nouveau", "anouveau", "report a nouveau", "ouverture")
"""Words of a journal label (lower case, without accents) that name opening entries."""

_NAME: Final = re.compile(r"^(\d{9})FEC(\d{8})", re.IGNORECASE)


def closing_from_name(name: str | None) -> date | None:
    """The closing date written in a FEC file name (``SIRENFECAAAAMMJJ``), or None.

    Example:
        >>> closing_from_name("123456789FEC20251231.txt"), closing_from_name("FEC_2026.txt")
        (datetime.date(2025, 12, 31), None)
    """
    if not name:
        return None
    match = _NAME.match(PurePath(name).name)
    if match is None:
        return None
    text = match.group(2)
    try:
        day = date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
    return day if 2 <= day.year <= 9998 else None


def _from_closing(day: date) -> FiscalYear | None:
    """The fiscal year closing on ``day`` (a month end), or None."""
    if day != month_end(day.year, day.month):
        return None
    return FiscalYear(label_year=day.year, start_month=day.month % 12 + 1)


def infer_fiscal_year(
    dates: np.ndarray, *, name: str | None = None, start_month: int = 1
) -> tuple[FiscalYear | None, str]:
    """The fiscal year of a ledger and how it was found (``name``, ``dates`` or ``none``).

    Parameters:
        dates: the entries' dates (``datetime64``), opening entries left out
            when they are known.
        name: the file name; its closing date wins when at least half of the
            entries fall in the fiscal year it names.
        start_month: the organisation's first month, used with the dates.

    Notes:
        From the dates: the fiscal year (with ``start_month``) that holds the
        median entry.

    Example:
        >>> d = np.array(["2025-03-01", "2025-06-30", "2025-12-31"], dtype="datetime64[ns]")
        >>> infer_fiscal_year(d, name="123456789FEC20251231.txt")[0].label_year
        2025
        >>> infer_fiscal_year(d, name="export.txt", start_month=7)
        (FiscalYear(label_year=2025, start_month=7), 'dates')
    """
    days = np.asarray(dates)
    if days.dtype.kind != "M":
        days = days.astype("datetime64[D]")
    closing = closing_from_name(name)
    named = _from_closing(closing) if closing else None
    if named is not None:
        # NaT is neither counted nor inside (it compares False); no copy of the dates is made.
        known = days.size - int(np.count_nonzero(np.isnat(days)))
        lo = np.datetime64(named.start, "D").astype(days.dtype)
        after = (np.datetime64(named.end, "D") + 1).astype(days.dtype)  # the day after the end
        inside = int(np.count_nonzero((days >= lo) & (days < after)))
        if known == 0 or 2 * inside >= known:
            return named, "name"
    days = days[~np.isnat(days)].astype("datetime64[D]")
    if days.size == 0:
        return None, "none"
    # The median entry's month, from the count of entries per month (linear; a partition
    # of a million datetimes takes a third of a second).
    months = days.astype("datetime64[M]").astype(np.int64)
    first = int(months.min())
    below = np.cumsum(np.bincount(months - first))
    month = first + int(np.searchsorted(below, days.size // 2, side="right"))
    year, index = divmod(month, 12)
    if not 2 <= year + 1970 <= 9998:
        return None, "none"
    return FiscalYear.containing(date(year + 1970, index + 1, 1), start_month), "dates"


def _plain(text: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Lower-case text without accents (« À nouveaux » → « a nouveaux »), vectorised."""
    low = pc.utf8_lower(text)
    for accented, plain in (("à", "a"), ("â", "a"), ("é", "e"), ("è", "e"), ("ê", "e")):
        low = pc.replace_substring(low, accented, plain)
    return low


def _code_says(values: pa.Array) -> pa.Array:
    codes = pc.is_in(
        pc.utf8_upper(pc.utf8_trim_whitespace(values)), pa.array(sorted(OPENING_JOURNALS))
    )
    return pc.fill_null(codes, False)


def _label_says(values: pa.Array) -> pa.Array:
    plain = _plain(values)
    hit = pc.fill_null(pc.match_substring(plain, OPENING_WORDS[0]), False)
    for word in OPENING_WORDS[1:]:
        hit = pc.or_(hit, pc.fill_null(pc.match_substring(plain, word), False))
    return hit


def _journal_says_opening(
    journal: pa.Array | pa.ChunkedArray, journal_label: pa.Array | pa.ChunkedArray | None
) -> np.ndarray:
    found = each_flag(journal, _code_says)
    if journal_label is not None:
        found |= each_flag(journal_label, _label_says)
    return found


def opening_by_nature(
    journal: pa.Array | pa.ChunkedArray,
    *,
    journal_label: pa.Array | pa.ChunkedArray | None,
    entry: pa.Array | pa.ChunkedArray,
    account: pa.Array | pa.ChunkedArray,
    days: np.ndarray,
    fiscal_year: FiscalYear | None,
) -> np.ndarray:
    """True for the lines of opening entries (see the module docstring).

    ``days`` are the lines' dates as ``datetime64``. An entry is taken whole:
    dated on the first day of ``fiscal_year`` with accounts of classes 1–5
    only on every line.

    Example:
        >>> fy = FiscalYear(label_year=2026)
        >>> d = np.array(["2026-01-01"] * 3 + ["2026-01-02"], dtype="datetime64[ns]")
        >>> opening_by_nature(pa.array(["OUV", "OUV", "BQ", "OD"]),
        ...     journal_label=pa.array(["Ouverture", "Ouverture", "Banque", "À nouveaux"]),
        ...     entry=pa.array(["1", "1", "2", "3"]), account=pa.array(["512", "110", "606", "401"]),
        ...     days=d, fiscal_year=fy).tolist()
        [True, True, False, True]
    """
    found = _journal_says_opening(journal, journal_label)
    found |= first_day_openings(entry, account, days, fiscal_year)
    return found


def journal_openings(
    journal: pa.Array | pa.ChunkedArray, journal_label: pa.Array | pa.ChunkedArray | None
) -> np.ndarray:
    """True for the lines whose journal code or label says they open the year."""
    return _journal_says_opening(journal, journal_label)


def first_day_openings(
    entry: pa.Array | pa.ChunkedArray,
    account: pa.Array | pa.ChunkedArray,
    days: np.ndarray,
    fiscal_year: FiscalYear | None,
) -> np.ndarray:
    """True for the lines of entries dated on the fiscal year's first day with classes 1–5 only."""
    found = np.zeros(len(days), dtype=bool)
    if fiscal_year is None or len(days) == 0:
        return found
    days = np.asarray(days)
    if days.dtype.kind != "M":
        days = days.astype("datetime64[D]")
    first = np.datetime64(fiscal_year.start, "D")
    # The first day, from its midnight to the next, in the dates' own unit (no copy of them).
    on_first = days >= first.astype(days.dtype)
    on_first &= days < (first + 1).astype(days.dtype)
    if not on_first.any():
        return found
    rows = np.flatnonzero(on_first)
    # Filtered block by block: a take from a column of many blocks would join them all first.
    first_day = pa.array(on_first)
    entries = pc.cast(pc.filter(entry, first_day), pa.string())
    if isinstance(entries, pa.ChunkedArray):
        entries = entries.combine_chunks()
    classes = pc.utf8_slice_codeunits(pc.cast(pc.filter(account, first_day), pa.string()), 0, 1)
    balance_sheet = np.asarray(
        pc.fill_null(pc.is_in(classes, pa.array(list("12345"))), False).to_numpy(
            zero_copy_only=False
        ),
        dtype=bool,
    )
    # One code per entry number (a missing one is a code of its own); an entry is an opening
    # when none of its first-day lines is outside classes 1–5.
    codes = pc.dictionary_encode(entries)
    index = np.asarray(
        pc.fill_null(codes.indices, len(codes.dictionary)).to_numpy(zero_copy_only=False)
    )
    outside = np.bincount(index, weights=~balance_sheet, minlength=len(codes.dictionary) + 1)
    whole = outside[index] == 0
    found[rows[whole]] = True
    return found
