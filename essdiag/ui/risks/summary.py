"""Headline figures of the register and the points to check, or what to do on an empty one."""

from __future__ import annotations

import streamlit as st

from essdiag.risks.follow import headline
from essdiag.risks.scoring import register_warnings
from essdiag.risks.section import RiskSection
from essdiag.ui import widgets
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[RiskSection]) -> None:
    """Risks followed, in the highest bands, late actions and reviews; the warnings below."""
    _ = screen.tr
    section = screen.section
    if not section.risks:
        st.info(
            _(
                "Le registre est vide. Partez de la bibliothèque de risques typiques de l'ESS "
                "(onglet « Bibliothèque »), importez votre registre Excel (onglet « Import et "
                "export ») ou décrivez un premier risque (onglet « Registre »)."
            )
        )
        return
    figures = headline(section, screen.today)
    zones = _(" ou ").join(_("« {band} »", band=_(b)) for b in figures.upper_bands)
    # Each figure with its « Comment est-ce calculé ? »: learners follow every count by hand.
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        widgets.figure_metric(figures.followed)
    with c2:
        widgets.figure_metric(figures.upper, label=_("En zone {zones}", zones=zones))
    with c3:
        widgets.figure_metric(figures.late_actions)
    with c4:
        widgets.figure_metric(figures.late_reviews)
    warnings = register_warnings(section)
    if warnings:
        with st.expander(_("Points d'attention ({n})", n=len(warnings))):
            widgets.show_issues(warnings, title=_("À vérifier dans le registre"))
