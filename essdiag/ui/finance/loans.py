"""A saved plan's loans: for each, its payment after the deferral, its cost and its schedule."""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from essdiag.charts import finance as charts
from essdiag.finance.loans import LOAN_SHOWN, loan_figures, loan_view
from essdiag.finance.section import FinancingPlan
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.treasury import chart

__all__ = ["show"]


def show(screen: Screen[Any], plan: FinancingPlan) -> None:
    """One block per loan: three figures, then the repayment schedule and its chart."""
    _ = screen.tr
    for j, loan in enumerate(plan.loans):
        st.subheader(loan.label or _("Prêt {n}", n=j + 1))
        view = loan_view(loan, start_year=plan.start_year)
        figs = loan_figures(loan, view.frame)
        for col, key in zip(st.columns(3), ("payment", "interest", "total"), strict=True):
            with col:
                widgets.figure_metric(figs[key])
        figure = chart(screen, "loan", partial(charts.loan_chart, view, _), plan.name, j)
        widgets.chart_with_table(figure, view.select(LOAN_SHOWN), key=f"funding_loan_{j}")
