"""The donor's cost tab: what a gift really costs after the tax reduction (CGI art. 200, 238 bis).

The rates and ceilings in force on the chosen date come from the dated legal
parameters (:mod:`essdiag.funding.donations`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.funding.donations import DonorCost, company_donor_cost, individual_donor_cost
from essdiag.ui import widgets
from essdiag.ui.screen import Screen

__all__ = ["show"]


def _cost(screen: Screen[Any], cost: DonorCost) -> None:
    """The reduction, the net cost, the part carried forward and the working."""
    _ = screen.tr
    widgets.figure_metric(cost.figure, label=_("Réduction d'impôt"), working=False)
    widgets.figure_metric(cost.net_figure, working=False)
    if cost.carried_forward > 0:
        st.caption(_("Part reportable sur 5 ans : {x}", x=_.money(float(cost.carried_forward))))
    widgets.explain(cost.figure)


def show(screen: Screen[Any]) -> None:
    """The date, the help-to-people option, then an individual's and a company's gift."""
    _ = screen.tr
    st.write(
        _(
            "Ce que coûte réellement un don à son auteur après la réduction d'impôt, selon les "
            "taux et plafonds en vigueur à la date choisie (CGI art. 200 et 238 bis)."
        )
    )
    on = st.date_input(
        _("Date du don"), value=screen.today, format="DD/MM/YYYY", key="funding_gift_date"
    )
    helps = st.checkbox(
        _("Organisme d'aide aux personnes en difficulté (repas, soins, logement)"),
        help=_(
            "Dons des particuliers : 75 % jusqu'au plafond légal, hors limite de 20 % du revenu. "
            "Mécénat : le taux de 60 % s'applique aussi au-delà de 2 M€."
        ),
        key="funding_gift_help",
    )
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(_("**Particulier**"))
        gift = st.number_input(
            _("Don (€)"), min_value=0, value=100, step=10, key="funding_gift_individual"
        )
        income = st.number_input(
            _("Revenu imposable du foyer (€)"),
            min_value=0,
            value=30_000,
            step=1000,
            key="funding_gift_income",
        )
        _cost(screen, individual_donor_cost(gift, income, help_to_people=helps, on=on))
    with c2:
        st.markdown(_("**Entreprise**"))
        company_gift = st.number_input(
            _("Dons de l'exercice (€)"),
            min_value=0,
            value=10_000,
            step=500,
            key="funding_gift_company",
        )
        turnover = st.number_input(
            _("Chiffre d'affaires HT (€)"),
            min_value=0,
            value=1_000_000,
            step=10_000,
            key="funding_gift_turnover",
        )
        _cost(screen, company_donor_cost(company_gift, turnover, on=on, help_to_people=helps))
