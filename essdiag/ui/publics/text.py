"""« Réponses libres » tab: the free-text answers, the keywords they cite, the words they use most."""

from __future__ import annotations

import streamlit as st

from essdiag.charts.impact import keywords_chart
from essdiag.impact.section import ImpactSection, QuestionKind
from essdiag.impact.survey_views import (
    DEFAULT_KEYWORDS,
    frequent_words_view,
    keyword_view,
    text_view,
)
from essdiag.ui import widgets
from essdiag.ui.publics import common
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """Keyword counts beside their chart, frequent words, every answer, and the keywords' editor."""
    _ = screen.tr
    picked = common.shown(screen)
    if picked is None:
        return
    survey, frame = picked
    texts = [q for q in survey.questions if q.kind is QuestionKind.TEXT]
    if not texts:
        st.info(_("Cette enquête n'a pas de question à réponse libre."))
        return
    labels = {q.key: q.label for q in texts}
    key = str(
        st.selectbox(
            _("Question"), list(labels), format_func=labels.__getitem__, key="publics_text_question"
        )
    )
    keywords = keyword_view(survey, frame, key)
    widgets.chart_with_table(keywords_chart(keywords, _), keywords, key="publics_keywords")
    st.caption(
        _(
            "Une réponse compte pour un mot-clé quand un de ses mots commence par lui (accents et majuscules ignorés)."
        )
    )
    widgets.show_view(frequent_words_view(frame, key), key="publics_words")
    answers = text_view(survey, frame, key)
    st.subheader(_("{n} réponse(s) libre(s)", n=len(answers)))
    widgets.show_view(answers, key="publics_answers")
    with st.form("publics_keywords_form"):
        typed = st.text_input(
            _("Mots-clés suivis (séparés par des virgules)"),
            value=", ".join(survey.keywords or DEFAULT_KEYWORDS[survey.kind]),
            key="publics_keywords_typed",
        )
        submitted = st.form_submit_button(_("Enregistrer les mots-clés"))
    if submitted:
        words = [w.strip() for w in typed.split(",") if w.strip()][:40]
        surveys = [
            s.model_copy(update={"keywords": words}) if s.id == survey.id else s
            for s in screen.section.surveys
        ]
        save_section(
            screen,
            screen.section.model_copy(update={"surveys": surveys}),
            _("Mots-clés de l'enquête « {t} »", t=survey.title),
        )
