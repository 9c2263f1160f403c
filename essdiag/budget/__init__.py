"""Forecast budget: lines, phasing, variance against the accounts, landing, CERFA layouts.

Flow: budget lines (:mod:`essdiag.budget.section`, edited in the app or read
from the XLSX template in :mod:`essdiag.budget.template`) phased in cents
(:mod:`essdiag.budget.phasing`) → :func:`monthly_totals` / :func:`budget_frame`
→ variance (:mod:`~essdiag.budget.variance`), landing
(:mod:`~essdiag.budget.landing`) and the CERFA 15059 table against the
ledger's actuals, in one report (:func:`essdiag.budget.analysis.analyse`) →
figures with their readings and views (:mod:`essdiag.budget.views`) for the
screens, the charts and the exports. Actuals stay integer cents until a view
or a figure shows them; the landing, a projection, computes in floats.

For other domains (funding, treasury), the stable entry point is
:func:`monthly_totals` ``(section, fiscal_year) -> DataFrame`` with columns
``month`` ("YYYY-MM", 12 rows in fiscal-year order), ``charges`` and
``income`` (float euros; classes 60–68 and 70–78; contributions in kind 86/87
excluded).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from essdiag.budget.model import budget_frame, monthly_totals
    from essdiag.budget.section import BudgetLine, BudgetSection, Materiality, VarianceComment

_LAZY = {
    "BudgetLine": "essdiag.budget.section",
    "BudgetSection": "essdiag.budget.section",
    "Materiality": "essdiag.budget.section",
    "VarianceComment": "essdiag.budget.section",
    "budget_frame": "essdiag.budget.model",
    "monthly_totals": "essdiag.budget.model",
}


def __getattr__(name: str) -> Any:
    """The names below are loaded when first asked for (pandas and the models), not before.

    So a light module of the package (:mod:`essdiag.budget.choices`, read by
    the command line to build its options) loads neither.
    """
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'essdiag.budget' has no attribute {name!r}")


__all__ = [
    "BudgetLine",
    "BudgetSection",
    "Materiality",
    "VarianceComment",
    "budget_frame",
    "monthly_totals",
]
