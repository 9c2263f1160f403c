"""The canonical ledger DataFrame and what is computed from it: balances, activity, fiscal year.

Every reader (FEC, generic CSV/XLSX) produces this frame; every computation
(balances, actuals by month, variance) consumes it. See the package docstring
of :mod:`essdiag.ledger` for the column contract. Amounts stay integer cents
(``debit_cents``, ``credit_cents``, ``balance_cents``, ``amount_cents``).
"""

from __future__ import annotations

from datetime import date
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from essdiag.periods import FiscalYear

__all__ = [
    "CATEGORY_COLUMNS",
    "LEDGER_COLUMNS",
    "LEDGER_SCHEMA",
    "OPENING_JOURNALS",
    "account_balances",
    "account_labels",
    "empty_ledger",
    "fiscal_year_of",
    "is_charge",
    "is_income",
    "ledger_from_table",
    "monthly_activity",
    "opening_flags",
    "sorted_categories",
]

LEDGER_SCHEMA: Final = pa.schema(
    [
        ("journal", pa.string()),
        ("entry", pa.string()),
        ("date", pa.timestamp("ns")),
        ("account", pa.string()),
        ("account_label", pa.string()),
        ("label", pa.string()),
        ("debit_cents", pa.int64()),
        ("credit_cents", pa.int64()),
        ("analytic", pa.string()),
        ("opening", pa.bool_()),
    ]
)
"""Arrow schema of the canonical ledger (what is stored as Parquet)."""

LEDGER_COLUMNS: Final = tuple(LEDGER_SCHEMA.names)
"""Column names of the canonical ledger, in order."""

OPENING_JOURNALS: Final = frozenset({"AN", "RAN", "ANO", "AN0"})
"""Journal codes of opening entries (à-nouveaux)."""


def empty_ledger() -> pd.DataFrame:
    """A ledger with the canonical columns and no line.

    Example:
        >>> list(empty_ledger().columns)[:3]
        ['journal', 'entry', 'date']
    """
    return ledger_from_table(LEDGER_SCHEMA.empty_table())


CATEGORY_COLUMNS: Final = ("journal", "account", "account_label")
"""Columns with few distinct values, held as pandas categories (sorted) in the ledger frame.

A million lines hold a few hundred accounts: each value is kept once (the
frame of a 1 000 000-line FEC is half as large) and a test or a group by
account runs on the categories. Stored as plain text (:data:`LEDGER_SCHEMA`).
"""


_TEXT: Final = pa.large_string()
"""The text type pandas holds (a reader that writes it spares a copy of the offsets)."""


def ledger_from_table(table: pa.Table) -> pd.DataFrame:
    """The canonical pandas frame from an Arrow table that follows :data:`LEDGER_SCHEMA`.

    :data:`CATEGORY_COLUMNS` become pandas categories with their values
    sorted (so sorting, factorising and grouping by account follow the
    account numbers); the other text is handed to pandas without a copy
    (pandas' ``str`` columns are Arrow arrays).
    """
    columns = []
    for name in LEDGER_COLUMNS:
        column = table.column(name)
        wanted = LEDGER_SCHEMA.field(name).type
        if name in CATEGORY_COLUMNS:
            columns.append(_dictionary(column))
        elif column.type == wanted or (wanted == pa.string() and column.type == _TEXT):
            columns.append(column)
        else:
            columns.append(column.cast(_TEXT if wanted == pa.string() else wanted))
    # One block per column: the numbers are not copied into a shared two-dimensional block.
    frame: pd.DataFrame = pa.Table.from_arrays(columns, names=list(LEDGER_COLUMNS)).to_pandas(
        split_blocks=True
    )
    for name in CATEGORY_COLUMNS:
        frame[name] = sorted_categories(frame[name])
    return frame


def _dictionary(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A text column dictionary-encoded with text values (it may be already, or plain)."""
    kind = pa.dictionary(pa.int32(), pa.string())
    if column.type == kind:
        return column
    if pa.types.is_dictionary(column.type):
        return column.cast(kind)
    return pc.dictionary_encode(column.cast(pa.string()))


def sorted_categories(values: pd.Series) -> pd.Series:
    """Text as a pandas category whose values are sorted (missing values stay missing).

    Example:
        >>> sorted_categories(pd.Series(["706", "606", "706"])).cat.categories.tolist()
        ['606', '706']
    """
    if not isinstance(values.dtype, pd.CategoricalDtype):
        values = values.astype("category")
    categories = values.cat.categories
    if categories.dtype != "str":
        values = values.cat.rename_categories(categories.astype("str"))
        categories = values.cat.categories
    if not categories.is_monotonic_increasing:
        values = values.cat.reorder_categories(categories.sort_values())
    return values


def opening_flags(journals: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """True for the lines of an opening journal (:data:`OPENING_JOURNALS`, any case).

    Example:
        >>> opening_flags(pa.array(["AN", "ran", "AC"])).to_pylist()
        [True, True, False]
    """
    return pc.is_in(pc.utf8_upper(journals), pa.array(sorted(OPENING_JOURNALS)))


def fiscal_year_of(ledger: pd.DataFrame, start_month: int = 1) -> FiscalYear | None:
    """The fiscal year of an imported ledger: the one holding most of its non-opening entries.

    The median date of the entries decides (all entries when the ledger has
    only openings); None for an empty ledger.

    Example:
        >>> led = pd.DataFrame({"date": pd.to_datetime(["2025-12-31", "2026-01-15", "2026-03-01"]),
        ...                     "opening": [True, False, False]})
        >>> fiscal_year_of(led).label_year, fiscal_year_of(led, 7).label_year
        (2026, 2026)
    """
    dates = ledger.loc[~ledger["opening"].astype(bool), "date"]
    if dates.empty:
        dates = ledger["date"]
    if dates.empty:
        return None
    middle = dates.sort_values().iloc[len(dates) // 2]
    return FiscalYear.containing(middle.date(), start_month)


def account_labels(ledger: pd.DataFrame) -> dict[str, str]:
    """Account number → its label, as first written in the ledger.

    Example:
        >>> led = pd.DataFrame({"account": ["606", "606", "706"],
        ...                     "account_label": ["Achats", "Autre", "Ventes"]})
        >>> account_labels(led)
        {'606': 'Achats', '706': 'Ventes'}
    """
    first = ledger.drop_duplicates("account")
    return {
        str(a): str(label)
        for a, label in zip(first["account"], first["account_label"], strict=True)
    }


def is_charge(accounts: pd.Series) -> pd.Series:
    """True for accounts of classes 60–68 (charges of the income statement, PCG/ANC 2018-06)."""
    prefix = accounts.astype("str").str.slice(0, 2)
    return prefix.isin([f"6{d}" for d in range(9)])


def is_income(accounts: pd.Series) -> pd.Series:
    """True for accounts of classes 70–78 (income; 79 transfers excluded)."""
    prefix = accounts.astype("str").str.slice(0, 2)
    return prefix.isin([f"7{d}" for d in range(9)])


def account_balances(
    ledger: pd.DataFrame, start: date, end: date, *, include_opening: bool = True
) -> pd.DataFrame:
    """Debit, credit and balance per account for entries dated ``start`` … ``end`` inclusive.

    Parameters:
        ledger: the canonical ledger frame.
        start, end: first and last day, both included.
        include_opening: keep opening entries (journals AN/RAN); leave them in
            for a balance sheet, out for the activity of the period.

    Returns:
        One row per account (sorted): ``account``, ``debit_cents``,
        ``credit_cents``, ``balance_cents`` = debit − credit (int64, cents).

    Example:
        >>> import pandas as pd
        >>> led = pd.DataFrame({
        ...     "journal": ["AC", "AC", "AN"], "entry": ["1", "1", "2"],
        ...     "date": pd.to_datetime(["2026-01-05", "2026-01-05", "2026-01-01"]),
        ...     "account": ["606", "401", "512"], "account_label": ["", "", ""],
        ...     "label": ["", "", ""], "debit_cents": [1000, 0, 500],
        ...     "credit_cents": [0, 1000, 0], "analytic": [None, None, None],
        ...     "opening": [False, False, True]})
        >>> b = account_balances(led, date(2026, 1, 1), date(2026, 12, 31), include_opening=False)
        >>> b["balance_cents"].tolist()
        [-1000, 1000]
    """
    dates = ledger["date"]
    mask = (dates >= pd.Timestamp(start)) & (dates < pd.Timestamp(end) + pd.Timedelta(days=1))
    if not include_opening:
        mask &= ~ledger["opening"].astype(bool)
    part = ledger.loc[mask, ["account", "debit_cents", "credit_cents"]]
    grouped = part.groupby("account", sort=True, observed=True)[
        ["debit_cents", "credit_cents"]
    ].sum()
    out = grouped.reset_index()
    out["debit_cents"] = out["debit_cents"].astype("int64")
    out["credit_cents"] = out["credit_cents"].astype("int64")
    out["balance_cents"] = (out["debit_cents"] - out["credit_cents"]).astype("int64")
    out["account"] = out["account"].astype("str")
    return out.reset_index(drop=True)


def monthly_activity(ledger: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Charges, income and contributions in kind per account, analytic code and month.

    Opening entries are left out. Returns one row per (month, account,
    analytic) with ``month`` ("YYYY-MM"), ``account``, ``analytic`` ("" when
    none) and ``amount_cents``: debit − credit for class 6 and 86, credit −
    debit for class 7 and 87, so every amount is positive when normal and a
    budget line compares directly with its actual. Other accounts are dropped.

    Example:
        >>> import pandas as pd
        >>> led = pd.DataFrame({
        ...     "journal": ["AC", "AC", "VE", "VE"], "entry": ["1", "1", "2", "2"],
        ...     "date": pd.to_datetime(["2026-01-05"] * 2 + ["2026-02-01"] * 2),
        ...     "account": ["606", "401", "411", "706"], "account_label": [""] * 4,
        ...     "label": [""] * 4, "debit_cents": [1000, 0, 500, 0],
        ...     "credit_cents": [0, 1000, 0, 500], "analytic": [None] * 4,
        ...     "opening": [False] * 4})
        >>> m = monthly_activity(led, date(2026, 1, 1), date(2026, 12, 31))
        >>> m[["month", "account", "amount_cents"]].values.tolist()
        [['2026-01', '606', 1000], ['2026-02', '706', 500]]

    Notes:
        Vectorised for large ledgers: accounts and analytic codes are
        factorised, each row gets one integer key (month, account, code) and
        the sums are a single ``numpy.bincount`` (exact: totals stay far below
        2⁵³ cents).
    """
    dates = ledger["date"].to_numpy(dtype="datetime64[ns]")
    lo = np.datetime64(start, "ns")
    hi = np.datetime64(end, "ns") + np.timedelta64(1, "D")
    mask = (dates >= lo) & (dates < hi) & ~ledger["opening"].to_numpy(dtype=bool)
    acc_codes, acc_uniques = pd.factorize(ledger["account"], sort=True)
    prefixes = [str(a)[:2] for a in acc_uniques]
    side = np.array(
        [
            1 if p[:1] == "6" or p == "86" else -1 if p[:1] == "7" or p == "87" else 0
            for p in prefixes
        ]
        + [0],
        dtype=np.int64,
    )
    sign = side[acc_codes]  # code -1 (missing account) reads the trailing 0
    mask &= sign != 0
    an_codes, an_uniques = pd.factorize(ledger["analytic"], sort=True, use_na_sentinel=True)
    an_labels = [*(str(x) for x in an_uniques), ""]
    an_codes = np.where(an_codes < 0, len(an_uniques), an_codes)
    months = dates.astype("datetime64[M]").astype(np.int64)
    if not mask.any():
        return pd.DataFrame(
            {
                "month": pd.Series([], dtype="str"),
                "account": pd.Series([], dtype="str"),
                "analytic": pd.Series([], dtype="str"),
                "amount_cents": pd.Series([], dtype="int64"),
            }
        )
    m0 = int(months[mask].min())
    n_acc, n_an = len(acc_uniques), len(an_labels)
    key = ((months[mask] - m0) * n_acc + acc_codes[mask]) * n_an + an_codes[mask]
    net = (
        ledger["debit_cents"].to_numpy(dtype=np.int64)[mask]
        - ledger["credit_cents"].to_numpy(dtype=np.int64)[mask]
    ) * sign[mask]
    sums = np.bincount(key, weights=net.astype(np.float64))
    present = np.flatnonzero(np.bincount(key))
    month_idx, rest = np.divmod(present, n_acc * n_an)
    acc_idx, an_idx = np.divmod(rest, n_an)
    month_text = (month_idx + m0).astype("datetime64[M]").astype("str").astype(object)
    return pd.DataFrame(
        {
            "month": pd.Series(month_text, dtype="str"),
            "account": pd.Series(np.asarray(acc_uniques, dtype=object)[acc_idx], dtype="str"),
            "analytic": pd.Series(np.asarray(an_labels, dtype=object)[an_idx], dtype="str"),
            "amount_cents": np.rint(sums[present]).astype(np.int64),
        }
    )
