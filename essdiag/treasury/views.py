"""Tables of the treasury as views: the cash plan, the funders' receipts, the Monte Carlo quantiles.

Where it sits: after :mod:`essdiag.treasury.plan` and
:mod:`essdiag.treasury.montecarlo`. Each function returns a
:class:`~essdiag.figures.View` that the "Trésorerie" screen shows beside its
chart, the chart builders of :mod:`essdiag.charts.treasury` draw and the
XLSX export writes, so each table is described once. Amounts are float euros
(a plan is a projection).
"""

from __future__ import annotations

import math

import pandas as pd

from essdiag.figures import Column, View
from essdiag.i18n import N_
from essdiag.treasury.inputs import PlanInputs
from essdiag.treasury.montecarlo import MonteCarloResult

__all__ = [
    "FAN_SHOWN",
    "PLAN_SHOWN",
    "PROBABILITY_SHOWN",
    "cash_plan_view",
    "montecarlo_view",
    "receipts_view",
]

_PLAN_COLUMNS = {
    "month": Column("month", N_("Mois"), "month"),
    "opening": Column("opening", N_("Début de mois"), "EUR", digits=0),
    "inflows": Column("inflows", N_("Encaissements"), "EUR", digits=0),
    "outflows": Column("outflows", N_("Décaissements"), "EUR", digits=0),
    "net": Column("net", N_("Solde du mois"), "EUR", digits=0),
    "closing": Column("closing", N_("Fin de mois"), "EUR", digits=0),
    "available": Column("available", N_("Disponible"), "EUR", digits=0),
    "alert": Column("alert", N_("Sous le seuil minimal"), "bool"),
}

PLAN_SHOWN = ("month", "opening", "inflows", "outflows", "closing", "available", "alert")
"""Columns of :func:`cash_plan_view` the screen shows beside its chart (the export writes all)."""


def cash_plan_view(plan: pd.DataFrame) -> View:
    """The month-by-month plan of :func:`~essdiag.treasury.plan.cash_plan`, every series included.

    Each inflow (``in:<name>``) and outflow (``out:<name>``) series gets a
    column named after it, before its total.

    Example:
        >>> from essdiag.treasury.plan import cash_plan
        >>> plan, _ = cash_plan(["2026-01"], 100.0, {"ventes": [50]}, {"salaires": [20]})
        >>> [c.label for c in cash_plan_view(plan).columns][:4]
        ['Mois', 'Début de mois', 'ventes', 'Encaissements']
    """
    columns = [
        _PLAN_COLUMNS[c]
        if c in _PLAN_COLUMNS
        else Column(str(c), str(c).split(":", 1)[1], "EUR", digits=0)
        for c in plan.columns
    ]
    return View(tuple(columns), plan, title=N_("Plan de trésorerie mensuel"))


def receipts_view(inputs: PlanInputs) -> View:
    """The scheduled funders' payments, one row per funder and one column per month (blank: none)."""
    months = [str(m) for m in inputs.receipts.columns]
    frame = pd.DataFrame(
        {
            "source": [inputs.names[str(i)] for i in inputs.receipts.index],
            **{
                m: [v if v else math.nan for v in inputs.receipts[m].astype("float64")]
                for m in months
            },
        }
    )
    return View(
        (Column("source", N_("Ressource")), *(Column(m, m, "EUR", digits=0) for m in months)),
        frame,
        title=N_("Échéancier des versements des financeurs"),
    )


def montecarlo_view(result: MonteCarloResult) -> View:
    """Probability of negative cash and closing-cash quantiles, month by month."""
    return View(
        (
            Column("month", N_("Mois"), "month"),
            Column("prob_negative", N_("Probabilité négative"), "%"),
            Column("q05", "5 %", "EUR", digits=0),
            Column("q25", "25 %", "EUR", digits=0),
            Column("q50", N_("Médiane"), "EUR", digits=0),
            Column("q75", "75 %", "EUR", digits=0),
            Column("q95", "95 %", "EUR", digits=0),
        ),
        result.table(),
        title=N_("Trésorerie de fin de mois simulée (quantiles)"),
    )


FAN_SHOWN = ("month", "q05", "q50", "q95", "prob_negative")
"""Columns of :func:`montecarlo_view` shown beside the fan chart."""
PROBABILITY_SHOWN = ("month", "prob_negative")
"""Columns of :func:`montecarlo_view` shown beside the probability chart."""
