"""The workbook under the treasury screen: the plan, planned against actual, receipts, simulation.

The workbook is built when the user clicks (``st.download_button`` with a
callable), from the views the screen already holds.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.report.treasury_xlsx import treasury_workbook
from essdiag.treasury.compare import comparison_view, gap_view
from essdiag.treasury.montecarlo import MonteCarloResult
from essdiag.treasury.views import cash_plan_view, montecarlo_view, receipts_view
from essdiag.ui.screen import Screen
from essdiag.ui.treasury import cash_plan, comparison, kept_view, plan_inputs

__all__ = ["show"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show(screen: Screen[Any], montecarlo: MonteCarloResult | None) -> None:
    """The download button of the treasury workbook (with the simulation when it ran)."""
    _ = screen.tr
    inputs, _notes = plan_inputs(screen)
    plan, _issues = cash_plan(screen)
    if plan is None or inputs.empty:
        return

    plan_view = kept_view(screen, "plan", lambda: cash_plan_view(plan), screen.today)
    against = comparison(screen)

    def workbook() -> bytes:  # built when the user clicks, from what the screen already holds
        return treasury_workbook(
            plan_view,
            receipts_view(inputs, _),
            _,
            montecarlo=montecarlo_view(montecarlo) if montecarlo is not None else None,
            compared=comparison_view(against) if against is not None else None,
            flows=gap_view(against) if against is not None else None,
        )

    st.download_button(
        _("Télécharger le plan de trésorerie (Excel)"),
        data=workbook,
        file_name=f"plan-de-tresorerie-{screen.slug}.xlsx",
        mime=XLSX,
        key="treasury_xlsx",
        on_click="ignore",
    )
