"""A saved plan's results: balance of resources against needs, NPV, IRR, payback, the plan's chart."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.charts import finance as charts
from essdiag.finance.financing_plan import plan_balance, plan_view
from essdiag.finance.investment import irr_figure, npv_figure, payback_year
from essdiag.finance.section import FinancingPlan
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.treasury import chart

__all__ = ["show"]


def show(screen: Screen[Any], plan: FinancingPlan) -> None:
    """The three headline figures with their working, the payback year, needs and resources."""
    _ = screen.tr
    balance, issues = plan_balance(plan)
    widgets.show_issues(issues)
    c1, c2, c3 = st.columns(3)
    with c1:
        widgets.figure_metric(balance, label=_("Équilibre ressources − besoins"))
    with c2:
        widgets.figure_metric(npv_figure(plan.discount_rate, plan.cash_flows), label=_("VAN"))
    with c3:
        widgets.figure_metric(irr_figure(plan.cash_flows), label=_("TRI"))
    payback = payback_year(plan.cash_flows)
    if payback is not None:
        st.caption(_("Retour sur investissement (flux cumulés positifs) : année {n}.", n=payback))
    view = plan_view(plan)
    if not view.empty:
        figure = chart(screen, "financing_plan", lambda: charts.plan_chart(view, _), plan.name)
        widgets.chart_with_table(figure, view, key="funding_plan")
