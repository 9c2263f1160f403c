"""The headline of the check: lines to explain, the period's budgeted and actual results, the landing.

Each figure names its period and scope; the same label never shows two
values (the period's result is « Résultat budgété », the year's « Résultat
budgété de l'exercice », in the landing part).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.landing import Method
from essdiag.periods import month_title
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.variance import choices

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """Four figures with their readings; a word when the whole year is not over."""
    _ = screen.tr
    report = choices.report(screen)
    if report.version is not None:
        st.caption(
            _(
                "Comparé au {v} ({status}).",
                v=_.fill(report.version.name, report.version.name_params).lower()
                if _.lang == "fr"
                else _.fill(report.version.name, report.version.name_params),
                status=_(report.version.status.label).lower(),
            )
        )
    if report.projected:
        st.info(
            _(
                "Exercice entier, réalisé arrêté à fin {m} : le budget de l'année est comparé à "
                "l'atterrissage (réalisé à date + budget des mois restants), pour que les mois "
                "à venir ne passent pas pour des écarts à expliquer.",
                m=month_title(report.through, _),
            )
        )
    head = report.headline
    m1, m2, m3, m4 = st.columns(4)
    with m1:
        widgets.figure_metric(report.flagged, working=False)
    with m2:
        widgets.figure_metric(head["budget"], working=False)
    with m3:
        widgets.figure_metric(head["actual"], delta=head["variance"], working=False)
    with m4:
        landing = report.results[str(Method.BUDGET)]
        widgets.figure_metric(
            landing,
            label=_("Atterrissage : {m}", m=_(Method.BUDGET.label).lower()),
            working=False,
        )
