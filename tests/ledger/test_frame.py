"""The canonical ledger (``essdiag.ledger.frame``): balances, activity, fiscal year, labels."""

from __future__ import annotations

from datetime import date

import pandas as pd

from essdiag.ledger import (
    account_balances,
    account_labels,
    fiscal_year_of,
    monthly_activity,
    read_fec,
)
from tests.ledger.fec_text import SMALL


def test_balances_keep_openings_activity_leaves_them_out() -> None:
    ledger = read_fec(SMALL.encode()).ledger
    assert ledger is not None
    year = (date(2026, 1, 1), date(2026, 12, 31))
    with_opening = account_balances(ledger, *year).set_index("account")
    assert with_opening.loc["512000", "balance_cents"] == 100000
    without = account_balances(ledger, *year, include_opening=False)
    assert "512000" not in set(without["account"])
    activity = monthly_activity(ledger, *year)
    assert activity[["month", "account", "amount_cents"]].values.tolist() == [
        ["2026-01", "606100", 12050],
        ["2026-02", "706000", 8000],
    ]
    january = account_balances(ledger, date(2026, 1, 1), date(2026, 1, 31))
    assert set(january["account"]) == {"512000", "102000", "606100", "401000"}
    assert list(january.columns) == ["account", "debit_cents", "credit_cents", "balance_cents"]


def test_fiscal_year_of_an_imported_ledger() -> None:
    ledger = read_fec(SMALL.encode()).ledger
    assert ledger is not None
    fy = fiscal_year_of(ledger)
    assert fy is not None and (fy.label_year, fy.start_month) == (2026, 1)
    # A July–June year: January 2026 belongs to the year ending in June 2026.
    july = fiscal_year_of(ledger, start_month=7)
    assert july is not None and july.label_year == 2026 and july.start.isoformat() == "2025-07-01"
    assert fiscal_year_of(ledger.iloc[:0]) is None
    # Openings only: their own date decides.
    only_openings = ledger[ledger["opening"]]
    assert fiscal_year_of(only_openings) == fy


def test_account_labels_as_first_written() -> None:
    ledger = read_fec(SMALL.encode()).ledger
    assert ledger is not None
    labels = account_labels(ledger)
    assert labels["606100"] == "Lib é"
    assert set(labels) == set(ledger["account"])
    assert account_labels(pd.DataFrame({"account": [], "account_label": []})) == {}
