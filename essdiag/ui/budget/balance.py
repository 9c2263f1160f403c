"""The balance check (CERFA 12156: charges = income) and the annual budget by heading."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.checks import balance_figures, totals_by_heading
from essdiag.budget.views import headings_view
from essdiag.charts.budget import heading_bars
from essdiag.ui import widgets
from essdiag.ui.budget import chosen
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """Totals to the cent, whether the budget is balanced (with the working), totals by heading."""
    _ = screen.tr
    section = chosen(screen) or screen.section
    figures = balance_figures(section)
    for col, key in zip(st.columns(3), ("charges", "income", "gap"), strict=True):
        col.metric(_(figures[key].label), figures[key].shown(_))
    gap = figures["gap"]
    if section.lines:
        (st.success if gap.tone == "good" else st.warning)(gap.read(_))
    widgets.explain(gap)
    by_heading = headings_view(totals_by_heading(section))
    if not by_heading.empty:
        widgets.chart_with_table(heading_bars(by_heading, _), by_heading, key="budget_headings")
