"""The « Import et export » tab: the XLSX and DOCX exports, the import template, the import.

An import that reads some risks saves them at once (same identifier
replaced, new ones added, see :func:`essdiag.risks.importer.merge_register`);
the rows set aside are shown again after the rerun, with the count imported.
"""

from __future__ import annotations

import streamlit as st

from essdiag.report.risks_docx import risk_map_docx
from essdiag.report.risks_xlsx import risk_register_xlsx
from essdiag.risks.edits import with_explicit_matrices
from essdiag.risks.importer import merge_register, read_register_xlsx, register_template_xlsx
from essdiag.risks.matrix import current_matrix
from essdiag.risks.section import RiskSection
from essdiag.ui import widgets
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_KEPT_ISSUES = "risks_import_issues"
_IMPORTED = "risks_import_count"


def show(screen: Screen[RiskSection]) -> None:
    """Downloads (register and map, Word map, import template) and the register import."""
    _ = screen.tr
    section = screen.section
    name = screen.opened.dossier.identity.name
    revision = screen.opened.revision
    st.subheader(_("Exporter"))
    if not section.risks:
        st.caption(_("Les exports seront disponibles dès que le registre contiendra un risque."))
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        _("Registre et carte (Excel)"),
        data=lambda: risk_register_xlsx(section, _, organisation=name, today=screen.today),
        file_name=f"risques-{screen.slug}-v{revision}.xlsx",
        mime=XLSX_MIME,
        key="risks_dl_xlsx",
        on_click="ignore",
        disabled=not section.risks,
    )
    c2.download_button(
        _("Cartographie (Word)"),
        data=lambda: risk_map_docx(section, _, organisation=name, today=screen.today),
        file_name=f"cartographie-risques-{screen.slug}-v{revision}.docx",
        mime=DOCX_MIME,
        key="risks_dl_docx",
        on_click="ignore",
        disabled=not section.risks,
    )
    c3.download_button(
        _("Modèle d'import (Excel)"),
        data=register_template_xlsx(),
        file_name="modele-registre-risques.xlsx",
        mime=XLSX_MIME,
        key="risks_dl_template",
        on_click="ignore",
    )
    st.subheader(_("Importer un registre"))
    st.write(
        _(
            "Remplissez le modèle (feuille « Registre », une ligne par risque ; feuille « Actions » "
            "facultative ; la feuille « Aide » liste les valeurs admises). Les niveaux se lisent sur "
            "la matrice en vigueur ({size}×{size}). Un risque dont l'identifiant existe déjà est "
            "remplacé ; les lignes en erreur sont écartées et signalées.",
            size=current_matrix(section).size,
        )
    )
    imported = st.session_state.pop(_IMPORTED, None)
    if imported:
        st.success(_("{n} risque(s) importé(s).", n=imported))
    kept = st.session_state.pop(_KEPT_ISSUES, None)
    if kept:
        widgets.show_issues(kept, title=_("Lignes écartées ou à vérifier lors du dernier import"))
    upload = st.file_uploader(_("Registre à importer"), type=["xlsx"], key="risks_import_file")
    if upload is not None and st.button(_("Importer"), key="risks_import_go", type="primary"):
        _import(screen, upload.getvalue(), upload.name)


def _import(screen: Screen[RiskSection], raw: bytes, file_name: str) -> None:
    """Read an uploaded register, merge it into the section and save; or say why not."""
    _ = screen.tr
    with st.spinner(_("Lecture du registre…")):
        read, issues = read_register_xlsx(raw, current_matrix(screen.section), file=file_name)
    if not read:
        widgets.show_issues(
            issues, title=_("Aucun risque importé depuis « {f} » : rien n'a changé.", f=file_name)
        )
        return
    widgets.show_issues(issues)
    base = RiskSection.model_validate(with_explicit_matrices(screen.section))
    merged, merge_issues = merge_register(base, read)
    if merged is None:
        widgets.show_issues(merge_issues, title=_("Rien n'a été enregistré."))
        return
    save_section(
        screen,
        merged,
        _("Import du registre « {f} »", f=file_name),
        after={_IMPORTED: len(read), _KEPT_ISSUES: issues},
    )
