"""Budget — the forecast budget: lines, monthly phasing, balance check, import/export.

The tabs are in :mod:`essdiag.ui.budget`; the computations in :mod:`essdiag.budget`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.budget import balance, files, lines, phasing, summary, versions
from essdiag.ui.screen import open_screen

screen = open_screen(
    "budget",
    "budget",
    title=N_("Budget prévisionnel"),
    competencies=["BC02.C6"],
    intro=N_(
        "Construire le budget de l'exercice au format du CERFA 12156 (charges 60 à 68, produits "
        "70 à 78, subventions 74 par financeur, contributions en nature 86/87), le répartir par "
        "mois et vérifier qu'il est équilibré. Chaque exercice a son budget initial et ses "
        "budgets rectificatifs, brouillons puis adoptés par le conseil."
    ),
)
_ = screen.tr

# The version shown (year, status, reason), then its charges, income and gap (or the empty state).
summary.show(screen)

tab_lines, tab_phasing, tab_balance, tab_versions, tab_io = st.tabs(
    [
        _("Lignes du budget"),
        _("Répartition mensuelle"),
        _("Équilibre"),
        _("Versions"),
        _("Import / export"),
    ]
)
with tab_lines:  # every line, editable: account, label, heading, code, funder, twelve months
    lines.show(screen)
with tab_phasing:  # spread one line over the months; the budget's charges and income by month
    phasing.show(screen)
with tab_balance:  # is the budget balanced (with the working), and its totals by heading
    balance.show(screen)
with tab_versions:  # every version; adopt, revise, delete a draft; prepare the next budget
    versions.show(screen)
with tab_io:  # the template out; any spreadsheet in through a column mapping
    files.show(screen)
