"""The workbook under the tabs of the "Financements" screen: register, mix trend and plans."""

from __future__ import annotations

import streamlit as st

from essdiag.funding.section import FundingSection
from essdiag.funding.views import trend_view
from essdiag.report.funding_xlsx import funding_workbook
from essdiag.ui.screen import Screen

__all__ = ["show"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show(screen: Screen[FundingSection]) -> None:
    """The download button of the funding workbook."""
    _ = screen.tr
    section = screen.section
    years = section.years() or [screen.today.year]
    st.download_button(
        _("Télécharger le registre, le mix et les plans (Excel)"),
        data=funding_workbook(
            section.sources, years, trend_view(section.sources, years), section.plans, _
        ),
        file_name="financements.xlsx",
        mime=XLSX,
        key="funding_xlsx",
    )
