"""« Exports » tab: the workbook of every table and the DOCX summary for the board and the CSE.

Both files are built when their button is clicked (Streamlit runs the
callable then), from the report the screen shows: a rerun of the screen does
not pay for them (the summary takes about 0.6 s to write).
"""

from __future__ import annotations

import streamlit as st

from essdiag.hr.section import HRSection
from essdiag.report.hr_docx import hr_docx
from essdiag.report.hr_xlsx import hr_xlsx
from essdiag.ui.hr import data
from essdiag.ui.screen import Screen

__all__ = ["show"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def show(screen: Screen[HRSection], found: data.Shown | None) -> None:
    """Two downloads built from the report the screen shows."""
    _ = screen.tr
    if found is None:
        st.info(_("Importez d'abord le registre du personnel (onglet « Effectif »)."))
        return
    rep = found.report
    st.write(
        _(
            "Le classeur reprend chaque tableau de l'écran et, en première feuille, chaque "
            "indicateur avec son calcul ; la synthèse Word est prête pour le conseil "
            "d'administration, le CSE ou un portfolio."
        )
    )
    c1, c2 = st.columns(2)
    c1.download_button(
        _("Télécharger le classeur (XLSX)"),
        data=lambda: hr_xlsx(rep, _),  # built on the click, not on every rerun of the screen
        file_name=f"rh-{screen.slug}.xlsx",
        mime=XLSX,
        key="hr_export_xlsx",
    )
    c2.download_button(
        _("Télécharger la synthèse (DOCX)"),
        data=lambda: hr_docx(rep, _),
        file_name=f"rh-{screen.slug}.docx",
        mime=DOCX,
        key="hr_export_docx",
    )
