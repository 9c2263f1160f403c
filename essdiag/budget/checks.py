"""Checks on a budget: balance of charges and income, totals by heading.

A forecast budget is presented balanced (CERFA 12156: total charges = total
income, contributions in kind 86 = 87 below the line). :func:`balance_check`
says by how much it is not.
"""

from __future__ import annotations

import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.budget.section import BudgetSection
from essdiag.budget.section.headings import HEADINGS, kind_of

__all__ = ["BudgetBalance", "balance_check", "totals_by_heading"]


class BudgetBalance(BaseModel):
    """Totals of a budget and its gap.

    Attributes:
        charges: classes 6 (60–69), euros.
        income: classes 7 (70–79), euros.
        in_kind_uses, in_kind_sources: 86 and 87, euros.
        gap: (income + 87) − (charges + 86); 0 when balanced.
        result: income − charges (the forecast result of the year).
    """

    model_config = ConfigDict(frozen=True)

    charges: float
    income: float
    in_kind_uses: float
    in_kind_sources: float

    @property
    def gap(self) -> float:
        """Total income minus total charges, contributions in kind included."""
        return round((self.income + self.in_kind_sources) - (self.charges + self.in_kind_uses), 2)

    @property
    def result(self) -> float:
        """Forecast result: income − charges (contributions in kind excluded)."""
        return round(self.income - self.charges, 2)

    @property
    def balanced(self) -> bool:
        """True when the gap is below one cent."""
        return abs(self.gap) < 0.005


def balance_check(section: BudgetSection) -> BudgetBalance:
    """Total charges and income of the budget and by how much they differ.

    Notes:
        Charges = Σ lines of class 6 (60–69); income = Σ lines of class 7
        (70–79, transfers 79 included as on the CERFA 12156 form); 86 and 87
        are totalled apart.

    Example:
        >>> from essdiag.budget.section import BudgetLine
        >>> s = BudgetSection(lines=[BudgetLine(account="64", months=[100.0] * 12),
        ...                          BudgetLine(account="74", months=[90.0] * 12)])
        >>> balance_check(s).gap
        -120.0
    """
    charges = income = uses = sources = 0.0
    for line in section.lines:
        head = line.head
        if head.startswith("86"):
            uses += line.total
        elif head.startswith("87"):
            sources += line.total
        elif head.startswith("6"):
            charges += line.total
        elif head.startswith("7"):
            income += line.total
    return BudgetBalance(
        charges=round(charges, 2),
        income=round(income, 2),
        in_kind_uses=round(uses, 2),
        in_kind_sources=round(sources, 2),
    )


def totals_by_heading(section: BudgetSection) -> pd.DataFrame:
    """Annual budget per heading: ``heading``, ``label`` (French), ``kind``, ``amount``."""
    sums: dict[str, float] = {}
    for line in section.lines:
        sums[line.head] = sums.get(line.head, 0.0) + line.total
    heads = sorted(sums)
    return pd.DataFrame(
        {
            "heading": pd.Series(heads, dtype="str"),
            "label": pd.Series([HEADINGS.get(h, h) for h in heads], dtype="str"),
            "kind": pd.Series([kind_of(h) for h in heads], dtype="str"),
            "amount": pd.Series([round(sums[h], 2) for h in heads], dtype="float64"),
        }
    )
