"""What the check is about: the empty states, then the month, period and level pickers.

:func:`report` is the variance report for the choices made, computed once per
(revision, choices) by :func:`essdiag.ui.cache.computed`.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.analysis import (
    VarianceReport,
    budget_fiscal_year,
    dossier_report,
    dossier_through,
)
from essdiag.budget.variance import Level, PeriodChoice
from essdiag.periods import FiscalYear, month_title
from essdiag.ui import cache
from essdiag.ui.screen import Screen

__all__ = ["THROUGH", "fiscal_year", "report", "show"]

THROUGH, PERIOD, LEVEL = "variance_through", "variance_period", "variance_level"


def fiscal_year(screen: Screen[Any]) -> FiscalYear:
    """The budgeted fiscal year (:func:`show` has stopped the screen when there is none)."""
    fy = budget_fiscal_year(screen.section)
    assert fy is not None
    return fy


def show(screen: Screen[Any]) -> None:
    """Say what is missing (a budget, this year's actuals) and stop; else draw the pickers."""
    _ = screen.tr
    fy = budget_fiscal_year(screen.section)
    if fy is None:
        st.info(_("Aucun budget dans ce dossier : construisez-le ou importez-le (page Budget)."))
        st.page_link("pages/budget.py", label=_("Aller au budget"))
        st.stop()
        return
    if not screen.dossier.ledger.for_year(fy.label_year):
        st.info(
            _(
                "Aucun réalisé importé pour l'exercice {y} : importez le FEC (page Comptabilité).",
                y=fy.label_year,
            )
        )
        st.page_link("pages/ledger.py", label=_("Importer le réalisé"))
        st.stop()
        return
    months = fy.month_keys()
    last = cache.computed(dossier_through, screen.opened, ledger_years=(fy.label_year,))
    periods = [str(p) for p in PeriodChoice]
    levels = [str(v) for v in Level]
    c1, c2, c3 = st.columns(3)
    c1.selectbox(
        _("Réalisé arrêté à fin"),
        months,
        index=months.index(last),
        format_func=lambda m: month_title(str(m), _),
        key=THROUGH,
        help=_("Dernier mois dont les écritures sont complètes."),
    )
    c2.selectbox(
        _("Période"),
        periods,
        index=periods.index(PeriodChoice.YTD),
        format_func=lambda p: _(PeriodChoice(p).label),
        key=PERIOD,
    )
    c3.selectbox(
        _("Niveau"),
        levels,
        index=levels.index(Level.ACCOUNT),  # where the lines to explain show up
        format_func=lambda v: _(Level(v).label),
        key=LEVEL,
    )


def report(screen: Screen[Any]) -> VarianceReport:
    """The variance report for the month, period and level chosen (cached per revision)."""
    fy = fiscal_year(screen)
    _ = screen.tr
    with st.spinner(_("Calcul des écarts…")):
        return cache.computed(
            dossier_report,
            screen.opened,
            ledger_years=(fy.label_year, fy.label_year - 1),
            through=str(st.session_state[THROUGH]),
            period=str(st.session_state[PERIOD]),
            level=str(st.session_state[LEVEL]),
        )
