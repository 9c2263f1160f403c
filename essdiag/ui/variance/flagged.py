"""The lines to explain first (flagged by the thresholds), their explanations, then every line."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.section.headings import Kind
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
    view = variance_view(table, projected=report.projected)
    scope_text = _.fill(*report.scope.scope_of(report.period.months))
    st.subheader(_("Écarts à expliquer — {p}", p=scope_text))
    if not report.flagged.value:
        st.success(report.flagged.read(_))
    else:
        widgets.show_view(view.rows_where(table["flagged"]), key="variance_flagged")
        shown = table[table["flagged"]]
        twice = set(shown["key"][shown["key"].duplicated()])  # a code with charge and income gaps
        lines = [
            ToExplain(
                str(r.key),
                f"{r.key} — {_(str(r.label))}"
                + (f" ({_(Kind(r.kind).label)})" if r.key in twice else ""),
                float(r.variance),
                str(r.comment),
                kind=str(r.kind) if r.key in twice else "",
            )
            for r in shown.itertuples(index=False)
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
            intro=_(
                "**Explications** (conservées dans le dossier, reprises par le compte rendu "
                "financier CERFA 15059)"
            ),
            scope=report.scope.key,
            version=report.version_id,
        )
    # A toggle, not an expander: a closed expander still builds its table on every rerun.
    if st.toggle(_("Afficher toutes les lignes ({n})", n=len(table)), key="variance_all_shown"):
        widgets.show_view(view, key="variance_all")
