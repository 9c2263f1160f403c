"""Headline of « Publics et satisfaction »: the survey shown, its respondents, NPS and first means."""

from __future__ import annotations

import streamlit as st

from essdiag.impact.section import ImpactSection
from essdiag.impact.survey_views import survey_figures
from essdiag.ui import widgets
from essdiag.ui.impact import data
from essdiag.ui.publics import common
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """The survey's choice and four headline figures, or the empty state that says where to start."""
    _ = screen.tr
    survey = common.choose(screen)
    if survey is None:
        waiting = [s for s in screen.section.surveys if not s.answers_id]
        st.info(
            _(
                "Aucune réponse d'enquête n'est encore importée. Téléchargez le questionnaire type "
                "(onglet « Questionnaire type »), diffusez-le avec votre outil de formulaire, puis "
                "importez l'export CSV ou XLSX des réponses (onglet « Importer »)."
            )
            if not waiting
            else _(
                "L'enquête « {title} » est décrite mais ses réponses ne sont pas jointes : "
                "importez-les dans l'onglet « Importer ».",
                title=waiting[0].title,
            )
        )
        return
    frame = data.survey_answers(survey)
    if frame is None:
        return
    figures = survey_figures(survey, frame)
    keys = ["respondents", *(["nps"] if "nps" in figures else [])]
    keys += [k for k in figures if k not in ("respondents", "nps")][: 4 - len(keys)]
    st.caption(
        _(
            "{kind} · {n} réponse(s) retenue(s) sur {read} ligne(s) du fichier « {file} ».",
            kind=_(survey.kind.label),
            n=survey.rows_kept,
            read=survey.rows_read,
            file=survey.file,
        )
    )
    cols = st.columns(len(keys))
    for col, key in zip(cols, keys, strict=True):
        with col:
            widgets.figure_metric(figures[key])
