"""« Résultats » tab: each scale question's distribution and mean with its interval, and the NPS."""

from __future__ import annotations

import streamlit as st

from essdiag.charts.impact import likert_chart, nps_chart
from essdiag.impact.section import ImpactSection, QuestionKind
from essdiag.impact.survey_views import choice_view, distribution_view, likert_view, nps_view
from essdiag.ui import widgets
from essdiag.ui.publics import common
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """Means with their 95 % intervals, then one question's distribution, then the NPS and choices."""
    _ = screen.tr
    picked = common.shown(screen)
    if picked is None:
        return
    survey, frame = picked
    st.caption(
        _(
            "Moyenne sur l'échelle de la question, avec son intervalle de confiance à 95 % (loi "
            "de Student) ; part des deux niveaux les plus hauts. Aucun résultat n'est publié pour "
            "un groupe de moins de 5 réponses."
        )
    )
    widgets.show_view(likert_view(survey, frame), key="publics_means")
    likert = [q for q in survey.questions if q.kind is QuestionKind.LIKERT]
    if likert:
        labels = {q.key: q.label for q in likert}
        key = st.selectbox(
            _("Question à détailler"),
            list(labels),
            format_func=labels.__getitem__,
            key="publics_question",
        )
        view = distribution_view(survey, frame, str(key))
        if len(view):
            widgets.chart_with_table(
                likert_chart(view, labels[str(key)], _), view, key="publics_distribution"
            )
    nps = nps_view(survey, frame)
    if len(nps):
        st.subheader(_("Recommandation (NPS)"))
        st.caption(
            _(
                "NPS = part des promoteurs (9 ou 10) − part des détracteurs (0 à 6), de −100 à +100 ; "
                "intervalle de confiance à 95 % (méthode de Wald)."
            )
        )
        widgets.chart_with_table(nps_chart(nps, _), nps, key="publics_nps")
    for q in survey.questions:
        if q.kind is QuestionKind.CHOICE:
            st.subheader(q.label)
            widgets.show_view(choice_view(survey, frame, q.key), key=f"publics_choice_{q.key}")
