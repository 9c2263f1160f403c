"""The FEC tab: upload a FEC, read it (cached on its digest), list every issue, import it.

The reading is a figure (:func:`essdiag.ledger.views.read_figure`): lines
importable out of lines read, with how the file was read and checked.
"""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from essdiag.ledger.fec import FecResult, read_fec
from essdiag.ledger.section import ImportKind
from essdiag.ledger.views import read_figure
from essdiag.periods import FiscalYear
from essdiag.ui import widgets
from essdiag.ui.ledger.keep import keep
from essdiag.ui.screen import Screen

__all__ = ["show"]

_DIGEST = "ledger_fec_digest"


@st.cache_data(show_spinner=False, max_entries=4)
def _read(digest: str, name: str, label_year: int, start_month: int, _data: bytes) -> FecResult:
    """:func:`essdiag.ledger.read_fec`, kept per file digest (the bytes are not hashed)."""
    fy = FiscalYear(label_year=label_year, start_month=start_month)
    return read_fec(_data, file=name, fiscal_year=fy)


def _digest(upload: UploadedFile) -> str:
    """The file's SHA-256, computed once per upload."""
    known = st.session_state.get(_DIGEST)
    if isinstance(known, tuple) and known[0] == upload.file_id:
        return str(known[1])
    digest = hashlib.sha256(upload.getvalue()).hexdigest()
    st.session_state[_DIGEST] = (upload.file_id, digest)
    return digest


def show(screen: Screen[Any]) -> None:
    """The uploader, the expected year, the reading and its issues, the import button."""
    _ = screen.tr
    upload = st.file_uploader(
        _("Fichier des écritures comptables (FEC)"),
        type=["txt", "csv", "tsv"],
        key="ledger_fec_upload",
        help=_(
            "Texte séparé par des tabulations ou des |, en UTF-8 ou ISO-8859-15, "
            "18 colonnes de l'article A47 A-1 du LPF."
        ),
    )
    year = st.number_input(
        _("Exercice attendu (pour signaler les dates hors exercice)"),
        min_value=2000,
        max_value=2100,
        value=screen.today.year,
        step=1,
        key="ledger_fec_year",
    )
    if upload is None:
        return
    data = upload.getvalue()
    start_month = screen.dossier.identity.fiscal_year_start_month
    progress = st.progress(0.0, text=_("Lecture du fichier…"))
    with st.spinner(_("Lecture et contrôle de {n} octets…", n=len(data))):
        result = _read(_digest(upload), upload.name, int(year), start_month, data)
    progress.progress(1.0, text=_("Lecture terminée."))
    figure = read_figure(result)
    st.write(figure.read(_))
    widgets.explain(figure)
    widgets.show_issues(result.issues)
    if result.ledger is None:
        st.error(_("Ce fichier ne peut pas être importé : corrigez les problèmes signalés."))
    elif st.button(_("Importer ce FEC dans le dossier"), key="ledger_fec_import"):
        keep(
            screen,
            screen.section,
            result.ledger,
            original=data,
            name=upload.name,
            kind=ImportKind.FEC,
            lines_read=result.lines_read,
            issues=len(result.issues),
        )
