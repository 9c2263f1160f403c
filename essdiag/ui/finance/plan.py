"""The financing plan tab: choose or start a plan, edit it, then its balance, NPV, IRR and loans.

The form's tables are built and read back by :mod:`essdiag.finance.table`;
the results are drawn by :mod:`.investment` and :mod:`.loans`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from essdiag.finance.section import (
    FinancingPlan,
    LoanMethod,
    NeedCategory,
    ResourceCategory,
    category_label,
)
from essdiag.finance.table import flows_text, plan_from_tables, plan_tables
from essdiag.funding.section import FundingSection
from essdiag.ui import widgets
from essdiag.ui.finance import investment, loans
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]

_CATEGORIES = [c.value for c in (*NeedCategory, *ResourceCategory)]


def show(screen: Screen[FundingSection]) -> None:
    """The plan chooser, the plan's form and, for a saved plan, its results."""
    _ = screen.tr
    section = screen.section
    names = [p.name for p in section.plans]
    if not names:
        st.info(
            _(
                "Aucun plan de financement pour l'instant. Pour un projet ou un investissement, "
                "saisissez ci-dessous les besoins (investissements, fonds de roulement, frais de "
                "lancement), les ressources (fonds propres, subventions d'investissement, prêts, "
                "financement participatif, capital), les prêts et les flux de trésorerie annuels "
                "du projet, puis enregistrez : l'équilibre, la VAN, le TRI et les tableaux "
                "d'amortissement s'affichent alors."
            )
        )
    choice = st.selectbox(
        _("Plan de financement"),
        options=[*range(len(names)), -1],
        format_func=lambda i: names[i] if i >= 0 else _("Nouveau plan…"),
        key="funding_plan_choice",
    )
    plan = (
        section.plans[choice]
        if choice >= 0
        else FinancingPlan(name=_("Nouveau projet"), start_year=screen.today.year)
    )
    _form(screen, choice, plan)
    if choice >= 0:
        investment.show(screen, plan)
        loans.show(screen, plan)


def _lines(
    col: Any, title: str, table: pd.DataFrame, key: str, config: dict[str, Any]
) -> pd.DataFrame:
    """One side of the plan (needs or resources) as an editable table in its column."""
    with col:
        st.markdown(title)
        edited: pd.DataFrame = st.data_editor(
            table, num_rows="dynamic", hide_index=True, key=key, column_config=config
        )
    return edited


def _form(screen: Screen[FundingSection], choice: int, plan: FinancingPlan) -> None:
    """The plan's name, start, rate, needs, resources, loans and cash flows; saved as one plan."""
    _ = screen.tr
    needs_table, resources_table, loans_table = plan_tables(plan)
    with st.form("funding_plan_form"):
        c1, c2, c3 = st.columns([3, 1, 1])
        plan_name = c1.text_input(_("Projet"), value=plan.name, key="funding_plan_name")
        plan_start = c2.number_input(
            _("Année de départ"),
            min_value=1990,
            max_value=2100,
            value=plan.start_year,
            key="funding_plan_start",
        )
        plan_rate = c3.number_input(
            _("Taux d'actualisation (%)"),
            min_value=0.0,
            max_value=50.0,
            value=plan.discount_rate * 100,
            step=0.5,
            format="%.1f",
            key="funding_plan_rate",
        )
        category_column = {
            "category": st.column_config.SelectboxColumn(
                _("Rubrique"),
                options=_CATEGORIES,
                format_func=lambda c: _(category_label(str(c))),
                required=True,
            ),
            "label": st.column_config.TextColumn(_("Libellé"), width="medium"),
            "amount": st.column_config.NumberColumn(
                _("Montant (€)"), min_value=0.0, format="localized"
            ),
        }
        sides = (
            (_("**Besoins**"), needs_table, "funding_plan_needs"),
            (_("**Ressources**"), resources_table, "funding_plan_resources"),
        )
        needs, resources = (
            _lines(col, title, table, key, category_column)
            for col, (title, table, key) in zip(st.columns(2), sides, strict=True)
        )
        st.markdown(_("**Prêts**"))
        loans_edited = st.data_editor(
            loans_table,
            num_rows="dynamic",
            hide_index=True,
            key="funding_plan_loans",
            column_config={
                "label": st.column_config.TextColumn(_("Prêt"), width="medium"),
                "principal": st.column_config.NumberColumn(
                    _("Capital (€)"), min_value=0.0, format="localized"
                ),
                "annual_rate": st.column_config.NumberColumn(
                    _("Taux annuel"), min_value=0.0, max_value=0.5, format="percent"
                ),
                "years": st.column_config.NumberColumn(
                    _("Durée (années)"), min_value=1, max_value=40, step=1
                ),
                "periods_per_year": st.column_config.SelectboxColumn(
                    _("Échéances par an"), options=[12, 4, 2, 1]
                ),
                "method": st.column_config.SelectboxColumn(
                    _("Mode"),
                    options=[m.value for m in LoanMethod],
                    format_func=lambda m: _(LoanMethod(str(m)).label),
                ),
                "deferral_periods": st.column_config.NumberColumn(
                    _("Différé (échéances)"), min_value=0, step=1
                ),
            },
        )
        flows = st.text_input(
            _("Flux de trésorerie annuels du projet (année 0 d'abord, séparés par « ; »)"),
            value=flows_text(plan),
            key="funding_plan_flows",
            help=_(
                "Par exemple : -315000 ; 25500 ; 25500 … L'investissement de l'année 0 est négatif."
            ),
        )
        submitted = st.form_submit_button(_("Enregistrer le plan"), type="primary")
    if not submitted:
        return
    fields = {
        "name": plan_name.strip() or _("Projet sans nom"),
        "start_year": plan_start,
        "discount_rate": plan_rate / 100,
    }
    edited, issues = plan_from_tables(fields, needs, resources, loans_edited, flows)
    if edited is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces points."))
        return
    plans = list(screen.section.plans)
    if choice >= 0:
        plans[choice] = edited
    else:
        plans.append(edited)
    save_section(
        screen,
        screen.section.model_copy(update={"plans": plans}),
        _("Plan de financement « {n} »", n=edited.name),
    )
