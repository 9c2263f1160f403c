"""The director's monthly check in one call: variance, landing and cumulative series.

Where it sits: budget section + canonical ledger(s) → :func:`analyse` →
:class:`VarianceReport`, the one result that the page, the command line and
the exports all show (never recomputed differently).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from essdiag.budget.landing import (
    cumulative_series,
    heading_seasonality,
    landing_forecast,
    landing_results,
)
from essdiag.budget.section import BudgetSection, Materiality, VarianceComment
from essdiag.budget.variance import Level, attribute_actuals, variance_table
from essdiag.figures import Figure
from essdiag.ledger.frame import monthly_activity
from essdiag.periods import FiscalYear, Period, month_of

__all__ = ["VarianceReport", "analyse", "last_month_with_entries", "monthly_matrix"]

PeriodKind = Literal["month", "quarter", "ytd", "year"]


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
    materiality: Materiality = field(default_factory=Materiality)
    comments: tuple[VarianceComment, ...] = ()

    def table_at(self, level: Level) -> pd.DataFrame:
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
    period_kind: PeriodKind = "ytd",
    level: Level = "heading",
    last_year_ledger: pd.DataFrame | None = None,
) -> VarianceReport:
    """Variance for a period and level, landing by three methods, cumulative series.

    ``through`` defaults to the last month with entries (or the first month
    of the year when the ledger has none); ``last_year_ledger`` feeds the
    seasonal landing method (run-rate without it).
    """
    months = fiscal_year.month_keys()
    through = through or last_month_with_entries(ledger, fiscal_year) or months[0]
    actuals = monthly_activity(ledger, fiscal_year.start, fiscal_year.end)
    attributed = attribute_actuals(section, fiscal_year, actuals)
    period = Period.of(fiscal_year, period_kind, through)
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
        materiality=section.materiality,
        comments=tuple(section.comments),
    )


def monthly_matrix(attributed: pd.DataFrame, level: Level = "account") -> pd.DataFrame:
    """Variance (actual − budget) for every key × month of the year, one column per month."""
    from essdiag.budget.variance import _key_label

    part = attributed[attributed["kind"].isin(("charge", "income"))]
    key, _ = _key_label(level, part)
    work = pd.DataFrame(
        {
            "kind": part["kind"],
            "key": key,
            "month": part["month"],
            "variance": part["actual"] - part["budget"],
        }
    )
    return work.pivot_table(
        index=["kind", "key"], columns="month", values="variance", aggfunc="sum", fill_value=0.0
    ).round(2)
