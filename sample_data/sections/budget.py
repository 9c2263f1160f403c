"""Budget of the sample cases (the ``budget`` section of their dossiers).

``section(case)`` returns the JSON dict of :class:`essdiag.budget.BudgetSection`
for ``"recyclerie"``: the 2026 budget voted on 9 December 2025, read from the
case's ``budget_2026.xlsx`` (the documented template), with the house
materiality thresholds (5 000 € and 10 %, both) and one explanation already
written by the director, so a learner sees a kept comment. ``"scic-energie"``
has no budget file: None.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["section"]

HERE = Path(__file__).resolve().parent.parent


def section(case: str) -> dict[str, Any] | None:
    """The budget section of a sample case, as a JSON dict (None when it has none)."""
    if case != "recyclerie":
        return None
    from essdiag.budget.section import VarianceComment
    from essdiag.budget.template import read_budget
    from essdiag.periods import FiscalYear

    path = HERE / case / "budget_2026.xlsx"
    if not path.is_file():
        return None
    budget, _issues = read_budget(
        path.read_bytes(), file=path.name, fiscal_year=FiscalYear(label_year=2026)
    )
    if budget is None:
        return None
    budget = budget.model_copy(
        update={
            "comments": [
                VarianceComment(
                    level="account",
                    key="615500",
                    period="2026-YTD-10",
                    text=(
                        "Réparation lourde du camion en juin (embrayage et benne, 6 800 €), "
                        "non récurrente ; le renouvellement de la flotte est à discuter "
                        "pour le budget 2027."
                    ),
                    author="Direction",
                )
            ]
        }
    )
    data: dict[str, Any] = budget.model_dump(mode="json")
    return data
