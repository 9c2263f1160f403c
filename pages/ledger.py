"""Comptabilité — import the actuals: FEC or CSV/XLSX with a column mapping, issues listed.

The parts of the screen are in :mod:`essdiag.ui.ledger`; the readers in :mod:`essdiag.ledger`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.ledger import fec, imports, table
from essdiag.ui.screen import open_screen

screen = open_screen(
    "ledger",
    "ledger",
    title=N_("Comptabilité : import du réalisé"),
    competencies=["BC02.C7"],
    intro=N_(
        "Importez le fichier des écritures comptables (FEC) exporté par votre logiciel, ou un "
        "tableau CSV/XLSX de réalisé. Chaque problème est signalé avec sa ligne et sa colonne ; "
        "les lignes inutilisables sont mises de côté et le reste est importé."
    ),
)
_ = screen.tr

# The files already imported (name, year, lines, issues, dates), or what to import first.
imports.show(screen)

tab_fec, tab_table = st.tabs([_("FEC"), _("Tableau CSV ou XLSX")])
with tab_fec:  # a FEC: how it was read (with the working), every issue, the import
    fec.show(screen)
with tab_table:  # a CSV/XLSX table: preview, the column mapping remembered, issues, the import
    table.show(screen)
