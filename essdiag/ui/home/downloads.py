"""The open dossier's files on the home screen: JSON and the Excel workbook, to keep or edit.

Both are built once per revision (:func:`essdiag.ui.cache.computed`): the
workbook took 80 % of the home page's time when it was rebuilt on every rerun.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.dossier import Dossier
from essdiag.dossier_files import write_dossier_xlsx
from essdiag.ui.cache import computed
from essdiag.ui.screen import Screen

__all__ = ["XLSX_MIME", "dossier_json", "show"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def dossier_json(dossier: Dossier) -> bytes:
    """The dossier file as downloaded (UTF-8 JSON)."""
    return dossier.to_json().encode("utf-8")


def show(screen: Screen[Any]) -> None:
    """Two download buttons, named after the organisation and the open revision."""
    _ = screen.tr
    name = f"{screen.slug}-v{screen.opened.revision}"
    col_json, col_xlsx = st.columns(2)
    col_json.download_button(
        _("Télécharger le dossier (JSON)"),
        data=computed(dossier_json, screen.opened),
        file_name=f"{name}.json",
        mime="application/json",
        key="home_dl_json",
        help=_("Le dossier complet, à garder ou à importer dans un autre espace de travail."),
    )
    col_xlsx.download_button(
        _("Télécharger le dossier (Excel)"),
        data=computed(write_dossier_xlsx, screen.opened),
        file_name=f"{name}.xlsx",
        mime=XLSX_MIME,
        key="home_dl_xlsx",
        help=_(
            "Une feuille par section : modifiez la colonne « Valeur » puis importez le classeur "
            "depuis l'onglet « Importer un fichier »."
        ),
    )
