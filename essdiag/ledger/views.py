"""What the accounts screen shows: the imported files as a view, a reading as a figure.

Where it sits: the ledger section (:mod:`essdiag.ledger.section`) and a reader's
result (:class:`~essdiag.ledger.fec.FecResult`) → :func:`imports_view` and
:func:`read_figure` → the screen (``essdiag/ui/ledger``), which only lays them
out. Pure: no streamlit.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from essdiag.figures import Column, Figure, Input, View
from essdiag.i18n import N_
from essdiag.ledger.fec import FecResult
from essdiag.ledger.section import LedgerSection

__all__ = ["FEC_METHOD", "imports_view", "read_figure"]

FEC_METHOD: tuple[str, ...] = (
    N_(
        "Le séparateur (tabulation ou |) est lu dans la ligne d'en-tête ; l'encodage est "
        "détecté (UTF-8, UTF-8 avec BOM, ISO-8859-15, Windows-1252)."
    ),
    N_(
        "Les montants sont convertis en centimes exacts (virgule ou point décimal) ; les "
        "numéros de compte, dates et références restent du texte."
    ),
    N_(
        "Chaque écriture (EcritureNum) doit être équilibrée : total des débits = total des crédits."
    ),
    N_(
        "Les écritures d'à-nouveaux (journaux AN/RAN) servent aux soldes mais sont exclues des "
        "charges et des produits de l'exercice."
    ),
    N_("Article A47 A-1 du livre des procédures fiscales."),
)
"""How a FEC is read and checked, in the reader's words (the working of :func:`read_figure`)."""


def _day(iso: str) -> date | None:
    return date.fromisoformat(iso) if iso else None


def imports_view(section: LedgerSection) -> View:
    """The files imported into the dossier, oldest first.

    Example:
        >>> from essdiag.i18n import translator
        >>> from essdiag.ledger.section import LedgerImport
        >>> s = LedgerSection(imports=[LedgerImport(name="FEC.txt", parquet_id="p",
        ...     fiscal_year=2026, lines_kept=1200, lines_read=1201, first_date="2026-01-01")])
        >>> imports_view(s).display(translator("fr")).iloc[0].tolist()[:5]
        ['FEC.txt', 'FEC', '2026', '1\u202f200', '1\u202f201']
    """
    rows = section.imports
    frame = pd.DataFrame(
        {
            "name": pd.Series([i.name for i in rows], dtype="object"),
            "kind": pd.Series([i.kind for i in rows], dtype="object"),
            "fiscal_year": pd.Series([i.fiscal_year for i in rows], dtype="object"),
            "lines_kept": pd.Series([i.lines_kept for i in rows], dtype="int64"),
            "lines_read": pd.Series([i.lines_read for i in rows], dtype="int64"),
            "issues": pd.Series([i.issues for i in rows], dtype="int64"),
            "first_date": pd.Series([_day(i.first_date) for i in rows], dtype="object"),
            "last_date": pd.Series([_day(i.last_date) for i in rows], dtype="object"),
        }
    )
    return View(
        (
            Column("name", N_("Fichier")),
            Column("kind", N_("Type"), "label"),
            Column("fiscal_year", N_("Exercice")),
            Column("lines_kept", N_("Lignes importées"), "count"),
            Column("lines_read", N_("Lignes lues"), "count"),
            Column("issues", N_("Problèmes"), "count"),
            Column("first_date", N_("Du"), "date"),
            Column("last_date", N_("Au"), "date"),
        ),
        frame,
        title=N_("Fichiers importés"),
    )


def read_figure(result: FecResult) -> Figure:
    """What a FEC reading kept: lines importable out of lines read, with how it was read.

    Example:
        >>> from essdiag.i18n import translator
        >>> f = read_figure(FecResult(None, lines_read=10, lines_kept=8, encoding="cp1252"))
        >>> f.read(translator("fr"))
        '8 ligne(s) importable(s) sur 10 ; 2 mise(s) de côté (encodage cp1252).'
    """
    return Figure.of(
        N_("Lignes importables"),
        result.lines_kept,
        "count",
        N_("lignes lues − lignes mises de côté"),
        [
            Input.of(N_("Lignes lues"), result.lines_read, "count"),
            Input.of(N_("Lignes mises de côté"), result.set_aside, "count"),
            Input.of(N_("Encodage"), result.encoding),
            Input.of(N_("Séparateur"), "TAB" if result.separator == "\t" else result.separator),
        ],
        references=FEC_METHOD,
        reading=N_(
            "{kept} ligne(s) importable(s) sur {read} ; {aside} mise(s) de côté (encodage {enc})."
        ),
        reading_params={
            "kept": result.lines_kept,
            "read": result.lines_read,
            "aside": result.set_aside,
            "enc": result.encoding,
        },
        tone="good" if result.set_aside == 0 and result.usable else "watch",
    )
