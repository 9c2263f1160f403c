"""The budget template writer: the year-2 plan as ``budget_2026.xlsx`` and ``budget_2026.csv``.

Where it sits: last step for the budget. The plan of year 2 (cents, by
account) becomes one row per account and analytic code, in the columns of
:data:`essdiag.budget.template.TEMPLATE_COLUMNS`; the workbook adds the
Synthèse (totals by CERFA heading) and Hypothèses sheets. The workbook's
creation date is fixed by the spec, so the file is byte-reproducible.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter

from essdiag.budget.template import TEMPLATE_COLUMNS
from sample_data.simulation.amounts import fmt_cents, phase
from sample_data.simulation.spec import Case

__all__ = ["BudgetRow", "budget_rows", "write_budget_csv", "write_budget_xlsx"]


@dataclass(frozen=True)
class BudgetRow:
    """One line of the budget: an account for one analytic code (cents by month)."""

    account: str
    label: str
    heading: str
    analytic: str
    funder: str
    months: tuple[int, ...]

    @property
    def total(self) -> int:
        """Year total in cents."""
        return sum(self.months)


def _budget_order(account: str) -> tuple[int, str]:
    """Charges, uses in kind, income, then sources in kind (87)."""
    rank = {"6": 0, "8": 1, "7": 2}[account[0]]
    if account.startswith("87"):
        rank = 3
    return rank, account


def budget_rows(case: Case, months: dict[str, list[int]]) -> list[BudgetRow]:
    """Budget lines: account × analytic code, zero lines left out.

    The year total of an account is split between analytic codes in whole
    euros (cents go to the first code), then each code follows the account's
    monthly profile.
    """
    rows = []
    for account in sorted(months, key=_budget_order):
        total = sum(months[account])
        if total == 0:
            continue
        shares = case.split_of(account)
        code_totals = [100 * e for e in phase(total // 100, [s for _, s in shares])]
        code_totals[0] += total % 100
        spec = case.line(account)
        for (code, _share), code_total in zip(shares, code_totals, strict=True):
            if code_total == 0:
                continue
            values = tuple(phase(code_total, months[account]))
            rows.append(
                BudgetRow(
                    account,
                    case.accounts[account],
                    account[:2],
                    code,
                    spec.funder if spec else "",
                    values,
                )
            )
    return rows


def _notes(case: Case) -> tuple[str, ...]:
    """The Hypothèses sheet: the spec's notes, then the analytic codes."""
    codes = " ; ".join(f"{k} = {v}" for k, v in case.analytic_codes.items())
    return (*case.budget.notes, f"Codes analytiques : {codes}.")


def write_budget_xlsx(case: Case, rows: Sequence[BudgetRow], path: Path) -> None:
    """The budget as a workbook: sheets Budget, Synthèse and Hypothèses."""
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": False, "in_memory": True})
    wb.set_properties(dict(case.budget.workbook))
    bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    money = wb.add_format({"num_format": "#,##0.00"})
    money_bold = wb.add_format({"num_format": "#,##0.00", "bold": True})
    sheet = wb.add_worksheet("Budget")
    sheet.write_row(0, 0, TEMPLATE_COLUMNS, bold)
    for r, row in enumerate(rows, start=1):
        sheet.write_string(r, 0, row.account)
        sheet.write_string(r, 1, row.label)
        sheet.write_string(r, 2, row.heading)
        sheet.write_string(r, 3, row.analytic)
        sheet.write_string(r, 4, row.funder)
        for c, value in enumerate(row.months, start=5):
            sheet.write_number(r, c, value / 100, money)
        sheet.write_number(r, 17, row.total / 100, money_bold)
    sheet.set_column(0, 0, 9)
    sheet.set_column(1, 1, 52)
    sheet.set_column(2, 3, 10)
    sheet.set_column(4, 4, 40)
    sheet.set_column(5, 17, 12)
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, len(rows), len(TEMPLATE_COLUMNS) - 1)
    _write_summary(
        case, wb.add_worksheet("Synthèse"), rows, bold=bold, money=money, money_bold=money_bold
    )
    notes = wb.add_worksheet("Hypothèses")
    notes.set_column(0, 0, 120)
    for r, text in enumerate(_notes(case)):
        notes.write_string(r, 0, text)
    wb.close()


def _write_summary(
    case: Case, sheet: Any, rows: Sequence[BudgetRow], *, bold: Any, money: Any, money_bold: Any
) -> None:
    """The Synthèse sheet: totals by CERFA heading, total charges and income, their gap."""
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        totals[row.heading] += row.total
    charges = sum(v for k, v in totals.items() if k.startswith(("6", "86")))
    income = sum(v for k, v in totals.items() if k.startswith(("7", "87")))
    sheet.write_row(0, 0, ("Rubrique", "Intitulé (CERFA 12156)", f"Montant {case.year_2}"), bold)
    r = 1
    for heading in sorted(totals, key=lambda h: _budget_order(h + "0000")):
        sheet.write_row(r, 0, (heading, case.budget.headings[heading]))
        sheet.write_number(r, 2, totals[heading] / 100, money)
        r += 1
    for label, value in (
        ("Total des charges", charges),
        ("Total des produits", income),
        ("Écart (produits − charges)", income - charges),
    ):
        sheet.write_string(r, 1, label, bold)
        sheet.write_number(r, 2, value / 100, money_bold)
        r += 1
    sheet.set_column(0, 0, 10)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 2, 16)


def write_budget_csv(rows: Sequence[BudgetRow], path: Path) -> None:
    """The budget as CSV: UTF-8, ``;`` separator, decimal comma."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\n")
        writer.writerow(TEMPLATE_COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    row.account,
                    row.label,
                    row.heading,
                    row.analytic,
                    row.funder,
                    *(fmt_cents(v) for v in row.months),
                    fmt_cents(row.total),
                ]
            )
