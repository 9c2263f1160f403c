"""The budget spreadsheet template: read and write a budget as XLSX (or CSV).

The template (documented here and on the notice sheet of every export):

* sheet ``Budget``, first row the header
  ``Compte | Libellé | Rubrique | Code analytique | Financeur | Janvier … Décembre | Total``;
* one row per budget line; ``Compte`` is an account number or a heading
  (``6063``, ``64``); ``Rubrique`` the two-digit CERFA 12156 heading (taken
  from the account when empty); ``Financeur`` for grant lines (74);
* month columns hold euros, positive when normal (a charge on a class-6 line,
  an income on a class-7 line); they are named by calendar month and read by
  name, so a fiscal year starting in July is laid out Juillet … Juin;
* ``Total`` is checked against the sum of the months (a warning if not).

The same columns separated by ``;`` with a decimal comma make the CSV form.

Cells are read with :mod:`essdiag.ledger.cells` (amounts to exact cents,
trimmed text), like the accounts; the workbook is written with the kernel's
:mod:`essdiag.xlsx`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Protocol

import numpy as np
import pandas as pd
from pydantic import ValidationError

from essdiag.budget.checks import balance_check, totals_by_heading
from essdiag.budget.importer import BudgetMapping, lines_from_mapping, suggest_budget_mapping
from essdiag.budget.model import Budget, budget_lines
from essdiag.budget.phasing import detect_phasing
from essdiag.budget.section import BudgetLine, BudgetSection
from essdiag.errors import Issue, Severity
from essdiag.guards import FORM_LIMITS
from essdiag.guards import reader as guarded_reader
from essdiag.i18n import N_, Money
from essdiag.ledger.cells import cell_text
from essdiag.ledger.generic import read_table
from essdiag.periods import FiscalYear
from essdiag.validation import issues_from_validation
from essdiag.xlsx import EUR_FORMAT, new_workbook, safe_text

__all__ = [
    "MONTH_NAMES",
    "TEMPLATE_COLUMNS",
    "budget_table",
    "budget_workbook",
    "lines_from_table",
    "read_budget",
    "write_budget_xlsx",
]

MONTH_NAMES: Final = (
    "Janvier",
    "Février",
    "Mars",
    "Avril",
    "Mai",
    "Juin",
    "Juillet",
    "Août",
    "Septembre",
    "Octobre",
    "Novembre",
    "Décembre",
)
"""French calendar month names, as in the template's header."""

_FIXED: Final = ("Compte", "Libellé", "Rubrique", "Code analytique", "Financeur")
TEMPLATE_COLUMNS: Final = (*_FIXED, *MONTH_NAMES, "Total")
"""Header of the ``Budget`` sheet (calendar order; exports use fiscal-year order)."""


def _month_order(fiscal_year: FiscalYear) -> list[str]:
    return [MONTH_NAMES[m - 1] for _, m in fiscal_year.months()]


@guarded_reader
def read_budget(
    data: bytes,
    *,
    file: str | None = None,
    fiscal_year: FiscalYear,
    mapping: BudgetMapping | None = None,
) -> tuple[BudgetSection | None, list[Issue]]:
    """Budget lines from the template (XLSX sheet ``Budget`` or its CSV form), or any layout.

    With ``mapping`` None the template's columns are expected (a month
    missing is an issue naming it); with a :class:`~essdiag.budget.importer.BudgetMapping`
    (the screen's column-mapping step) any spreadsheet laid out one row per
    heading or account and one column per month is read. Returns
    ``(section, issues)``: a section holding one version with the lines read
    (fiscal year set), or None when no line could be read.
    """
    raw, issues = read_table(data, file=file, sheet="Budget", limits=FORM_LIMITS)
    if raw is None:
        return None, issues
    if mapping is None:
        mapping = suggest_budget_mapping(list(raw.columns), fiscal_year)
        order = _month_order(fiscal_year)
        missing = [order[i] for i, name in enumerate(mapping.months) if not name] + (
            [] if mapping.account else ["Compte"]
        )
        if missing:
            issues.append(
                Issue(
                    code="budget_columns",
                    template=N_("Colonnes du modèle de budget absentes : {names}."),
                    params={"names": ", ".join(missing)},
                    file=file,
                    line=1,
                )
            )
            return None, issues
    lines, found = lines_from_mapping(raw, mapping, fiscal_year, file=file)
    lines = [ln.model_copy(update={"phasing": detect_phasing(ln.months)}) for ln in lines]
    issues += found
    if not lines:
        issues.append(
            Issue(
                code="budget_empty",
                template=N_(
                    "Aucune ligne de budget lue : le fichier n'a que son en-tête, ou aucune ligne "
                    "n'a de compte (6, 7 ou 86/87) et de montants lisibles."
                ),
                file=file,
            )
        )
        return None, issues
    section = BudgetSection().with_reference(
        lines=lines, fiscal_year=fiscal_year.label_year, start_month=fiscal_year.start_month
    )
    balance = balance_check(section)
    if not balance.balanced:
        issues.append(
            Issue(
                code="budget_unbalanced",
                template=N_(
                    "Le budget n'est pas équilibré : produits − charges = {gap} "
                    "(contributions en nature comprises)."
                ),
                params={"gap": Money.of_cents(round(balance.gap * 100))},
                severity=Severity.WARNING,
                file=file,
            )
        )
    return section, issues


NOTICE: Final = (
    "Modèle de budget essdiag (feuille « Budget »).",
    "Une ligne par compte ou rubrique : Compte (ex. 6063 ou 64), Libellé, Rubrique (2 chiffres du "
    "CERFA 12156, déduite du compte si vide), Code analytique (activité ou projet), Financeur "
    "(lignes de subventions 74).",
    "Colonnes des mois en euros, positives : charge pour un compte 6, produit pour un compte 7, "
    "contribution en nature pour 86/87. Les mois sont lus par leur nom.",
    "Total = somme des mois (vérifiée à l'import).",
    "Un budget prévisionnel est équilibré : total des charges (6 + 86) = total des produits (7 + 87).",
)


def write_budget_xlsx(section: Budget | list[BudgetLine], fiscal_year: FiscalYear) -> bytes:
    """The budget in the documented template, with a summary by heading and a notice sheet.

    ``section`` is a version, or the section (its reference version of the year).
    """
    lines = section if isinstance(section, list) else budget_lines(section, fiscal_year)
    wb, buf = new_workbook()
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    money = wb.add_format({"num_format": EUR_FORMAT})
    ws = wb.add_worksheet("Budget")
    header = [*_FIXED, *_month_order(fiscal_year), "Total"]
    ws.write_row(0, 0, header, head)
    for r, line in enumerate(lines, start=1):
        for c, text in enumerate((line.account, line.label, line.head, line.analytic, line.funder)):
            ws.write_string(r, c, safe_text(text))
        for c, amount in enumerate(line.months, start=len(_FIXED)):
            ws.write_number(r, c, round(float(amount), 2), money)
        ws.write_number(r, len(header) - 1, round(line.total, 2), money)
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 4, 14)
    ws.set_column(5, len(header) - 1, 13)
    ws.freeze_panes(1, 2)
    summary = wb.add_worksheet("Synthèse")
    summary.write_row(0, 0, ["Rubrique", "Intitulé (CERFA 12156)", "Montant"], head)
    totals = totals_by_heading(lines)
    for r, rec in enumerate(totals.itertuples(index=False), start=1):
        summary.write_string(r, 0, str(rec.heading))
        summary.write_string(r, 1, safe_text(str(rec.label)))
        summary.write_number(r, 2, float(rec.amount), money)
    balance = balance_check(lines)
    r = len(totals) + 2
    for label, value in (
        ("Total des charges (6 + 86)", balance.charges + balance.in_kind_uses),
        ("Total des produits (7 + 87)", balance.income + balance.in_kind_sources),
        ("Écart (produits − charges)", balance.gap),
    ):
        summary.write_string(r, 1, label)
        summary.write_number(r, 2, value, money)
        r += 1
    summary.set_column(0, 0, 10)
    summary.set_column(1, 1, 50)
    summary.set_column(2, 2, 16)
    notice = wb.add_worksheet("Notice")
    for r, text in enumerate(NOTICE):
        notice.write_string(r, 0, text)
    notice.set_column(0, 0, 120)
    wb.close()
    return buf.getvalue()


def budget_table(section: Budget, fiscal_year: FiscalYear) -> pd.DataFrame:
    """The budget as the template's table (fiscal-year month order), for display and editing."""
    order = _month_order(fiscal_year)
    rows = [
        [line.account, line.label, line.head, line.analytic, line.funder, *line.months, line.total]
        for line in budget_lines(section, fiscal_year)
    ]
    frame = pd.DataFrame(rows, columns=[*_FIXED, *order, "Total"])
    for c in _FIXED:
        frame[c] = frame[c].astype("str")
    for c in [*order, "Total"]:
        frame[c] = frame[c].astype("float64")
    return frame


def lines_from_table(
    frame: pd.DataFrame, previous: Sequence[BudgetLine] = ()
) -> tuple[list[BudgetLine], list[Issue]]:
    """Budget lines from the edited table of :func:`budget_table` (the app's data editor).

    Rows without an account are skipped; a row that does not validate gives
    issues carrying its row number (1-based) and keeps no line. The heading
    column is kept only when it is two digits; months are read in the table's
    column order (the fiscal year's), missing amounts count as 0. A line
    keeps the phasing of the ``previous`` line in its row when its months did
    not change; otherwise its phasing is read from its months (even within a
    cent, else custom weights: :func:`~essdiag.budget.phasing.detect_phasing`).

    Example:
        >>> t = pd.DataFrame([["606", "Énergie", "60", "", "", *[10.0] * 12, 120.0],
        ...                   ["", "", "", "", "", *[None] * 12, None]],
        ...                  columns=[*_FIXED, *MONTH_NAMES, "Total"])
        >>> lines, issues = lines_from_table(t)
        >>> [(ln.account, ln.total, ln.phasing.value) for ln in lines], issues
        ([('606', 120.0, 'even')], [])
    """
    month_cols = [c for c in frame.columns if c not in (*_FIXED, "Total")]
    lines: list[BudgetLine] = []
    issues: list[Issue] = []
    for i, row in enumerate(frame.to_dict("records")):
        account = cell_text(row.get("Compte"))
        if not account or account.lower() == "nan":
            continue
        heading = cell_text(row.get("Rubrique"))[:2]
        months = [_amount(row.get(m)) for m in month_cols]
        before = previous[i] if i < len(previous) else None
        phasing = (
            before.phasing
            if before is not None and before.months == months
            else detect_phasing(months)
        )
        try:
            lines.append(
                BudgetLine(
                    account=account,
                    label=cell_text(row.get("Libellé")),
                    heading=heading if heading.isdigit() else "",
                    analytic=cell_text(row.get("Code analytique")),
                    funder=cell_text(row.get("Financeur")),
                    months=months,
                    phasing=phasing,
                )
            )
        except ValidationError as exc:
            issues += [
                issue.model_copy(update={"line": i + 1})
                for issue in issues_from_validation(exc, BudgetLine)
            ]
    return lines, issues


def _amount(value: object) -> float:
    """An edited amount: None/NaN → 0."""
    if value is None:
        return 0.0
    number = float(value)  # type: ignore[arg-type]
    return 0.0 if np.isnan(number) else number


def budget_workbook(dossier: BudgetHolder, *, version: str) -> bytes:
    """One version of the dossier's budget as the template workbook (for the screens' cache)."""
    found = dossier.budget.version(version) if version else dossier.budget.reference()
    if found is None:
        return write_budget_xlsx([], FiscalYear(label_year=2000))
    fy = FiscalYear(label_year=found.fiscal_year or 2000, start_month=found.start_month)
    return write_budget_xlsx(found, fy)


class BudgetHolder(Protocol):
    """What :func:`budget_workbook` reads of a dossier: its budget section."""

    @property
    def budget(self) -> BudgetSection: ...
