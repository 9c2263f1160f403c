"""Tab « Exports » : the note (DOCX), the draft report to the general assembly (DOCX), the workbook (XLSX)."""

from __future__ import annotations

import streamlit as st

from essdiag.compliance.section import ComplianceSection
from essdiag.compliance.views import findings_view
from essdiag.ui import widgets
from essdiag.ui.compliance import common
from essdiag.ui.compliance.csess import assembly_download
from essdiag.ui.screen import Screen

__all__ = ["show"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show(screen: Screen[ComplianceSection]) -> None:
    """Three downloads built from the same report as the screen, and every finding as a table."""
    _ = screen.tr
    st.write(
        _(
            "Les documents reprennent les constats de l'écran, avec pour chacun le texte appliqué, "
            "les paramètres datés et le détail des calculs : de quoi nourrir un rapport réflexif, "
            "un portfolio ou un dossier pour le conseil."
        )
    )
    c1, c2, c3 = st.columns(3)
    with c1:
        st.download_button(
            _("Note sur le cadre juridique et fiscal (DOCX)"),
            data=common.export(screen, "note"),
            file_name=f"{screen.slug}-cadre-juridique-fiscal.docx",
            mime=DOCX,
            key="compliance_note_docx",
            on_click="ignore",
        )
    with c2:
        assembly_download(screen, key="compliance_exports_assembly")
    with c3:
        st.download_button(
            _("Classeur des constats et des calculs (XLSX)"),
            data=common.export(screen, "xlsx"),
            file_name=f"{screen.slug}-cadre-juridique-fiscal.xlsx",
            mime=XLSX,
            key="compliance_xlsx",
            on_click="ignore",
        )
    st.subheader(_("Tous les constats"))
    report = common.report(screen)
    every = common.keep(
        screen, "compliance_all", lambda: findings_view(report.findings, _, with_frame=True)
    )
    widgets.show_view(every, key="compliance_all")
