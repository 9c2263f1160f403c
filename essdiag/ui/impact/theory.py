"""« Théorie du changement » tab: the chain needs → impact as a chart and a table, remarks, the editor."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from essdiag.charts.impact import theory_chart
from essdiag.errors import Issue
from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.impact.edits import elements_from_rows, elements_rows
from essdiag.impact.section import ImpactSection, Level
from essdiag.impact.theory import chain_remarks, chain_view, links_view
from essdiag.ui import widgets
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen, save_section
from essdiag.validation import validate_as

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """The chart with the table under it, what a reviewer would point out, then the editor."""
    _ = screen.tr
    section = screen.section
    st.caption(
        _(
            "Besoins → ressources mobilisées → activités → réalisations → effets → impact : "
            "chaque élément dit à quoi il conduit, et les indicateurs s'y rattachent."
        )
    )
    if section.theory:
        chain, chart, remarks = kept(screen, "impact_theory", lambda: _chain(section, _))
        st.plotly_chart(chart, key="impact_theory_chart", config=widgets.chart_config())
        widgets.show_view(chain, key="impact_theory")
        if remarks:
            widgets.show_issues(remarks, title=_("Points à revoir dans la chaîne"))
    else:
        st.info(
            _(
                "La théorie du changement est vide : ajoutez des éléments dans le tableau ci-dessous."
            )
        )
    _editor(screen, _)


def _chain(section: ImpactSection, _: Translator) -> tuple[View, go.Figure, list[Issue]]:
    """The chain's view, its chart and the remarks on it."""
    chain = chain_view(section)
    return chain, theory_chart(chain, links_view(section), _), chain_remarks(section)


def _editor(screen: Screen[ImpactSection], _: Translator) -> None:
    with st.expander(_("Modifier la théorie du changement"), expanded=not screen.section.theory):
        st.caption(
            _(
                "Une ligne par élément. « Conduit à » liste les identifiants des éléments des "
                "niveaux suivants, séparés par des virgules (par exemple « A1, A2 »)."
            )
        )
        rows = pd.DataFrame(
            elements_rows(screen.section, _),
            columns=["id", "level", "title", "description", "leads_to"],
        )
        edited = st.data_editor(
            rows,
            num_rows="dynamic",
            key="impact_theory_editor",
            hide_index=True,
            column_config={
                "id": st.column_config.TextColumn(_("Identifiant"), required=True, max_chars=40),
                "level": st.column_config.SelectboxColumn(
                    _("Niveau"), options=[_(lv.label) for lv in Level], required=True
                ),
                "title": st.column_config.TextColumn(_("Intitulé"), required=True),
                "description": st.column_config.TextColumn(_("Description")),
                "leads_to": st.column_config.TextColumn(_("Conduit à (identifiants)")),
            },
        )
        message = st.text_input(
            _("Message de version"),
            value=_("Théorie du changement mise à jour"),
            key="impact_theory_message",
        )
        if not st.button(
            _("Enregistrer la théorie du changement"), key="impact_theory_save", type="primary"
        ):
            return
        elements, issues = elements_from_rows(edited.to_dict("records"), _)
        if elements is None:
            widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces lignes."))
            return
        new, issues = validate_as(
            ImpactSection,
            {**screen.section.model_dump(), "theory": [e.model_dump() for e in elements]},
        )
        if new is None:
            widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces lignes."))
            return
        save_section(screen, new, message)
