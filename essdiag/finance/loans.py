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

from essdiag.figures import Column, Figure, Input, View
from essdiag.finance.section import LoanMethod, LoanSpec
from essdiag.i18n import N_
from essdiag.periods import month_key, next_month

__all__ = ["loan_figures", "loan_schedule", "loan_totals", "loan_view"]


def loan_schedule(loan: LoanSpec, *, start_year: int = 2026, start_month: int = 1) -> pd.DataFrame:
    """The repayment schedule, one row per period.

    Notes:
        annuity: payment = pmt(r, n − d, −P) with r = annual rate / periods per
        year, n periods in all, d deferral periods; interest = ipmt, principal = ppmt.
        constant principal: principal = P / (n − d), interest = r × outstanding.

    Returns:
        DataFrame[period, due (YYYY-MM), opening, interest, principal, payment, closing].

    Example:
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
    if loan.method == LoanMethod.ANNUITY:
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
        >>> t = loan_totals(loan_schedule(LoanSpec(principal=1200, annual_rate=0, years=1)))
        >>> t["interest"], t["principal"]
        (0.0, 1200.0)
    """
    return {
        "interest": float(schedule["interest"].sum()),
        "principal": float(schedule["principal"].sum()),
        "payment": float(schedule["payment"].sum()),
    }


def loan_view(loan: LoanSpec, *, start_year: int = 2026, start_month: int = 1) -> View:
    """The repayment schedule as a table, shared by the screen, its chart and the export.

    The screen leaves out the opening capital (:data:`LOAN_SHOWN`); the export writes it.
    """
    return View(
        (
            Column("period", N_("Échéance"), "count"),
            Column("due", N_("Date"), "month"),
            Column("opening", N_("Capital restant dû en début"), "EUR"),
            Column("interest", N_("Intérêts"), "EUR"),
            Column("principal", N_("Capital remboursé"), "EUR"),
            Column("payment", N_("Échéance totale"), "EUR"),
            Column("closing", N_("Capital restant dû en fin"), "EUR"),
        ),
        loan_schedule(loan, start_year=start_year, start_month=start_month),
        title=N_("Tableau d'amortissement"),
    )


LOAN_SHOWN = ("period", "due", "interest", "principal", "payment", "closing")
"""Columns of :func:`loan_view` the screen shows beside its chart."""


def loan_figures(loan: LoanSpec, schedule: pd.DataFrame) -> dict[str, Figure]:
    """The payment after the deferral, the total cost of the credit and the total repaid.

    Example:
        >>> s = loan_schedule(LoanSpec(principal=1200, annual_rate=0, years=1, deferral_periods=2))
        >>> f = loan_figures(LoanSpec(principal=1200, annual_rate=0, years=1, deferral_periods=2), s)
        >>> f["payment"].value, f["interest"].value, f["total"].value
        (120.0, 0.0, 1200.0)
    """
    totals = loan_totals(schedule)
    inputs = [
        Input.of(N_("Capital emprunté"), loan.principal, "EUR"),
        Input.of(N_("Taux annuel"), loan.annual_rate, "%"),
        Input.of(N_("Échéances"), loan.years * loan.periods_per_year, "count"),
        Input.of(N_("Différé (échéances)"), loan.deferral_periods, "count"),
    ]
    return {
        "payment": Figure.of(
            N_("Échéance après différé"),
            float(schedule["payment"].iloc[loan.deferral_periods]),
            "EUR",
            N_("intérêts + capital de la première échéance après le différé"),
            inputs,
        ),
        "interest": Figure.of(
            N_("Coût total du crédit"),
            totals["interest"],
            "EUR",
            N_("Σ intérêts de toutes les échéances"),
            inputs,
            digits=0,
        ),
        "total": Figure.of(
            N_("Total remboursé"),
            totals["payment"],
            "EUR",
            N_("Σ échéances = capital + intérêts"),
            [
                Input.of(N_("Capital emprunté"), loan.principal, "EUR"),
                Input.of(N_("Intérêts"), round(totals["interest"], 2), "EUR"),
            ],
            digits=0,
        ),
    }
