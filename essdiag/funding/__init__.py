"""Funding sources, mix indicators, stress tests and donors' cost.

Flow: :mod:`~essdiag.funding.section` holds the register of the dossier;
:mod:`~essdiag.funding.mix` reads shares, dependency and concentration;
:mod:`~essdiag.funding.schedule` turns payment schedules into monthly
receipts for the treasury; :mod:`~essdiag.funding.stress` stresses one
funder; :mod:`~essdiag.funding.donations` gives a donor's net cost.
Financing plans, loans and financial health live in :mod:`essdiag.finance`.
"""

from __future__ import annotations

from essdiag.funding.section import (
    FAMILY_LABELS,
    FAMILY_OF,
    FUNDER_TYPE_LABELS,
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
    "FAMILY_LABELS",
    "FAMILY_OF",
    "FUNDER_TYPE_LABELS",
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
