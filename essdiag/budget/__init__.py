"""budget package."""

from __future__ import annotations

from essdiag.budget.section import BudgetSection

__all__ = ["BudgetSection"]
