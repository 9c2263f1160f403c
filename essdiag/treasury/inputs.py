"""Gather the cash plan's monthly series: the bank for the months gone by, then the forecast.

Where it sits: between the dossier's sections (and its ledgers) and
:func:`essdiag.treasury.plan.cash_plan`. :func:`gather` is the one function
that combines what the plan reads for a fiscal year:

* the **actual months**: while the imported accounts cover the plan's months,
  each month is what the bank says (:func:`essdiag.treasury.actuals.cash_actuals`:
  end-of-month balances of the cash accounts and the month's flows by kind),
  and the plan starts from the real balance, not from a typed-in one;
* the **forecast**, from the last actual balance: the budget's phasing by kind
  of flow (:func:`~essdiag.treasury.budget_link.cash_by_kind`: payroll 64,
  purchases and services, taxes, sales, grants, other income), the funders'
  payment schedules of the register at their months (their share taken out of
  the budget heading they are booked on, so that they are not counted twice),
  or — without a budget — the flows typed in on the treasury screen.

:func:`assemble` does the arithmetic on plain values; :func:`dossier_inputs`
calls :func:`gather` on a dossier (what the screens and their cache hand in).
Amounts are float euros (a plan is a projection); the actual months come from
integer cents and equal the bank balances to the cent.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
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
from essdiag.i18n import N_, LabelledEnum, Money
from essdiag.identity import Identity
from essdiag.periods import FiscalYear, month_start, next_month, parse_month, span_params
from essdiag.treasury.actuals import CashActuals, CashFlowKind, cash_actuals
from essdiag.treasury.budget_link import (
    OUTFLOW_HEADINGS,
    budget_lines,
    cash_by_kind,
    heading_of_account,
)
from essdiag.treasury.plan import cash_plan, extend_months
from essdiag.treasury.section import DelayAssumption, TreasurySection

__all__ = [
    "OTHER_INFLOWS",
    "OUTFLOWS",
    "Basis",
    "BudgetCash",
    "OpeningSource",
    "PlanInputs",
    "TreasuryDossier",
    "assemble",
    "delay_vectors",
    "dossier_inputs",
    "gather",
    "plan_fiscal_year",
    "plan_ledger_years",
]

OTHER_INFLOWS = N_("Autres encaissements")
OUTFLOWS = N_("Décaissements d'exploitation")

BudgetCash = Mapping[str, Mapping[str, Sequence[float]]]
"""A budget as cash: ``{kind value: {heading: twelve euros}}`` (:func:`cash_by_kind`)."""


class Basis(LabelledEnum):
    """Where the plan's forecast charges and other income come from."""

    BUDGET = "budget", N_("Budget prévisionnel")
    MANUAL = "manual", N_("Flux mensuels saisis")
    NONE = "none", N_("Aucun flux")


class OpeningSource(LabelledEnum):
    """Where the plan's opening cash comes from."""

    LEDGER = "ledger", N_("Solde des comptes de trésorerie du FEC")
    TYPED = "typed", N_("Trésorerie de départ saisie")


class PlanInputs(BaseModel):
    """Everything :func:`~essdiag.treasury.plan.cash_plan` and the Monte Carlo need.

    Attributes:
        months: month keys of the plan.
        actual_months: how many of the first months are actual (read from the accounts).
        actual_through: date of the last entry of the accounts read, when there are actuals.
        actual_closing: bank balance at the end of each actual month (euros).
        opening_cash: cash at the start of the first month; opening_source: where it comes from.
        dedicated_funds, minimum_cash: from the treasury section.
        incoming, outgoing: monthly series by name (a kind of flow's French
            label, or the hand-entered flows'), the scheduled funders excepted.
        receipts: scheduled funders' payments (rows: source ids; columns:
            months), nothing in the actual months (their money is in the accounts).
        names: source id → resource name.
        basis: budget, manual or none (the forecast's basis).
        issues: what the user should know (no budget, no flows, no opening entries…).
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    months: tuple[str, ...]
    actual_months: int = 0
    actual_through: date | None = None
    actual_closing: tuple[float, ...] = ()
    opening_cash: float
    opening_source: OpeningSource = OpeningSource.TYPED
    dedicated_funds: float
    minimum_cash: float
    incoming: dict[str, tuple[float, ...]]
    outgoing: dict[str, tuple[float, ...]]
    receipts: pd.DataFrame
    names: dict[str, str]
    basis: Basis
    issues: tuple[Issue, ...] = ()

    @property
    def other_inflows(self) -> tuple[float, ...]:
        """Inflows other than the scheduled funders, month by month."""
        return _total(self.incoming, len(self.months))

    @property
    def outflows(self) -> tuple[float, ...]:
        """Every outflow, month by month."""
        return _total(self.outgoing, len(self.months))

    @property
    def forecast_months(self) -> tuple[str, ...]:
        """The months after the last actual one."""
        return self.months[self.actual_months :]

    @property
    def empty(self) -> bool:
        """True when there is nothing to plan: no cash, no flow, no actual month."""
        flows = any(any(v) for v in (*self.incoming.values(), *self.outgoing.values()))
        return (
            not flows
            and not self.actual_months
            and not self.opening_cash
            and not bool(self.receipts.to_numpy().any())
        )

    def inflows(self) -> dict[str, list[float]]:
        """Inflow series by name: the kinds of flow, then each scheduled funder."""
        out = {k: list(v) for k, v in self.incoming.items()}
        for sid in self.receipts.index:
            out[self.names[str(sid)]] = [float(v) for v in self.receipts.loc[sid]]
        return out

    def outflow_series(self) -> dict[str, list[float]]:
        """Outflow series by name."""
        return {k: list(v) for k, v in self.outgoing.items()}

    def cash_plan(self) -> tuple[pd.DataFrame | None, list[Issue]]:
        """The month-by-month plan of these inputs (:func:`~essdiag.treasury.plan.cash_plan`).

        The plan's ``actual`` column says which months are read from the accounts.
        """
        plan, issues = cash_plan(
            self.months,
            self.opening_cash,
            self.inflows(),
            self.outflow_series(),
            dedicated_funds=self.dedicated_funds,
            minimum_cash=self.minimum_cash,
        )
        if plan is not None:
            plan.insert(1, "actual", [k < self.actual_months for k in range(len(self.months))])
        return plan, issues

    def forecast(self) -> PlanInputs:
        """The forecast months alone, from the last actual balance (what the Monte Carlo draws).

        Example:
            >>> p = PlanInputs(months=("2026-01", "2026-02"), actual_months=1,
            ...     actual_closing=(120.0,), opening_cash=100.0, dedicated_funds=0, minimum_cash=0,
            ...     incoming={"ventes": (20.0, 30.0)}, outgoing={}, receipts=pd.DataFrame(
            ...     [[0.0, 5.0]], index=["r"], columns=["2026-01", "2026-02"]), names={"r": "R"},
            ...     basis=Basis.MANUAL)
            >>> f = p.forecast()
            >>> f.months, f.opening_cash, f.incoming, f.receipts.columns.tolist()
            (('2026-02',), 120.0, {'ventes': (30.0,)}, ['2026-02'])
        """
        k = self.actual_months
        if not k:
            return self
        return self.model_copy(
            update={
                "months": self.months[k:],
                "actual_months": 0,
                "actual_closing": (),
                "opening_cash": self.actual_closing[-1],
                "opening_source": OpeningSource.LEDGER,
                "incoming": {n: v[k:] for n, v in self.incoming.items()},
                "outgoing": {n: v[k:] for n, v in self.outgoing.items()},
                "receipts": self.receipts.iloc[:, k:],
            }
        )


def _total(series: Mapping[str, Sequence[float]], n: int) -> tuple[float, ...]:
    if not series:
        return (0.0,) * n
    return tuple(float(v) for v in np.sum([np.asarray(s, dtype=float) for s in series.values()], 0))


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


def plan_ledger_years(
    section: TreasurySection, fiscal_start_month: int, today: date
) -> tuple[int, ...]:
    """The fiscal years (label years) whose accounts may give the plan actual months.

    Example:
        >>> plan_ledger_years(TreasurySection(first_month="2026-01", horizon_months=24), 1,
        ...                   date(2026, 11, 27))
        (2026, 2027)
    """
    year, month = _first_month(section, fiscal_start_month, today)
    months = month_keys(year, month, section.horizon_months)
    return tuple(
        sorted(
            {FiscalYear.containing(month_start(m), fiscal_start_month).label_year for m in months}
        )
    )


def _scheduled_by_heading(sources: Sequence[FundingSource], label_year: int) -> dict[str, float]:
    """The scheduled funders' amounts of a year by the budget heading they are booked on."""
    out: dict[str, float] = {}
    for s in scheduled_sources(sources):
        head = heading_of_account(s.account)
        out[head] = math.fsum((out.get(head, 0.0), s.amount(label_year)))
    return out


def _budget_forecast(
    budget: BudgetCash,
    sources: Sequence[FundingSource],
    months: Sequence[str],
    *,
    budget_year: int,
    fiscal_start_month: int,
    yearly_growth: float,
    budgets: Mapping[int, BudgetCash] | None = None,
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Inflow and outflow series by kind over the plan's months, from the budget.

    A month reads the budget of its own fiscal year when ``budgets`` has one
    (next year's budget, once prepared); otherwise ``budget``'s twelve months
    repeat, grown by ``yearly_growth`` per fiscal year after ``budget_year``.
    The scheduled funders' amount of each year is taken out of the heading
    they are booked on, in proportion to its months:
    kept(m) = budget(m) × max(0, 1 − scheduled / Σ budget of the year).
    """
    incoming: dict[str, list[float]] = {}
    outgoing: dict[str, list[float]] = {}
    years = [FiscalYear.containing(month_start(m), fiscal_start_month).label_year for m in months]
    slots = [(parse_month(m)[1] - fiscal_start_month) % 12 for m in months]
    scheduled = {y: _scheduled_by_heading(sources, y) for y in set(years)}
    for i, (y, slot) in enumerate(zip(years, slots, strict=True)):
        own = (budgets or {}).get(y)
        cash, growth = (own, 1.0) if own else (budget, (1 + yearly_growth) ** (y - budget_year))
        for kind_value, headings in cash.items():
            label = CashFlowKind(kind_value).label
            for head, twelve in headings.items():
                total = math.fsum(twelve) * growth
                taken = scheduled[y].get(head, 0.0)
                keep = max(0.0, 1 - taken / total) if total > 0 else 1.0
                value = float(twelve[slot]) * growth * keep
                side = outgoing if head in OUTFLOW_HEADINGS else incoming
                if value < 0:  # a negative budget month (a rebate) moves money the other way
                    side = incoming if side is outgoing else outgoing
                    value = -value
                side.setdefault(label, [0.0] * len(months))[i] += value
    order = [k.label for k in CashFlowKind]
    return (
        {k: incoming[k] for k in order if k in incoming},
        {k: outgoing[k] for k in order if k in outgoing},
    )


def _actual_series(
    actuals: Sequence[CashActuals], months: Sequence[str]
) -> tuple[int, dict[str, list[float]], dict[str, list[float]], list[float]]:
    """The plan's leading months that the accounts cover: flows by kind and balances (euros).

    Returns the count of actual months, the inflow and outflow series by kind
    label (zeros after the actual months) and the end-of-month balances.
    """
    by_month: dict[str, tuple[CashActuals, int]] = {}
    for a in actuals:
        for k, m in enumerate(a.months):
            by_month[m] = (a, k)
    count = 0
    while count < len(months) and months[count] in by_month:
        count += 1
    incoming: dict[str, list[float]] = {}
    outgoing: dict[str, list[float]] = {}
    closing: list[float] = []
    for i, m in enumerate(months[:count]):
        a, k = by_month[m]
        for side, flows in ((incoming, a.inflows), (outgoing, a.outflows)):
            for kind_value, cents in flows.items():
                label = CashFlowKind(kind_value).label
                side.setdefault(label, [0.0] * len(months))[i] = cents[k] / 100
        closing.append(a.closing_cents[k] / 100)
    return count, incoming, outgoing, closing


def _opening(
    actuals: Sequence[CashActuals], first: str, typed: float
) -> tuple[float, OpeningSource]:
    """Cash at the start of the plan's first month: from the accounts when they know it."""
    for a in actuals:
        if first in a.months:
            k = a.months.index(first)
            net = a.net_cents()[k]
            return (a.closing_cents[k] - net) / 100, OpeningSource.LEDGER
        previous = next_month(first, -1)
        if a.months and a.months[-1] == previous:
            return a.closing_cents[-1] / 100, OpeningSource.LEDGER
    return typed, OpeningSource.TYPED


def _with_base(actuals: Sequence[CashActuals], base_cents: int) -> list[CashActuals]:
    """Ledgers without opening entries on cash: their balances start from the typed-in cash."""
    return [
        a
        if a.has_opening or not a.months
        else a.model_copy(
            update={
                "opening_cents": base_cents,
                "closing_cents": tuple(c + base_cents for c in a.closing_cents),
            }
        )
        for a in actuals
    ]


def assemble(
    section: TreasurySection,
    sources: Sequence[FundingSource],
    *,
    budget: BudgetCash | None,
    budget_year: int | None = None,
    fiscal_start_month: int = 1,
    today: date,
    actuals: Sequence[CashActuals] = (),
    budgets: Mapping[int, BudgetCash] | None = None,
) -> PlanInputs:
    """The plan's inputs from the treasury section, the register, the budget and the accounts.

    Notes:
        Actual months: the plan's leading months that ``actuals`` cover, with
        the flows by kind read from the accounts and no scheduled receipt
        (what a funder paid is in the accounts). Forecast months: with a
        budget, each heading's phasing by kind (the scheduled funders' share
        taken out); without, the hand-entered January–December flows. Either
        way the twelve months repeat over the horizon, grown by ``yearly_growth``
        — except the months of a fiscal year that ``budgets`` holds a budget of.
        The opening cash is the accounts' balance at the start of the first
        month when they know it, else the typed-in one.
    """
    year, month = _first_month(section, fiscal_start_month, today)
    count = section.horizon_months
    months = month_keys(year, month, count)
    issues: list[Issue] = []
    base = round(section.opening_cash * 100)
    chosen = _with_base(actuals, base)
    for a in actuals:
        if a.months and not a.has_opening:
            issues.append(
                Issue(
                    code="treasury_no_opening_entries",
                    template=N_(
                        "La comptabilité {year} n'a pas d'écritures d'à-nouveaux sur les comptes "
                        "de trésorerie : les soldes réels partent de la trésorerie de départ "
                        "saisie ({opening})."
                    ),
                    params={"year": a.fiscal_year.label_year, "opening": Money.of_cents(base)},
                    severity=Severity.WARNING,
                )
            )
    n_actual, act_in, act_out, closing = _actual_series(chosen, months)
    opening, opening_source = _opening(chosen, months[0], section.opening_cash)
    receipts = receipts_matrix(sources, months)
    if n_actual:
        receipts.iloc[:, :n_actual] = 0.0
    names = {s.id: s.name for s in scheduled_sources(sources)}
    has_budget = bool(budget) and any(
        math.fsum(abs(float(v)) for v in twelve) > 0
        for headings in (budget or {}).values()
        for twelve in headings.values()
    )
    incoming: dict[str, list[float]]
    outgoing: dict[str, list[float]]
    if has_budget and budget is not None:
        b_year = (
            budget_year
            or FiscalYear.containing(month_start(months[0]), fiscal_start_month).label_year
        )
        incoming, outgoing = _budget_forecast(
            budget,
            sources,
            months,
            budget_year=b_year,
            fiscal_start_month=fiscal_start_month,
            yearly_growth=section.yearly_growth,
            budgets=budgets,
        )
        basis = Basis.BUDGET
    elif section.monthly_charges:
        offset, growth = month - 1, section.yearly_growth
        outgoing = {
            OUTFLOWS: extend_months(
                section.monthly_charges, count, offset=offset, yearly_growth=growth
            )
        }
        income = section.monthly_income or [0.0] * 12
        incoming = {
            OTHER_INFLOWS: extend_months(income, count, offset=offset, yearly_growth=growth)
        }
        basis = Basis.MANUAL
        issues.append(
            Issue(
                code="treasury_manual_basis",
                template=N_(
                    "Le dossier n'a pas encore de budget prévisionnel : la prévision utilise les "
                    "encaissements et décaissements mensuels saisis dans « Hypothèses du plan »."
                ),
                severity=Severity.INFO,
            )
        )
    else:
        incoming, outgoing = {}, {}
        basis = Basis.NONE
        if n_actual < count:
            issues.append(
                Issue(
                    code="treasury_no_basis",
                    template=N_(
                        "Ni budget prévisionnel ni flux mensuels saisis : saisissez vos "
                        "décaissements et encaissements mensuels pour obtenir une prévision "
                        "réaliste."
                    ),
                    severity=Severity.WARNING,
                )
            )
    incoming = _overlay(incoming, act_in, n_actual, count)
    outgoing = _overlay(outgoing, act_out, n_actual, count)
    if n_actual:
        last = _last_entry(chosen)
        issues.append(
            Issue(
                code="treasury_actual_months",
                template=N_(
                    "De {first} à {last}, le plan reprend les soldes réels des comptes de "
                    "trésorerie (banques, caisse, placements : classe 5) de la comptabilité "
                    "importée, à jour au {date} ; la prévision part du solde de fin {last} : "
                    "{balance}."
                ),
                params={
                    **span_params(months[:n_actual]),
                    "date": last,
                    "balance": Money.of_cents(round(closing[-1] * 100)),
                },
                severity=Severity.INFO,
            )
        )
    if (
        opening_source is OpeningSource.LEDGER
        and section.opening_cash
        and (abs(section.opening_cash - opening) >= 0.005)
    ):
        issues.append(
            Issue(
                code="treasury_typed_opening_unused",
                template=N_(
                    "La trésorerie de départ saisie ({typed}) n'est pas utilisée : le plan part "
                    "du solde des comptes de trésorerie de la comptabilité ({ledger})."
                ),
                params={
                    "typed": Money.of_cents(round(section.opening_cash * 100)),
                    "ledger": Money.of_cents(round(opening * 100)),
                },
                severity=Severity.INFO,
            )
        )
    return PlanInputs(
        months=tuple(months),
        actual_months=n_actual,
        actual_through=_last_entry(chosen) if n_actual else None,
        actual_closing=tuple(closing),
        opening_cash=opening,
        opening_source=opening_source,
        dedicated_funds=section.dedicated_funds,
        minimum_cash=section.minimum_cash,
        incoming={k: tuple(v) for k, v in incoming.items()},
        outgoing={k: tuple(v) for k, v in outgoing.items()},
        receipts=receipts,
        names=names,
        basis=basis,
        issues=tuple(issues),
    )


def _last_entry(actuals: Sequence[CashActuals]) -> date | None:
    """The date of the last entry of the accounts read."""
    dates = [a.last_entry for a in actuals if a.last_entry is not None]
    return max(dates) if dates else None


def _overlay(
    forecast: Mapping[str, Sequence[float]],
    actual: Mapping[str, Sequence[float]],
    n_actual: int,
    count: int,
) -> dict[str, list[float]]:
    """The forecast series with their first ``n_actual`` months replaced by the actual flows."""
    out: dict[str, list[float]] = {}
    for name in [*actual, *(k for k in forecast if k not in actual)]:
        values = list(forecast.get(name, [0.0] * count))
        values[:n_actual] = list(actual.get(name, [0.0] * count))[:n_actual]
        if any(values):
            out[name] = values
    return out


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
    ledgers: Mapping[int, pd.DataFrame] | None = None,
) -> tuple[PlanInputs, list[Issue]]:
    """The plan's inputs from the sections and ledgers it reads, and what the user should know.

    The budget of ``fiscal_year`` is read as cash by kind of flow
    (:func:`~essdiag.treasury.budget_link.cash_by_kind`: the version the
    board adopted), and so is the budget of a later year the plan reaches,
    once it is prepared; the funders with a
    payment schedule bring their dated receipts; ``ledgers`` (canonical
    ledgers by fiscal label year) give the actual months
    (:func:`~essdiag.treasury.actuals.cash_actuals`); the treasury section
    gives the horizon, the thresholds and, without accounts or budget, the
    opening cash and the hand-entered flows.

    Example:
        >>> inputs, issues = gather(TreasurySection(), FundingSection(), BudgetSection(),
        ...                         FiscalYear(label_year=2026), today=date(2026, 3, 1))
        >>> inputs.basis, [i.code for i in issues], inputs.empty
        (<Basis.NONE: 'none'>, ['treasury_no_basis'], True)
    """
    start = fiscal_year.start_month
    actuals = [
        cash_actuals(ledger, FiscalYear(label_year=year, start_month=start))
        for year, ledger in sorted((ledgers or {}).items())
        if len(ledger)
    ]
    later = {
        year: cash
        for year in plan_ledger_years(treasury, start, today)
        if year > fiscal_year.label_year
        and budget.of_year(year)  # a budget of its own, not the plan year's undated one
        and (cash := cash_by_kind(budget_lines(budget, year)))
    }
    inputs = assemble(
        treasury,
        funding.sources,
        budget=cash_by_kind(budget_lines(budget, fiscal_year.label_year)),
        budget_year=fiscal_year.label_year,
        fiscal_start_month=start,
        today=today,
        actuals=[a for a in actuals if not a.empty],
        budgets=later,
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
    dossier: TreasuryDossier,
    *,
    today: date,
    fiscal_year: FiscalYear | None = None,
    ledgers: Mapping[int, pd.DataFrame] | None = None,
) -> tuple[PlanInputs, list[Issue]]:
    """:func:`gather` on a dossier, for the fiscal year of the plan (:func:`plan_fiscal_year`).

    ``fiscal_year`` overrides the year whose budget is read; ``ledgers`` are
    the dossier's canonical ledgers of the plan's fiscal years
    (:func:`plan_ledger_years`), which the screens' cache hands in.
    """
    start = dossier.identity.fiscal_year_start_month
    year = fiscal_year or plan_fiscal_year(dossier.treasury, start, today)
    return gather(
        dossier.treasury, dossier.funding, dossier.budget, year, today=today, ledgers=ledgers
    )
