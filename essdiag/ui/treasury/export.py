"""The workbook under the treasury screen: the plan, the funders' receipts, the simulation."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.report.treasury_xlsx import treasury_workbook
from essdiag.treasury.montecarlo import MonteCarloResult
from essdiag.treasury.views import cash_plan_view, montecarlo_view, receipts_view
from essdiag.ui.screen import Screen
from essdiag.ui.treasury import plan_inputs

__all__ = ["show"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show(screen: Screen[Any], montecarlo: MonteCarloResult | None) -> None:
    """The download button of the treasury workbook (with the simulation when it ran)."""
    _ = screen.tr
    inputs, _notes = plan_inputs(screen)
    plan, _issues = inputs.cash_plan()
    if plan is None:
        return
    st.download_button(
        _("Télécharger le plan de trésorerie (Excel)"),
        data=treasury_workbook(
            cash_plan_view(plan),
            receipts_view(inputs),
            _,
            montecarlo=montecarlo_view(montecarlo) if montecarlo is not None else None,
        ),
        file_name="plan-de-tresorerie.xlsx",
        mime=XLSX,
        key="treasury_xlsx",
    )
