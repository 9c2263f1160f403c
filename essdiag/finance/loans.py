"""Loan repayment schedules: constant annuities or constant principal, with a deferral.

Computed with numpy-financial (``pmt``, ``ipmt``, ``ppmt``: the spreadsheet
functions of the same names). During a deferral (différé d'amortissement) the
borrower pays the interest only; the principal is then repaid over the
remaining periods. Amounts are floats (a projection); the last payment clears
the rounding residue so the principal repaid sums exactly to the loan.
"""

from __future__ import annotations

import numpy as np
import numpy_financial as npf
import pandas as pd

from essdiag.funding.section import LoanSpec
from essdiag.periods import month_key, next_month

__all__ = ["loan_schedule", "loan_totals"]


def loan_schedule(loan: LoanSpec, *, start_year: int = 2026, start_month: int = 1) -> pd.DataFrame:
    """The repayment schedule, one row per period.

    Notes:
        annuity: payment = pmt(r, n − d, −P) with r = annual rate / periods per
        year, n periods in all, d deferral periods; interest = ipmt, principal = ppmt.
        constant principal: principal = P / (n − d), interest = r × outstanding.

    Returns:
        DataFrame[period, due (YYYY-MM), opening, interest, principal, payment, closing].

    Example:
        >>> from essdiag.funding.section import LoanSpec
        >>> s = loan_schedule(LoanSpec(principal=100000, annual_rate=0.03, years=10))
        >>> round(float(s["payment"].iloc[0]), 2)
        965.61
    """
    r = loan.annual_rate / loan.periods_per_year
    n = loan.years * loan.periods_per_year
    d = loan.deferral_periods
    m = n - d
    p = loan.principal
    interest = np.empty(n)
    principal = np.zeros(n)
    interest[:d] = p * r
    if loan.method == "annuity":
        per = np.arange(1, m + 1)
        interest[d:] = -npf.ipmt(r, per, m, p) if r > 0 else 0.0
        principal[d:] = -npf.ppmt(r, per, m, p) if r > 0 else p / m
    else:
        principal[d:] = p / m
        outstanding = p - np.concatenate(([0.0], np.cumsum(principal[d:])[:-1]))
        interest[d:] = r * outstanding
    principal[-1] += p - principal.sum()  # rounding residue, at most a few 1e-9
    closing = p - np.cumsum(principal)
    opening = np.concatenate(([p], closing[:-1]))
    step = 12 // loan.periods_per_year
    due = []
    first = month_key(start_year, start_month)
    for i in range(n):
        due.append(next_month(first, i * step))
    return pd.DataFrame(
        {
            "period": np.arange(1, n + 1),
            "due": due,
            "opening": opening,
            "interest": interest,
            "principal": principal,
            "payment": interest + principal,
            "closing": np.where(np.abs(closing) < 1e-6, 0.0, closing),
        }
    )


def loan_totals(schedule: pd.DataFrame) -> dict[str, float]:
    """Total interest, principal and payments of a schedule, and payments by year.

    Example:
        >>> from essdiag.funding.section import LoanSpec
        >>> t = loan_totals(loan_schedule(LoanSpec(principal=1200, annual_rate=0, years=1)))
        >>> t["interest"], t["principal"]
        (0.0, 1200.0)
    """
    return {
        "interest": float(schedule["interest"].sum()),
        "principal": float(schedule["principal"].sum()),
        "payment": float(schedule["payment"].sum()),
    }
