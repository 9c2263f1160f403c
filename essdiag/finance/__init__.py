"""Financial engineering: loans, NPV/IRR, financing plans, financial health.

The models are in :mod:`~essdiag.finance.section` (kept by the dossier's
funding section). One concept per module: :mod:`~essdiag.finance.loans`
(repayment schedules), :mod:`~essdiag.finance.investment` (NPV and IRR of a
project's cash flows), :mod:`~essdiag.finance.financing_plan` (needs against
resources), :mod:`~essdiag.finance.table` (a plan as editable tables),
:mod:`~essdiag.finance.health` (FRNG, BFR, net cash, CAF from the accounts or
hand-entered balance sheets).
"""

from __future__ import annotations
