"""Import the accounting files of a case folder: FEC ledgers and the budget template.

Used to open a sample case with its accounts ready (the variance page works
at once) and by anyone importing a folder of exports: each ``*FEC*`` text
file is read with :func:`essdiag.ledger.read_fec` and stored as attachments;
a ``budget*.xlsx`` (or ``.csv``) fills an empty budget section.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from essdiag.budget.section import BudgetSection
from essdiag.budget.template import read_budget
from essdiag.errors import Issue
from essdiag.ledger.fec import read_fec
from essdiag.ledger.section import LedgerSection
from essdiag.ledger.storage import AttachmentStore, store_ledger
from essdiag.periods import FiscalYear

__all__ = ["fiscal_year_of", "import_case_files"]


def fiscal_year_of(ledger: pd.DataFrame, start_month: int = 1) -> FiscalYear | None:
    """The fiscal year holding most of the ledger's non-opening entries (None when empty)."""
    dates = ledger.loc[~ledger["opening"].astype(bool), "date"]
    if dates.empty:
        dates = ledger["date"]
    if dates.empty:
        return None
    middle = dates.sort_values().iloc[len(dates) // 2]
    return FiscalYear.containing(middle.date(), start_month)


def _is_fec(name: str) -> bool:
    return "FEC" in name.upper() and name.lower().endswith((".txt", ".csv"))


def import_case_files(
    store: AttachmentStore,
    dossier_id: str,
    ledger: LedgerSection,
    budget: BudgetSection,
    files: Mapping[str, bytes],
    *,
    start_month: int = 1,
) -> tuple[LedgerSection, BudgetSection, list[Issue]]:
    """Store every FEC of ``files`` and read the budget when the section has none.

    Returns the updated sections and the issues found (the files that could
    not be used are reported, never raised).
    """
    issues: list[Issue] = []
    years: list[FiscalYear] = []
    for name in sorted(n for n in files if _is_fec(n)):
        result = read_fec(files[name], file=name)
        issues += result.issues
        if result.ledger is None:
            continue
        fy = fiscal_year_of(result.ledger, start_month)
        if fy is None:
            continue
        years.append(fy)
        ledger = store_ledger(
            store,
            dossier_id,
            ledger,
            result.ledger,
            original=files[name],
            name=name,
            kind="fec",
            fiscal_year=fy.label_year,
            lines_read=result.lines_read,
            issues=len(result.issues),
        )
    if not budget.lines:
        candidates = sorted(
            (n for n in files if n.lower().startswith("budget") and n.lower().endswith(".xlsx")),
            reverse=True,
        ) or sorted(
            (n for n in files if n.lower().startswith("budget") and n.lower().endswith(".csv")),
            reverse=True,
        )
        if candidates:
            name = candidates[0]
            digits = "".join(ch if ch.isdigit() else " " for ch in name).split()
            label = next((int(d) for d in digits if len(d) == 4), None)
            if label is None and years:
                label = max(y.label_year for y in years)
            if label is not None:
                fy = FiscalYear(label_year=label, start_month=start_month)
                read, found = read_budget(files[name], file=name, fiscal_year=fy)
                issues += found
                if read is not None:
                    budget = budget.model_copy(
                        update={
                            "fiscal_year": read.fiscal_year,
                            "start_month": read.start_month,
                            "lines": read.lines,
                        }
                    )
    return ledger, budget, issues
