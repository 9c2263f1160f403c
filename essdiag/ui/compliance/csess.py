"""Tab « Guide des bonnes pratiques » : the radar of the eight themes, the self-assessment, the AG report."""

from __future__ import annotations

from datetime import date

import streamlit as st

from essdiag.charts.compliance import csess_radar
from essdiag.compliance.findings import Frame
from essdiag.compliance.section import ComplianceSection, CsessLevel, CsessTheme
from essdiag.compliance.views import csess_view
from essdiag.ui import widgets
from essdiag.ui.compliance import common
from essdiag.ui.screen import Screen

__all__ = ["assembly_download", "show"]

LEVELS: list[CsessLevel | None] = [None, *CsessLevel]


def assembly_download(screen: Screen[ComplianceSection], *, key: str) -> None:
    """The download of the draft report to the general assembly (DOCX)."""
    _ = screen.tr
    st.download_button(
        _("Projet de rapport à l'assemblée générale (DOCX)"),
        data=common.export(screen, "assembly"),
        on_click="ignore",
        file_name=f"{screen.slug}-rapport-guide-bonnes-pratiques.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key=key,
        help=_(
            "Rempli avec ce que le dossier sait déjà (identité, équipe, territoire, rémunérations, "
            "financeurs, constats) et votre auto-évaluation : à relire et compléter."
        ),
    )


def _form(screen: Screen[ComplianceSection]) -> None:
    _ = screen.tr
    section = screen.section
    answers = section.csess
    with st.form(screen.widget_key("csess_form")):
        held = st.date_input(
            _("Date de l'assemblée générale"),
            value=answers.assembly_date,
            key=screen.widget_key("csess_date"),
            format="DD/MM/YYYY",
        )
        assessed = []
        for theme in CsessTheme:
            current = answers.of(theme)
            st.markdown(f"**{_(theme.label)}**")
            level = st.selectbox(
                _("Niveau"),
                LEVELS,
                index=LEVELS.index(current.level),
                format_func=lambda lv: _("Non évalué") if lv is None else _(lv.label),
                key=screen.widget_key(f"csess_{theme.value}_level"),
            )
            c1, c2 = st.columns(2)
            evidence = c1.text_area(
                _("Éléments de preuve"),
                value=current.evidence,
                key=screen.widget_key(f"csess_{theme.value}_evidence"),
                height=90,
            )
            actions = c2.text_area(
                _("Actions d'amélioration"),
                value=current.actions,
                key=screen.widget_key(f"csess_{theme.value}_actions"),
                height=90,
            )
            if level is not None or evidence.strip() or actions.strip():
                assessed.append(
                    {
                        "theme": theme,
                        "level": level,
                        "evidence": evidence.strip(),
                        "actions": actions.strip(),
                    }
                )
        submitted = st.form_submit_button(_("Enregistrer"), type="primary")
    if not submitted:
        return
    data = section.model_dump(mode="json")
    data["csess"] = {
        "assembly_date": held if isinstance(held, date) else None,
        "assessments": assessed,
    }
    common.save(screen, data, _("Auto-évaluation du guide mise à jour"))


def show(screen: Screen[ComplianceSection]) -> None:
    """The findings, the radar beside its table, the report download and the self-assessment."""
    _ = screen.tr
    report = common.report(screen)
    common.finding_cards(report.of(Frame.CSESS), screen)
    table, chart = common.keep(
        screen,
        "compliance_csess",
        lambda: (
            (view := csess_view(screen.section.csess)).select(["points", "theme"]),
            csess_radar(view, _),
        ),
    )
    widgets.chart_with_table(chart, table, key="compliance_csess")
    assembly_download(screen, key="compliance_csess_docx")
    with st.expander(_("Évaluer les huit thèmes du guide"), expanded=False):
        _form(screen)
