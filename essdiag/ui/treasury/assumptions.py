"""The plan's assumptions: first month, horizon, growth, opening, dedicated and minimum cash, flows.

The form is read back by :func:`essdiag.treasury.table.section_from_form`;
below it, where the plan's figures come from (the bank for the months gone
by, the budget or the hand-entered flows for the forecast).
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from essdiag.errors import Severity
from essdiag.treasury.inputs import Basis, OpeningSource, plan_fiscal_year
from essdiag.treasury.section import TreasurySection
from essdiag.treasury.table import FLOW_COLUMNS, manual_flows_table, section_from_form
from essdiag.ui import widgets
from essdiag.ui.screen import Screen, save_section
from essdiag.ui.treasury import plan_inputs

__all__ = ["show"]


def show(screen: Screen[TreasurySection]) -> None:
    """The assumptions form (open when the plan has nothing to go on), then the plan's sources."""
    _ = screen.tr
    inputs, notes = plan_inputs(screen)
    with st.expander(_("Hypothèses du plan"), expanded=inputs.empty):
        _form(screen, inputs.months[0], from_ledger=inputs.opening_source is OpeningSource.LEDGER)
    if inputs.basis is Basis.BUDGET:
        fiscal_year = plan_fiscal_year(
            screen.section, screen.dossier.identity.fiscal_year_start_month, screen.today
        )
        st.caption(
            _(
                "Prévision tirée du budget prévisionnel {y} par nature de flux (salaires, achats, "
                "impôts, ventes, subventions… ; hors dotations 68 et reprises 78, qui ne font pas "
                "bouger l'argent), financeurs à échéancier comptés à leurs dates de versement.",
                y=fiscal_year.label_year,
            )
        )
    for note in notes:
        (st.info if note.severity is Severity.INFO else st.warning)(widgets.issue_text(note))


def _form(screen: Screen[TreasurySection], first_month: str, *, from_ledger: bool) -> None:
    _ = screen.tr
    section = screen.section
    with st.form("treasury_assumptions_form"):
        c1, c2, c3 = st.columns(3)
        first = c1.text_input(
            _("Premier mois (AAAA-MM)"),
            value=section.first_month or first_month,
            key="treasury_first_month",
        )
        horizon = c2.slider(
            _("Horizon (mois)"), 12, 36, section.horizon_months, key="treasury_horizon"
        )
        growth = c3.number_input(
            _("Évolution annuelle des flux (%)"),
            min_value=-50.0,
            max_value=50.0,
            value=section.yearly_growth * 100,
            step=0.5,
            format="%.1f",
            key="treasury_growth",
        )
        c1, c2, c3 = st.columns(3)
        opening = c1.number_input(
            _("Trésorerie de départ (€)"),
            min_value=-1e12,
            max_value=1e12,
            value=float(section.opening_cash),
            step=1000.0,
            format="%.2f",
            key="treasury_opening",
            help=_(
                "Soldes des comptes 5 (banques, caisse) au début du premier mois. Utilisée "
                "seulement quand la comptabilité importée ne couvre pas ce mois : sinon le plan "
                "part du solde réel."
            )
            if not from_ledger
            else _(
                "Non utilisée : la comptabilité importée donne le solde réel du début du plan. "
                "Elle sert si vous retirez la comptabilité."
            ),
        )
        dedicated = c2.number_input(
            _("Fonds dédiés inclus (€)"),
            min_value=0.0,
            max_value=1e12,
            value=float(section.dedicated_funds),
            step=1000.0,
            format="%.0f",
            key="treasury_dedicated",
            help=_(
                "Argent reçu pour une action et pas encore dépensé (compte 19) : non disponible."
            ),
        )
        minimum = c3.number_input(
            _("Trésorerie minimale souhaitée (€)"),
            min_value=0.0,
            max_value=1e12,
            value=float(section.minimum_cash),
            step=1000.0,
            format="%.0f",
            key="treasury_minimum",
        )
        st.markdown(
            _(
                "**Flux mensuels saisis** (utilisés pour la prévision tant que le dossier n'a pas "
                "de budget prévisionnel) : décaissements, et encaissements autres que les "
                "financeurs dotés d'un échéancier."
            )
        )
        month_names = [_.date(date(2026, m, 1), "MMMM") for m in range(1, 13)]
        manual = st.data_editor(
            manual_flows_table(section, month_names),
            hide_index=True,
            disabled=["month"],
            key="treasury_manual_editor",
            column_config={
                "month": st.column_config.TextColumn(_("Mois")),
                **{
                    key: st.column_config.NumberColumn(
                        _(label), min_value=0.0, max_value=1e12, format="localized"
                    )
                    for key, label in FLOW_COLUMNS.items()
                },
            },
        )
        submitted = st.form_submit_button(_("Enregistrer les hypothèses"), type="primary")
    if submitted:
        fields = {
            "first_month": first,
            "horizon_months": horizon,
            "yearly_growth_pct": growth,
            "opening_cash": opening,
            "dedicated_funds": dedicated,
            "minimum_cash": minimum,
        }
        edited, issues = section_from_form(section, fields, manual)
        if edited is None:
            widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces champs."))
        else:
            save_section(screen, edited, _("Hypothèses de trésorerie mises à jour"))
