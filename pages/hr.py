"""Ressources humaines — workforce, pay policy, equality index, disability, skills, working life.

Each tab's body is in :mod:`essdiag.ui.hr`; the rules in :mod:`essdiag.hr`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.hr import (
    data,
    disability,
    equality,
    exports,
    layout,
    pay,
    register,
    skills,
    social,
    summary,
)
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

# The rows the last import set aside, under the confirmation of its save.
layout.pending_issues()
# The report and charts of the open revision, read once a rerun (None until a register).
found = data.shown(screen)
# Headcount, FTE, the equality index and the OETH contribution, or where to start.
summary.show(screen, found)

# Only the open tab is drawn: a rerun pays for one tab, not seven (Streamlit keeps which one).
tabs = st.tabs(
    [
        _("Effectif"),
        _("Rémunérations"),
        _("Égalité"),
        _("Handicap (OETH)"),
        _("Compétences"),
        _("Social et QVT"),
        _("Exports"),
    ],
    key="hr_tab",
    on_change="rerun",
)
bodies = (
    register,  # headcounts by category and contract, the register's template and its import
    pay,  # full-time pay scale and bands, highest/lowest ratio, ESUS caps and margins
    equality,  # the Egapro index, each indicator's working and groups, EU transparency gaps
    disability,  # OETH: obligation, beneficiaries, contribution and deductions, their inputs
    skills,  # skills gap heat map, key-person risks to the register, training plan, editors
    social,  # turnover, absenteeism, accidents, training access, the QVT survey by theme
    exports,  # the XLSX workbook and the DOCX summary for the board and the CSE
)
for tab, body in zip(tabs, bodies, strict=True):
    if tab.open:
        with tab:
            body.show(screen, found)
