"""Budget computations over the section: long frame, monthly totals, a budget from last year.

Flow: :class:`~essdiag.budget.section.BudgetSection` → :func:`budget_frame`
(one row per line × month) → totals, variance, landing. Last year's ledger →
:func:`last_year_actuals` → :func:`budget_from_actuals` (a first budget,
phased in cents).

:func:`monthly_totals` is the float-euro contract other domains read.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from essdiag.budget.phasing import spread_cents
from essdiag.budget.section import BudgetLine, BudgetSection, BudgetVersion, Phasing
from essdiag.budget.section.headings import CHARGE_HEADINGS, INCOME_HEADINGS, kind_of
from essdiag.ledger import account_labels, monthly_activity
from essdiag.periods import FiscalYear

__all__ = [
    "Budget",
    "budget_frame",
    "budget_from_actuals",
    "budget_from_last_year",
    "budget_lines",
    "last_year_actuals",
    "monthly_totals",
]


Budget = BudgetSection | BudgetVersion
"""A budget to compute with: a version, or a section (its reference version of the year)."""


def budget_lines(budget: Budget, fiscal_year: FiscalYear | None = None) -> list[BudgetLine]:
    """The lines of a version, or of a section's reference version of ``fiscal_year``."""
    if isinstance(budget, BudgetVersion):
        return list(budget.lines)
    return budget.lines_for(fiscal_year.label_year if fiscal_year else None)


def budget_frame(section: Budget, fiscal_year: FiscalYear) -> pd.DataFrame:
    """One row per budget line and month.

    Columns: ``line`` (index of the line), ``account``, ``heading``, ``kind``
    (charge, income, in_kind_use, in_kind_source, other), ``analytic``,
    ``funder``, ``label``, ``month`` ("YYYY-MM"), ``amount`` (float, euros)
    and ``amount_cents`` (the same in whole cents, int64).
    """
    months = fiscal_year.month_keys()
    rows: dict[str, list[object]] = {
        k: []
        for k in (
            "line",
            "account",
            "heading",
            "kind",
            "analytic",
            "funder",
            "label",
            "month",
            "amount",
        )
    }
    for i, line in enumerate(budget_lines(section, fiscal_year)):
        kind = kind_of(line.head)
        for month, amount in zip(months, line.months, strict=True):
            rows["line"].append(i)
            rows["account"].append(line.account)
            rows["heading"].append(line.head)
            rows["kind"].append(str(kind))
            rows["analytic"].append(line.analytic)
            rows["funder"].append(line.funder)
            rows["label"].append(line.label)
            rows["month"].append(month)
            rows["amount"].append(float(amount))
    frame = pd.DataFrame(rows)
    frame["line"] = frame["line"].astype("int64")
    frame["amount"] = frame["amount"].astype("float64")
    frame["amount_cents"] = np.rint(frame["amount"].to_numpy() * 100).astype("int64")
    for col in ("account", "heading", "kind", "analytic", "funder", "label", "month"):
        frame[col] = frame[col].astype("str")
    return frame


def monthly_totals(section: Budget, fiscal_year: FiscalYear) -> pd.DataFrame:
    """Budgeted charges and income per month of the fiscal year.

    ``section`` is a budget version, or the budget section (then its
    reference version of ``fiscal_year``: the last adopted by the board).

    Returns:
        Twelve rows in fiscal-year order with ``month`` ("YYYY-MM"),
        ``charges`` (euros, classes 60–68) and ``income`` (euros, classes
        70–78). Contributions in kind (86/87) and other classes are left out.

    Example:
        >>> from essdiag.budget.section import BudgetLine
        >>> s = BudgetSection(lines=[
        ...     BudgetLine(account="64", months=[100.0] * 12),
        ...     BudgetLine(account="74", months=[120.0] * 12),
        ...     BudgetLine(account="864", months=[50.0] * 12)])
        >>> t = monthly_totals(s, FiscalYear(label_year=2026))
        >>> t.loc[0, "month"], float(t.loc[0, "charges"]), float(t.loc[0, "income"])
        ('2026-01', 100.0, 120.0)
    """
    months = fiscal_year.month_keys()
    charges = [0.0] * 12
    income = [0.0] * 12
    for line in budget_lines(section, fiscal_year):
        head = line.head[:2]
        target = charges if head in CHARGE_HEADINGS else income if head in INCOME_HEADINGS else None
        if target is None:
            continue
        for i, amount in enumerate(line.months):
            target[i] += float(amount)
    frame = pd.DataFrame({"month": months, "charges": charges, "income": income})
    frame["month"] = frame["month"].astype("str")
    frame["charges"] = frame["charges"].astype("float64")
    frame["income"] = frame["income"].astype("float64")
    return frame


def budget_from_actuals(
    actuals: pd.DataFrame,
    last_year: FiscalYear,
    *,
    growth: float = 0.0,
    labels: dict[str, str] | None = None,
) -> BudgetSection:
    """A first budget for the year after ``last_year`` from its actuals.

    Parameters:
        actuals: :func:`essdiag.ledger.monthly_activity` of last year (cents).
        last_year: the fiscal year the actuals cover.
        growth: growth rate applied to every line (0.03 = +3 %).
        labels: account → label, when known (e.g. from the ledger).

    Notes:
        One line per account and analytic code; annual amount =
        last year's actual × (1 + growth), rounded to the cent, phased in
        cents with last year's monthly seasonality of that line
        (:func:`essdiag.budget.phasing.spread_cents`). Lines whose actual is
        zero or negative are left out.
    """
    months = last_year.month_keys()
    index = {m: i for i, m in enumerate(months)}
    part = actuals[actuals["month"].isin(months)]
    labels = labels or {}
    lines: list[BudgetLine] = []
    grouped = part.groupby(["account", "analytic"], sort=True)
    for (account, analytic), rows in grouped:
        per_month = [0] * 12
        for month, cents in zip(rows["month"], rows["amount_cents"], strict=True):
            per_month[index[str(month)]] += int(cents)
        total = sum(per_month)
        if total <= 0:
            continue
        target = round(total * (1 + growth))
        lines.append(
            BudgetLine(
                account=str(account),
                label=labels.get(str(account), ""),
                analytic=str(analytic),
                months=[c / 100 for c in spread_cents(target, per_month)],
                phasing=Phasing.SEASONAL,
            )
        )
    nxt = FiscalYear(label_year=last_year.label_year + 1, start_month=last_year.start_month)
    return BudgetSection().with_reference(
        lines=lines, fiscal_year=nxt.label_year, start_month=nxt.start_month
    )


def last_year_actuals(
    _dossier: object,
    *,
    ledgers: Mapping[int, pd.DataFrame],
    label_year: int,
    start_month: int,
) -> pd.DataFrame | None:
    """The actuals of the fiscal year before ``label_year`` (None when its ledger is not imported).

    For the screens' cache (``essdiag.ui.cache.computed`` with
    ``ledger_years=(label_year − 1,)``): ``ledgers`` holds last year's
    canonical ledger; the result is :func:`essdiag.ledger.monthly_activity`
    of that year (cents).
    """
    last = FiscalYear(label_year=label_year - 1, start_month=start_month)
    ledger = ledgers.get(last.label_year)
    if ledger is None or ledger.empty:
        return None
    return monthly_activity(ledger, last.start, last.end)


def budget_from_last_year(
    dossier: object,
    *,
    ledgers: Mapping[int, pd.DataFrame],
    label_year: int,
    start_month: int,
    growth: float,
) -> BudgetSection | None:
    """A first budget of ``label_year`` from last year's ledger (:func:`budget_from_actuals`).

    Lines are labelled with the ledger's account labels; None when last
    year's ledger is not imported.
    """
    actuals = last_year_actuals(
        dossier, ledgers=ledgers, label_year=label_year, start_month=start_month
    )
    if actuals is None:
        return None
    last = FiscalYear(label_year=label_year - 1, start_month=start_month)
    return budget_from_actuals(
        actuals, last, growth=growth, labels=account_labels(ledgers[last.label_year])
    )
