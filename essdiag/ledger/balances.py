"""What the imported accounts say, to check against the accounting software.

Where it sits: the canonical ledger (:mod:`essdiag.ledger.frame`) →

* :func:`trial_balance` — the balance of every account (opening, debit and
  credit of the period, closing), with its class;
* :func:`class_months` — the movements of each class (1 to 8) month by month;
* :func:`bank_balances` — the end-of-month balance of the cash accounts
  (class 5: banks 51, cash 53, régies 54, internal transfers 58, short-term
  investments 50), opening entries included: what the treasury plan starts
  from and the bank statement shows;
* :func:`result_to_date` — income − charges of the months elapsed, a figure
  that names its period.

Amounts stay integer cents (``*_cents``). Pure: no streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
import pandas as pd

from essdiag.figures import Figure, Input
from essdiag.i18n import N_, Money
from essdiag.periods import FiscalYear, month_end, month_of, parse_month, span_params

__all__ = [
    "CASH_PREFIXES",
    "CLASS_LABELS",
    "bank_balances",
    "class_months",
    "last_activity_month",
    "period_scope",
    "result_to_date",
    "trial_balance",
]

CASH_PREFIXES: Final = ("5",)
"""Accounts of the treasury (comptes financiers, classe 5 du PCG): 50, 51 (512 banques,
511 valeurs à l'encaissement, 519 concours bancaires, negative), 53 caisse, 54 régies, 58
virements internes (nil once both sides are booked)."""

CLASS_LABELS: Final[dict[str, str]] = {
    "1": N_("1 – Capitaux"),
    "2": N_("2 – Immobilisations"),
    "3": N_("3 – Stocks et en-cours"),
    "4": N_("4 – Tiers"),
    "5": N_("5 – Financiers"),
    "6": N_("6 – Charges"),
    "7": N_("7 – Produits"),
    "8": N_("8 – Comptes spéciaux"),
}
"""The classes of the plan comptable (règlement ANC 2014-03, art. 911-1), French labels."""


def _year_rows(ledger: pd.DataFrame, fiscal_year: FiscalYear, through: str | None) -> pd.Series:
    """Rows of the fiscal year (opening entries included) up to the end of ``through``."""
    dates = ledger["date"]
    end = fiscal_year.end
    if through is not None:
        year, month = parse_month(through)
        end = min(end, month_end(year, month))
    return (dates >= pd.Timestamp(fiscal_year.start)) & (
        dates < pd.Timestamp(end) + pd.Timedelta(days=1)
    )


def last_activity_month(ledger: pd.DataFrame, fiscal_year: FiscalYear) -> str | None:
    """The last month of the fiscal year with a non-opening entry (None when there is none).

    Example:
        >>> led = pd.DataFrame({"date": pd.to_datetime(["2026-01-01", "2026-03-05"]),
        ...                     "opening": [True, False]})
        >>> last_activity_month(led, FiscalYear(label_year=2026))
        '2026-03'
    """
    inside = _year_rows(ledger, fiscal_year, None) & ~ledger["opening"].astype(bool)
    dates = ledger.loc[inside, "date"]
    if dates.empty:
        return None
    return month_of(dates.max().date())


def bank_balances(
    ledger: pd.DataFrame,
    fiscal_year: FiscalYear,
    *,
    through: str | None = None,
    prefixes: Sequence[str] = CASH_PREFIXES,
) -> pd.DataFrame:
    """End-of-month balance of the cash accounts, opening entries included.

    Parameters:
        ledger: the canonical ledger (one or more imports of the year).
        fiscal_year: the fiscal year whose months are listed.
        through: last month listed ("YYYY-MM"); by default the last month
            with a non-opening entry (:func:`last_activity_month`).
        prefixes: account prefixes counted as cash (:data:`CASH_PREFIXES`).

    Returns:
        One row per month from the first of the fiscal year to ``through``:
        ``month`` ("YYYY-MM"), ``movement_cents`` (debit − credit of the month,
        openings in the first month) and ``balance_cents`` (the balance at the
        end of the month), int64. Empty when the ledger has no entry in the year.

    Notes:
        balance(m) = Σ (debit − credit) of the cash accounts over the entries
        dated from the first day of the fiscal year to the last day of m,
        the opening entries (à-nouveaux) included: their debit is the bank
        balance carried forward.

    Example:
        >>> led = pd.DataFrame({"date": pd.to_datetime(["2026-01-01", "2026-01-20", "2026-03-02"]),
        ...     "account": ["512000", "512000", "530000"], "debit_cents": [10000, 0, 500],
        ...     "credit_cents": [0, 2500, 0], "opening": [True, False, False]})
        >>> bank_balances(led, FiscalYear(label_year=2026))[["month", "balance_cents"]].values.tolist()
        [['2026-01', 7500], ['2026-02', 7500], ['2026-03', 8000]]
    """
    months = fiscal_year.month_keys()
    through = through or last_activity_month(ledger, fiscal_year)
    if through is None:
        inside = _year_rows(ledger, fiscal_year, None)
        if not inside.any():
            return pd.DataFrame(
                {
                    "month": pd.Series([], dtype="str"),
                    "movement_cents": pd.Series([], dtype="int64"),
                    "balance_cents": pd.Series([], dtype="int64"),
                }
            )
        through = months[0]
    if through not in months:
        raise ValueError(f"month {through!r} is not in fiscal year {fiscal_year.label_year}")
    shown = months[: months.index(through) + 1]
    rows = _year_rows(ledger, fiscal_year, through)
    cash = ledger["account"].astype("str").str.startswith(tuple(prefixes))
    part = ledger.loc[rows & cash]
    net = part["debit_cents"].to_numpy(dtype=np.int64) - part["credit_cents"].to_numpy(
        dtype=np.int64
    )
    month = part["date"].dt.strftime("%Y-%m")
    by_month = pd.Series(net, index=month.to_numpy()).groupby(level=0).sum()
    movement = np.array([int(by_month.get(m, 0)) for m in shown], dtype=np.int64)
    return pd.DataFrame(
        {
            "month": pd.Series(shown, dtype="str"),
            "movement_cents": movement,
            "balance_cents": np.cumsum(movement).astype(np.int64),
        }
    )


def trial_balance(
    ledger: pd.DataFrame, fiscal_year: FiscalYear, *, through: str | None = None
) -> pd.DataFrame:
    """The balance of every account of the fiscal year up to the end of ``through``.

    Returns:
        One row per account (sorted): ``class`` (first digit), ``account``,
        ``account_label`` (as first written), ``opening_cents`` (debit −
        credit of the opening entries), ``debit_cents`` and ``credit_cents``
        (the year's other entries), ``balance_cents`` = opening + debit −
        credit (int64). Σ balance_cents is 0 for a balanced ledger.

    Example:
        >>> led = pd.DataFrame({"date": pd.to_datetime(["2026-01-01", "2026-01-01", "2026-02-03",
        ...     "2026-02-03"]), "account": ["512", "110", "606", "512"],
        ...     "account_label": ["Banque", "Report", "Achats", "Banque"],
        ...     "debit_cents": [900, 0, 100, 0], "credit_cents": [0, 900, 0, 100],
        ...     "opening": [True, True, False, False]})
        >>> trial_balance(led, FiscalYear(label_year=2026))[["account", "opening_cents",
        ...     "balance_cents"]].values.tolist()
        [['110', -900, -900], ['512', 900, 800], ['606', 0, 100]]
    """
    part = ledger.loc[_year_rows(ledger, fiscal_year, through)]
    opening = part["opening"].astype(bool).to_numpy()
    debit = part["debit_cents"].to_numpy(dtype=np.int64)
    credit = part["credit_cents"].to_numpy(dtype=np.int64)
    work = pd.DataFrame(
        {
            "account": part["account"].astype("str").to_numpy(),
            "opening_cents": np.where(opening, debit - credit, 0),
            "debit_cents": np.where(opening, 0, debit),
            "credit_cents": np.where(opening, 0, credit),
        }
    )
    sums = work.groupby("account", sort=True).sum().reset_index()
    if "account_label" in part:
        first = part.drop_duplicates("account")
        labels = dict(zip(first["account"].astype("str"), first["account_label"], strict=True))
    else:
        labels = {}
    out = pd.DataFrame(
        {
            "class": sums["account"].str.slice(0, 1).astype("str"),
            "account": sums["account"].astype("str"),
            "account_label": [str(labels.get(a, "")) for a in sums["account"]],
            "opening_cents": sums["opening_cents"].astype("int64"),
            "debit_cents": sums["debit_cents"].astype("int64"),
            "credit_cents": sums["credit_cents"].astype("int64"),
        }
    )
    out["balance_cents"] = (out["opening_cents"] + out["debit_cents"] - out["credit_cents"]).astype(
        "int64"
    )
    return out


def class_months(
    ledger: pd.DataFrame, fiscal_year: FiscalYear, *, through: str | None = None
) -> pd.DataFrame:
    """Debit − credit of each class (1 to 8) month by month, opening entries apart.

    Returns:
        One row per class present: ``class``, ``opening_cents`` and one int64
        column per month key of the fiscal year up to ``through`` (default:
        the last month with activity), then ``balance_cents`` (their sum).
    """
    months = fiscal_year.month_keys()
    through = through or last_activity_month(ledger, fiscal_year) or months[0]
    shown = months[: months.index(through) + 1]
    part = ledger.loc[_year_rows(ledger, fiscal_year, through)]
    net = part["debit_cents"].to_numpy(dtype=np.int64) - part["credit_cents"].to_numpy(
        dtype=np.int64
    )
    work = pd.DataFrame(
        {
            "class": part["account"].astype("str").str.slice(0, 1).to_numpy(),
            "month": np.where(
                part["opening"].astype(bool).to_numpy(),
                "opening",
                part["date"].dt.strftime("%Y-%m").to_numpy(),
            ),
            "net": net,
        }
    )
    table = work.pivot_table(
        index="class", columns="month", values="net", aggfunc="sum", fill_value=0
    )
    table = table.reindex(columns=["opening", *shown], fill_value=0).astype("int64")
    out = table.reset_index().rename(columns={"opening": "opening_cents"})
    out["class"] = out["class"].astype("str")
    out["balance_cents"] = out[["opening_cents", *shown]].sum(axis=1).astype("int64")
    out.columns.name = None
    return out


def result_to_date(
    ledger: pd.DataFrame, fiscal_year: FiscalYear, *, through: str | None = None
) -> Figure:
    """The result of the months elapsed: income (70–79) − charges (60–69), openings left out.

    The figure names its period (« janvier – octobre 2026 ») in its scope.

    Example:
        >>> from essdiag.i18n import translator
        >>> led = pd.DataFrame({"date": pd.to_datetime(["2026-02-03"] * 2),
        ...     "account": ["706", "411"], "debit_cents": [0, 12000], "credit_cents": [12000, 0],
        ...     "opening": [False, False]})
        >>> f = result_to_date(led, FiscalYear(label_year=2026))
        >>> f.value, f.scope_text(translator("fr"))
        (120.0, 'janvier – février 2026, toute la structure')
    """
    months = fiscal_year.month_keys()
    through = through or last_activity_month(ledger, fiscal_year) or months[0]
    part = ledger.loc[_year_rows(ledger, fiscal_year, through) & ~ledger["opening"].astype(bool)]
    head = part["account"].astype("str").str.slice(0, 1)
    net = part["credit_cents"].to_numpy(dtype=np.int64) - part["debit_cents"].to_numpy(
        dtype=np.int64
    )
    income = int(net[(head == "7").to_numpy()].sum())
    charges = -int(net[(head == "6").to_numpy()].sum())
    result = income - charges
    scope, scope_params = period_scope(months[: months.index(through) + 1])
    reading = (
        N_("excédent de {amount} sur la période")
        if result > 0
        else N_("déficit de {amount} sur la période")
        if result < 0
        else N_("résultat nul sur la période")
    )
    return Figure.of(
        N_("Résultat à date"),
        result / 100,
        "EUR",
        N_("produits (70–79, crédit − débit) − charges (60–69, débit − crédit)"),
        [
            Input.of(N_("Produits"), income / 100, "EUR", N_("écritures du FEC hors à-nouveaux")),
            Input.of(N_("Charges"), charges / 100, "EUR", N_("écritures du FEC hors à-nouveaux")),
        ],
        reading=reading,
        reading_params={"amount": Money.of_cents(abs(result))},
        tone="good" if result >= 0 else "watch",
        scope=scope,
        scope_params=scope_params,
    )


_SCOPES: Final[dict[str, tuple[str, str]]] = {
    "whole": (N_("{first}, toute la structure"), N_("{first} – {last}, toute la structure")),
    "action": (N_("{first}, action {name}"), N_("{first} – {last}, action {name}")),
    "funder": (
        N_("{first}, actions financées par {name}"),
        N_("{first} – {last}, actions financées par {name}"),
    ),
}


def period_scope(
    months: Sequence[str], who: str = "whole", name: str = ""
) -> tuple[str, dict[str, object]]:
    """A scope template naming some months and who they cover, with its raw params.

    ``who`` is ``whole`` (the organisation), ``action`` (a project, ``name``
    its analytic code) or ``funder`` (the actions a funder supports). The
    months are written as :func:`essdiag.periods.months_span` writes them
    (:func:`span_params`), in the reader's language.

    Example:
        >>> from essdiag.i18n import translator
        >>> t, p = period_scope(["2026-01", "2026-02"])
        >>> translator("fr").fill(t, p), translator("en").fill(t, p)
        ('janvier – février 2026, toute la structure', 'January – February 2026, whole organisation')
    """
    one, span = _SCOPES[who]
    params = span_params(months)
    if name:
        params["name"] = name
    return (one if len(months) == 1 else span), params
