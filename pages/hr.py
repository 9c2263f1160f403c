"""Ressources humaines — workforce, pay policy, equality index, disability, skills, working life.

Each tab's body is in :mod:`essdiag.ui.hr`; the rules in :mod:`essdiag.hr`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.hr import disability, equality, exports, pay, register, skills, social, summary
from essdiag.ui.screen import open_screen

screen = open_screen(
    "hr",
    "hr",
    title=N_("Ressources humaines"),
    competencies=["BC02.C8", "BC02.C9", "BC02.C10", "BC02.C2"],
    intro=N_(
        "Une pratique RH légale et exemplaire : effectif, politique de rémunération et plafonds "
        "ESUS, index de l'égalité professionnelle, obligation d'emploi des travailleurs "
        "handicapés, écarts de compétences, indicateurs sociaux et qualité de vie au travail."
    ),
)
_ = screen.tr

# Headcount, FTE, the equality index and the OETH contribution, or where to start.
summary.show(screen)

tabs = st.tabs(
    [
        _("Effectif"),
        _("Rémunérations"),
        _("Égalité"),
        _("Handicap (OETH)"),
        _("Compétences"),
        _("Social et QVT"),
        _("Exports"),
    ]
)
with tabs[0]:  # headcounts by category and contract, the register's template and its import
    register.show(screen)
with tabs[1]:  # full-time pay scale and bands, highest/lowest ratio, ESUS caps and margins
    pay.show(screen)
with tabs[2]:  # the Egapro index, each indicator's working and groups, EU transparency gaps
    equality.show(screen)
with tabs[3]:  # OETH: obligation, beneficiaries, contribution and deductions, their inputs
    disability.show(screen)
with tabs[4]:  # skills gap heat map, key-person risks to the register, training plan, editors
    skills.show(screen)
with tabs[5]:  # turnover, absenteeism, accidents, training access, the QVT survey by theme
    social.show(screen)
with tabs[6]:  # the XLSX workbook and the DOCX summary for the board and the CSE
    exports.show(screen)
