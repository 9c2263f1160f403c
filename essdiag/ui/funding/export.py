"""The workbook under the tabs of the "Financements" screen: register, mix of the year, trend.

Built when the user clicks (``st.download_button`` with a callable).
"""

from __future__ import annotations

import streamlit as st

from essdiag.funding.views import family_view, funder_view, trend_view
from essdiag.report.funding_xlsx import funding_workbook
from essdiag.ui.funding import FundingScreen

__all__ = ["show"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show(screen: FundingScreen) -> None:
    """The download button of the funding workbook."""
    _ = screen.tr
    section, year = screen.section, screen.year
    years = section.years() or [screen.today.year]

    def workbook() -> bytes:
        return funding_workbook(
            section.sources,
            years,
            trend_view(section.sources, years),
            _,
            year_views=(family_view(section.sources, year), funder_view(section.sources, year)),
        )

    st.download_button(
        _("Télécharger le registre et le mix de financement (Excel)"),
        data=workbook,
        file_name=f"financements-{screen.slug}.xlsx",
        mime=XLSX,
        key="funding_xlsx",
        on_click="ignore",
    )
