"""The budget's monthly phasing seen as cash: what the treasury plan takes from the budget.

Where it sits: between the budget section (:class:`~essdiag.budget.section.BudgetSection`,
whose lines hold twelve phased amounts in euros, fiscal-year order) and
:func:`essdiag.treasury.inputs.gather`. A budget counts accruals; a cash plan
counts money. So the depreciation and provision allowances (68) are left out
of the outflows, the reversals (78) out of the inflows: they move no money.
Contributions in kind (kinds ``in_kind_use`` / ``in_kind_source``) and other
headings are not cash flows of the plan either. Amounts are float euros, as
the budget lines keep them (a plan is a projection).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from essdiag.budget.section import BudgetLine, BudgetSection

__all__ = ["cash_months_from_budget"]


def cash_months_from_budget(budget: BudgetSection, months: Sequence[str]) -> pd.DataFrame | None:
    """DataFrame[month, charges, income] of cash flows by month, or None for an empty budget.

    ``months`` are the fiscal year's twelve month keys, in the order of the
    lines' amounts.

    Example:
        >>> b = BudgetSection(lines=[BudgetLine(account=a, months=[v] + [0.0] * 11)
        ...     for a, v in (("641", 100.0), ("681", 30.0), ("706", 150.0), ("781", 10.0))])
        >>> cash_months_from_budget(b, [f"2026-{m:02d}" for m in range(1, 13)]).iloc[0].to_dict()
        {'month': '2026-01', 'charges': 100.0, 'income': 150.0}
    """
    total = math.fsum(abs(v) for line in budget.lines for v in line.months)
    if not budget.lines or total == 0:
        return None
    charges = [line.months for line in budget.lines if _cash(line, "charge", "68")]
    income = [line.months for line in budget.lines if _cash(line, "income", "78")]
    return pd.DataFrame(
        {
            "month": list(months),
            "charges": [math.fsum(float(m[k]) for m in charges) for k in range(12)],
            "income": [math.fsum(float(m[k]) for m in income) for k in range(12)],
        }
    ).astype({"charges": "float64", "income": "float64"})


def _cash(line: BudgetLine, kind: str, non_cash: str) -> bool:
    """True for a line of that kind that moves money (not an allowance 68 or a reversal 78)."""
    return line.kind == kind and not line.account.startswith(non_cash)
