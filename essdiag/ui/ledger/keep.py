"""Keep an imported ledger: attachments in the workspace, the import in the section, a revision.

Shared by the FEC and the table tabs. The fiscal year is the reader's (file
name, then dates, :mod:`essdiag.ledger.nature`) or the ledger's own
(:func:`essdiag.ledger.fiscal_year_of`), with the organisation's first month.
Re-importing a year replaces its earlier imports in the section; the earlier
revision keeps them (the history can restore it).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from essdiag.i18n import N_
from essdiag.ledger import fiscal_year_of, store_ledger
from essdiag.ledger.section import ImportKind, LedgerSection
from essdiag.periods import FiscalYear
from essdiag.ui import state
from essdiag.ui.screen import Screen, save_section

__all__ = ["keep", "year_of"]


def year_of(screen: Screen[Any], ledger: pd.DataFrame, known: FiscalYear | None) -> int | None:
    """The fiscal year an import is filed under."""
    if known is not None:
        return known.label_year
    fy = fiscal_year_of(ledger, screen.dossier.identity.fiscal_year_start_month)
    return fy.label_year if fy else None


def keep(
    screen: Screen[Any],
    section: LedgerSection,
    ledger: pd.DataFrame,
    *,
    original: bytes,
    name: str,
    kind: ImportKind,
    lines_read: int,
    issues: int,
    fiscal_year: FiscalYear | None = None,
    after: dict[str, Any] | None = None,
    replace_year: bool = True,
) -> None:
    """Store the ledger and its original file, then save ``section`` with the new import.

    With ``replace_year`` (the default) the earlier imports of its year leave the section;
    otherwise the new lines are added beside them.
    """
    year = year_of(screen, ledger, fiscal_year)
    new_section = store_ledger(
        state.workspace(),
        screen.opened.id,
        section,
        ledger,
        original=original,
        name=name,
        kind=kind,
        fiscal_year=year,
        lines_read=lines_read,
        issues=issues,
        replace_year=replace_year,
    )
    _ = screen.tr
    save_section(
        screen,
        new_section,
        _("Import du fichier comptable « {f} »", f=name),
        after=after,
        flash=N_(
            "Fichier « {f} » importé (version {rev}) : {kept} ligne(s) importée(s) sur {read} lue(s)."
        ),
        flash_params={"f": name, "kept": len(ledger), "read": lines_read},
    )
