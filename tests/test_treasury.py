"""Cash plan, plan inputs, Monte Carlo and the treasury workbook."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.funding import FundingSection
from essdiag.i18n import translator
from essdiag.report.treasury_xlsx import treasury_workbook
from essdiag.treasury import (
    Basis,
    DelayAssumption,
    TreasurySection,
    assemble,
    budget_series,
    cash_plan,
    delay_vectors,
    extend_months,
    simulate,
    summarise,
)
from essdiag.treasury.budget_link import cash_months_from_budget
from tests.strategies_funding import amounts, monthly_series

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "sample_data"))

from sections import funding as funding_sample  # noqa: E402
from sections import treasury as treasury_sample  # noqa: E402

TODAY = date(2026, 11, 27)


def case(name: str) -> tuple[FundingSection, TreasurySection]:
    return (
        FundingSection.model_validate(funding_sample.section(name)),
        TreasurySection.model_validate(treasury_sample.section(name)),
    )


# ---------------------------------------------------------------------------- the plan


@settings(max_examples=60)
@given(
    st.integers(1, 36).flatmap(
        lambda n: st.tuples(st.just(n), monthly_series(n), monthly_series(n), amounts)
    )
)
def test_cash_plan_identity_holds_every_month(args: tuple[int, dict, dict, float]) -> None:
    n, ins, outs, opening = args
    months = [f"m{i}" for i in range(n)]
    plan, issues = cash_plan(months, opening, ins, outs, dedicated_funds=10.0, minimum_cash=5.0)
    assert issues == [] and plan is not None
    closing = plan["opening"] + plan["inflows"] - plan["outflows"]
    assert np.allclose(plan["closing"], closing, rtol=1e-12, atol=1e-6)
    assert np.allclose(plan["opening"].iloc[1:], plan["closing"].iloc[:-1])
    assert plan["opening"].iloc[0] == opening
    assert (plan["available"] == plan["closing"] - 10.0).all()
    assert (plan["alert"] == (plan["available"] < 5.0)).all()


def test_cash_plan_reports_bad_series_in_french() -> None:
    plan, issues = cash_plan(
        ["2026-01", "2026-02"], 0.0, {"ventes": [10.0]}, {"salaires": [5.0, -1.0]}
    )
    assert plan is None
    codes = {i.code for i in issues}
    assert codes == {"treasury_series_length", "treasury_negative_amount"}
    text = " ".join(i.message for i in issues)
    assert "compte 1 mois alors que le plan en compte 2" in text
    assert "montant négatif en 2026-02" in text
    plan, issues = cash_plan([], 0.0, {}, {})
    assert plan is None and issues[0].code == "treasury_no_month"


def test_extend_months_aligns_on_the_calendar_and_grows() -> None:
    assert extend_months(list(range(12)), 4, offset=10) == [10.0, 11.0, 0.0, 1.0]
    assert extend_months([100.0] * 12, 13, yearly_growth=0.02)[-1] == pytest.approx(102.0)
    out, other = budget_series([10.0] * 12, [20.0] * 12, 60.0, 12)
    assert out == [10.0] * 12
    assert other[0] == pytest.approx(15.0)  # 20 × (1 − 60/240)


def test_budget_link_leaves_out_non_cash_items() -> None:
    frame = pd.DataFrame(
        {
            "account": ["641", "681", "706", "781", "864"],
            "kind": ["charge", "charge", "income", "income", "in_kind_use"],
            "month": ["2026-01"] * 5,
            "amount": [100.0, 30.0, 150.0, 10.0, 40.0],
        }
    )
    out = cash_months_from_budget(frame)
    assert out is not None and out.to_dict("records") == [
        {"month": "2026-01", "charges": 100.0, "income": 150.0}
    ]
    assert cash_months_from_budget(frame.assign(amount=0.0)) is None


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
    assert summary.lowest_month == "2026-02"
    assert "2026-02" in summary.alert_months  # below the 150 000 € the board wants
    # The FSE+ 2025 balance lands in November 2026 (README: still unpaid at 31 October).
    assert plan.loc[plan["month"] == "2026-11", f"in:{inputs.names['fse']}"].item() == 85_000


def test_plan_prefers_the_budget_when_there_is_one() -> None:
    funding, treasury = case("recyclerie")
    budget = pd.DataFrame(
        {
            "month": [f"2026-{m:02d}" for m in range(1, 13)],
            "charges": [90_000.0] * 12,
            "income": [91_000.0] * 12,
        }
    )
    inputs = assemble(treasury, funding.sources, budget=budget, today=TODAY)
    assert inputs.basis is Basis.BUDGET and inputs.issues == ()
    scheduled = sum(s.amount(2026) for s in funding.sources if s.schedule)
    assert sum(inputs.other_inflows[:12]) == pytest.approx(12 * 91_000 - scheduled)
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


# ---------------------------------------------------------------------------- Monte Carlo


def test_monte_carlo_without_risk_is_the_plan() -> None:
    receipts = np.array([[0.0, 50.0, 0.0, 50.0]])
    r, paths = simulate(
        10.0, [0.0] * 4, [30.0] * 4, receipts,
        late_probability=0.0, cut_probability=0.0, scenarios=200, return_paths=True,
    )  # fmt: skip
    assert paths is not None
    assert np.allclose(paths, [[-20.0, 0.0, -30.0, -10.0]])
    assert r.prob_negative == (1.0, 0.0, 1.0, 1.0)
    assert r.credit_line_95 == pytest.approx(30.0)


def test_delays_are_drawn_per_instalment_and_the_credit_line_is_the_5th_percentile() -> None:
    # Worked by hand: one funder pays 100 € in months 1 and 2; 100 € go out in months 1
    # and 2; opening 0. Each payment is late with p = 0,5 and then by exactly 1 month
    # (mean 1 → 1 + Poisson(0)). The four cases (on time/late for each payment), each 1/4:
    #   (on, on)    closings 0, 0, 0          (late, on)   −100, 0, 0
    #   (on, late)  0, −100, 0                (late, late) −100, −100, 0
    # so P(negative) = ½ in months 1 and 2, 0 in month 3; P(at least once) = ¾.
    # One delay per funder keeps only (on, on) and (late, late): P(at least once) = ½.
    receipts = np.array([[100.0, 100.0, 0.0]])
    args = (0.0, [0.0] * 3, [100.0, 100.0, 0.0], receipts)
    common = {"late_probability": 0.5, "mean_delay_months": 1.0, "cut_probability": 0.0}
    each, _ = simulate(*args, scenarios=20_000, **common)
    assert each.prob_negative == pytest.approx((0.5, 0.5, 0.0), abs=0.02)
    assert each.prob_any_negative == pytest.approx(0.75, abs=0.02)
    assert each.credit_line_95 == pytest.approx(100.0)  # lowest is −100 in 75 % > 5 %
    whole, _ = simulate(*args, scenarios=20_000, per_instalment=False, **common)
    assert whole.prob_negative == pytest.approx((0.5, 0.5, 0.0), abs=0.02)
    assert whole.prob_any_negative == pytest.approx(0.5, abs=0.02)
    # Credit line at 95 % = −(5th percentile of the lowest cash). With p = 0,03 a payment:
    # per instalment P(lowest = −100) = 1 − 0,97² = 5,9 % > 5 % → a 100 € line is needed;
    # one draw per funder: 3 % < 5 % → no line needed at 95 %.
    rare = {**common, "late_probability": 0.03}
    assert simulate(*args, scenarios=20_000, **rare)[0].credit_line_95 == pytest.approx(100.0)
    assert simulate(*args, scenarios=20_000, per_instalment=False, **rare)[0].credit_line_95 == 0


def test_a_cut_applies_to_every_payment_of_the_funder() -> None:
    # Cut certain (p = 1) of 20 %: each payment of 100 € brings 80 €: closings −20, −40.
    r, paths = simulate(
        0.0, [0.0, 0.0], [100.0, 100.0], np.array([[100.0, 100.0]]),
        late_probability=0.0, cut_probability=1.0, cut_share=0.2, scenarios=50,
        return_paths=True,
    )  # fmt: skip
    assert paths is not None and np.allclose(paths, [[-20.0, -40.0]])
    assert r.credit_line_95 == pytest.approx(40.0)


def test_monte_carlo_is_seeded_and_delays_hurt() -> None:
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    params = delay_vectors(treasury.delays, list(inputs.receipts.index))
    args = (inputs.opening_cash, inputs.other_inflows, inputs.outflows, inputs.receipts.to_numpy())
    a, _ = simulate(*args, months=inputs.months, scenarios=2000, seed=7, **params)
    b, _ = simulate(*args, months=inputs.months, scenarios=2000, seed=7, **params)
    assert a == b
    safe, _ = simulate(*args, scenarios=2000, late_probability=0.0, cut_probability=0.0)
    assert all(x >= y for x, y in zip(a.prob_negative, safe.prob_negative, strict=True))
    assert a.table()["q05"].le(a.table()["q95"]).all()
    worst, _ = simulate(
        *args,
        scenarios=2000,
        late_probability=1.0,
        mean_delay_months=6.0,
        cut_probability=1.0,
        cut_share=0.5,
    )
    assert worst.credit_line_95 > a.credit_line_95


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


# ---------------------------------------------------------------------------- export


def test_treasury_workbook_reopens() -> None:
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    plan, _ = cash_plan(
        inputs.months, inputs.opening_cash, inputs.inflows(), inputs.outflow_series()
    )
    assert plan is not None
    result, _ = simulate(
        inputs.opening_cash,
        inputs.other_inflows,
        inputs.outflows,
        inputs.receipts.to_numpy(),
        months=inputs.months,
        scenarios=500,
    )
    raw = treasury_workbook(
        plan, inputs.receipts, inputs.names, translator("fr"), montecarlo=result.table()
    )
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    assert wb.sheetnames == ["Plan de trésorerie", "Versements des financeurs", "Monte Carlo"]
    ws = wb["Plan de trésorerie"]
    assert ws["A3"].value == "Mois" and ws["A4"].value == "2026-01"
    assert ws["B4"].value == pytest.approx(209_134.86)
    last = ws.max_row
    assert ws.cell(last, 1).value == "2027-12"
    receipts = wb["Versements des financeurs"]
    names = [receipts.cell(r, 1).value for r in range(4, receipts.max_row + 1)]
    assert "FSE+ – accompagnement socioprofessionnel" in names


def test_plan_from_the_recyclerie_budget_through_the_budget_functions() -> None:
    # The budget's public functions (read_budget, budget_frame) feed the plan: outflows are
    # the 2026 charges without the 68 allowances, the same 1 029 572 € a year as the
    # hand-entered flows of the sample (both come from sample_data/generate.py's budget).
    from essdiag.budget import budget_frame
    from essdiag.budget.template import read_budget
    from essdiag.periods import FiscalYear

    xlsx = REPO / "sample_data" / "recyclerie" / "budget_2026.xlsx"
    fy = FiscalYear(label_year=2026)
    budget, _issues = read_budget(xlsx.read_bytes(), file=xlsx.name, fiscal_year=fy)
    assert budget is not None
    cash = cash_months_from_budget(budget_frame(budget, fy))
    assert cash is not None
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=cash, today=TODAY)
    assert inputs.basis is Basis.BUDGET
    assert sum(inputs.outflows[:12]) == pytest.approx(sum(treasury.monthly_charges), abs=12)
    plan, _ = cash_plan(
        inputs.months, inputs.opening_cash, inputs.inflows(), inputs.outflow_series()
    )
    assert plan is not None
    assert np.allclose(plan["closing"], plan["opening"] + plan["inflows"] - plan["outflows"])


def test_treasury_charts() -> None:
    from essdiag.charts import treasury as charts

    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    plan, _ = cash_plan(
        inputs.months,
        inputs.opening_cash,
        inputs.inflows(),
        inputs.outflow_series(),
        minimum_cash=150_000,
    )
    assert plan is not None
    fr = translator("fr")
    fig = charts.plan_chart(plan, fr, minimum_cash=150_000)
    assert [t.name for t in fig.data][:2] == ["Encaissements", "Décaissements"]
    assert max(fig.data[1].y) <= 0  # outflows drawn below the axis
    result, _ = simulate(
        inputs.opening_cash,
        inputs.other_inflows,
        inputs.outflows,
        inputs.receipts.to_numpy(),
        months=inputs.months,
        scenarios=500,
    )
    fan = charts.fan_chart(result.table(), fr)
    assert fan.data[-1].name == "Médiane"
    prob = charts.probability_chart(result.table(), fr)
    assert prob.layout.yaxis.range[1] <= 1
    comp = charts.scenarios_chart({"A": plan, "B": plan}, fr)
    assert comp.data[0].line.dash != comp.data[1].line.dash  # told apart without colour
