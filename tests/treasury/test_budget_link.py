"""The budget's phasing seen as cash by kind of flow: allowances and reversals move no money."""

from __future__ import annotations

from essdiag.budget.section import BudgetLine, BudgetSection
from essdiag.treasury.actuals import CashFlowKind
from essdiag.treasury.budget_link import (
    HEADING_KINDS,
    budget_lines,
    cash_by_kind,
    heading_of_account,
)


def line(account: str, january: float) -> BudgetLine:
    return BudgetLine(account=account, months=[january] + [0.0] * 11)


def test_budget_link_leaves_out_non_cash_items() -> None:
    lines = [line("641", 100.0), line("681", 30.0), line("706", 150.0), line("781", 10.0),
             line("864", 40.0), line("6063", 25.0), line("631", 5.0)]  # fmt: skip
    out = cash_by_kind(lines)
    # 68 allowances, 78 reversals and 86 contributions in kind move no money.
    assert sorted(out) == ["payroll", "purchases", "sales", "taxes"]
    assert out["payroll"] == {"64": [100.0] + [0.0] * 11}
    assert out["sales"]["70"][0] == 150.0 and out["purchases"]["60"][0] == 25.0
    assert out["taxes"]["63"][0] == 5.0
    assert cash_by_kind([line("641", 0.0)]) == {}
    assert cash_by_kind([]) == {}


def test_the_heading_gives_the_kind() -> None:
    # A line filed under heading 64 is payroll whatever its account; an allowance stays out.
    lines = [
        BudgetLine(account="6411", heading="64", months=[10.0] * 12),
        BudgetLine(account="6811", months=[5.0] * 12),
        BudgetLine(account="7411", funder="Région", months=[20.0] * 12),
    ]
    out = cash_by_kind(lines)
    assert out == {"payroll": {"64": [10.0] * 12}, "grants": {"74": [20.0] * 12}}
    assert HEADING_KINDS["74"] is CashFlowKind.GRANTS and "68" not in HEADING_KINDS
    assert heading_of_account("741310") == "74" and heading_of_account(" ") == "74"


def test_the_budget_of_another_year_is_not_read() -> None:
    budget = BudgetSection(fiscal_year=2025, lines=[line("641", 100.0)])
    assert budget_lines(budget, 2026) == [] and len(budget_lines(budget, 2025)) == 1
    assert len(budget_lines(BudgetSection(lines=[line("641", 1.0)]), 2030)) == 1


def test_the_plan_reads_the_adopted_version_of_its_year() -> None:
    from essdiag.budget.section import BudgetVersion, VersionStatus

    versions = [
        BudgetVersion(id="2026-0", fiscal_year=2026, number=0, status=VersionStatus.ADOPTED,
                      lines=[line("641", 100.0)]),
        BudgetVersion(id="2026-1", fiscal_year=2026, number=1, status=VersionStatus.DRAFT,
                      lines=[line("641", 999.0)]),
        BudgetVersion(id="2027-0", fiscal_year=2027, number=0, status=VersionStatus.DRAFT,
                      lines=[line("641", 5.0)]),
    ]  # fmt: skip
    budget = BudgetSection(versions=versions)
    # 2026: the version the board adopted, not the later draft; 2027: its only draft.
    assert [ln.months[0] for ln in budget_lines(budget, 2026)] == [100.0]
    assert [ln.months[0] for ln in budget_lines(budget, 2027)] == [5.0]
