"""The headline of the check: lines to explain, budgeted result, two landings of the year."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.landing import Method
from essdiag.periods import month_title
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.variance import choices, whole_euros

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """Four figures with their readings; a word when the whole year meets part of its actuals."""
    _ = screen.tr
    report = choices.report(screen)
    months = report.fiscal_year.month_keys()
    if report.period.kind == "year" and report.through != months[-1]:
        st.info(
            _(
                "Exercice entier : le budget de toute l'année est comparé au réalisé arrêté à fin "
                "{m}. Pour savoir où l'année va finir, voyez l'atterrissage plus bas.",
                m=month_title(report.through, _),
            )
        )
    r = report.results
    m1, m2, m3, m4 = st.columns(4)
    with m1:
        widgets.figure_metric(report.flagged, working=False)
    with m2:
        widgets.figure_metric(whole_euros(r["budget_year"]), working=False)
    for col, method in ((m3, Method.BUDGET), (m4, Method.SEASONAL)):
        with col:
            widgets.figure_metric(
                whole_euros(r[method]),
                label=_("Atterrissage : {m}", m=_(method.label)),
                working=False,
            )
