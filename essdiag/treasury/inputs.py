"""Gather the cash plan's monthly series from the budget (or hand-entered flows) and the register.

Where it sits: between the dossier's sections and :func:`essdiag.treasury.plan.cash_plan`.
:func:`gather` is the one function that combines the sections the plan reads
(treasury assumptions, the funding register's schedules, the budget's
phasing) for a fiscal year; :func:`dossier_inputs` calls it on a dossier
(what the screens and their cache hand in). :func:`assemble` does the
arithmetic: the budget's monthly phasing arrives as a plain DataFrame
(``month``, ``charges``, ``income``, see
:func:`~essdiag.treasury.budget_link.cash_months_from_budget`), or None when
the dossier has no budget; then the treasury section's hand-entered monthly
flows are used, and when there are none either the plan says so. Amounts are
float euros (a plan is a projection).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Protocol

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.budget.section import BudgetSection
from essdiag.errors import Issue, Severity
from essdiag.funding.section import (
    FundingSection,
    FundingSource,
    month_keys,
    receipts_matrix,
    scheduled_sources,
)
from essdiag.i18n import N_, LabelledEnum
from essdiag.identity import Identity
from essdiag.periods import FiscalYear, month_start, parse_month
from essdiag.treasury.budget_link import cash_months_from_budget
from essdiag.treasury.plan import budget_series, cash_plan, extend_months
from essdiag.treasury.section import DelayAssumption, TreasurySection

__all__ = [
    "OTHER_INFLOWS",
    "OUTFLOWS",
    "Basis",
    "PlanInputs",
    "TreasuryDossier",
    "assemble",
    "delay_vectors",
    "dossier_inputs",
    "gather",
    "plan_fiscal_year",
]

OTHER_INFLOWS = N_("Autres encaissements")
OUTFLOWS = N_("Décaissements d'exploitation")


class Basis(LabelledEnum):
    """Where the plan's charges and other income come from."""

    BUDGET = "budget", N_("Budget prévisionnel")
    MANUAL = "manual", N_("Flux mensuels saisis")
    NONE = "none", N_("Aucun flux")


class PlanInputs(BaseModel):
    """Everything :func:`~essdiag.treasury.plan.cash_plan` and the Monte Carlo need.

    Attributes:
        months: month keys of the plan.
        opening_cash, dedicated_funds, minimum_cash: from the treasury section.
        other_inflows, outflows: monthly series (euros).
        receipts: scheduled funders' payments (rows: source ids; columns: months).
        names: source id → resource name.
        basis: budget, manual or none.
        issues: what the user should know (no budget, no flows…).
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    months: tuple[str, ...]
    opening_cash: float
    dedicated_funds: float
    minimum_cash: float
    other_inflows: tuple[float, ...]
    outflows: tuple[float, ...]
    receipts: pd.DataFrame
    names: dict[str, str]
    basis: Basis
    issues: tuple[Issue, ...] = ()

    def inflows(self) -> dict[str, list[float]]:
        """Inflow series by name: other inflows, then each scheduled funder."""
        out = {OTHER_INFLOWS: list(self.other_inflows)}
        for sid in self.receipts.index:
            out[self.names[str(sid)]] = [float(v) for v in self.receipts.loc[sid]]
        return out

    def outflow_series(self) -> dict[str, list[float]]:
        """Outflow series by name."""
        return {OUTFLOWS: list(self.outflows)}

    def cash_plan(self) -> tuple[pd.DataFrame | None, list[Issue]]:
        """The month-by-month plan of these inputs (:func:`~essdiag.treasury.plan.cash_plan`)."""
        return cash_plan(
            self.months,
            self.opening_cash,
            self.inflows(),
            self.outflow_series(),
            dedicated_funds=self.dedicated_funds,
            minimum_cash=self.minimum_cash,
        )


def _first_month(section: TreasurySection, fiscal_start_month: int, today: date) -> tuple[int, int]:
    if section.first_month:
        return parse_month(section.first_month)
    year = today.year if today.month >= fiscal_start_month else today.year - 1
    return year, fiscal_start_month


def plan_fiscal_year(section: TreasurySection, fiscal_start_month: int, today: date) -> FiscalYear:
    """The fiscal year whose budget the plan reads: the one of its first month, else today's.

    Example:
        >>> plan_fiscal_year(TreasurySection(first_month="2025-11"), 1, date(2026, 11, 27)).label_year
        2025
    """
    if section.first_month:
        return FiscalYear.containing(month_start(section.first_month), fiscal_start_month)
    return FiscalYear.containing(today, fiscal_start_month)


def assemble(
    section: TreasurySection,
    sources: Sequence[FundingSource],
    *,
    budget: pd.DataFrame | None,
    fiscal_start_month: int = 1,
    today: date,
) -> PlanInputs:
    """The plan's inputs from the treasury section, the register and the budget phasing.

    Notes:
        With a budget: outflows = budget charges; other inflows = budget income
        less the scheduled funders' share (see :func:`~essdiag.treasury.plan.budget_series`).
        Without: the hand-entered January–December flows. Either way the
        twelve months repeat over the horizon, grown by ``yearly_growth``.
    """
    year, month = _first_month(section, fiscal_start_month, today)
    count = section.horizon_months
    months = month_keys(year, month, count)
    receipts = receipts_matrix(sources, months)
    names = {s.id: s.name for s in scheduled_sources(sources)}
    issues: list[Issue] = []
    has_budget = (
        budget is not None
        and len(budget) == 12
        and float(budget["charges"].sum()) + float(budget["income"].sum()) > 0
    )
    if has_budget and budget is not None:
        fy_year = year if month >= fiscal_start_month or fiscal_start_month == 1 else year - 1
        label_year = fy_year if fiscal_start_month == 1 else fy_year + 1
        scheduled = math.fsum(s.amount(label_year) for s in scheduled_sources(sources))
        outflows, other = budget_series(
            [float(v) for v in budget["charges"]],
            [float(v) for v in budget["income"]],
            scheduled,
            count,
            offset=(month - fiscal_start_month) % 12,
            yearly_growth=section.yearly_growth,
        )
        basis = Basis.BUDGET
    elif section.monthly_charges:
        outflows = extend_months(
            section.monthly_charges, count, offset=month - 1, yearly_growth=section.yearly_growth
        )
        income = section.monthly_income or [0.0] * 12
        other = extend_months(income, count, offset=month - 1, yearly_growth=section.yearly_growth)
        basis = Basis.MANUAL
        issues.append(
            Issue(
                code="treasury_manual_basis",
                template=N_(
                    "Le dossier n'a pas encore de budget prévisionnel : le plan utilise les "
                    "encaissements et décaissements mensuels saisis dans « Hypothèses du plan »."
                ),
                severity=Severity.INFO,
            )
        )
    else:
        outflows = [0.0] * count
        other = [0.0] * count
        basis = Basis.NONE
        issues.append(
            Issue(
                code="treasury_no_basis",
                template=N_(
                    "Ni budget prévisionnel ni flux mensuels saisis : saisissez vos "
                    "décaissements et encaissements mensuels pour obtenir un plan réaliste."
                ),
                severity=Severity.WARNING,
            )
        )
    return PlanInputs(
        months=tuple(months),
        opening_cash=section.opening_cash,
        dedicated_funds=section.dedicated_funds,
        minimum_cash=section.minimum_cash,
        other_inflows=tuple(other),
        outflows=tuple(outflows),
        receipts=receipts,
        names=names,
        basis=basis,
        issues=tuple(issues),
    )


def delay_vectors(
    delays: Sequence[DelayAssumption], source_ids: Sequence[str]
) -> dict[str, np.ndarray]:
    """Per-source Monte Carlo parameters: the source's own assumption, else the default.

    Returns:
        ``late_probability``, ``mean_delay_months``, ``cut_probability``,
        ``cut_share`` arrays aligned on ``source_ids``.

    Example:
        >>> v = delay_vectors([DelayAssumption(source_id="fse", late_probability=0.6)], ["a", "fse"])
        >>> v["late_probability"].tolist()
        [0.3, 0.6]
    """
    default = next((d for d in delays if not d.source_id), DelayAssumption())
    own = {d.source_id: d for d in delays if d.source_id}
    chosen = [own.get(s, default) for s in source_ids]
    return {
        name: np.array([getattr(d, name) for d in chosen], dtype=float)
        for name in ("late_probability", "mean_delay_months", "cut_probability", "cut_share")
    }


def gather(
    treasury: TreasurySection,
    funding: FundingSection,
    budget: BudgetSection,
    fiscal_year: FiscalYear,
    *,
    today: date,
) -> tuple[PlanInputs, list[Issue]]:
    """The plan's inputs from the sections it reads, and what the user should know.

    The budget is read as cash over ``fiscal_year``
    (:func:`~essdiag.treasury.budget_link.cash_months_from_budget`); the
    funders with a payment schedule bring their dated receipts; the treasury
    section gives the horizon, the opening cash and, without a budget, the
    hand-entered flows. The issues say which basis the plan uses when it is
    not the budget.

    Example:
        >>> inputs, issues = gather(TreasurySection(), FundingSection(), BudgetSection(),
        ...                         FiscalYear(label_year=2026), today=date(2026, 3, 1))
        >>> inputs.basis, [i.code for i in issues]
        (<Basis.NONE: 'none'>, ['treasury_no_basis'])
    """
    budget_cash = cash_months_from_budget(budget, fiscal_year.month_keys())
    inputs = assemble(
        treasury,
        funding.sources,
        budget=budget_cash,
        fiscal_start_month=fiscal_year.start_month,
        today=today,
    )
    return inputs, list(inputs.issues)


class TreasuryDossier(Protocol):
    """What the treasury reads of a dossier: identity, treasury, funding and budget sections."""

    @property
    def identity(self) -> Identity: ...

    @property
    def treasury(self) -> TreasurySection: ...

    @property
    def funding(self) -> FundingSection: ...

    @property
    def budget(self) -> BudgetSection: ...


def dossier_inputs(
    dossier: TreasuryDossier, *, today: date, fiscal_year: FiscalYear | None = None
) -> tuple[PlanInputs, list[Issue]]:
    """:func:`gather` on a dossier, for the fiscal year of the plan (:func:`plan_fiscal_year`).

    ``fiscal_year`` overrides the year whose budget is read.
    """
    start = dossier.identity.fiscal_year_start_month
    year = fiscal_year or plan_fiscal_year(dossier.treasury, start, today)
    return gather(dossier.treasury, dossier.funding, dossier.budget, year, today=today)
