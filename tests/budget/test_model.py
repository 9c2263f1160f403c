"""Budget model (``essdiag.budget.model``): monthly totals (the contract other domains use), a budget from last year."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from essdiag.budget import BudgetLine, BudgetSection, budget_frame, monthly_totals
from essdiag.budget.model import budget_from_actuals, budget_from_last_year, last_year_actuals
from essdiag.ledger import read_fec
from essdiag.periods import FiscalYear

CASE = Path(__file__).resolve().parents[2] / "sample_data" / "recyclerie"


def test_monthly_totals_contract_for_a_july_fiscal_year() -> None:
    fy = FiscalYear(label_year=2026, start_month=7)
    section = BudgetSection(
        fiscal_year=2026,
        start_month=7,
        lines=[
            BudgetLine(account="6063", months=[10.0] * 11 + [20.0]),
            BudgetLine(account="64", months=[100.0] * 12),
            BudgetLine(account="741", funder="Région", months=[50.0] * 12),
            BudgetLine(account="79", months=[5.0] * 12),  # transfers: not income 70–78
            BudgetLine(account="864", months=[7.0] * 12),  # in kind: excluded
            BudgetLine(account="870", months=[7.0] * 12),
        ],
    )
    t = monthly_totals(section, fy)
    assert list(t.columns) == ["month", "charges", "income"]
    assert t["month"].tolist()[:2] == ["2025-07", "2025-08"]
    assert t["month"].tolist()[-1] == "2026-06"
    assert len(t) == 12
    assert t["charges"].dtype == "float64" and t["income"].dtype == "float64"
    assert t["charges"].tolist() == [110.0] * 11 + [120.0]
    assert t["income"].tolist() == [50.0] * 12


def test_budget_from_last_year_actuals() -> None:
    actuals = pd.DataFrame(
        {
            "month": ["2025-01", "2025-02", "2025-02", "2025-03"],
            "account": ["606100", "606100", "706000", "706000"],
            "analytic": ["", "", "", ""],
            "amount_cents": [10000, 30000, 50000, -100],
        }
    )
    made = budget_from_actuals(actuals, FiscalYear(label_year=2025), growth=0.10)
    assert made.fiscal_year == 2026
    lines = {ln.account: ln for ln in made.lines}
    assert lines["606100"].total == pytest.approx(440.0)  # 400 × 1.10
    assert lines["606100"].months[:3] == [110.0, 330.0, 0.0]  # last year's seasonality
    assert lines["706000"].total == pytest.approx(548.9)  # (500 − 1) × 1.10


def test_budget_frame_keeps_euros_and_whole_cents() -> None:
    section = BudgetSection(lines=[BudgetLine(account="606", months=[0.1, 0.2, *[8.34] * 10])])
    frame = budget_frame(section, FiscalYear(label_year=2026))
    assert frame["amount_cents"].tolist() == [10, 20, *[834] * 10]
    assert frame["amount_cents"].dtype == "int64"
    assert set(frame["kind"]) == {"charge"}


def test_a_budget_from_last_years_ledger() -> None:
    ledger = read_fec((CASE / "FEC_2025.txt").read_bytes()).ledger
    assert ledger is not None
    ledgers = {2025: ledger}
    actuals = last_year_actuals(None, ledgers=ledgers, label_year=2026, start_month=1)
    assert actuals is not None and set(actuals["month"].str.slice(0, 4)) == {"2025"}
    made = budget_from_last_year(None, ledgers=ledgers, label_year=2026, start_month=1, growth=0.0)
    assert made is not None and made.fiscal_year == 2026
    # Every line adds up to last year's actual of its account and code, to the cent.
    by_line = actuals.groupby(["account", "analytic"])["amount_cents"].sum()
    for line in made.lines:
        assert round(sum(m * 100 for m in line.months)) == by_line[(line.account, line.analytic)]
        assert line.phasing == "seasonal"
    assert any(line.label for line in made.lines)  # labelled from the ledger
    assert (
        last_year_actuals(None, ledgers={2025: ledger.iloc[:0]}, label_year=2026, start_month=1)
        is None
    )
    assert (
        budget_from_last_year(None, ledgers={}, label_year=2026, start_month=1, growth=0.0) is None
    )
