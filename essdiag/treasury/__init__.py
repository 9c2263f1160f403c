"""Treasury: monthly cash plan, stress tests and Monte Carlo of funders' delays.

Flow: :mod:`~essdiag.treasury.section` holds the assumptions of the dossier;
:mod:`~essdiag.treasury.inputs` gathers the plan's series from the treasury,
funding and budget sections (:func:`gather`); :mod:`~essdiag.treasury.plan`
adds them up into the cash plan; :mod:`~essdiag.treasury.stress` reruns it
with a funder cut or late; :mod:`~essdiag.treasury.montecarlo` simulates
funders' delays and shortfalls; :mod:`~essdiag.treasury.views` lays the
results out as tables and :mod:`~essdiag.treasury.table` edits the assumptions.
"""

from __future__ import annotations

from essdiag.treasury.inputs import (
    Basis,
    PlanInputs,
    assemble,
    delay_vectors,
    dossier_inputs,
    gather,
    plan_fiscal_year,
)
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
    "dossier_inputs",
    "extend_months",
    "gather",
    "plan_fiscal_year",
    "reserve_months",
    "simulate",
    "summarise",
]
