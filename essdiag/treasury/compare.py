"""Plan against bank: the months gone by as the budget planned them and as the accounts say.

Where it sits: after :mod:`essdiag.treasury.inputs`. The *initial plan* is the
plan the budget and the funders' schedules made from the same opening balance
(no actual month); the *actual* months are the bank's
(:mod:`essdiag.treasury.actuals`). Both start from the same cash, so the gap
at the end of a month is exactly the sum, flow by flow, of what came in or
went out more or less than planned: :func:`gap_view` lists those flows,
largest effect first, and :func:`gap_figure` names the largest ones.

Flows compare by kind (:class:`~essdiag.treasury.actuals.CashFlowKind`): the
scheduled funders' payments are grants; hand-entered flows (a plan without a
budget) keep their own names. Amounts are float euros (a plan is a projection).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.figures import Column, Figure, Input, View
from essdiag.i18n import N_, LabelledEnum, Money, MonthKey
from essdiag.treasury.actuals import CashFlowKind
from essdiag.treasury.inputs import (
    OTHER_INFLOWS,
    OUTFLOWS,
    PlanInputs,
    TreasuryDossier,
    dossier_inputs,
)

__all__ = [
    "CashComparison",
    "Side",
    "against_initial",
    "compare",
    "comparison_view",
    "dossier_comparison",
    "gap_figure",
    "gap_view",
]

_IN, _OUT = N_("Encaissement"), N_("Décaissement")


class _TypedFlow(LabelledEnum):
    """The hand-entered flows of a plan without a budget, named as the plan names them."""

    OTHER_INFLOWS = "other_inflows", OTHER_INFLOWS
    OUTFLOWS = "outflows", OUTFLOWS


_WORDS: dict[str, LabelledEnum] = {
    **{k.label: k for k in CashFlowKind},
    **{k.label: k for k in _TypedFlow},
}
"""Flow names that are the library's words: a reading names them in the reader's language."""


class Side(BaseModel):
    """One flow of the comparison.

    Attributes:
        name: the flow's French label (a kind of flow, or a hand-entered series).
        inflow: True for money in, False for money out.
        planned, actual: over the actual months, in euros.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    inflow: bool
    planned: float
    actual: float

    @property
    def effect(self) -> float:
        """What the gap of this flow did to cash: more in, or less out, is positive."""
        gap = self.actual - self.planned
        return (gap if self.inflow else -gap) + 0.0  # never −0


class CashComparison(BaseModel):
    """The actual months of a plan set against the initial plan.

    Attributes:
        months: the actual months.
        planned, actual: closing cash of each month, planned and actual (euros).
        flows: each flow over those months, planned and actual.
        through: date of the last entry read.
    """

    model_config = ConfigDict(frozen=True)

    months: tuple[str, ...]
    planned: tuple[float, ...]
    actual: tuple[float, ...]
    flows: tuple[Side, ...]
    through: date | None = None

    @property
    def gap(self) -> float:
        """Actual − planned closing cash at the end of the last actual month."""
        return self.actual[-1] - self.planned[-1]


def _by_name(
    series: Mapping[str, list[float]], n: int, rename: Mapping[str, str]
) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, values in series.items():
        key = rename.get(name, name)
        out[key] = math.fsum((out.get(key, 0.0), math.fsum(values[:n])))
    return out


def compare(current: PlanInputs, initial: PlanInputs) -> CashComparison | None:
    """The actual months of ``current`` against the same months of ``initial`` (None without any).

    Example:
        >>> import pandas as pd
        >>> none = pd.DataFrame(index=[], columns=["2026-01"], dtype=float)
        >>> common = dict(months=("2026-01",), opening_cash=100.0, dedicated_funds=0,
        ...               minimum_cash=0, receipts=none, names={}, basis="budget")
        >>> cur = PlanInputs(actual_months=1, actual_closing=(80.0,), incoming={"Ventes": (10.0,)},
        ...                  outgoing={"Salaires": (30.0,)}, **common)
        >>> ini = PlanInputs(incoming={"Ventes": (40.0,)}, outgoing={"Salaires": (30.0,)}, **common)
        >>> c = compare(cur, ini)
        >>> c.gap, [(f.name, f.effect) for f in c.flows]
        (-30.0, [('Ventes', -30.0), ('Salaires', 0.0)])
    """
    n = current.actual_months
    if not n:
        return None
    funders = dict.fromkeys(initial.names.values(), CashFlowKind.GRANTS.label)
    plan_in = _by_name(initial.inflows(), n, funders)
    plan_out = _by_name(initial.outflow_series(), n, {})
    act_in = _by_name(current.inflows(), n, funders)
    act_out = _by_name(current.outflow_series(), n, {})
    flows = [
        Side(name=name, inflow=inflow, planned=planned.get(name, 0.0), actual=actual.get(name, 0.0))
        for inflow, planned, actual in ((True, plan_in, act_in), (False, plan_out, act_out))
        for name in dict.fromkeys([*planned, *actual])
        if planned.get(name, 0.0) or actual.get(name, 0.0)
    ]
    flows.sort(key=lambda f: -abs(f.effect))
    planned_plan, _issues = initial.cash_plan()
    planned = (
        tuple(float(v) for v in planned_plan["closing"][:n]) if planned_plan is not None else ()
    )
    return CashComparison(
        months=current.months[:n],
        planned=planned or (math.nan,) * n,
        actual=current.actual_closing,
        flows=tuple(flows),
        through=current.actual_through,
    )


def dossier_comparison(
    dossier: TreasuryDossier, *, today: date, ledgers: Mapping[int, pd.DataFrame] | None = None
) -> CashComparison | None:
    """The plan of a dossier against the bank: the initial plan starts from the same balance."""
    current, _issues = dossier_inputs(dossier, today=today, ledgers=ledgers)
    initial, _more = dossier_inputs(dossier, today=today)
    return against_initial(current, initial)


def against_initial(current: PlanInputs, initial: PlanInputs) -> CashComparison | None:
    """The plan with its actual months against the initial plan started from the same balance.

    ``initial`` is the plan gathered without the accounts (budget and
    schedules alone); None when ``current`` has no actual month.
    """
    if not current.actual_months:
        return None
    return compare(current, initial.model_copy(update={"opening_cash": current.opening_cash}))


def comparison_view(c: CashComparison) -> View:
    """Month by month: the closing cash planned, the bank's, and the gap."""
    return View(
        (
            Column("month", N_("Mois"), "month"),
            Column("planned", N_("Prévu (plan initial)"), "EUR", digits=0),
            Column("actual", N_("Réalisé (banque)"), "EUR", digits=0),
            Column("gap", N_("Écart réalisé − prévu"), "EUR", digits=0),
        ),
        pd.DataFrame(
            {
                "month": list(c.months),
                "planned": list(c.planned),
                "actual": list(c.actual),
                "gap": [a - p for a, p in zip(c.actual, c.planned, strict=True)],
            }
        ),
        title=N_("Trésorerie de fin de mois : prévue et réelle"),
    )


def gap_view(c: CashComparison) -> View:
    """Each flow over the actual months, planned and actual, largest effect on cash first."""
    return View(
        (
            Column("flow", N_("Flux"), "label"),
            Column("side", N_("Sens"), "label"),
            Column("planned", N_("Prévu"), "EUR", digits=0),
            Column("actual", N_("Réalisé"), "EUR", digits=0),
            Column("effect", N_("Effet sur la trésorerie"), "EUR", digits=0),
        ),
        pd.DataFrame(
            {
                "flow": [f.name for f in c.flows],
                "side": [_IN if f.inflow else _OUT for f in c.flows],
                "planned": [f.planned for f in c.flows],
                "actual": [f.actual for f in c.flows],
                "effect": [f.effect for f in c.flows],
            },
            columns=["flow", "side", "planned", "actual", "effect"],
        ),
        title=N_("Ce qui explique l'écart de trésorerie"),
    )


_READING = {
    1: N_("surtout : {f1} ({e1})"),
    2: N_("surtout : {f1} ({e1}) et {f2} ({e2})"),
    3: N_("surtout : {f1} ({e1}), {f2} ({e2}) et {f3} ({e3})"),
}


def gap_figure(c: CashComparison) -> Figure:
    """The gap between the bank and the initial plan at the last actual month, with its largest flows.

    The reading names the (at most three) flows whose gap moved cash the most
    and together make most of it; a zero gap reads as on plan.
    """
    top = [f for f in c.flows if round(f.effect)][:3]
    params: dict[str, object] = {}
    for i, f in enumerate(top, start=1):
        params[f"f{i}"] = _WORDS.get(f.name, f.name)
        params[f"e{i}"] = Money.of_cents(round(f.effect * 100))
    last = c.months[-1]
    return Figure.of(
        N_("Écart au plan initial"),
        c.gap,
        "EUR",
        N_(
            "trésorerie réelle − trésorerie prévue par le plan initial (budget et échéanciers, "
            "même solde de départ) = Σ des écarts de chaque flux (encaissements en plus, "
            "décaissements en moins)"
        ),
        [
            Input.of(N_("Trésorerie réelle"), c.actual[-1], "EUR", N_("comptabilité importée")),
            Input.of(N_("Trésorerie prévue"), c.planned[-1], "EUR", N_("plan initial")),
        ],
        reading=_READING[len(top)] if top else N_("conforme au plan"),
        reading_params=params,
        tone="good" if c.gap >= 0 else "watch",
        scope=N_("fin {month}"),
        scope_params={"month": MonthKey(last)},
        digits=0,
    )
