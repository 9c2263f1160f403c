"""Funding sources, mix indicators, schedule checks and donors' cost.

Flow: :mod:`~essdiag.funding.section` holds the register of the dossier and
what each source says about its payment months; :mod:`~essdiag.funding.mix`
reads shares, dependency and concentration, and :mod:`~essdiag.funding.views`
lays them out as tables; :mod:`~essdiag.funding.schedule` checks the
schedules against a plan's months; :mod:`~essdiag.funding.table` edits the
register as tables; :mod:`~essdiag.funding.donations` gives a donor's net
cost. Stress tests run the cash plan (:mod:`essdiag.treasury.stress`);
financing plans, loans and financial health live in :mod:`essdiag.finance`.
"""

from __future__ import annotations

from essdiag.funding.section import (
    FAMILY_OF,
    FinancingPlan,
    FunderType,
    FundingFamily,
    FundingSection,
    FundingSource,
    Instalment,
    InstalmentKind,
    LoanSpec,
    PlanLine,
    Purpose,
    YearAccounts,
    YearAmount,
)

__all__ = [
    "FAMILY_OF",
    "FinancingPlan",
    "FunderType",
    "FundingFamily",
    "FundingSection",
    "FundingSource",
    "Instalment",
    "InstalmentKind",
    "LoanSpec",
    "PlanLine",
    "Purpose",
    "YearAccounts",
    "YearAmount",
]
