"""The workbook of the financial health and investments screen: health figures, years, plans."""

from __future__ import annotations

import streamlit as st

from essdiag.funding.section import FundingSection
from essdiag.report.finance_xlsx import finance_workbook
from essdiag.ui.finance.health import history_of
from essdiag.ui.screen import Screen

__all__ = ["show"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show(screen: Screen[FundingSection]) -> None:
    """The download button, built on click: the latest year's figures with their working,
    every year, each financing plan and its loans."""
    _ = screen.tr
    history = history_of(screen)
    plans = screen.section.plans
    if history.last is None and not plans:
        return
    figures = history.figures(history.last) if history.last is not None else {}
    st.download_button(
        _("Télécharger la santé financière et les plans de financement (Excel)"),
        data=lambda: finance_workbook(
            figures,
            history.view() if history.last is not None else None,
            plans,
            _,
            title=screen.dossier.identity.name,
        ),
        file_name=f"sante-financiere-{screen.slug}.xlsx",
        mime=XLSX,
        key="finance_xlsx",
        on_click="ignore",
    )
