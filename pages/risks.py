"""Risques — the risk map: register, heat map, follow-up, continuity, library, matrix, import/export.

The widgets of each tab are in :mod:`essdiag.ui.risks`; the rules in :mod:`essdiag.risks`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.ui import risks as screen_ui
from essdiag.ui import state, widgets

_ = state.tr()
widgets.page_header(
    _("Risques"),
    ["BC02.C4", "BC02.C1"],
    _(
        "Identifier, évaluer et traiter les risques financiers, humains, institutionnels et "
        "opérationnels de la structure (démarche ISO 31000), suivre les actions et les revues, "
        "et préparer la continuité des activités critiques."
    ),
)
opened = widgets.require_dossier()
widgets.conflict_banner()
screen = screen_ui.Screen.of(opened)
screen_ui.show_flash()

# Headline figures (risks followed, highest bands, late actions and reviews) or the empty state.
screen_ui.summary(screen)

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
    screen_ui.map_tab(screen)
with tab_register:  # the register, and the form of one risk (identification to actions)
    screen_ui.register_tab(screen)
with tab_follow:  # overdue actions and reviews, score history across revisions
    screen_ui.follow_tab(screen)
with tab_continuity:  # continuity sheets of the critical activities
    screen_ui.continuity_tab(screen)
with tab_library:  # the ESS risk library, to seed the map
    screen_ui.library_tab(screen)
with tab_matrix:  # the matrix in force, migration of older assessments, new version
    screen_ui.matrix_tab(screen)
with tab_files:  # XLSX and DOCX exports, the import template and the import
    screen_ui.files_tab(screen)
