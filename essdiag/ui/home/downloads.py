"""The open dossier's files on the home screen: JSON and the Excel workbook, to keep or edit."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.dossier_files import write_dossier_xlsx
from essdiag.ui.screen import Screen

__all__ = ["XLSX_MIME", "show"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show(screen: Screen[Any]) -> None:
    """Two download buttons, named after the organisation and the open revision."""
    _ = screen.tr
    name = f"{screen.slug}-v{screen.opened.revision}"
    col_json, col_xlsx = st.columns(2)
    col_json.download_button(
        _("Télécharger le dossier (JSON)"),
        data=screen.dossier.to_json().encode("utf-8"),
        file_name=f"{name}.json",
        mime="application/json",
        key="home_dl_json",
    )
    col_xlsx.download_button(
        _("Télécharger le dossier (Excel)"),
        data=write_dossier_xlsx(screen.dossier),
        file_name=f"{name}.xlsx",
        mime=XLSX_MIME,
        key="home_dl_xlsx",
    )
