"""Risques — the risk map: register, heat map, follow-up, continuity, library, matrix, import/export.

The body of each tab is in :mod:`essdiag.ui.risks`; the rules in :mod:`essdiag.risks`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.risks import continuity, files, follow, library, matrix, register, summary
from essdiag.ui.risks import map as map_tab
from essdiag.ui.screen import open_screen

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

# Headline figures (risks followed, highest bands, late actions and reviews) or the empty state.
summary.show(screen)

tab_map, tab_register, tab_follow, tab_continuity, tab_library, tab_matrix, tab_files = st.tabs(
    [
        _("Carte"),
        _("Registre"),
        _("Suivi"),
        _("Continuité"),
        _("Bibliothèque"),
        _("Matrice"),
        _("Import et export"),
    ]
)
with tab_map:  # heat map inherent → residual, top risks, by category and by owner
    map_tab.show(screen)
with tab_register:  # the register, and the form of one risk (identification to actions)
    register.show(screen)
with tab_follow:  # overdue actions and reviews, score history across revisions
    follow.show(screen)
with tab_continuity:  # continuity sheets of the critical activities
    continuity.show(screen)
with tab_library:  # the ESS risk library, to seed the map
    library.show(screen)
with tab_matrix:  # the matrix in force, migration of older assessments, new version
    matrix.show(screen)
with tab_files:  # XLSX and DOCX exports, the import template and the import
    files.show(screen)
