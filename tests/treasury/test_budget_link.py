"""The budget's phasing seen as cash: allowances and reversals move no money."""

from __future__ import annotations

from essdiag.budget.section import BudgetLine, BudgetSection
from essdiag.periods import FiscalYear
from essdiag.treasury.budget_link import cash_months_from_budget

MONTHS = FiscalYear(label_year=2026).month_keys()


def line(account: str, january: float) -> BudgetLine:
    return BudgetLine(account=account, months=[january] + [0.0] * 11)


def test_budget_link_leaves_out_non_cash_items() -> None:
    budget = BudgetSection(
        lines=[line("641", 100.0), line("681", 30.0), line("706", 150.0), line("781", 10.0),
               line("864", 40.0)]
    )  # fmt: skip
    out = cash_months_from_budget(budget, MONTHS)
    assert out is not None
    assert out.iloc[0].to_dict() == {"month": "2026-01", "charges": 100.0, "income": 150.0}
    assert out["charges"].sum() == 100.0 and len(out) == 12
    zero = BudgetSection(lines=[line("641", 0.0)])
    assert cash_months_from_budget(zero, MONTHS) is None
    assert cash_months_from_budget(BudgetSection(), MONTHS) is None


def test_the_heading_gives_the_kind_and_the_account_the_non_cash_items() -> None:
    # A line filed under heading 64 is a charge; an allowance keeps its 68 account.
    budget = BudgetSection(
        lines=[
            BudgetLine(account="6411", heading="64", months=[10.0] * 12),
            BudgetLine(account="6811", months=[5.0] * 12),
            BudgetLine(account="7411", funder="Région", months=[20.0] * 12),
        ]
    )
    out = cash_months_from_budget(budget, MONTHS)
    assert out is not None
    assert out["charges"].tolist() == [10.0] * 12 and out["income"].tolist() == [20.0] * 12
