"""« Importer un fichier » tab of the home screen: a dossier file read into a new dossier.

The file (JSON or the Excel workbook of :mod:`essdiag.dossier_files`) becomes
a new dossier of the workspace; the open dossier is never changed, even when
the file is refused or cannot be stored.
"""

from __future__ import annotations

import streamlit as st

from essdiag.dossier import MAX_DOSSIER_BYTES
from essdiag.dossier_files import read_dossier_file
from essdiag.errors import EssdiagError
from essdiag.i18n import Translator
from essdiag.ui import state, widgets
from essdiag.ui.home import flash, show_error
from essdiag.ui.uploads import file_uploader

__all__ = ["show"]


def show(_: Translator) -> None:
    """The upload, and the import with every issue the reader found."""
    st.write(
        _(
            "Importez un dossier enregistré depuis essdiag (JSON) ou son classeur Excel "
            "(une feuille par section). Le fichier devient un nouveau dossier : "
            "le dossier ouvert n'est pas modifié."
        )
    )
    upload = file_uploader(
        _("Fichier de dossier"),
        types=["json", "xlsx"],
        key="home_import_file",
        limit_mb=MAX_DOSSIER_BYTES >> 20,
        help=_("Un dossier essdiag (.json) ou son classeur (.xlsx), {limit} Mo au plus.").format(
            limit=MAX_DOSSIER_BYTES // 2**20
        ),
    )
    if upload is None or not st.button(_("Importer"), key="home_import_go", type="primary"):
        return
    dossier, issues = read_dossier_file(upload.getvalue(), upload.name)
    if dossier is None:
        widgets.show_issues(
            issues,
            title=_("Le fichier « {f} » n'a pas été importé : rien n'a changé.", f=upload.name),
        )
        return
    try:
        info = state.create_and_open(dossier, _("Import du fichier « {f} »", f=upload.name))
    except EssdiagError as exc:
        show_error(exc)
        return
    flash(_("Dossier importé et ouvert : {name}.", name=info.name), issues=issues)
    st.rerun()
