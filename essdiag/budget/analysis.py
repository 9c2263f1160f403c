"""The director's monthly check in one call: variance, landing and cumulative series.

Where it sits: budget section + canonical ledger(s) → :func:`analyse` →
:class:`VarianceReport`, the one result that the page, the command line and
the exports all show (never recomputed differently). The screens reach it
through :func:`dossier_report`, a function of the dossier and its ledgers that
``essdiag.ui.cache.computed`` keeps once per revision.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from essdiag.budget.landing import (
    Method,
    cumulative_series,
    heading_seasonality,
    landing_forecast,
    landing_results,
    line_landing,
)
from essdiag.budget.phasing import spread_cents
from essdiag.budget.section import (
    BudgetLine,
    BudgetSection,
    BudgetVersion,
    Materiality,
    Phasing,
    VarianceComment,
)
from essdiag.budget.variance import (
    Level,
    PeriodChoice,
    attribute_actuals,
    flagged_figure,
    level_keys,
    variance_table,
)
from essdiag.figures import Figure, Input
from essdiag.i18n import N_, LabelledEnum
from essdiag.ledger.balances import last_activity_month, period_scope
from essdiag.ledger.frame import monthly_activity
from essdiag.periods import FiscalYear, Period, PeriodKind

__all__ = [
    "BudgetDossier",
    "Scope",
    "ScopeKind",
    "VarianceReport",
    "analyse",
    "budget_fiscal_year",
    "budget_from_landing",
    "choose_version",
    "dossier_report",
    "dossier_through",
    "dossier_versions",
    "last_month_with_entries",
    "monthly_matrix",
    "period_figures",
    "version_fiscal_year",
    "versions_table",
]


class BudgetDossier(Protocol):
    """What the functions of the dossier read of it: its budget section."""

    @property
    def budget(self) -> BudgetSection: ...


class ScopeKind(LabelledEnum):
    """Whose accounts a check covers."""

    WHOLE = "whole", N_("Toute la structure")
    ACTION = "action", N_("Une action (code analytique)")
    FUNDER = "funder", N_("Les actions d'un financeur")


@dataclass(frozen=True)
class Scope:
    """Whose accounts: the whole organisation, one action (analytic code), a funder's actions.

    ``key`` is how the dossier files it (``""``, ``action:ACI``, ``funder:Région``).

    Example:
        >>> Scope.parse("action:ACI"), Scope.parse("").key
        (Scope(kind=<ScopeKind.ACTION: 'action'>, name='ACI'), '')
    """

    kind: ScopeKind = ScopeKind.WHOLE
    name: str = ""

    @property
    def key(self) -> str:
        """How the scope is filed with the explanations."""
        return "" if self.kind is ScopeKind.WHOLE else f"{self.kind}:{self.name}"

    @classmethod
    def parse(cls, key: str) -> Scope:
        """The scope of a key (an unknown key is the whole organisation)."""
        kind, _, name = key.partition(":")
        if kind in ("action", "funder") and name:
            return cls(ScopeKind(kind), name)
        return cls()

    def codes(self, attributed: pd.DataFrame) -> set[str] | None:
        """The analytic codes covered (None: every line).

        A funder covers the codes of its grant lines; when its grants carry
        no code, the whole organisation.
        """
        if self.kind is ScopeKind.ACTION:
            return {self.name}
        if self.kind is ScopeKind.FUNDER:
            codes = set(attributed.loc[attributed["funder"] == self.name, "analytic"]) - {""}
            return codes or None
        return None

    def rows(self, attributed: pd.DataFrame) -> pd.DataFrame:
        """The lines of an attributed frame this scope covers."""
        codes = self.codes(attributed)
        if codes is None:
            return attributed
        return attributed[attributed["analytic"].isin(codes)].reset_index(drop=True)

    def scope_of(self, months: list[str] | tuple[str, ...]) -> tuple[str, dict[str, object]]:
        """The scope template naming ``months`` and who they cover (for a figure)."""
        return period_scope(list(months), str(self.kind), self.name)


@dataclass(frozen=True)
class VarianceReport:
    """Everything the monthly check shows.

    Attributes:
        fiscal_year: the fiscal year.
        through: last month with actuals taken into account ("YYYY-MM").
        period: the period of the variance table.
        level: its level.
        attributed: actuals put on budget lines (line × month), of the scope.
        table: the variance table (flagged lines first).
        landing: the landing forecast per line of the level.
        results: year-end result for the budget and each landing method.
        cumulative: cumulative result budget / actual / landing by month.
        flagged: how many lines of the table need an explanation, with the rule.
        materiality: the thresholds used to flag lines (the dossier's).
        comments: the explanations kept in the dossier.
        version: the budget version compared with the actuals.
        scope: whose accounts.
        lines: the landing of every budget line (:func:`line_landing`).
        projected: True when the period is the whole year before its end:
            the table's actual is then the landing (actual to date +
            remaining budget), so that timing is not taken for a variance.
        headline: the period's figures, each naming its period and scope:
            ``budget`` (budgeted result), ``actual`` (actual result),
            ``variance`` (actual − budgeted result).
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
    version: BudgetVersion | None = None
    scope: Scope = field(default_factory=Scope)
    lines: pd.DataFrame = field(default_factory=pd.DataFrame)
    projected: bool = False
    headline: dict[str, Figure] = field(default_factory=dict)

    @property
    def version_id(self) -> str:
        """The id of the budget version compared ("" when the budget has none)."""
        return self.version.id if self.version else ""

    def table_at(self, level: Level | str) -> pd.DataFrame:
        """The variance table of the same period at another level (same thresholds, comments)."""
        return variance_table(
            self._compared(),
            self.period,
            level,
            materiality=self.materiality,
            comments=list(self.comments),
            scope=self.scope.key,
            version=self.version_id,
        )

    def _compared(self) -> pd.DataFrame:
        return (
            _projected(self.attributed, self.fiscal_year, self.through)
            if self.projected
            else (self.attributed)
        )


def last_month_with_entries(ledger: pd.DataFrame, fiscal_year: FiscalYear) -> str | None:
    """The last month of the fiscal year with at least one non-opening entry."""
    return last_activity_month(ledger, fiscal_year)


def _projected(attributed: pd.DataFrame, fiscal_year: FiscalYear, through: str) -> pd.DataFrame:
    """Actuals with the months after ``through`` at their budget: the landing, month by month."""
    months = fiscal_year.month_keys()
    later = attributed["month"].isin(months[months.index(through) + 1 :])
    out = attributed.copy()
    out["actual_cents"] = out["actual_cents"].where(~later, out["budget_cents"].astype("float64"))
    out["actual"] = out["actual_cents"] / 100
    return out


def _result_cents(part: pd.DataFrame, column: str) -> int:
    sign = np.where(part["kind"] == "income", 1.0, np.where(part["kind"] == "charge", -1.0, 0.0))
    return round(math.fsum(part[column].to_numpy(dtype=float) * sign))


def period_figures(
    attributed: pd.DataFrame, period: Period, scope: Scope, *, projected: bool = False
) -> dict[str, Figure]:
    """The period's budgeted result, actual result and their gap, each naming period and scope.

    The waterfall starts at the first and ends at the second; the cards say
    the same numbers under the same names.
    """
    part = attributed[attributed["month"].isin(period.months)]
    budget = _result_cents(part, "budget_cents")
    actual = _result_cents(part, "actual_cents")
    scope_text, scope_params = scope.scope_of(period.months)
    actual_label = N_("Résultat atterri") if projected else N_("Résultat réalisé")
    common: dict[str, Any] = {"scope": scope_text, "scope_params": scope_params}
    gap = actual - budget
    return {
        "budget": Figure.of(
            N_("Résultat budgété"),
            budget / 100,
            "EUR",
            N_("produits (70–79) − charges (60–69) du budget, mois de la période"),
            [Input.of(N_("Mois"), len(period.months), "count")],
            **common,
        ),
        "actual": Figure.of(
            actual_label,
            actual / 100,
            "EUR",
            N_("produits (70–79) − charges (60–69) de l'atterrissage (réalisé + budget restant)")
            if projected
            else N_("produits (70–79) − charges (60–69) des écritures, hors à-nouveaux"),
            [Input.of(N_("Mois"), len(period.months), "count")],
            **common,
        ),
        "variance": Figure.of(
            N_("Écart de résultat"),
            gap / 100,
            "EUR",
            N_("résultat réalisé − résultat budgété"),
            [
                Input.of(N_("Résultat budgété"), budget / 100, "EUR"),
                Input.of(actual_label, actual / 100, "EUR"),
            ],
            reading=N_("favorable") if gap > 0 else N_("défavorable") if gap < 0 else None,
            tone="good" if gap > 0 else "alert" if gap < 0 else "neutral",
            **common,
        ),
    }


def choose_version(
    section: BudgetSection, fiscal_year: FiscalYear, version: str | None
) -> BudgetVersion | None:
    """The version asked (by id), else the reference of the year (the last adopted)."""
    if version:
        found = section.version(version)
        if found is not None:
            return found
    ref = section.reference(fiscal_year.label_year)
    if ref is None:
        undated = section.of_year(None)
        ref = undated[-1] if undated else None
    return ref


def analyse(
    section: BudgetSection | BudgetVersion,
    fiscal_year: FiscalYear,
    ledger: pd.DataFrame,
    *,
    through: str | None = None,
    period_kind: PeriodKind | PeriodChoice = "ytd",
    level: Level | str = Level.HEADING,
    last_year_ledger: pd.DataFrame | None = None,
    version: str | None = None,
    scope: Scope | str = "",
    materiality: Materiality | None = None,
    comments: tuple[VarianceComment, ...] | list[VarianceComment] | None = None,
) -> VarianceReport:
    """Variance for a period, level and scope, landing by three methods, cumulative series.

    ``section`` is the budget section (then ``version`` chooses the version,
    by default the reference of the year: the last adopted by the board) or
    one version. ``through`` defaults to the last month with entries (or the
    first month of the year when the ledger has none); ``last_year_ledger``
    feeds the seasonal landing method. The whole year before its end is
    compared with the landing (:attr:`VarianceReport.projected`).
    """
    level = Level(level)
    scope = scope if isinstance(scope, Scope) else Scope.parse(scope)
    if isinstance(section, BudgetSection):
        chosen = choose_version(section, fiscal_year, version)
        materiality = materiality or section.materiality
        comments = comments if comments is not None else section.comments
    else:
        chosen = section
    materiality = materiality or Materiality()
    comments = tuple(comments or ())
    months = fiscal_year.month_keys()
    through = through or last_month_with_entries(ledger, fiscal_year) or months[0]
    actuals = monthly_activity(ledger, fiscal_year.start, fiscal_year.end)
    budget: BudgetVersion = chosen or BudgetVersion(id="", fiscal_year=fiscal_year.label_year)
    attributed = scope.rows(attribute_actuals(budget, fiscal_year, actuals))
    kind = PeriodChoice(period_kind).kind
    period = Period.of(fiscal_year, kind, through)
    projected = kind == "year" and through != months[-1]
    compared = _projected(attributed, fiscal_year, through) if projected else attributed
    version_id = chosen.id if chosen else ""
    table = variance_table(
        compared,
        period,
        level,
        materiality=materiality,
        comments=list(comments),
        scope=scope.key,
        version=version_id,
    )
    seasonality = None
    if last_year_ledger is not None and len(last_year_ledger):
        last = FiscalYear(
            label_year=fiscal_year.label_year - 1, start_month=fiscal_year.start_month
        )
        seasonality = heading_seasonality(
            monthly_activity(last_year_ledger, last.start, last.end), last
        )
    lines = line_landing(attributed, fiscal_year, through, seasonality=seasonality)
    landing = landing_forecast(attributed, fiscal_year, through, level, lines=lines)
    year_scope, year_params = scope.scope_of(months)
    return VarianceReport(
        fiscal_year=fiscal_year,
        through=through,
        period=period,
        level=level,
        attributed=attributed,
        table=table,
        landing=landing,
        results=landing_results(
            lines,
            through,
            seasonality_known=seasonality is not None,
            scope=year_scope,
            scope_params=year_params,
        ),
        cumulative=cumulative_series(attributed, fiscal_year, through),
        flagged=flagged_figure(table, materiality),
        materiality=materiality,
        comments=comments,
        version=chosen,
        scope=scope,
        lines=lines,
        projected=projected,
        headline=period_figures(compared, period, scope, projected=projected),
    )


def budget_fiscal_year(section: BudgetSection) -> FiscalYear | None:
    """The fiscal year of the reference budget (None when the section has no budget yet)."""
    ref = section.reference()
    if ref is None or not ref.lines or ref.fiscal_year is None:
        return None
    return FiscalYear(label_year=ref.fiscal_year, start_month=ref.start_month)


def version_fiscal_year(section: BudgetSection, version: str) -> FiscalYear | None:
    """The fiscal year of a version (the reference's when ``version`` is "" or unknown)."""
    found = section.version(version) if version else None
    if found is None or found.fiscal_year is None:
        return budget_fiscal_year(section)
    return FiscalYear(label_year=found.fiscal_year, start_month=found.start_month)


def dossier_through(
    dossier: BudgetDossier, *, ledgers: Mapping[int, pd.DataFrame], version: str = ""
) -> str:
    """The last month of the budgeted year with entries (its first month when none).

    For ``essdiag.ui.cache.computed`` with ``ledger_years=(year,)``.
    """
    fy = version_fiscal_year(dossier.budget, version)
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
    version: str = "",
    scope: str = "",
) -> VarianceReport:
    """The variance report of a dossier's budget against its ledgers of that year and the last.

    For ``essdiag.ui.cache.computed`` with ``ledger_years=(year, year − 1)``:
    ``ledgers`` maps each label year to its canonical ledger (empty when none
    is imported); last year's feeds the seasonal landing. ``version`` is the
    id of the budget version ("": the reference of the year), ``scope`` a
    :class:`Scope` key.
    """
    fy = version_fiscal_year(dossier.budget, version)
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
        version=version or None,
        scope=scope,
    )


def versions_table(
    section: BudgetSection,
    fiscal_year: FiscalYear,
    ledger: pd.DataFrame,
    *,
    through: str,
    period_kind: PeriodKind | PeriodChoice = "ytd",
    level: Level | str = Level.HEADING,
    scope: Scope | str = "",
) -> tuple[pd.DataFrame, list[BudgetVersion]]:
    """Every version of the year side by side with the actual, per line of a level.

    Returns ``(table, versions)``: one row per (kind, key) with ``label``,
    one ``budget_<id>`` column per version (initial first), ``actual`` and
    ``variance`` (actual − the last version's budget). Each version's
    budget is its own attribution of the same actuals.
    """
    scope = scope if isinstance(scope, Scope) else Scope.parse(scope)
    versions = [v for v in section.of_year(fiscal_year.label_year) if v.lines]
    period = Period.of(fiscal_year, PeriodChoice(period_kind).kind, through)
    actuals = monthly_activity(ledger, fiscal_year.start, fiscal_year.end)
    merged: pd.DataFrame | None = None
    actual: pd.Series | None = None
    for v in versions:
        attributed = scope.rows(attribute_actuals(v, fiscal_year, actuals))
        t = variance_table(attributed, period, level).set_index(["kind", "key"])
        column = t[["label", "budget"]].rename(columns={"budget": f"budget_{v.id}"})
        actual = t["actual"] if actual is None else actual.combine_first(t["actual"])
        if merged is None:
            merged = column
        else:
            merged = merged.join(column[[f"budget_{v.id}"]], how="outer")
            merged["label"] = merged["label"].fillna(column["label"])
    if merged is None or actual is None:
        return pd.DataFrame(columns=["kind", "key", "label", "actual", "variance"]), []
    merged = merged.fillna({f"budget_{v.id}": 0.0 for v in versions})
    merged["actual"] = actual.reindex(merged.index).fillna(0.0)
    last = f"budget_{versions[-1].id}"
    merged["variance"] = ((merged["actual"] * 100).round() - (merged[last] * 100).round()) / 100
    return merged.reset_index(), versions


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


def budget_from_landing(
    dossier: BudgetDossier,
    *,
    ledgers: Mapping[int, pd.DataFrame],
    version: str,
    through: str,
    method: str,
    growth: float = 0.0,
) -> list[BudgetLine]:
    """Next year's budget lines from this year's landing (for ``essdiag.ui.cache.computed``).

    Each line of ``version`` (this year) lands by ``method`` (a
    :class:`~essdiag.budget.landing.Method` value); next year's annual
    amount = landing × (1 + growth), rounded to the cent, phased like this
    year's line (its months as weights, in cents: the months add up to the
    annual amount). Accounts with actuals but no budget line get a line,
    phased evenly. Lines whose landing is zero or negative are left out.
    """
    fy = version_fiscal_year(dossier.budget, version)
    if fy is None:
        raise ValueError("the dossier has no budget")
    report = analyse(
        dossier.budget,
        fy,
        ledgers[fy.label_year],
        through=through,
        version=version or None,
        last_year_ledger=ledgers.get(fy.label_year - 1),
    )
    chosen = report.version
    source = list(chosen.lines) if chosen else []
    col = str(Method(method))
    out: list[BudgetLine] = []
    for rec in report.lines.to_dict("records"):
        target = round(float(rec[col]) * (1 + growth) * 100)
        if target <= 0:
            continue
        line = int(rec["line"])
        if line >= 0:
            base = source[line]
            weights = [max(m, 0.0) for m in base.months]
            out.append(
                base.model_copy(update={"months": [c / 100 for c in spread_cents(target, weights)]})
            )
        else:
            out.append(
                BudgetLine(
                    account=str(rec["account"]),
                    analytic=str(rec["analytic"]),
                    months=[c / 100 for c in spread_cents(target, [1.0] * 12)],
                    phasing=Phasing.EVEN,
                )
            )
    return out


def dossier_versions(
    dossier: BudgetDossier,
    *,
    ledgers: Mapping[int, pd.DataFrame],
    label_year: int,
    start_month: int,
    through: str,
    period: str,
    level: str,
    scope: str = "",
) -> tuple[pd.DataFrame, list[BudgetVersion]]:
    """:func:`versions_table` of a dossier's budget (for ``essdiag.ui.cache.computed``)."""
    fy = FiscalYear(label_year=label_year, start_month=start_month)
    return versions_table(
        dossier.budget,
        fy,
        ledgers[label_year],
        through=through,
        period_kind=PeriodChoice(period),
        level=level,
        scope=scope,
    )
