"""« Rapport » tab: the impact report for funders and for the dissertation, as DOCX and PDF."""

from __future__ import annotations

import streamlit as st

from essdiag.impact.section import ImpactSection
from essdiag.report.impact_docx import impact_docx
from essdiag.report.impact_pdf import impact_pdf
from essdiag.report.impact_report import build_report
from essdiag.ui.impact import data
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """What the report holds, and the two buttons that prepare and download it."""
    _ = screen.tr
    st.write(
        _(
            "Le rapport d'impact reprend la théorie du changement, le tableau de bord des "
            "indicateurs avec leurs calculs, l'analyse SROI avec sa sensibilité et les résultats "
            "des enquêtes auprès des publics, graphiques et tableaux compris."
        )
    )
    c1, c2 = st.columns(2)
    for col, kind in ((c1, "docx"), (c2, "pdf")):
        key = f"impact_report_{kind}_{screen.opened.id}_{screen.opened.revision}_{_.lang}"
        if col.button(
            _("Préparer le rapport ({kind})", kind=kind.upper()), key=f"impact_report_{kind}_make"
        ):
            with st.spinner(_("Mise en page du rapport et de ses graphiques…")):
                board, _issues = data.board(screen)
                analysis = data.sroi(screen)
                surveys = [(s, data.survey_answers(s)) for s in screen.section.surveys]
                report = build_report(
                    screen.dossier.identity,
                    screen.section,
                    board,
                    analysis,
                    surveys,
                    tr=_,
                    today=screen.today,
                )
                st.session_state[key] = (
                    impact_docx(report, _) if kind == "docx" else impact_pdf(report, _)
                )
        if key in st.session_state:
            col.download_button(
                _("Télécharger le rapport ({kind})", kind=kind.upper()),
                data=st.session_state[key],
                file_name=f"{screen.slug}-rapport-impact.{kind}",
                mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                if kind == "docx"
                else "application/pdf",
                key=f"impact_report_{kind}_download",
            )
