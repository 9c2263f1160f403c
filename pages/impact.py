"""Utilité sociale et impact — theory of change, indicator dashboard, SROI with its sensitivity, report.

Each tab's body is in :mod:`essdiag.ui.impact`; the rules in :mod:`essdiag.impact`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.impact import board, indicators, library, report, sensitivity, sroi, summary, theory
from essdiag.ui.screen import open_screen

screen = open_screen(
    "impact",
    "impact",
    title=N_("Utilité sociale et impact"),
    competencies=["BC01.C7", "BC03.C7", "BC03.C8"],
    intro=N_(
        "Évaluer l'utilité sociale avec des indicateurs sociaux, économiques, environnementaux "
        "et territoriaux, relier les activités à leurs effets (théorie du changement) et "
        "valoriser l'impact en euros avec une analyse SROI ouverte, dont chaque hypothèse se "
        "discute."
    ),
)
_ = screen.tr

# Indicators measured and on track, computed by the dossier, the SROI ratio; or where to start.
summary.show(screen)

tabs = st.tabs(
    [
        _("Théorie du changement"),
        _("Tableau de bord"),
        _("Indicateurs"),
        _("Bibliothèque"),
        _("SROI"),
        _("Sensibilité"),
        _("Rapport"),
    ]
)
with tabs[0]:  # the chain needs → impact as a chart and a table, remarks, its editor
    theory.show(screen)
with tabs[1]:  # progress of every indicator, one indicator's values, trend and working
    board.show(screen)
with tabs[2]:  # editors: the indicators, their values per period, their automatic calculation
    indicators.show(screen)
with tabs[3]:  # the library of common ESS indicators, added in a few clicks
    library.show(screen)
with tabs[4]:  # SROI result and working, value per outcome, the case editor, its JSON file
    sroi.show(screen)
with tabs[5]:  # tornado of every assumption, break-even values, what-if scenarios
    sensitivity.show(screen)
with tabs[6]:  # the impact report as DOCX and PDF, with charts and tables
    report.show(screen)
