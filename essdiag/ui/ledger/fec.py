"""The FEC tab: upload a FEC, read it once, say what it is and what will be kept, import it.

The reading is kept in the session for that upload only (never hashed, never
copied into a cache beside the stored Parquet) and dropped once imported.
The fiscal year is the reader's: from the file name (``SIRENFECAAAAMMJJ``)
or the dates, which the user may correct.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.errors import Severity
from essdiag.guards import TABLE_LIMITS
from essdiag.i18n import N_
from essdiag.ledger.fec import FecResult, read_fec
from essdiag.ledger.section import ImportKind
from essdiag.ledger.views import read_figure, replaced_by
from essdiag.periods import FiscalYear
from essdiag.ui import uploads, widgets
from essdiag.ui.ledger.keep import keep
from essdiag.ui.screen import Screen

__all__ = ["UPLOAD", "show", "upload_key"]

UPLOAD = "ledger_fec_upload"
_READ = "ledger_fec_read"
_ROUND = "ledger_fec_round"

_SOURCES = {
    "name": N_("d'après le nom du fichier (date de clôture)"),
    "dates": N_("d'après les dates des écritures"),
    "given": N_("choisi ci-dessous"),
}


def upload_key() -> str:
    """The uploader's key: :data:`UPLOAD`, then a new one after each import (the uploader empties)."""
    rounds = int(st.session_state.get(_ROUND, 0))
    return f"{UPLOAD}_{rounds}" if rounds else UPLOAD


def _read(screen: Screen[Any], upload: Any, year: int | None) -> FecResult:
    """The reading of this upload (for this year), read once: the bytes are not copied again."""
    name, file_id = upload.name, upload.file_id
    start = screen.dossier.identity.fiscal_year_start_month
    known = st.session_state.get(_READ)
    if isinstance(known, tuple) and known[:3] == (file_id, start, year):
        result: FecResult = known[3]
        return result
    fy = FiscalYear(label_year=year, start_month=start) if year else None
    _ = screen.tr
    with st.spinner(_("Lecture et contrôle du fichier ({n} Mo)…", n=round(upload.size / 2**20, 1))):
        result = read_fec(upload.getvalue(), file=name, fiscal_year=fy, start_month=start)
    st.session_state[_READ] = (file_id, start, year, result)
    return result


def _year(screen: Screen[Any], result: FecResult) -> int | None:
    """The fiscal year the user confirms (the one found by default)."""
    _ = screen.tr
    found = result.fiscal_year
    if found is None:
        return None
    how = _(_SOURCES.get(result.year_source, _SOURCES["dates"]))
    st.caption(_("Le fichier couvre l'{fy}, {how}.", fy=found.title(_), how=how))
    chosen = st.number_input(
        _("Exercice du fichier (année de clôture)"),
        min_value=1900,
        max_value=2199,
        value=found.label_year,
        step=1,
        key=f"ledger_fec_year_{result.lines_read}_{found.label_year}",
        help=_("Les écritures datées hors de cet exercice sont signalées (et importées)."),
    )
    return int(chosen)


def _plan(screen: Screen[Any], result: FecResult, year: int | None) -> None:
    """What will be kept and what will not; what the import replaces."""
    _ = screen.tr
    if result.ledger is None:
        st.error(
            _(
                "Rien ne sera importé : ce fichier ne peut pas être lu comme un FEC. Corrigez "
                "les problèmes bloquants ci-dessus, puis déposez-le de nouveau."
            )
        )
        return
    blocking = sum(i.severity is Severity.ERROR for i in result.issues)
    if result.set_aside:
        st.warning(
            _(
                "Seront importées {kept} ligne(s) sur {read} ; {aside} ligne(s) seront mises de "
                "côté ({blocking} problème(s) bloquant(s), détaillés ci-dessus). Vous pouvez "
                "importer maintenant et réimporter le fichier corrigé plus tard.",
                kept=_.number(result.lines_kept),
                read=_.number(result.lines_read),
                aside=_.number(result.set_aside),
                blocking=blocking,
            )
        )
    else:
        st.success(_("Toutes les lignes ({n}) seront importées.", n=_.number(result.lines_kept)))
    gone = replaced_by(screen.section, year)
    if gone:
        st.info(
            _(
                "Cet import remplace pour l'exercice {y} : {files}. L'ancienne version reste dans "
                "l'historique du dossier (accueil), d'où elle peut être restaurée.",
                y=year,
                files=", ".join(gone),
            )
        )


def show(screen: Screen[Any]) -> None:
    """The uploader, the year found, the reading and its issues, the plan, the import button."""
    _ = screen.tr
    upload = uploads.file_uploader(
        _("Fichier des écritures comptables (FEC)"),
        types=["txt", "csv", "tsv"],
        key=upload_key(),
        limit_mb=TABLE_LIMITS.max_bytes >> 20,
        help=_(
            "Texte séparé par des tabulations ou des |, en UTF-8 ou ISO-8859-15, "
            "18 colonnes de l'article A47 A-1 du LPF."
        ),
    )
    if upload is None:
        return
    asked = st.session_state.get(f"{_READ}_year")
    chosen = asked[1] if isinstance(asked, tuple) and asked[0] == upload.file_id else None
    result = _read(screen, upload, chosen)
    year = _year(screen, result)
    if result.fiscal_year is not None and year != result.fiscal_year.label_year:
        st.session_state[f"{_READ}_year"] = (upload.file_id, year)
        st.rerun()
    figure = read_figure(result)
    st.write(figure.read(_))
    widgets.explain(figure)
    widgets.show_issues(result.issues, key="ledger_fec_issues")
    _plan(screen, result, year)
    if result.ledger is None:
        return
    if st.button(_("Importer ce FEC dans le dossier"), key="ledger_fec_import", type="primary"):
        rounds = int(st.session_state.get(_ROUND, 0)) + 1
        keep(
            screen,
            screen.section,
            result.ledger,
            original=upload.getvalue(),
            name=upload.name,
            kind=ImportKind.FEC,
            lines_read=result.lines_read,
            issues=len(result.issues),
            fiscal_year=result.fiscal_year,
            after={_ROUND: rounds, _READ: None, f"{_READ}_year": None},
        )
