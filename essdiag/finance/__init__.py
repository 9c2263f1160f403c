"""Financial engineering: loans, NPV/IRR, financing plans, financial health.

One concept per module: :mod:`~essdiag.finance.loans` (repayment schedules),
:mod:`~essdiag.finance.investment` (NPV and IRR of a project's cash flows),
:mod:`~essdiag.finance.financing_plan` (needs against resources),
:mod:`~essdiag.finance.health` (FRNG, BFR, net cash, CAF from the accounts).
"""

from __future__ import annotations
