"""Financements — the funding register, the mix, stress tests and the cost of a gift.

The widgets of each tab are in :mod:`essdiag.ui.funding`; the rules in
:mod:`essdiag.funding` (and the cash plan of :mod:`essdiag.treasury` for the
stress tests). Financial health and financing plans have their own screen
(``pages/finance.py``).
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.funding import export, gifts, mix, register, stress, with_year
from essdiag.ui.screen import open_screen

screen = open_screen(
    "funding",
    "funding",
    title=N_("Financements"),
    competencies=["BC02.C5"],
    intro=N_(
        "Le registre des financeurs et des ressources, la mixité du modèle économique, la "
        "résistance aux retards et aux baisses et ce que coûte un don à son auteur."
    ),
)
screen = with_year(screen)  # the year the mix and the stress tests read
_ = screen.tr

tab_register, tab_mix, tab_stress, tab_gifts = st.tabs(
    [_("Registre"), _("Mix de financement"), _("Tests de résistance"), _("Coût d'un don")]
)
with tab_register:  # one row per resource, its amounts by year, the payment schedules
    register.show(screen)
with tab_mix:  # shares, dependency and concentration; by family, by funder, over the years; levers
    mix.show(screen)
with tab_stress:  # a funder stops, cuts or pays late: effect on the result and on cash
    stress.show(screen)
with tab_gifts:  # what a gift costs an individual or a company after the tax reduction
    gifts.show(screen)

st.divider()
export.show(screen)  # register, mix trend and financing plans as a workbook
