"""The director's monthly check in one call: variance, landing and cumulative series.

Where it sits: budget section + canonical ledger(s) → :func:`analyse` →
:class:`VarianceReport`, the one result that the page, the command line and
the exports all show (never recomputed differently). The screens reach it
through :func:`dossier_report`, a function of the dossier and its ledgers that
``essdiag.ui.cache.computed`` keeps once per revision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import pandas as pd

from essdiag.budget.landing import (
    cumulative_series,
    heading_seasonality,
    landing_forecast,
    landing_results,
)
from essdiag.budget.section import BudgetSection, Materiality, VarianceComment
from essdiag.budget.variance import (
    Level,
    PeriodChoice,
    attribute_actuals,
    flagged_figure,
    level_keys,
    variance_table,
)
from essdiag.figures import Figure
from essdiag.ledger.frame import monthly_activity
from essdiag.periods import FiscalYear, Period, PeriodKind, month_of

__all__ = [
    "BudgetDossier",
    "VarianceReport",
    "analyse",
    "budget_fiscal_year",
    "dossier_report",
    "dossier_through",
    "last_month_with_entries",
    "monthly_matrix",
]


class BudgetDossier(Protocol):
    """What the functions of the dossier read of it: its budget section."""

    @property
    def budget(self) -> BudgetSection: ...


@dataclass(frozen=True)
class VarianceReport:
    """Everything the monthly check shows.

    Attributes:
        fiscal_year: the fiscal year.
        through: last month with actuals taken into account ("YYYY-MM").
        period: the period of the variance table.
        level: its level.
        attributed: actuals put on budget lines (line × month).
        table: the variance table (flagged lines first).
        landing: the landing forecast per line of the level.
        results: year-end result for the budget and each landing method.
        cumulative: cumulative result budget / actual / landing by month.
        flagged: how many lines of the table need an explanation, with the rule.
        materiality: the thresholds used to flag lines (the dossier's).
        comments: the explanations kept in the dossier.
    """

    fiscal_year: FiscalYear
    through: str
    period: Period
    level: Level
    attributed: pd.DataFrame
    table: pd.DataFrame
    landing: pd.DataFrame
    results: dict[str, Figure]
    cumulative: pd.DataFrame
    flagged: Figure
    materiality: Materiality = field(default_factory=Materiality)
    comments: tuple[VarianceComment, ...] = ()

    def table_at(self, level: Level | str) -> pd.DataFrame:
        """The variance table of the same period at another level (same thresholds, comments)."""
        return variance_table(
            self.attributed,
            self.period,
            level,
            materiality=self.materiality,
            comments=list(self.comments),
        )


def last_month_with_entries(ledger: pd.DataFrame, fiscal_year: FiscalYear) -> str | None:
    """The last month of the fiscal year with at least one non-opening entry."""
    dates = ledger.loc[~ledger["opening"].astype(bool), "date"]
    dates = dates[
        (dates >= pd.Timestamp(fiscal_year.start)) & (dates <= pd.Timestamp(fiscal_year.end))
    ]
    if dates.empty:
        return None
    last = dates.max()
    return month_of(last.date())


def analyse(
    section: BudgetSection,
    fiscal_year: FiscalYear,
    ledger: pd.DataFrame,
    *,
    through: str | None = None,
    period_kind: PeriodKind | PeriodChoice = "ytd",
    level: Level | str = Level.HEADING,
    last_year_ledger: pd.DataFrame | None = None,
) -> VarianceReport:
    """Variance for a period and level, landing by three methods, cumulative series.

    ``through`` defaults to the last month with entries (or the first month
    of the year when the ledger has none); ``last_year_ledger`` feeds the
    seasonal landing method (run-rate without it).
    """
    level = Level(level)
    months = fiscal_year.month_keys()
    through = through or last_month_with_entries(ledger, fiscal_year) or months[0]
    actuals = monthly_activity(ledger, fiscal_year.start, fiscal_year.end)
    attributed = attribute_actuals(section, fiscal_year, actuals)
    period = Period.of(fiscal_year, PeriodChoice(period_kind).kind, through)
    table = variance_table(
        attributed,
        period,
        level,
        materiality=section.materiality,
        comments=section.comments,
    )
    seasonality = None
    if last_year_ledger is not None and len(last_year_ledger):
        last = FiscalYear(
            label_year=fiscal_year.label_year - 1, start_month=fiscal_year.start_month
        )
        seasonality = heading_seasonality(
            monthly_activity(last_year_ledger, last.start, last.end), last
        )
    landing = landing_forecast(attributed, fiscal_year, through, level, seasonality=seasonality)
    return VarianceReport(
        fiscal_year=fiscal_year,
        through=through,
        period=period,
        level=level,
        attributed=attributed,
        table=table,
        landing=landing,
        results=landing_results(landing, through, seasonality_known=seasonality is not None),
        cumulative=cumulative_series(attributed, fiscal_year, through),
        flagged=flagged_figure(table, section.materiality),
        materiality=section.materiality,
        comments=tuple(section.comments),
    )


def budget_fiscal_year(section: BudgetSection) -> FiscalYear | None:
    """The budgeted fiscal year (None when the section has no budget yet)."""
    if not section.lines or section.fiscal_year is None:
        return None
    return FiscalYear(label_year=section.fiscal_year, start_month=section.start_month)


def dossier_through(dossier: BudgetDossier, *, ledgers: Mapping[int, pd.DataFrame]) -> str:
    """The last month of the budgeted year with entries (its first month when none).

    For ``essdiag.ui.cache.computed`` with ``ledger_years=(year,)``.
    """
    fy = budget_fiscal_year(dossier.budget)
    if fy is None:
        raise ValueError("the dossier has no budget")
    ledger = ledgers[fy.label_year]
    return last_month_with_entries(ledger, fy) or fy.month_keys()[0]


def dossier_report(
    dossier: BudgetDossier,
    *,
    ledgers: Mapping[int, pd.DataFrame],
    through: str,
    period: str,
    level: str,
) -> VarianceReport:
    """The variance report of a dossier's budget against its ledgers of that year and the last.

    For ``essdiag.ui.cache.computed`` with ``ledger_years=(year, year − 1)``:
    ``ledgers`` maps each label year to its canonical ledger (empty when none
    is imported); last year's feeds the seasonal landing.
    """
    fy = budget_fiscal_year(dossier.budget)
    if fy is None:
        raise ValueError("the dossier has no budget")
    return analyse(
        dossier.budget,
        fy,
        ledgers[fy.label_year],
        through=through,
        period_kind=PeriodChoice(period),
        level=Level(level),
        last_year_ledger=ledgers.get(fy.label_year - 1),
    )


def monthly_matrix(attributed: pd.DataFrame, level: Level | str = Level.ACCOUNT) -> pd.DataFrame:
    """Variance (actual − budget) for every key × month of the year, one column per month (euros)."""
    part = attributed[attributed["kind"].isin(("charge", "income"))]
    key, _ = level_keys(level, part)
    work = pd.DataFrame(
        {
            "kind": part["kind"],
            "key": key,
            "month": part["month"],
            "variance": part["actual_cents"] - part["budget_cents"],
        }
    )
    cents = work.pivot_table(
        index=["kind", "key"], columns="month", values="variance", aggfunc="sum", fill_value=0.0
    )
    return np.rint(cents) / 100
