"""The « Exports » tab: the diagnosis in Word and Excel, the action plan for the project."""

from __future__ import annotations

import json

import streamlit as st

from essdiag.report.watch_docx import diagnosis_docx
from essdiag.report.watch_xlsx import diagnosis_xlsx
from essdiag.ui.screen import Screen
from essdiag.ui.watch.files import DOCX_MIME, XLSX_MIME
from essdiag.watch.diagnosis import action_plan_records, action_plan_view
from essdiag.watch.section import WatchSection

__all__ = ["show"]


def show(screen: Screen[WatchSection]) -> None:
    """Downloads of the diagnosis and of the action plan."""
    _ = screen.tr
    section, dossier = screen.section, screen.dossier
    name, rev = dossier.identity.name, screen.opened.revision
    st.write(
        _(
            "Le diagnostic complet suit la chaîne territoire → besoins → écosystème → structure → SWOT → "
            "orientations → actions, chaque chiffre avec son calcul : de quoi nourrir la note réflexive, "
            "le portfolio ou le mémoire."
        )
    )
    c1, c2 = st.columns(2)
    c1.download_button(
        _("Diagnostic stratégique (Word)"),
        data=lambda: diagnosis_docx(
            section,
            dossier.funding,
            dossier.identity.territory,
            _,
            today=screen.today,
            organisation=name,
        ),
        file_name=f"diagnostic-strategique-{screen.slug}-v{rev}.docx",
        mime=DOCX_MIME,
        key="diagnosis_dl_docx",
        on_click="ignore",
    )
    c2.download_button(
        _("Diagnostic stratégique (Excel)"),
        data=lambda: diagnosis_xlsx(
            section, dossier.funding, dossier.identity.territory, _, organisation=name
        ),
        file_name=f"diagnostic-strategique-{screen.slug}-v{rev}.xlsx",
        mime=XLSX_MIME,
        key="diagnosis_dl_xlsx",
        on_click="ignore",
    )
    st.subheader(_("Plan d'actions pour le projet"))
    st.caption(
        _(
            "Les actions des orientations, prêtes à reprendre dans le plan d'actions du projet (bloc 3) : en "
            "CSV pour un tableur, en JSON pour un import futur dans la rubrique Projet."
        )
    )
    view = action_plan_view(section.diagnosis)
    c1, c2 = st.columns(2)
    c1.download_button(
        _("Plan d'actions (CSV)"),
        data=view.csv(_),
        file_name=f"plan-actions-{screen.slug}.csv",
        mime="text/csv",
        key="diagnosis_dl_plan_csv",
        disabled=view.empty,
    )
    c2.download_button(
        _("Plan d'actions (JSON)"),
        data=json.dumps(
            action_plan_records(section.diagnosis), ensure_ascii=False, indent=2
        ).encode("utf-8"),
        file_name=f"plan-actions-{screen.slug}.json",
        mime="application/json",
        key="diagnosis_dl_plan_json",
        disabled=view.empty,
    )
