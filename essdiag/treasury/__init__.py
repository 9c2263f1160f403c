"""Treasury: the monthly cash plan against the bank, stress tests and Monte Carlo of funders' delays.

Flow: :mod:`~essdiag.treasury.section` holds the assumptions of the dossier;
:mod:`~essdiag.treasury.actuals` reads the bank balances and the month's cash
flows from the accounts; :mod:`~essdiag.treasury.budget_link` reads the
budget as cash by kind of flow; :mod:`~essdiag.treasury.inputs` gathers the
plan's series (:func:`gather`: actual months, then the forecast);
:mod:`~essdiag.treasury.plan` adds them up into the cash plan;
:mod:`~essdiag.treasury.compare` sets the actual months against the plan the
budget made; :mod:`~essdiag.treasury.stress` reruns it with a funder cut or
late; :mod:`~essdiag.treasury.montecarlo` simulates funders' delays and
shortfalls from the last actual balance; :mod:`~essdiag.treasury.views` lays
the results out as tables and :mod:`~essdiag.treasury.table` edits the assumptions.
"""

from __future__ import annotations

from essdiag.treasury.actuals import CashActuals, CashFlowKind, bank_balances, cash_actuals
from essdiag.treasury.inputs import (
    Basis,
    OpeningSource,
    PlanInputs,
    assemble,
    delay_vectors,
    dossier_inputs,
    gather,
    plan_fiscal_year,
    plan_ledger_years,
)
from essdiag.treasury.montecarlo import MonteCarloResult, simulate
from essdiag.treasury.plan import (
    PlanSummary,
    cash_plan,
    extend_months,
    reserve_months,
    summarise,
)
from essdiag.treasury.section import DelayAssumption, TreasurySection

__all__ = [
    "Basis",
    "CashActuals",
    "CashFlowKind",
    "DelayAssumption",
    "MonteCarloResult",
    "OpeningSource",
    "PlanInputs",
    "PlanSummary",
    "TreasurySection",
    "assemble",
    "bank_balances",
    "cash_actuals",
    "cash_plan",
    "delay_vectors",
    "dossier_inputs",
    "extend_months",
    "gather",
    "plan_fiscal_year",
    "plan_ledger_years",
    "reserve_months",
    "simulate",
    "summarise",
]
