"""Budget model: monthly totals (the contract other domains use), phasing, balance, template."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.budget import BudgetLine, BudgetSection, monthly_totals
from essdiag.budget.checks import balance_check, totals_by_heading
from essdiag.budget.model import budget_from_actuals
from essdiag.budget.phasing import even, seasonal, spread
from essdiag.budget.template import (
    TEMPLATE_COLUMNS,
    budget_table,
    lines_from_table,
    read_budget,
    write_budget_xlsx,
)
from essdiag.periods import FiscalYear

CASE = Path(__file__).resolve().parents[1] / "sample_data" / "recyclerie"


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


def test_sample_budget_reads_from_xlsx_and_csv_alike_and_is_balanced() -> None:
    fy = FiscalYear(label_year=2026)
    xlsx, issues = read_budget((CASE / "budget_2026.xlsx").read_bytes(), fiscal_year=fy)
    csv, issues_csv = read_budget((CASE / "budget_2026.csv").read_bytes(), fiscal_year=fy)
    assert xlsx is not None and csv is not None
    assert issues == [] and issues_csv == []
    assert xlsx == csv
    # The workbook's own "Synthèse" sheet gives the totals: 1 131 361,80 € each side.
    balance = balance_check(xlsx)
    assert balance.charges + balance.in_kind_uses == pytest.approx(1_131_361.80)
    assert balance.income + balance.in_kind_sources == pytest.approx(1_131_361.80)
    assert balance.balanced
    by_heading = totals_by_heading(xlsx).set_index("heading")["amount"]
    assert by_heading["64"] == pytest.approx(678_968.0)  # Synthèse: 64 Charges de personnel
    assert by_heading["74"] == pytest.approx(653_598.8)


def test_template_round_trip_and_header() -> None:
    fy = FiscalYear(label_year=2026, start_month=9)
    section = BudgetSection(
        fiscal_year=2026,
        start_month=9,
        lines=[
            BudgetLine(account="606100", label="=1+1 électricité", months=even(1200.0)),
            BudgetLine(account="741000", funder="Région", analytic="ACI", months=even(1200.0)),
        ],
    )
    data = write_budget_xlsx(section, fy)
    ws = openpyxl.load_workbook(io.BytesIO(data))["Budget"]
    header = [c.value for c in ws[1]]
    assert header[:5] == list(TEMPLATE_COLUMNS[:5])
    assert header[5] == "Septembre" and header[-2] == "Août"
    assert ws["B2"].value == "'=1+1 électricité"  # never a formula
    back, issues = read_budget(data, fiscal_year=fy)
    assert back is not None
    assert [ln.months for ln in back.lines] == [ln.months for ln in section.lines]
    assert issues == []


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.lists(st.floats(min_value=0, max_value=1e6), min_size=12, max_size=12),
)
def test_phasing_adds_up_to_the_cent(total_cents: int, weights: list[float]) -> None:
    months = spread(total_cents / 100, weights)
    assert len(months) == 12
    assert sum(round(m * 100) for m in months) == total_cents


def test_seasonal_phasing_follows_last_year() -> None:
    assert (
        seasonal(300.0, [0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0])
        == [0.0] * 6 + [100.0, 200.0] + [0.0] * 4
    )
    assert seasonal(120.0, [0.0] * 12) == [10.0] * 12  # no history: even


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


def test_budget_line_rules() -> None:
    with pytest.raises(ValueError, match="deux chiffres"):
        BudgetLine(account="x6")
    with pytest.raises(ValueError, match="12 montants"):
        BudgetLine(account="60", months=[1.0])
    assert BudgetLine(account="6063").head == "60"
    assert BudgetLine(account="6063", heading="61").head == "61"


def test_edited_table_back_to_lines_with_row_numbers_on_bad_rows() -> None:
    # Was a crash on the budget page: the editor's rows were validated with a
    # wrong call (issues_from_validation without its model) when a row was bad.
    fy = FiscalYear(label_year=2026)
    section = BudgetSection(
        fiscal_year=2026,
        lines=[
            BudgetLine(account="606", label="Énergie", months=[10.0] * 12),
            BudgetLine(account="74", funder="Région", months=[20.0] * 12),
        ],
    )
    table = budget_table(section, fy)
    lines, issues = lines_from_table(table)
    assert issues == []
    assert [(ln.account, ln.total, ln.funder) for ln in lines] == [
        ("606", 120.0, ""),
        ("74", 240.0, "Région"),
    ]
    table.loc[1, "Compte"] = "abc"
    lines, issues = lines_from_table(table)
    assert [ln.account for ln in lines] == ["606"]
    assert issues and {i.line for i in issues} == {2}
    assert all("{" not in i.message for i in issues)
