"""The survey the « Publics et satisfaction » tabs show, chosen once in the headline."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from essdiag.impact.section import ImpactSection, Survey
from essdiag.ui.impact import data
from essdiag.ui.screen import Screen

__all__ = ["CHOICE", "choose", "chosen", "shown"]

CHOICE = "publics_survey"
"""Session key of the survey shown."""


def choose(screen: Screen[ImpactSection]) -> Survey | None:
    """The selectbox of the surveys that have answers (the latest first); the one chosen."""
    _ = screen.tr
    answered = [s for s in reversed(screen.section.surveys) if s.answers_id]
    if not answered:
        return None
    titles = {s.id: s.title for s in answered}
    if st.session_state.get(CHOICE) not in titles:
        st.session_state[CHOICE] = answered[0].id
    picked = st.selectbox(_("Enquête"), list(titles), format_func=titles.__getitem__, key=CHOICE)
    return screen.section.survey(str(picked))


def chosen(screen: Screen[ImpactSection]) -> tuple[Survey, pd.DataFrame] | None:
    """The survey chosen in the headline and its answers, or None."""
    survey = screen.section.survey(str(st.session_state.get(CHOICE, "")))
    if survey is None or not survey.answers_id:
        answered = [s for s in reversed(screen.section.surveys) if s.answers_id]
        survey = answered[0] if answered else None
    if survey is None:
        return None
    frame = data.survey_answers(survey)
    return (survey, frame) if frame is not None else None


def shown(screen: Screen[ImpactSection]) -> tuple[Survey, pd.DataFrame] | None:
    """The survey chosen and its answers; without any, the note that says where to import them."""
    _ = screen.tr
    picked = chosen(screen)
    if picked is None:
        st.info(_("Importez d'abord les réponses d'une enquête (onglet « Importer »)."))
    return picked
