"""Santé financière et investissements — financial health, financing plans, loans, NPV and IRR.

The widgets of each tab are in :mod:`essdiag.ui.finance`; the rules in
:mod:`essdiag.finance`. The screen edits the funding section, where the
dossier keeps the balance sheets entered by hand and the financing plans.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.finance import export, health, plan
from essdiag.ui.screen import open_screen

screen = open_screen(
    "finance",
    "funding",
    title=N_("Santé financière et investissements"),
    competencies=["BC02.C5"],
    intro=N_(
        "La santé financière tirée des comptes ou des bilans saisis (fonds de roulement, besoin "
        "en fonds de roulement, trésorerie nette, autofinancement) et les plans de financement "
        "des projets : équilibre, VAN, TRI et tableaux d'amortissement des prêts."
    ),
)
_ = screen.tr

tab_health, tab_plan = st.tabs([_("Santé financière"), _("Plan de financement")])
with tab_health:  # FRNG, BFR, net cash, CAF… of the latest year, every year, balance sheets
    health.show(screen)
with tab_plan:  # a project's plan: needs and resources, balance, NPV, IRR, loans' schedules
    plan.show(screen)

st.divider()
export.show(screen)  # health figures with their working, every year, plans and loans
