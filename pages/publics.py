"""Publics et satisfaction — surveys of members, beneficiaries, clients and partners, by public and period.

Each tab's body is in :mod:`essdiag.ui.publics`; the rules in :mod:`essdiag.impact`
(surveys and their statistics).
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.publics import groups, importer, results, summary, template, text
from essdiag.ui.screen import open_screen

screen = open_screen(
    "publics",
    "impact",
    title=N_("Publics et satisfaction"),
    competencies=["BC02.C3", "BC03.C7"],
    intro=N_(
        "Écouter les adhérents, les bénéficiaires, les clients et les partenaires : importer les "
        "réponses d'une enquête de satisfaction ou de recueil des besoins, lire les moyennes et "
        "le NPS avec leur marge d'incertitude, par public et par période, et les réponses libres."
    ),
)
_ = screen.tr

# The survey shown, its respondents, NPS and first means; or how to start.
summary.show(screen)

tabs = st.tabs(
    [
        _("Résultats"),
        _("Par public et par période"),
        _("Réponses libres"),
        _("Importer"),
        _("Questionnaire type"),
    ]
)
with tabs[0]:  # means with their intervals, one question's distribution, NPS, choices
    results.show(screen)
with tabs[1]:  # the same results by public or by period, small groups withheld
    groups.show(screen)
with tabs[2]:  # keyword counts, frequent words, every free-text answer, the keywords' editor
    text.show(screen)
with tabs[3]:  # a form tool's export: column mapping, publics, import; sample answers
    importer.show(screen)
with tabs[4]:  # the questionnaire template (XLSX, CSV) and how answers are read
    template.show(screen)
