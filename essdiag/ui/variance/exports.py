"""The variance report as XLSX (one sheet per level), then the CERFA 15059 financial report."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.cerfa15059 import cerfa15059_table, comment_level
from essdiag.budget.views import cerfa15059_view
from essdiag.report.cerfa15059 import cerfa15059_docx, cerfa15059_xlsx
from essdiag.report.variance_xlsx import variance_xlsx
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.variance import choices
from essdiag.ui.variance.comments import ToExplain, comment_form

__all__ = ["DOCX_MIME", "XLSX_MIME", "show"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _pick(screen: Screen[Any]) -> tuple[str, str]:
    """The project (analytic code) and the funder the CERFA report is for ("" for all)."""
    _ = screen.tr
    lines = screen.section.lines
    codes = sorted({ln.analytic for ln in lines if ln.analytic})
    funders = sorted({ln.funder for ln in lines if ln.funder})
    p1, p2 = st.columns(2)
    project = p1.selectbox(
        _("Action / projet (code analytique)"),
        ["", *codes],
        format_func=lambda c: c or _("Ensemble de la structure"),
        key="variance_cerfa_project",
    )
    funder = p2.selectbox(
        _("Financeur destinataire"),
        ["", *funders],
        format_func=lambda f: f or _("Tous"),
        key="variance_cerfa_funder",
        help=_("Sans projet choisi, le compte rendu couvre les projets que ce financeur soutient."),
    )
    return str(project or ""), str(funder or "")


def _cerfa(screen: Screen[Any]) -> None:
    """Project and funder pickers, the table, explanations of the gaps, XLSX and DOCX."""
    _ = screen.tr
    report = choices.report(screen)
    st.markdown(_("**Compte rendu financier (CERFA 15059)** pour une action ou un projet"))
    project, funder = _pick(screen)
    period = report.period.key
    budget = screen.section
    cerfa = cerfa15059_table(
        report.attributed,
        report.period,
        analytic=project or None,
        funder=funder or None,
        materiality=budget.materiality,
        comments=budget.comments,
    )
    widgets.show_view(cerfa15059_view(cerfa), key="variance_cerfa")
    lines = [
        ToExplain(str(r.code), _(str(r.label)).strip(), float(r.variance), str(r.explanation))
        for r in cerfa.itertuples(index=False)
        if r.flagged
    ]
    if lines:
        comment_form(
            screen,
            form_key="variance_cerfa_comments",
            widget_prefix=f"variance_cerfa_note_{project}",
            lines=lines,
            level=comment_level(project or (f"financeur:{funder}" if funder else None)),
            period=period,
            submit=_("Enregistrer les explications du compte rendu"),
            message=_("Explications du compte rendu financier"),
        )
    slug = "".join(ch if ch.isalnum() else "_" for ch in project or funder or "structure")
    # The form's header names the action; for a funder, say it is the funder's report.
    action = project or (_("{f} (projets financés)", f=funder) if funder else "")
    export = cerfa15059_view(cerfa, export=True)
    organisation = screen.dossier.identity.name
    d1, d2 = st.columns(2)
    d1.download_button(
        _("CERFA 15059 (XLSX)"),
        data=cerfa15059_xlsx(export, organisation=organisation, project=action, period=period),
        file_name=f"cerfa15059_{slug}_{period}.xlsx",
        mime=XLSX_MIME,
        key="variance_cerfa_xlsx",
    )
    d2.download_button(
        _("CERFA 15059 (DOCX)"),
        data=cerfa15059_docx(export, organisation=organisation, project=action, period=period),
        file_name=f"cerfa15059_{slug}_{period}.docx",
        mime=DOCX_MIME,
        key="variance_cerfa_docx",
    )


def show(screen: Screen[Any]) -> None:
    """The XLSX variance report, then the CERFA 15059 report of a project or a funder."""
    _ = screen.tr
    report = choices.report(screen)
    st.subheader(_("Exports"))
    st.download_button(
        _("Rapport d'écarts (XLSX, une feuille par niveau)"),
        data=variance_xlsx(report, lang=_.lang, organisation=screen.dossier.identity.name),
        file_name=f"ecarts_{report.period.key}.xlsx",
        mime=XLSX_MIME,
        key="variance_xlsx",
    )
    _cerfa(screen)
