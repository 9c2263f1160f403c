"""The recyclerie sample read two ways: by essdiag, and by plain Python for reference values.

The plain readers use ``str.split`` on the FEC text, ``Decimal`` amounts and
openpyxl for the budget: no code of essdiag produces the reference values.
Sources: sample_data/recyclerie/FEC_2025.txt, FEC_2026_01-10.txt, budget_2026.xlsx.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import cache
from pathlib import Path

import openpyxl
import pandas as pd

from essdiag.budget import BudgetSection
from essdiag.budget.template import read_budget
from essdiag.ledger import read_fec
from essdiag.periods import FiscalYear

CASE = Path(__file__).resolve().parents[2] / "sample_data" / "recyclerie"
FY = FiscalYear(label_year=2026)
MONTHS = ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août",
          "Septembre", "Octobre", "Novembre", "Décembre"]  # fmt: skip


def plain_actuals(name: str) -> dict[tuple[str, int], Decimal]:
    """(account, month) → amount, positive when normal; AN journal left out. Plain Python."""
    out: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    text = (CASE / name).read_text("utf-8")
    for row in text.splitlines()[1:]:
        f = row.split("\t")
        journal, day, account = f[0], f[3], f[4]
        if journal == "AN" or account[0] not in "67":
            continue
        debit = Decimal(f[11].replace(",", "."))
        credit = Decimal(f[12].replace(",", "."))
        net = debit - credit if account[0] == "6" else credit - debit
        out[(account, int(day[4:6]))] += net
    return out


def plain_budget() -> dict[tuple[str, int], Decimal]:
    """(account, month) → budget from the workbook with openpyxl (all analytic codes)."""
    wb = openpyxl.load_workbook(CASE / "budget_2026.xlsx", data_only=True)
    ws = wb["Budget"]
    head = [c.value for c in ws[1]]
    out: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    for row in ws.iter_rows(min_row=2, values_only=True):
        if not row[0]:
            continue
        for m, name in enumerate(MONTHS, start=1):
            out[(str(row[0]), m)] += Decimal(str(row[head.index(name)] or 0))
    return out


@cache
def sample_files() -> tuple[BudgetSection, pd.DataFrame, pd.DataFrame]:
    """The 2026 budget, the 2026 ledger (January–October) and the 2025 ledger, read by essdiag."""
    budget, _ = read_budget((CASE / "budget_2026.xlsx").read_bytes(), fiscal_year=FY)
    assert budget is not None
    this = read_fec((CASE / "FEC_2026_01-10.txt").read_bytes()).ledger
    last = read_fec((CASE / "FEC_2025.txt").read_bytes()).ledger
    assert this is not None and last is not None
    return budget, this, last
