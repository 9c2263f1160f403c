"""Treasury: monthly cash plan, payment schedules and Monte Carlo of delays.

Flow: :mod:`~essdiag.treasury.section` holds the assumptions of the dossier;
:mod:`~essdiag.treasury.plan` adds up monthly series into the cash plan;
:mod:`~essdiag.treasury.montecarlo` simulates funders' delays and shortfalls.
"""

from __future__ import annotations

from essdiag.treasury.inputs import Basis, PlanInputs, assemble, delay_vectors
from essdiag.treasury.montecarlo import MonteCarloResult, simulate
from essdiag.treasury.plan import (
    PlanSummary,
    budget_series,
    cash_plan,
    extend_months,
    reserve_months,
    summarise,
)
from essdiag.treasury.section import DelayAssumption, TreasurySection

__all__ = [
    "Basis",
    "DelayAssumption",
    "MonteCarloResult",
    "PlanInputs",
    "PlanSummary",
    "TreasurySection",
    "assemble",
    "budget_series",
    "cash_plan",
    "delay_vectors",
    "extend_months",
    "reserve_months",
    "simulate",
    "summarise",
]
