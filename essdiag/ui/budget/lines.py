"""The budget's lines in an editable table (the template's columns, months in fiscal-year order)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.template import budget_table, lines_from_table
from essdiag.ui import widgets
from essdiag.ui.budget import budget_year
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The data editor; on saving, every row is checked and bad rows are listed by number."""
    _ = screen.tr
    section = screen.section
    fy = budget_year(screen)
    table = budget_table(section, fy)
    month_cols = list(table.columns[5:-1])
    with st.form("budget_editor"):
        edited = st.data_editor(
            table,
            num_rows="dynamic",
            hide_index=True,
            height=520,
            key="budget_lines_editor",
            disabled=["Total"],
            column_config={
                "Compte": st.column_config.TextColumn(
                    _("Compte"), help=_("Compte ou rubrique : 6063, 64, 741…"), required=True
                ),
                "Financeur": st.column_config.TextColumn(
                    _("Financeur"), help=_("Pour les subventions (74)")
                ),
                **{
                    m: st.column_config.NumberColumn(m, format="localized", step=0.01)
                    for m in month_cols
                },
                "Total": st.column_config.NumberColumn(_("Total"), format="localized"),
            },
        )
        submitted = st.form_submit_button(_("Enregistrer le budget"))
    if not submitted:
        return
    lines, problems = lines_from_table(edited)
    if problems:
        widgets.show_issues(problems)
        return
    save_section(
        screen,
        section.model_copy(
            update={"lines": lines, "fiscal_year": fy.label_year, "start_month": fy.start_month}
        ),
        _("Modification du budget"),
    )
