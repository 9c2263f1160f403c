"""Veille territoriale — territory, needs, watch journal, ecosystem, exports.

The body of each tab is in :mod:`essdiag.ui.watch`; the rules in :mod:`essdiag.watch`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.screen import open_screen
from essdiag.ui.watch import ecosystem, files, journal, needs, summary, territory

screen = open_screen(
    "watch",
    "watch",
    title=N_("Veille territoriale"),
    competencies=["BC01.C1", "BC01.C2", "BC01.C8"],
    intro=N_(
        "Repérer les besoins nouveaux ou mal couverts du territoire : ses indicateurs face aux "
        "références (département, région, France), les écarts qui deviennent des besoins, le journal "
        "de veille et l'écosystème des acteurs avec qui coopérer. Chaque étape garde la trace de celle "
        "qui la précède ; le diagnostic stratégique s'en nourrit."
    ),
)
_ = screen.tr

# Headline figures: unfavourable gaps beyond the threshold, needs, recent watch items, actors.
summary.show(screen)

tab_territory, tab_needs, tab_journal, tab_ecosystem, tab_files = st.tabs(
    [_("Territoire"), _("Besoins"), _("Journal de veille"), _("Écosystème"), _("Exports")]
)
with tab_territory:  # indicators by level, gaps and their chart, settings, INSEE import
    territory.show(screen)
with tab_needs:  # candidate needs with their rule, needs retained, a need typed in
    needs.show(screen)
with tab_journal:  # search and filters, the journal, PESTEL chart, item form, RSS/CSV import
    journal.show(screen)
with tab_ecosystem:  # actors (typed and from the funding register), map, cooperations
    ecosystem.show(screen)
with tab_files:  # board digest (Word, Markdown), workbook of every table
    files.show(screen)
