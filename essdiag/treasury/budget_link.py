"""The budget's monthly phasing seen as cash: what the treasury plan takes from the budget.

Where it sits: the treasury screen reads the budget through
``essdiag.budget.budget_frame`` (one row per line × month) and hands it here.
A budget counts accruals; a cash plan counts money. So the depreciation and
provision allowances (68) are left out of the outflows, the reversals (78) out
of the inflows: they move no money. Contributions in kind are already apart
(kinds ``in_kind_use`` / ``in_kind_source``).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["cash_months_from_budget"]


def cash_months_from_budget(frame: pd.DataFrame) -> pd.DataFrame | None:
    """DataFrame[month, charges, income] of cash flows by month, or None for an empty budget.

    Example:
        >>> f = pd.DataFrame({"account": ["641", "681", "706", "781"],
        ...                   "kind": ["charge", "charge", "income", "income"],
        ...                   "month": ["2026-01"] * 4, "amount": [100.0, 30.0, 150.0, 10.0]})
        >>> cash_months_from_budget(f).to_dict("records")
        [{'month': '2026-01', 'charges': 100.0, 'income': 150.0}]
    """
    if frame.empty or float(frame["amount"].abs().sum()) == 0:
        return None
    account = frame["account"].astype("str")
    charges = frame[(frame["kind"] == "charge") & ~account.str.startswith("68")]
    income = frame[(frame["kind"] == "income") & ~account.str.startswith("78")]
    months = list(dict.fromkeys(frame["month"].astype("str")))
    out = pd.DataFrame({"month": months})
    out["charges"] = out["month"].map(charges.groupby("month")["amount"].sum()).fillna(0.0)
    out["income"] = out["month"].map(income.groupby("month")["amount"].sum()).fillna(0.0)
    out["charges"] = out["charges"].astype("float64")
    out["income"] = out["income"].astype("float64")
    return out
