"""The version of the budget shown (year, status, reason) and its headline totals, or the empty state."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.checks import balance_figures
from essdiag.ui import widgets
from essdiag.ui.budget import VERSION_KEY, YEAR_KEY, chosen, take_version_to_show, version_title
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The version picker (or the year of a first budget), what it is, the three totals."""
    _ = screen.tr
    section = screen.section
    versions = sorted(section.versions, key=lambda v: (v.fiscal_year or 0, v.number))
    if not versions:
        st.number_input(
            _("Exercice budgété (année de clôture)"),
            min_value=2000,
            max_value=2100,
            value=screen.today.year,
            step=1,
            key=YEAR_KEY,
            help=_("Un exercice est désigné par l'année où il se termine."),
        )
        st.info(
            _(
                "Aucun budget pour l'instant. Importez votre budget (onglet Import / export : "
                "n'importe quel tableur, une ligne par rubrique et une colonne par mois), ou "
                "partez du réalisé de l'exercice précédent (onglet Versions)."
            )
        )
        return
    take_version_to_show()  # the one a save of the last run asked for
    current = chosen(screen)
    ids = [v.id for v in versions]
    if st.session_state.get(VERSION_KEY) not in ids:  # first run, or a version just deleted
        st.session_state[VERSION_KEY] = current.id if current else ids[-1]
    st.selectbox(
        _("Version du budget"),
        ids,
        format_func=lambda i: version_title(screen, next(v for v in versions if v.id == i)),
        key=VERSION_KEY,
        help=_(
            "Les écarts se mesurent par défaut à la dernière version adoptée par le conseil ; "
            "un brouillon se modifie, une version adoptée se révise."
        ),
    )
    version = chosen(screen)
    if version is None:
        return
    if version.reason:
        st.caption(_("Motif : {reason}", reason=version.reason))
    if version.author:
        st.caption(_("Préparé par : {who}", who=_.author(version.author)))
    figures = balance_figures(version)
    for col, key in zip(st.columns(3), ("charges", "income", "gap"), strict=True):
        with col:
            widgets.figure_metric(figures[key], working=False)  # to the cent, as the tables
