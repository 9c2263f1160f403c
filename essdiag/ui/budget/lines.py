"""The lines of the version shown in an editable table (the template's columns, fiscal-year months).

A draft is edited here; an adopted version is shown read only (the board
adopted it): a change is a revision (tab Versions).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.model import budget_lines
from essdiag.budget.template import budget_table, lines_from_table
from essdiag.budget.views import lines_view
from essdiag.ui import state, widgets
from essdiag.ui.budget import budget_year, chosen
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The data editor; on saving, every row is checked and bad rows are listed by number."""
    _ = screen.tr
    section = screen.section
    version = chosen(screen)
    fy = budget_year(screen)
    table = budget_table(version or section, fy)
    if version is not None and version.adopted:
        st.info(
            _(
                "Cette version a été adoptée par le conseil : elle n'est pas modifiée. Pour la "
                "changer, créez un budget rectificatif (onglet Versions)."
            )
        )
        widgets.show_view(lines_view(version, fy, _), key="budget_lines_readonly")
        return
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
                "Libellé": st.column_config.TextColumn(_("Libellé")),
                "Rubrique": st.column_config.TextColumn(_("Rubrique")),
                "Code analytique": st.column_config.TextColumn(_("Code analytique")),
                "Financeur": st.column_config.TextColumn(
                    _("Financeur"), help=_("Pour les subventions (74)")
                ),
                **{
                    m: st.column_config.NumberColumn(_(m), format="localized", step=0.01)
                    for m in month_cols
                },
                "Total": st.column_config.NumberColumn(_("Total"), format="localized"),
            },
        )
        submitted = st.form_submit_button(_("Enregistrer le budget"))
    if not submitted:
        return
    # an unchanged line keeps its phasing (last year's seasonality is not re-read from the table)
    lines, problems = lines_from_table(edited, budget_lines(version or section, fy))
    if problems:
        widgets.show_issues(problems, key="budget_lines_issues")
        return
    if version is None:
        draft = section.new_version(
            fy.label_year,
            lines,
            start_month=fy.start_month,
            author=state.author(),
            reason=_("Budget saisi à l'écran"),
            day=screen.today,
        )
        new = section.with_version(draft)
    else:
        new = section.with_version(version.model_copy(update={"lines": lines}))
    save_section(screen, new, _("Modification du budget"))
