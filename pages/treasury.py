"""Trésorerie — the monthly cash plan, its alerts, the Monte Carlo fan chart and scenarios.

The widgets of each part are in :mod:`essdiag.ui.treasury`; the rules in
:mod:`essdiag.treasury` (the plan's inputs are gathered there from the
treasury, funding and budget sections).
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.screen import open_screen
from essdiag.ui.treasury import assumptions, export, montecarlo, plan, scenarios

screen = open_screen(
    "treasury",
    "treasury",
    title=N_("Trésorerie"),
    competencies=["BC02.C5", "BC02.C7"],
    intro=N_(
        "Le plan de trésorerie mois par mois, construit à partir du budget et des échéanciers "
        "des financeurs, avec une alerte sous le seuil minimal ; puis la simulation des retards "
        "et des baisses de versement : probabilité d'une trésorerie négative et ligne de crédit "
        "nécessaire."
    ),
)

# First month, horizon, opening, dedicated and minimum cash, hand-entered flows; the basis used.
assumptions.show(screen)
# Lowest cash, months below the minimum, the plan's chart and table, funders' receipts.
plan.show(screen)
# Each payment of each funder may come late or be cut: probability of a gap, credit line.
result = montecarlo.show(screen)
# The base plan against every funder late by n months and one funder cut by p %.
scenarios.show(screen)

st.divider()
export.show(screen, result)  # plan, receipts and the simulation as a workbook
