"""« Tableau de bord » tab: progress of every indicator, then one indicator's values and working."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from essdiag.charts.impact import progress_chart, series_chart
from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.impact.indicators import Board, IndicatorState, board_view, series_view
from essdiag.impact.section import ImpactSection
from essdiag.ui import widgets
from essdiag.ui.impact import data
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """The progress chart beside the dashboard table, then the chosen indicator in detail."""
    _ = screen.tr
    board, issues = data.board(screen)
    if not board.states:
        st.info(
            _("Aucun indicateur : ajoutez-en depuis l'onglet « Bibliothèque » ou « Indicateurs ».")
        )
        return
    widgets.show_issues(issues)
    view, chart = kept(
        screen, "impact_board_chart", lambda: _progress(board, _), today=screen.today
    )
    if chart is not None:
        widgets.chart_with_table(chart, view, key="impact_board")
    else:
        widgets.show_view(view, key="impact_board")
    st.caption(
        _(
            "Progression = (dernière valeur − référence) / (cible − référence). « En bonne voie » : "
            "au moins la part du délai écoulé entre la référence et l'échéance. Les valeurs d'un "
            "exercice dont les comptes ne sont pas clos sont montrées mais pas comptées."
        )
    )
    names = {s.indicator.id: s.indicator.name for s in board.states}
    chosen = st.selectbox(
        _("Indicateur à détailler"),
        options=list(names),
        format_func=names.__getitem__,
        key="impact_board_choice",
    )
    state = board.state(str(chosen))
    if state is not None:
        _detail(screen, state)


def _progress(board: Board, _: Translator) -> tuple[View, go.Figure | None]:
    """The dashboard's view, and its progress chart when some indicator has a progress."""
    view = board_view(board)
    return view, progress_chart(view, _) if view.frame["progress"].notna().any() else None


def _detail(screen: Screen[ImpactSection], state: IndicatorState) -> None:
    _ = screen.tr
    ind = state.indicator
    st.subheader(ind.name)
    if ind.definition:
        st.write(ind.definition)
    facts = [
        f"{_('Niveau')} : {_(ind.level.label)}",
        f"{_('Dimension')} : {_(ind.dimension.label)}",
        f"{_('Sens souhaité')} : {_(ind.direction.label)}",
        f"{_('Fréquence')} : {_(ind.frequency.label)}",
    ]
    if ind.sdg:
        facts.append(_("ODD {n}", n=ind.sdg))
    if ind.iris:
        facts.append(f"IRIS+ : {_(ind.iris.label)}")
    st.caption(" · ".join(facts))
    if state.computed_reason:
        st.warning(_("Calcul automatique sans valeur : {reason}.", reason=_(state.computed_reason)))
    cols = st.columns(2)
    with cols[0]:
        widgets.figure_metric(state.progress)
    with cols[1]:
        widgets.figure_metric(state.trend_figure)
    if state.points:
        series, chart = kept(
            screen,
            "impact_series_chart",
            lambda: (view := series_view(state), series_chart(view, ind.name, _)),
            indicator=ind.id,
            today=screen.today,
        )
        widgets.chart_with_table(chart, series, key="impact_series")
    for point in state.points:
        if point.working is not None:
            with st.expander(_("Calcul de la valeur {period}", period=point.period)):
                for step in point.working.steps(_):
                    st.markdown(f"- {step}")
                if point.note:
                    st.caption(_.fill(point.note, point.note_params))
