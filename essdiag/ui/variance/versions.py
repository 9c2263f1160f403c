"""The budget versions of the year side by side with the actual (initial, revised, actual)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.analysis import VarianceReport, dossier_versions
from essdiag.budget.views import versions_view
from essdiag.ui import cache, widgets
from essdiag.ui.screen import Screen
from essdiag.ui.variance import choices

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """When the year has several versions: each one's budget of the period, the actual, the gap."""
    _ = screen.tr
    report: VarianceReport = choices.report(screen)
    fy = report.fiscal_year
    if len([v for v in screen.section.of_year(fy.label_year) if v.lines]) < 2:
        return
    st.subheader(
        _("Budget initial, budgets rectificatifs et réalisé — {p}", p=report.period.title(_))
    )
    table, versions = cache.computed(
        dossier_versions,
        screen.opened,
        ledger_years=(fy.label_year,),
        label_year=fy.label_year,
        start_month=fy.start_month,
        through=report.through,
        period=str(st.session_state[choices.PERIOD]),
        level=str(report.level),
        scope=report.scope.key,
    )
    widgets.show_view(versions_view(table, versions, _), key="variance_versions")
