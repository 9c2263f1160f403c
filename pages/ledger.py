"""Comptabilité — import the actuals: FEC or CSV/XLSX with a column mapping, issues listed.

The parts of the screen are in :mod:`essdiag.ui.ledger`; the readers in :mod:`essdiag.ledger`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.ledger import balance, fec, imports, table
from essdiag.ui.screen import open_screen

TABS_KEY = "ledger_tab"

screen = open_screen(
    "ledger",
    "ledger",
    title=N_("Comptabilité : import du réalisé"),
    competencies=["BC02.C7"],
    intro=N_(
        "Importez le fichier des écritures comptables (FEC) exporté par votre logiciel, ou un "
        "tableau CSV/XLSX de réalisé. Chaque problème est signalé avec sa ligne et sa colonne ; "
        "les lignes inutilisables sont mises de côté et le reste est importé. Vérifiez ensuite "
        "la balance, le résultat et la trésorerie avec ceux de votre logiciel comptable."
    ),
)
_ = screen.tr

# The files already imported (name, year, lines, issues, dates), or what to import first.
imports.show(screen)

# Only the open tab's balance is drawn (a rerun stays quick); the import tabs are light and
# always drawn, so an uploaded file survives a change of tab. A new language opens the first tab.
tab_fec, tab_table, tab_balance = st.tabs(
    [_("Importer un FEC"), _("Importer un tableau CSV ou XLSX"), _("Balance et trésorerie")],
    key=f"{TABS_KEY}_{_.lang}",
    on_change="rerun",
)
with tab_fec:  # a FEC: the year found, how it was read, every issue, what is kept, the import
    fec.show(screen)
with tab_table:  # a CSV/XLSX table: preview, the column mapping remembered, issues, the import
    table.show(screen)
if tab_balance.open:
    with tab_balance:  # result to date, cash at month end, movements by class, trial balance
        balance.show(screen)
