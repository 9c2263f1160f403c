"""Headline of the « Utilité sociale et impact » screen: the SROI ratio and the dashboard, or where to start."""

from __future__ import annotations

import streamlit as st

from essdiag.impact.indicators import board_figures
from essdiag.impact.section import ImpactSection
from essdiag.impact.sroi_views import sroi_figures
from essdiag.ui import widgets
from essdiag.ui.impact import data
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """Four headline figures with their working, or the empty state that says where to start."""
    _ = screen.tr
    section = screen.section
    if not (section.theory or section.indicators or section.sroi):
        st.info(
            _(
                "Rien n'est encore saisi pour l'utilité sociale de cette structure. Commencez par "
                "la théorie du changement (besoins, activités, effets), puis choisissez des "
                "indicateurs dans la bibliothèque ; l'onglet SROI valorise les effets en euros."
            )
        )
        return
    board, _issues = data.board(screen)
    figures = board_figures(board)
    analysis = data.sroi(screen)
    cols = st.columns(4)
    with cols[0]:
        widgets.figure_metric(figures["measured"])
    with cols[1]:
        widgets.figure_metric(figures["on_track"])
    with cols[2]:
        widgets.figure_metric(figures["computed"])
    with cols[3]:
        if analysis is not None and analysis.result is not None:
            widgets.figure_metric(sroi_figures(analysis.result)["ratio"])
        else:
            st.metric(_("Ratio SROI"), "–")
            st.caption(_("Aucune analyse SROI n'est saisie (onglet « SROI »)."))
