"""Diagnostic stratégique — organisation analysis, SWOT drawn from the dossier, TOWS orientations, exports.

The body of each tab is in :mod:`essdiag.ui.diagnosis`; the rules in :mod:`essdiag.watch.diagnosis`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.diagnosis import exports, organisation, orientations, summary, swot
from essdiag.ui.screen import open_screen

screen = open_screen(
    "diagnosis",
    "watch",
    title=N_("Diagnostic stratégique"),
    competencies=["BC01.C3", "BC01.C4", "BC01.C5"],
    intro=N_(
        "Analyser la structure (statut, gouvernance, activités, compétences, modèle économique), "
        "construire le SWOT à partir de la veille, des besoins, des risques et des indicateurs du "
        "dossier, puis en tirer des orientations stratégiques créatrices d'emplois durables sur le "
        "territoire, avec leurs actions."
    ),
)
_ = screen.tr

# Headline figures: SWOT items, orientations, jobs created and kept.
summary.show(screen)

tab_structure, tab_swot, tab_tows, tab_files = st.tabs(
    [_("Structure"), _("SWOT"), _("Orientations (TOWS)"), _("Exports")]
)
with tab_structure:  # status, governance bodies and figures, activities, skills, economic model
    organisation.show(screen)
with tab_swot:  # the four quadrants, items suggested by the dossier with their origin, typed items
    swot.show(screen)
with tab_tows:  # orientations, their jobs and actions, what they miss, the orientation form
    orientations.show(screen)
with tab_files:  # diagnosis in Word and Excel, the action plan for the project (CSV, JSON)
    exports.show(screen)
