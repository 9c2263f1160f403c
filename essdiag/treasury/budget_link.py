"""The budget's monthly phasing seen as cash, by kind of flow: what the plan takes from the budget.

Where it sits: between the budget section (:class:`~essdiag.budget.section.BudgetSection`,
whose lines hold twelve phased amounts in euros, fiscal-year order) and
:func:`essdiag.treasury.inputs.gather`. A budget counts accruals; a cash plan
counts money. So the depreciation and provision allowances (68) are left out
of the outflows, the reversals (78) out of the inflows: they move no money;
contributions in kind (86, 87) are not cash flows either. Each heading that
moves money becomes a kind of flow (:data:`HEADING_KINDS`), the same kinds the
accounts' actual months are read in (:class:`~essdiag.treasury.actuals.CashFlowKind`),
so the plan and the bank can be compared flow by flow. Amounts are float
euros, as the budget lines keep them (a plan is a projection).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from essdiag.budget.section import BudgetLine, BudgetSection
from essdiag.treasury.actuals import CashFlowKind

__all__ = ["HEADING_KINDS", "budget_lines", "cash_by_kind", "heading_of_account"]

HEADING_KINDS: dict[str, CashFlowKind] = {
    **dict.fromkeys(("60", "61", "62", "65", "66", "67"), CashFlowKind.PURCHASES),
    **dict.fromkeys(("63", "69"), CashFlowKind.TAXES),
    "64": CashFlowKind.PAYROLL,
    **dict.fromkeys(("70", "71", "72", "73"), CashFlowKind.SALES),
    "74": CashFlowKind.GRANTS,
    **dict.fromkeys(("75", "76", "77", "79"), CashFlowKind.OTHER_INCOME),
}
"""Budget headings that move money, and the kind of cash flow each one is (68, 78, 86, 87: none)."""

OUTFLOW_HEADINGS = frozenset(("60", "61", "62", "63", "64", "65", "66", "67", "69"))
"""Headings of charges (paid out); the others of :data:`HEADING_KINDS` are income (received)."""


def heading_of_account(account: str, default: str = "74") -> str:
    """The two-digit budget heading of an account (``default`` when the account is blank).

    Example:
        >>> heading_of_account("741310"), heading_of_account("")
        ('74', '74')
    """
    code = account.strip()
    return code[:2] if len(code) >= 2 and code[:2].isdigit() else default


def budget_lines(budget: BudgetSection, label_year: int) -> list[BudgetLine]:
    """The lines of the budget of a fiscal year: its reference version, the one adopted by the
    board (else its last draft), as the variance reads it (:meth:`BudgetSection.lines_for`).

    None when no version is of that year; lines without a year count for any year.
    """
    return budget.lines_for(label_year)


def cash_by_kind(lines: Sequence[BudgetLine]) -> dict[str, dict[str, list[float]]]:
    """Twelve monthly amounts per heading that moves money, grouped by kind of flow.

    Returns:
        ``{kind value: {heading: twelve euros}}``, fiscal-year order; an
        empty dict when the budget moves no money.

    Example:
        >>> lines = [BudgetLine(account=a, months=[v] + [0.0] * 11)
        ...          for a, v in (("641", 100.0), ("681", 30.0), ("706", 150.0), ("741", 50.0))]
        >>> by = cash_by_kind(lines)
        >>> sorted(by), by["payroll"]["64"][0], by["grants"]["74"][0]
        (['grants', 'payroll', 'sales'], 100.0, 50.0)
    """
    out: dict[str, dict[str, list[float]]] = {}
    for line in lines:
        kind = HEADING_KINDS.get(line.head)
        if kind is None or not any(line.months):
            continue
        months = out.setdefault(kind.value, {}).setdefault(line.head, [0.0] * 12)
        for k, v in enumerate(line.months):
            months[k] = math.fsum((months[k], float(v)))
    return out
