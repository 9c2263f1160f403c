"""The budgeted year and the headline totals of the budget (or the empty state)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.checks import balance_figures
from essdiag.ui import widgets
from essdiag.ui.budget import YEAR_KEY
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The year input (fixed once the budget has lines), then the three totals in whole euros."""
    _ = screen.tr
    section = screen.section
    st.number_input(
        _("Exercice budgété (année de clôture)"),
        min_value=2000,
        max_value=2100,
        value=section.fiscal_year or screen.today.year,
        step=1,
        key=YEAR_KEY,
        disabled=bool(section.lines),
        help=_("Un exercice est désigné par l'année où il se termine."),
    )
    if not section.lines:
        st.info(
            _(
                "Aucun budget pour l'instant. Importez votre budget au format du modèle, ou "
                "partez du réalisé de l'exercice précédent avec un taux d'évolution."
            )
        )
        return
    figures = balance_figures(section)
    for col, key in zip(st.columns(3), ("charges", "income", "gap"), strict=True):
        with col:
            widgets.figure_metric(figures[key].model_copy(update={"digits": 0}), working=False)
