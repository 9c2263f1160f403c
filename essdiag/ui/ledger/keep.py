"""Keep an imported ledger: attachments in the workspace, the import in the section, a revision.

Shared by the FEC and the table tabs. The fiscal year is the ledger's own
(:func:`essdiag.ledger.fiscal_year_of`), with the organisation's first month.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from essdiag.ledger import fiscal_year_of, store_ledger
from essdiag.ledger.section import ImportKind, LedgerSection
from essdiag.ui import state
from essdiag.ui.screen import Screen, save_section

__all__ = ["keep"]


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
) -> None:
    """Store the ledger and its original file, then save ``section`` with the new import."""
    fy = fiscal_year_of(ledger, screen.dossier.identity.fiscal_year_start_month)
    new_section = store_ledger(
        state.workspace(),
        screen.opened.id,
        section,
        ledger,
        original=original,
        name=name,
        kind=kind,
        fiscal_year=fy.label_year if fy else None,
        lines_read=lines_read,
        issues=issues,
    )
    _ = screen.tr
    save_section(screen, new_section, _("Import du fichier comptable « {f} »", f=name))
