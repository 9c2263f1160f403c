"""Tab « Fiscalité » : disinterested management, each activity's 4P, and the IS / TVA / CFE conclusions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from essdiag.compliance.findings import Frame
from essdiag.compliance.section import Answer, ComplianceSection
from essdiag.compliance.views import activities_view
from essdiag.ui import widgets
from essdiag.ui.compliance import common
from essdiag.ui.screen import Screen

__all__ = ["show"]

QUESTIONS = (
    "no_profit_distribution",
    "paid_leaders_in_statutes",
    "transparency",
    "non_lucrative_preponderant",
)
FOUR_P = ("competes", "product", "public", "price", "publicity")


def _activities_editor(screen: Screen[ComplianceSection]) -> pd.DataFrame:
    _ = screen.tr
    acts = screen.section.tax.activities
    frame = pd.DataFrame(
        [
            {
                "id": a.id,
                "name": a.name,
                "funding_ids": ", ".join(a.funding_ids),
                "receipts": a.receipts,
                **{k: _(getattr(a, k).label) for k in FOUR_P},
                "notes": a.notes,
            }
            for a in acts
        ],
        columns=["id", "name", "funding_ids", "receipts", *FOUR_P, "notes"],
    )
    choice = [_(a.label) for a in Answer]
    labels = {
        "competes": _("En concurrence"),
        "product": _("Produit : besoin mal satisfait"),
        "public": _("Public : personnes qui le justifient"),
        "price": _("Prix : inférieurs ou modulés"),
        "publicity": _("Pas de publicité commerciale"),
    }
    edited: pd.DataFrame = st.data_editor(
        frame,
        num_rows="dynamic",
        hide_index=True,
        key=screen.widget_key("tax_activities"),
        column_config={
            "id": st.column_config.TextColumn(_("Identifiant"), required=True),
            "name": st.column_config.TextColumn(_("Activité examinée"), required=True),
            "funding_ids": st.column_config.TextColumn(
                _("Lignes du registre (identifiants)"),
                help=_(
                    "Identifiants des ressources du registre des financements, séparés par des virgules."
                ),
            ),
            "receipts": st.column_config.NumberColumn(_("Recettes saisies (€)"), min_value=0.0),
            **{k: st.column_config.SelectboxColumn(labels[k], options=choice) for k in FOUR_P},
            "notes": st.column_config.TextColumn(_("Justification")),
        },
    )
    return edited


def _form(screen: Screen[ComplianceSection]) -> None:
    _ = screen.tr
    section = screen.section
    with st.form(screen.widget_key("tax_form")):
        answers = common.answer_inputs(screen, section.tax, QUESTIONS, prefix="tax")
        st.markdown(
            _("**Dirigeants** (membres du conseil, dirigeants de fait) et leur rémunération")
        )
        leaders = st.data_editor(
            pd.DataFrame(
                [leader.model_dump() for leader in section.tax.leaders],
                columns=["role", "monthly_gross"],
            ),
            num_rows="dynamic",
            hide_index=True,
            key=screen.widget_key("tax_leaders"),
            column_config={
                "role": st.column_config.TextColumn(_("Fonction"), required=True),
                "monthly_gross": st.column_config.NumberColumn(
                    _("Brut mensuel versé, avantages compris (€)"), min_value=0.0
                ),
            },
        )
        st.markdown(_("**Activités** : concurrence et règle des 4P"))
        activities = _activities_editor(screen)
        submitted = st.form_submit_button(_("Enregistrer"), type="primary")
    if not submitted:
        return
    answer_of = {_(a.label): a.value for a in Answer}
    rows = []
    for row in common.editor_rows(activities):
        ids = str(row.get("funding_ids") or "")
        rows.append(
            {
                **{k: v for k, v in row.items() if v is not None},
                **{k: answer_of.get(str(row.get(k)), Answer.UNKNOWN.value) for k in FOUR_P},
                "funding_ids": [i.strip() for i in ids.split(",") if i.strip()],
            }
        )
    data = section.model_dump(mode="json")
    data["tax"] = {
        **answers,
        "leaders": [
            {**r, "monthly_gross": r.get("monthly_gross") or 0} for r in common.editor_rows(leaders)
        ],
        "activities": rows,
    }
    common.save(screen, data, _("Questionnaire fiscal mis à jour"))


def show(screen: Screen[ComplianceSection]) -> None:
    """The findings, the activities table, and the questionnaire."""
    _ = screen.tr
    report = common.report(screen)
    findings = report.of(Frame.TAX)
    common.finding_cards(findings, screen)
    if findings and findings[0].code == "tax.scope":
        return
    view = common.keep(
        screen,
        "compliance_tax_activities",
        lambda: activities_view(screen.section.tax, screen.dossier.funding.sources, report.year),
    )
    if not view.empty:
        st.markdown(_("**Activités de l'exercice {year}**", year=report.year))
        widgets.show_view(view, key="compliance_tax_activities")
    with st.expander(_("Répondre au questionnaire fiscal"), expanded=False):
        _form(screen)
