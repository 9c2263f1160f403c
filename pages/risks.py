"""Risques — the risk map: register, heat map, follow-up, continuity, library, matrix, import/export.

The body of each tab is in :mod:`essdiag.ui.risks`; the rules in :mod:`essdiag.risks`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.risks import (
    continuity,
    files,
    follow,
    follow_language,
    library,
    matrix,
    register,
    summary,
)
from essdiag.ui.risks import map as map_tab
from essdiag.ui.screen import open_screen

TABS_KEY = "risks_tab"
TABS = (
    (N_("Carte"), map_tab.show),  # heat map inherent → residual, top risks, categories, owners
    (N_("Registre"), register.show),  # the register, and the form of one risk
    (N_("Suivi"), follow.show),  # overdue actions and reviews, score history across revisions
    (N_("Continuité"), continuity.show),  # continuity sheets of the critical activities
    (N_("Bibliothèque"), library.show),  # the ESS risk library, to seed the map
    (N_("Matrice"), matrix.show),  # the matrix in force, migration of older assessments
    (N_("Import et export"), files.show),  # XLSX and DOCX exports, the template, the import
)

screen = open_screen(
    "risks",
    "risks",
    title=N_("Risques"),
    competencies=["BC02.C4", "BC02.C1"],
    intro=N_(
        "Identifier, évaluer et traiter les risques financiers, humains, institutionnels et "
        "opérationnels de la structure (démarche ISO 31000), suivre les actions et les revues, "
        "et préparer la continuité des activités critiques."
    ),
)
_ = screen.tr
follow_language(screen, TABS_KEY, tuple(t for t, _body in TABS))  # words of the new language

# Headline figures (risks followed, highest bands, late actions and reviews) or the empty state.
summary.show(screen)

# Only the open tab is drawn, so a rerun stays quick; the import tab is light and always drawn,
# so an uploaded register survives a change of tab.
tabs = st.tabs([_(t) for t, _body in TABS], key=TABS_KEY, on_change="rerun")
for tab, (_title, body) in zip(tabs, TABS, strict=True):
    if tab.open or body is files.show:
        with tab:
            body(screen)
