"""The variance report as XLSX, then the CERFA 15059 financial report of an action or a funder.

Files are built when asked (a button) and kept per revision and choices by
:mod:`essdiag.ui.cache`, never rebuilt on every rerun. The CERFA report
carries the explanations of the variance screen (one explanation per gap:
the same records) and the qualitative account written here.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.analysis import ScopeKind
from essdiag.budget.cerfa15059 import explanation_key
from essdiag.budget.section import ReportNarrative
from essdiag.budget.variance import Level
from essdiag.budget.views import cerfa15059_view
from essdiag.report.cerfa15059 import cerfa_files, dossier_cerfa_table
from essdiag.report.variance_xlsx import report_workbook
from essdiag.ui import cache, state, widgets
from essdiag.ui.screen import Screen, save_section
from essdiag.ui.variance import choices
from essdiag.ui.variance.comments import ToExplain, comment_form

__all__ = ["DOCX_MIME", "XLSX_MIME", "show"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _options() -> dict[str, str]:
    return {
        "through": str(st.session_state[choices.THROUGH]),
        "period": str(st.session_state[choices.PERIOD]),
        "level": str(st.session_state[choices.LEVEL]),
        "version": str(st.session_state.get(choices.VERSION) or ""),
        "scope": str(st.session_state.get(choices.SCOPE) or ""),
    }


def _asked(name: str, label: str, key: str) -> bool:
    """True once the user asked for a file for these choices (it is then kept)."""
    token = (name, tuple(sorted(_options().items())))
    if st.session_state.get(key) == token:
        return True
    if st.button(label, key=f"{key}_button"):
        st.session_state[key] = token
        return True
    return False


def _narrative(screen: Screen[Any], scope: str, period: str) -> None:
    """The qualitative account the form asks for, kept in the dossier."""
    _ = screen.tr
    budget = screen.section
    with st.form("variance_cerfa_narrative"):
        text = st.text_area(
            _("Compte rendu qualitatif de l'action (actions menées, publics, résultats)"),
            value=budget.narrative(scope, period),
            height=140,
            key=f"variance_cerfa_narrative_{scope}_{period}",
        )
        go = st.form_submit_button(_("Enregistrer le compte rendu qualitatif"))
    if go:
        kept = [n for n in budget.narratives if (n.scope, n.period) != (scope, period)]
        if text.strip():
            kept.append(
                ReportNarrative(
                    scope=scope, period=period, text=text.strip(), author=state.author()
                )
            )
        save_section(
            screen,
            budget.model_copy(update={"narratives": kept}),
            _("Compte rendu qualitatif du CERFA 15059"),
        )


def _cerfa(screen: Screen[Any]) -> None:
    """The table of the scope chosen, its gaps to explain, the qualitative account, the files."""
    _ = screen.tr
    report = choices.report(screen)
    scope = report.scope
    st.subheader(_("Compte rendu financier (CERFA 15059)"))
    if scope.kind is ScopeKind.WHOLE:
        st.caption(
            _(
                "Choisissez en haut de l'écran le périmètre « Action … » ou « Actions financées "
                "par … » pour le compte rendu d'un financeur."
            )
        )
    period = report.period.key
    cerfa = cache.computed(
        dossier_cerfa_table,
        screen.opened,
        ledger_years=(report.fiscal_year.label_year, report.fiscal_year.label_year - 1),
        **_options(),
    )
    widgets.show_view(cerfa15059_view(cerfa), key="variance_cerfa")
    shown_above = report.level is Level.HEADING
    lines = [
        ToExplain(str(r.code), _(str(r.label)).strip(), float(r.variance), str(r.explanation))
        for r in cerfa.itertuples(index=False)
        if r.flagged and not (shown_above and explanation_key(str(r.code))[0] == "heading")
    ]
    if shown_above:
        st.caption(
            _("Les écarts par rubrique s'expliquent plus haut : le compte rendu les reprend.")
        )
    for level in ("heading", "funder"):
        mine = [ln for ln in lines if explanation_key(ln.key)[0] == level]
        if mine:
            comment_form(
                screen,
                form_key=f"variance_cerfa_comments_{level}",
                widget_prefix=f"variance_cerfa_note_{level}_{scope.key}",
                lines=[
                    ToExplain(explanation_key(ln.key)[1], ln.title, ln.variance, ln.text)
                    for ln in mine
                ],
                level=level,
                period=period,
                submit=_("Enregistrer les explications du compte rendu"),
                message=_("Explications du compte rendu financier"),
                scope=scope.key,
                version=report.version_id,
            )
    _narrative(screen, scope.key, period)
    if _asked("cerfa", _("Préparer le compte rendu (DOCX et XLSX)"), "variance_cerfa_asked"):
        docx, xlsx, stem = cache.computed(
            cerfa_files, screen.opened, ledger_years=(report.fiscal_year.label_year,),
            **_options(),
        )  # fmt: skip
        d1, d2 = st.columns(2)
        d1.download_button(
            _("CERFA 15059 (DOCX)"), data=docx, file_name=f"{stem}.docx", mime=DOCX_MIME,
            key="variance_cerfa_docx",
        )  # fmt: skip
        d2.download_button(
            _("CERFA 15059 (XLSX)"), data=xlsx, file_name=f"{stem}.xlsx", mime=XLSX_MIME,
            key="variance_cerfa_xlsx",
        )  # fmt: skip


def show(screen: Screen[Any]) -> None:
    """The XLSX variance report (built when asked), then the CERFA 15059 report."""
    _ = screen.tr
    report = choices.report(screen)
    st.subheader(_("Exports"))
    if _asked("xlsx", _("Préparer le rapport d'écarts (XLSX)"), "variance_xlsx_asked"):
        st.download_button(
            _("Rapport d'écarts (XLSX, une feuille par niveau)"),
            data=cache.computed(
                report_workbook,
                screen.opened,
                ledger_years=(report.fiscal_year.label_year, report.fiscal_year.label_year - 1),
                lang=_.lang,
                **_options(),
            ),
            file_name=f"ecarts_{report.period.key}.xlsx",
            mime=XLSX_MIME,
            key="variance_xlsx",
        )
    _cerfa(screen)
