"""« Par public et par période » tab: the same results for each public and each period."""

from __future__ import annotations

import streamlit as st

from essdiag.charts.impact import likert_chart, nps_chart
from essdiag.impact.section import ImpactSection, QuestionKind
from essdiag.impact.survey_views import GroupBy, distribution_view, likert_view, nps_view
from essdiag.ui import widgets
from essdiag.ui.publics import common
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """A choice of grouping, then means, one question's distribution and the NPS per group."""
    _ = screen.tr
    picked = common.shown(screen)
    if picked is None:
        return
    survey, frame = picked
    options: dict[GroupBy, str] = {"public": _("Par public"), "period": _("Par période")}
    by = st.radio(
        _("Regrouper les réponses"),
        list(options),
        format_func=options.__getitem__,
        horizontal=True,
        key="publics_group_by",
    )
    group: GroupBy = "period" if by == "period" else "public"
    st.caption(
        _(
            "Les groupes de moins de 5 réponses sont signalés et leurs résultats ne sont pas publiés."
        )
    )
    widgets.show_view(likert_view(survey, frame, group), key=f"publics_means_{group}")
    likert = [q for q in survey.questions if q.kind is QuestionKind.LIKERT]
    if likert:
        labels = {q.key: q.label for q in likert}
        key = st.selectbox(
            _("Question à comparer"),
            list(labels),
            format_func=labels.__getitem__,
            key="publics_group_question",
        )
        view = distribution_view(survey, frame, str(key), group)
        if len(view):
            widgets.chart_with_table(
                likert_chart(view, labels[str(key)], _), view, key=f"publics_group_dist_{group}"
            )
    nps = nps_view(survey, frame, group)
    if len(nps):
        widgets.chart_with_table(nps_chart(nps, _), nps, key=f"publics_group_nps_{group}")
