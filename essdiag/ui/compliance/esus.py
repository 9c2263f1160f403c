"""Tab « Agrément ESUS » : each criterion with its figure, the charges and pays read, the declarations."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from essdiag.compliance.findings import Frame
from essdiag.compliance.section import ByRightKind, ComplianceSection, EsusAnswers
from essdiag.compliance.views import charges_view, criteria_view, pays_view
from essdiag.ui import widgets
from essdiag.ui.compliance import common
from essdiag.ui.screen import Screen

__all__ = ["show"]


def _dates(screen: Screen[ComplianceSection], esus: EsusAnswers) -> tuple[date | None, date | None]:
    _ = screen.tr
    c1, c2 = st.columns(2)
    start = c1.date_input(
        _("Date de l'agrément"),
        value=esus.agreement_date,
        key=screen.widget_key("esus_date"),
        format="DD/MM/YYYY",
    )
    until = c2.date_input(
        _("Agrément valable jusqu'au"),
        value=esus.agreement_until,
        key=screen.widget_key("esus_until"),
        format="DD/MM/YYYY",
        help=_("Cinq ans en général (deux ans pour une entreprise de moins de trois ans)."),
    )
    return (
        start if isinstance(start, date) else None,
        until if isinstance(until, date) else None,
    )


def _form(screen: Screen[ComplianceSection]) -> None:
    _ = screen.tr
    section = screen.section
    esus = section.esus
    with st.form(screen.widget_key("esus_form")):
        kinds = list(ByRightKind)
        by_right = st.selectbox(
            _("ESUS de plein droit"),
            kinds,
            index=kinds.index(esus.by_right),
            format_func=lambda k: _(k.label),
            key=screen.widget_key("esus_by_right"),
            help=_("Code du travail L3332-17-1, II : structures agréées de plein droit."),
        )
        start, until = _dates(screen, esus)
        objective = common.answer_input(
            "L'objectif d'utilité sociale figure dans les statuts",
            esus.objective_in_statutes.answer,
            key=screen.widget_key("esus_objective"),
            screen=screen,
        )
        pay_policy = common.answer_input(
            "La politique de rémunération figure dans les statuts",
            esus.pay_policy_in_statutes.answer,
            key=screen.widget_key("esus_pay_policy"),
            screen=screen,
            hint="Exigé avant la loi PACTE (24 mai 2019), plus depuis.",
        )
        shares = common.answer_input(
            "Titres de capital admis sur un marché financier",
            esus.shares_listed,
            key=screen.widget_key("esus_shares"),
            screen=screen,
        )
        codes = st.text_input(
            _("Codes analytiques des activités d'utilité sociale (séparés par des virgules)"),
            value=", ".join(esus.social_utility_codes),
            key=screen.widget_key("esus_codes"),
            help=_("Les charges du grand livre portant ces codes comptent comme utilité sociale."),
        )
        st.markdown(
            _("**Charges d'exploitation déclarées** (quand le grand livre ne les répartit pas)")
        )
        charges = st.data_editor(
            pd.DataFrame(
                [c.model_dump() for c in esus.declared_charges],
                columns=["year", "operating_charges", "social_utility_charges", "source"],
            ),
            num_rows="dynamic",
            hide_index=True,
            key=screen.widget_key("esus_charges"),
            column_config={
                "year": st.column_config.NumberColumn(_("Exercice"), format="%d", step=1),
                "operating_charges": st.column_config.NumberColumn(_("Charges d'exploitation (€)")),
                "social_utility_charges": st.column_config.NumberColumn(
                    _("Dont activités d'utilité sociale (€)")
                ),
                "source": st.column_config.TextColumn(_("Source")),
            },
        )
        st.markdown(_("**Plus hautes rémunérations** (quand l'effectif n'est pas importé)"))
        pays = st.data_editor(
            pd.DataFrame(
                [p.model_dump() for p in esus.declared_pays],
                columns=["role", "annual_gross", "fte"],
            ),
            num_rows="dynamic",
            hide_index=True,
            key=screen.widget_key("esus_pays"),
            column_config={
                "role": st.column_config.TextColumn(_("Poste (jamais un nom)")),
                "annual_gross": st.column_config.NumberColumn(
                    _("Brut annuel versé, primes comprises (€)")
                ),
                "fte": st.column_config.NumberColumn(_("ETP"), min_value=0.01, max_value=1.0),
            },
        )
        submitted = st.form_submit_button(_("Enregistrer"), type="primary")
    if not submitted:
        return
    data = section.model_dump(mode="json")
    data["esus"] = {
        **data["esus"],
        "by_right": by_right,
        "agreement_date": start,
        "agreement_until": until,
        "objective_in_statutes": {**data["esus"]["objective_in_statutes"], "answer": objective},
        "pay_policy_in_statutes": {**data["esus"]["pay_policy_in_statutes"], "answer": pay_policy},
        "shares_listed": shares,
        "social_utility_codes": [c.strip() for c in codes.split(",") if c.strip()],
        "declared_charges": common.editor_rows(charges),
        "declared_pays": common.editor_rows(pays),
    }
    common.save(screen, data, _("Agrément ESUS mis à jour"))


def show(screen: Screen[ComplianceSection]) -> None:
    """The criteria, the tables they read, and the declarations."""
    _ = screen.tr
    report = common.report(screen)
    findings = report.of(Frame.ESUS)
    criteria, charges, pays = common.keep(
        screen,
        "compliance_esus",
        lambda: (
            criteria_view(findings, _),
            charges_view(report.charges),
            pays_view(report.pays) if report.pays else None,
        ),
    )
    widgets.show_view(criteria, key="compliance_esus_criteria")
    common.finding_cards(findings, screen)
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(_("**Charges lues pour le critère des 66 %**"))
        widgets.show_view(charges, key="compliance_esus_charges")
    with c2:
        st.markdown(
            _(
                "**Rémunérations lues** ({source})",
                source=_(report.pay_source) if report.pay_source else "–",
            )
        )
        if pays is not None:
            widgets.show_view(pays, key="compliance_esus_pays")
        else:
            st.info(
                _(
                    "Aucune rémunération connue : importez l'effectif dans « Ressources humaines » "
                    "ou déclarez les plus hautes rémunérations ci-dessous."
                )
            )
    branch = screen.dossier.hr.branch_minimum_annual
    st.caption(
        _(
            "Minimum de branche retenu pour les plafonds : {amount} (saisi dans « Ressources "
            "humaines »).",
            amount=_.money(branch),
        )
        if branch
        else _(
            "Aucun minimum de branche n'est saisi dans « Ressources humaines » : les plafonds "
            "reposent sur le SMIC."
        )
    )
    with st.expander(_("Déclarer l'agrément, les charges et les rémunérations"), expanded=False):
        _form(screen)
