"""Charts of the treasury screen, built from the views shown beside them."""

from __future__ import annotations

from essdiag.charts import treasury as charts
from essdiag.i18n import translator
from essdiag.treasury import assemble, simulate
from essdiag.treasury.stress import compare_scenarios
from essdiag.treasury.views import cash_plan_view, montecarlo_view
from tests.treasury.cases import TODAY, case


def test_treasury_charts() -> None:
    funding, treasury = case("recyclerie")
    inputs = assemble(
        treasury.model_copy(update={"minimum_cash": 150_000}),
        funding.sources,
        budget=None,
        today=TODAY,
    )
    plan, _ = inputs.cash_plan()
    assert plan is not None
    fr = translator("fr")
    fig = charts.plan_chart(cash_plan_view(plan), fr, minimum_cash=150_000)
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
    view = montecarlo_view(result)
    fan = charts.fan_chart(view, fr)
    assert fan.data[-1].name == "Médiane"
    prob = charts.probability_chart(view, fr)
    assert prob.layout.yaxis.range[1] <= 1
    names = {"base": "A", "late": "B", "cut": "C"}
    paths, _summary = compare_scenarios(
        inputs, delay_months=2, source_id="fse", cut_share=1.0, names=names
    )
    comp = charts.scenarios_chart(paths, fr)
    assert [t.name for t in comp.data] == ["A", "B", "C"]
    assert comp.data[0].line.dash != comp.data[1].line.dash  # told apart without colour
