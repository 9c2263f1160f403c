"""The cash plan: opening + inflows − outflows = closing, month after month, and its headline."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.treasury import cash_plan, extend_months
from essdiag.treasury.plan import summary_figures
from tests.strategies_funding import amounts, monthly_series


@settings(max_examples=60, deadline=None)
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
    assert "montant négatif en février 2026 (−1,00\xa0€)" in text
    plan, issues = cash_plan([], 0.0, {}, {})
    assert plan is None and issues[0].code == "treasury_no_month"


def test_extend_months_aligns_on_the_calendar_and_grows() -> None:
    assert extend_months(list(range(12)), 4, offset=10) == [10.0, 11.0, 0.0, 1.0]
    assert extend_months([100.0] * 12, 13, yearly_growth=0.02)[-1] == pytest.approx(102.0)


def test_summary_figures_carry_their_working() -> None:
    # Opening 100; +50 −120 → 30 (below the 40 minimum), +50 −20 → 60.
    plan, _ = cash_plan(
        ["2026-01", "2026-02"], 100.0, {"ventes": [50, 50]}, {"salaires": [120, 20]},
        dedicated_funds=10.0, minimum_cash=40,
    )  # fmt: skip
    assert plan is not None
    figs = summary_figures(plan, dedicated_funds=10.0, minimum_cash=40)
    assert (figs["lowest"].value, figs["alerts"].value, figs["closing"].value) == (30.0, 1, 60.0)
    # (100 − 10) / ((120 + 20) / 2) = 90 / 70 = 1,29 months.
    assert figs["reserve"].value == pytest.approx(90 / 70)
    assert figs["reserve"].shown() == "1,3"
    assert figs["lowest"].shown() == "30\xa0€"
    quiet, _ = cash_plan(["2026-01"], 5.0, {}, {})
    assert quiet is not None and not summary_figures(quiet)["reserve"].available
