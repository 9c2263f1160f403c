"""Trésorerie — the cash plan against the bank, the months gone by, delays simulated, scenarios.

The widgets of each part are in :mod:`essdiag.ui.treasury`; the rules in
:mod:`essdiag.treasury` (the plan's inputs are gathered there from the
treasury, funding and budget sections and from the imported accounts).
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.screen import open_screen
from essdiag.ui.treasury import assumptions, compare, export, montecarlo, plan, scenarios

screen = open_screen(
    "treasury",
    "treasury",
    title=N_("Trésorerie"),
    competencies=["BC02.C5", "BC02.C7"],
    intro=N_(
        "Le plan de trésorerie mois par mois : les soldes réels de la banque pour les mois "
        "écoulés (comptabilité importée), puis la prévision tirée du budget et des échéanciers "
        "des financeurs, avec une alerte sous le seuil minimal ; l'écart au plan expliqué par "
        "les flux ; la simulation des retards et des baisses de versement."
    ),
)
_ = screen.tr

# First month, horizon, thresholds, hand-entered flows; where the plan's figures come from.
assumptions.show(screen)
tab_plan, tab_actual, tab_risk, tab_scenarios = st.tabs(
    [_("Plan de trésorerie"), _("Prévu et réalisé"), _("Retards et baisses"), _("Scénarios")]
)
with tab_plan:  # bank balance, lowest cash ahead, alert, the plan's chart and table, receipts
    plan.show(screen)
with tab_actual:  # the months gone by: planned against the bank, the flows that explain the gap
    compare.show(screen)
with tab_risk:  # each payment of each funder may come late or be cut: a gap's probability
    result = montecarlo.show(screen)
with tab_scenarios:  # the base plan against every funder late by n months and one funder cut
    scenarios.show(screen)

st.divider()
export.show(screen, result)  # plan, planned and actual, receipts, simulation as a workbook
