"""The lines to explain first (flagged by the thresholds), their explanations, then every line."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.views import variance_view
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.variance import choices
from essdiag.ui.variance.comments import ToExplain, comment_form

__all__ = ["show"]

MAX_FORM_LINES = 15
"""The explanation form holds the first lines to explain, largest gaps first."""


def show(screen: Screen[Any]) -> None:
    """The flagged lines and their form (or that none passes the thresholds), all lines below."""
    _ = screen.tr
    report = choices.report(screen)
    title = report.period.title(_)
    table = report.table
    view = variance_view(table)
    st.subheader(_("Écarts à expliquer — {p}", p=title))
    if not report.flagged.value:
        st.success(report.flagged.read(_))
    else:
        widgets.show_view(view.rows_where(table["flagged"]), key="variance_flagged")
        lines = [
            ToExplain(str(r.key), f"{r.key} — {_(str(r.label))}", float(r.variance), str(r.comment))
            for r in table.itertuples(index=False)
            if r.flagged
        ]
        comment_form(
            screen,
            form_key="variance_comments",
            widget_prefix=f"variance_comment_{report.level}",
            lines=lines[:MAX_FORM_LINES],
            level=str(report.level),
            period=report.period.key,
            submit=_("Enregistrer les explications"),
            message=_("Explication des écarts — {p}", p=title),
            intro=_("**Explications** (conservées dans le dossier)"),
        )
    with st.expander(_("Toutes les lignes ({n})", n=len(table))):
        widgets.show_view(view, key="variance_all")
