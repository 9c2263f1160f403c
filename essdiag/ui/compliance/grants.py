"""Tab « Subventions » : agreements per funder, auditor, statement of resources, republican contract."""

from __future__ import annotations

import streamlit as st

from essdiag.compliance.findings import Frame
from essdiag.compliance.section import ComplianceSection
from essdiag.compliance.views import authorities_view
from essdiag.ui import widgets
from essdiag.ui.compliance import common
from essdiag.ui.screen import Screen

__all__ = ["show"]

QUESTIONS = (
    "auditor_appointed",
    "accounts_published",
    "resources_statement",
    "republican_contract",
)


def _form(screen: Screen[ComplianceSection]) -> None:
    _ = screen.tr
    section = screen.section
    with st.form(screen.widget_key("grants_form")):
        answers = common.answer_inputs(screen, section.grants, QUESTIONS, prefix="grants")
        submitted = st.form_submit_button(_("Enregistrer"), type="primary")
    if submitted:
        data = section.model_dump(mode="json")
        data["grants"] = answers
        common.save(screen, data, _("Obligations liées aux subventions mises à jour"))


def show(screen: Screen[ComplianceSection]) -> None:
    """The findings, the public funders of the year, and the declarations."""
    _ = screen.tr
    report = common.report(screen)
    findings = report.of(Frame.GRANTS)
    common.finding_cards(findings, screen)
    threshold = report.get("grants.agreements").threshold or 0.0
    view = common.keep(
        screen,
        "compliance_grants_funders",
        lambda: authorities_view(screen.dossier.funding.sources, report.year, threshold),
    )
    st.markdown(_("**Financeurs publics de l'exercice {year}**", year=report.year))
    if view.empty:
        st.info(_("Le registre des financements n'a aucune subvention publique pour cet exercice."))
    else:
        widgets.show_view(
            view,
            key="compliance_grants_funders",
            caption=_(
                "Montants du registre des financements ; une ligne a une convention quand sa date "
                "de début est renseignée dans l'écran « Financements »."
            ),
        )
    with st.expander(
        _("Déclarer le commissaire aux comptes, le CER et le contrat"), expanded=False
    ):
        _form(screen)
