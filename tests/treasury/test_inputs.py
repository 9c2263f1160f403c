"""The plan's inputs gathered from the treasury, funding and budget sections."""

from __future__ import annotations

import numpy as np
import pytest

from essdiag.budget.section import BudgetLine, BudgetSection
from essdiag.periods import FiscalYear
from essdiag.treasury import (
    Basis,
    DelayAssumption,
    TreasurySection,
    assemble,
    cash_plan,
    delay_vectors,
    dossier_inputs,
    gather,
    plan_fiscal_year,
    summarise,
)
from essdiag.treasury.budget_link import cash_by_kind
from tests.treasury.cases import REPO, TODAY, case


def test_recyclerie_plan_from_hand_entered_flows() -> None:
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    assert inputs.basis is Basis.MANUAL and inputs.issues[0].code == "treasury_manual_basis"
    assert inputs.months[0] == "2026-01" and len(inputs.months) == 24
    plan, _ = cash_plan(
        inputs.months, inputs.opening_cash, inputs.inflows(), inputs.outflow_series(),
        minimum_cash=inputs.minimum_cash,
    )  # fmt: skip
    assert plan is not None
    summary = summarise(plan)
    # February 2026 is the low point: 209 134,86 € opening, two months of charges before the
    # Département's advance and the EPCI's first instalment arrive in March (README).
    assert summary.lowest_month == "2026-02" and inputs.actual_months == 0
    assert "2026-02" in summary.alert_months  # below the 150 000 € the board wants
    # The FSE+ 2025 balance lands in November 2026 (README: still unpaid at 31 October).
    assert plan.loc[plan["month"] == "2026-11", f"in:{inputs.names['fse']}"].item() == 85_000


def test_plan_prefers_the_budget_when_there_is_one() -> None:
    funding, treasury = case("recyclerie")
    scheduled = [s for s in funding.sources if s.scheduled]
    assert {s.account[:2] for s in scheduled} == {"74"}  # every scheduled funder is a grant
    grants = sum(s.amount(2026) for s in scheduled)
    budget = {
        "payroll": {"64": [90_000.0] * 12},
        "sales": {"70": [30_000.0] * 12},
        "grants": {"74": [grants / 12 + 1_000.0] * 12},
    }
    inputs = assemble(treasury, funding.sources, budget=budget, today=TODAY)
    assert inputs.basis is Basis.BUDGET and inputs.issues == ()
    payroll = inputs.outgoing["Salaires et charges sociales"]
    assert list(inputs.outgoing) == ["Salaires et charges sociales"]
    assert payroll[:12] == (90_000.0,) * 12 and payroll[12:] == pytest.approx([91_800.0] * 12)
    # The scheduled funders' 2026 amount comes out of the grants heading only, in proportion
    # to its months: 12 × 1 000 € of grants stay without a schedule; sales stay whole.
    assert sum(inputs.incoming["Subventions"][:12]) == pytest.approx(12_000.0)
    assert sum(inputs.incoming["Ventes, prestations et tarification"][:12]) == 360_000.0
    # The second year grows by 2 % (the sample's growth), the 2027 scheduled amounts taken out.
    grants_2027 = sum(s.amount(2027) for s in scheduled)
    kept = (grants + 12_000.0) * 1.02 - grants_2027
    assert sum(inputs.incoming["Subventions"][12:]) == pytest.approx(max(kept, 0.0))
    empty = assemble(TreasurySection(), [], budget=None, today=TODAY)
    assert empty.basis is Basis.NONE and empty.issues[0].code == "treasury_no_basis"
    assert empty.months[0] == "2026-01"


def test_plan_starting_mid_year_reads_the_right_months() -> None:
    funding, treasury = case("recyclerie")
    late = treasury.model_copy(update={"first_month": "2026-11", "horizon_months": 12})
    inputs = assemble(late, funding.sources, budget=None, today=TODAY)
    assert inputs.months[0] == "2026-11"
    assert inputs.outflows[0] == treasury.monthly_charges[10]
    assert inputs.outflows[2] == pytest.approx(treasury.monthly_charges[0] * 1.02)


def test_plan_from_the_recyclerie_budget_through_the_budget_functions() -> None:
    # The budget read from its template (read_budget) feeds the plan: outflows are
    # the 2026 charges without the 68 allowances, the same 1 029 572 € a year as the
    # hand-entered flows of the sample (both come from sample_data/generate.py's budget).
    from essdiag.budget.template import read_budget
    from essdiag.periods import FiscalYear

    xlsx = REPO / "sample_data" / "recyclerie" / "budget_2026.xlsx"
    fy = FiscalYear(label_year=2026)
    budget, _issues = read_budget(xlsx.read_bytes(), file=xlsx.name, fiscal_year=fy)
    assert budget is not None
    cash = cash_by_kind(budget.lines)
    assert cash
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=cash, today=TODAY)
    assert inputs.basis is Basis.BUDGET
    assert sum(inputs.outflows[:12]) == pytest.approx(sum(treasury.monthly_charges), abs=12)
    plan, _ = cash_plan(
        inputs.months, inputs.opening_cash, inputs.inflows(), inputs.outflow_series()
    )
    assert plan is not None
    assert np.allclose(plan["closing"], plan["opening"] + plan["inflows"] - plan["outflows"])


def test_delay_vectors_use_the_default_then_each_funder() -> None:
    v = delay_vectors(
        [
            DelayAssumption(late_probability=0.1),
            DelayAssumption(source_id="fse", mean_delay_months=4),
        ],
        ["a", "fse"],
    )
    assert v["late_probability"].tolist() == [0.1, 0.3]
    assert v["mean_delay_months"].tolist() == [2.0, 4.0]


def test_gather_reads_the_budget_section_of_the_fiscal_year() -> None:
    funding, treasury = case("recyclerie")
    budget = BudgetSection(
        lines=[
            BudgetLine(account="64", months=[90_000.0] * 12),
            BudgetLine(account="681", months=[5_000.0] * 12),  # no money moves
            BudgetLine(account="70", months=[91_000.0] * 12),
        ]
    )
    fy = FiscalYear(label_year=2026)
    inputs, issues = gather(treasury, funding, budget, fy, today=TODAY)
    assert inputs.basis is Basis.BUDGET and issues == []
    assert inputs.outflows[:12] == (90_000.0,) * 12
    same = assemble(treasury, funding.sources, budget=cash_by_kind(budget.lines), today=TODAY)
    assert same.other_inflows == inputs.other_inflows
    without, notes = gather(treasury, funding, BudgetSection(), fy, today=TODAY)
    assert without.basis is Basis.MANUAL and [n.code for n in notes] == ["treasury_manual_basis"]


def test_dossier_inputs_read_the_budget_of_the_plans_first_month() -> None:
    from types import SimpleNamespace

    from essdiag.identity import Identity

    funding, treasury = case("recyclerie")
    identity = Identity.model_validate({"name": "Test", "fiscal_year_start_month": 7})
    dossier = SimpleNamespace(
        identity=identity, treasury=treasury, funding=funding, budget=BudgetSection()
    )
    # First month 2026-01 with a July–June year: the fiscal year 2025-2026 (label 2026).
    assert plan_fiscal_year(treasury, 7, TODAY).label_year == 2026
    assert plan_fiscal_year(TreasurySection(), 7, TODAY).label_year == 2027
    inputs, notes = dossier_inputs(dossier, today=TODAY)
    assert inputs.months[0] == "2026-01" and inputs.basis is Basis.MANUAL
    assert notes == list(inputs.issues)
    plan, issues = inputs.cash_plan()
    assert issues == [] and plan is not None and plan["alert"].any()
    assert Basis.MANUAL.label == "Flux mensuels saisis" and Basis("none") is Basis.NONE


def test_the_months_of_next_year_read_next_years_budget_once_prepared() -> None:
    from essdiag.budget.section import BudgetVersion, VersionStatus

    funding, treasury = case("recyclerie")
    this = BudgetVersion(id="2026-0", fiscal_year=2026, status=VersionStatus.ADOPTED,
                         lines=[BudgetLine(account="64", months=[90_000.0] * 12)])  # fmt: skip
    fy = FiscalYear(label_year=2026)
    alone, _ = gather(treasury, funding, BudgetSection(versions=[this]), fy, today=TODAY)
    payroll = alone.outgoing["Salaires et charges sociales"]
    assert payroll[12] == pytest.approx(90_000.0 * 1.02)  # 2027: this year's, grown by 2 %
    nxt = BudgetVersion(id="2027-0", fiscal_year=2027, number=0,
                        lines=[BudgetLine(account="64", months=[95_000.0] * 12)])  # fmt: skip
    both, _ = gather(treasury, funding, BudgetSection(versions=[this, nxt]), fy, today=TODAY)
    payroll = both.outgoing["Salaires et charges sociales"]
    assert payroll[11] == 90_000.0 and payroll[12:] == (95_000.0,) * 12  # its own, not grown
