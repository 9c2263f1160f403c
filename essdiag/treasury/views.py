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
from essdiag.i18n import N_, Translator
from essdiag.periods import month_short
from essdiag.treasury.inputs import PlanInputs
from essdiag.treasury.montecarlo import MonteCarloResult

__all__ = [
    "ACTUAL",
    "FAN_SHOWN",
    "FORECAST",
    "PLAN_SHOWN",
    "PROBABILITY_SHOWN",
    "cash_plan_view",
    "montecarlo_view",
    "receipts_view",
]

ACTUAL, FORECAST = N_("Réalisé"), N_("Prévision")
"""How a month of the plan is known: from the accounts, or forecast."""

_PLAN_COLUMNS = {
    "month": Column("month", N_("Mois"), "month"),
    "status": Column(
        "status",
        N_("Réalisé ou prévision"),
        "label",
        help=N_("Réalisé : soldes des comptes de trésorerie de la comptabilité importée."),
    ),
    "opening": Column("opening", N_("Début de mois"), "EUR"),
    "inflows": Column("inflows", N_("Encaissements"), "EUR"),
    "outflows": Column("outflows", N_("Décaissements"), "EUR"),
    "net": Column("net", N_("Solde du mois"), "EUR"),
    "closing": Column("closing", N_("Fin de mois"), "EUR"),
    "available": Column("available", N_("Disponible"), "EUR"),
    "alert": Column("alert", N_("Sous le seuil minimal"), "bool"),
}

PLAN_SHOWN = (
    "month",
    "status",
    "opening",
    "inflows",
    "outflows",
    "closing",
    "available",
    "alert",
)
"""Columns of :func:`cash_plan_view` the screen shows beside its chart (the export writes all)."""


def cash_plan_view(plan: pd.DataFrame) -> View:
    """The month-by-month plan of :func:`~essdiag.treasury.plan.cash_plan`, every series included.

    Each inflow (``in:<name>``) and outflow (``out:<name>``) series gets a
    column named after it, before its total; a month read from the accounts
    says « Réalisé », the others « Prévision ».

    Example:
        >>> from essdiag.treasury.plan import cash_plan
        >>> plan, _ = cash_plan(["2026-01"], 100.0, {"ventes": [50]}, {"salaires": [20]})
        >>> [c.label for c in cash_plan_view(plan).columns][:5]
        ['Mois', 'Réalisé ou prévision', 'Début de mois', 'ventes', 'Encaissements']
    """
    frame = plan.copy()
    actual = frame["actual"] if "actual" in frame else pd.Series(False, index=frame.index)
    frame.insert(1, "status", [ACTUAL if a else FORECAST for a in actual])
    columns = [
        _PLAN_COLUMNS[c]
        if c in _PLAN_COLUMNS
        else Column(str(c), str(c).split(":", 1)[1], "EUR", digits=0)
        for c in frame.columns
        if c != "actual"
    ]
    return View(tuple(columns), frame, title=N_("Plan de trésorerie mensuel"))


def receipts_view(inputs: PlanInputs, tr: Translator) -> View:
    """The scheduled funders' payments still to come: one row per funder, one column per month.

    Months are the plan's forecast months (the actual ones are in the
    accounts), headed as the reader writes them; a month without payment is
    blank, a funder with nothing more to pay is left out.
    """
    months = [str(m) for m in inputs.receipts.columns][inputs.actual_months :]
    ahead = inputs.receipts[months]
    ahead = ahead[ahead.to_numpy().any(axis=1)] if months else ahead
    frame = pd.DataFrame(
        {
            "source": [inputs.names[str(i)] for i in ahead.index],
            **{m: [v if v else math.nan for v in ahead[m].astype("float64")] for m in months},
        }
    )
    return View(
        (
            Column("source", N_("Ressource")),
            *(Column(m, month_short(m, tr), "EUR", digits=0) for m in months),
        ),
        frame,
        title=N_("Échéancier des versements des financeurs"),
    )


def montecarlo_view(result: MonteCarloResult) -> View:
    """Probability of negative cash and closing-cash quantiles, month by month."""
    return View(
        (
            Column("month", N_("Mois"), "month"),
            Column("prob_negative", N_("Probabilité d'une trésorerie négative"), "%"),
            Column("q05", N_("5ᵉ centile"), "EUR", digits=0),
            Column("q25", N_("1er quartile"), "EUR", digits=0),
            Column("q50", N_("Médiane"), "EUR", digits=0),
            Column("q75", N_("3ᵉ quartile"), "EUR", digits=0),
            Column("q95", N_("95ᵉ centile"), "EUR", digits=0),
        ),
        result.table(),
        title=N_("Trésorerie de fin de mois simulée (quantiles)"),
    )


FAN_SHOWN = ("month", "q05", "q50", "q95", "prob_negative")
"""Columns of :func:`montecarlo_view` shown beside the fan chart."""
PROBABILITY_SHOWN = ("month", "prob_negative")
"""Columns of :func:`montecarlo_view` shown beside the probability chart."""
