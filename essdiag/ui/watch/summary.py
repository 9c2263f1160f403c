"""Headline figures of the watch screen, or the empty state that says where to start."""

from __future__ import annotations

import streamlit as st

from essdiag.ui import cache, widgets
from essdiag.ui.screen import Screen
from essdiag.watch.section import WatchSection
from essdiag.watch.summary import watch_headline

__all__ = ["show"]


def show(screen: Screen[WatchSection]) -> None:
    """Gaps beyond the threshold, needs, recent watch items, actors."""
    _ = screen.tr
    if (
        not screen.dossier.identity.territory.commune
        and not screen.dossier.identity.territory.departement
    ):
        st.info(
            _(
                "Le territoire de la structure n'est pas renseigné : indiquez ses codes commune, EPCI "
                "et département dans l'identité pour comparer ses indicateurs aux références."
            )
        )
        st.page_link("pages/identity.py", label=_("Compléter l'identité"))
    figures = cache.computed(watch_headline, screen.opened, today=screen.today.isoformat())
    for col, key in zip(st.columns(4), ("gaps", "needs", "journal", "actors"), strict=True):
        with col:
            widgets.figure_metric(figures[key])
