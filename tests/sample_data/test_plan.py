"""The simulation's loan schedules (``sample_data/simulation/plan.py``): reference values, properties."""

from __future__ import annotations

import datetime as dt

import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sample_data.simulation.plan import loan_schedule
from sample_data.simulation.spec import Loan, load_case
from tests.sample_data.plain_files import CASE, SCIC


def _loan(
    *,
    capital_cents: int = 100_000_00,
    annual_rate: float = 0.03,
    payments: int = 12,
    per_year: int = 12,
    method: str = "annuity",
    first: dt.date = dt.date(2025, 1, 5),
) -> Loan:
    return Loan(
        "164000",
        "661100",
        "Échéance",
        capital_cents,
        annual_rate,
        payments,
        first,
        per_year,
        method,
    )


def test_the_scic_bank_loans_pay_the_annuity_of_numpy_financial() -> None:
    # reference: numpy_financial.pmt(rate / 12, n, −capital), an independent implementation
    # of a = P·r / (1 − (1 + r)^−n): 620 000 € at 1,5 % over 120 months → 5 567,07 €;
    # 294 000 € at 3,9 % over 174 months → 2 214,87 €.
    loans = {loan.account: loan for loan in load_case(SCIC).loans}
    for account, expected in (("164100", 620_000), ("164200", 294_000)):
        loan = loans[account]
        assert loan.capital_cents == expected * 100
        schedule = loan_schedule(loan)
        reference = npf.pmt(loan.annual_rate / 12, loan.payments, -expected)
        first = schedule[0][1] + schedule[0][2]
        assert first / 100 == pytest.approx(reference, abs=0.01)
        assert all(abs(c + i - first) <= 1 for _, c, i in schedule[:-1])  # constant to the cent


def test_the_recyclerie_truck_loan_is_unchanged() -> None:
    """The one ``[loan]`` of the recyclerie: 36 monthly annuities on the 5th, from January 2025."""
    [loan] = load_case(CASE).loans
    schedule = loan_schedule(loan)
    assert (loan.account, loan.interest_account, len(schedule)) == ("164000", "661100", 36)
    assert schedule[0][0] == dt.date(2025, 1, 6)  # the 5th was a Sunday
    reference = npf.pmt(0.032 / 12, 36, -36_000)  # 1 050,82 €
    assert (schedule[0][1] + schedule[0][2]) / 100 == pytest.approx(reference, abs=0.01)


def test_a_quarterly_loan_falls_every_three_months() -> None:
    schedule = loan_schedule(
        _loan(per_year=4, method="constant", payments=4, first=dt.date(2025, 9, 15))
    )
    assert [d.strftime("%Y-%m") for d, _, _ in schedule] == [
        "2025-09",
        "2025-12",
        "2026-03",
        "2026-06",
    ]
    # constant capital: 25 000 € a quarter, interest 3 % / 4 on what remains (by hand)
    assert [(c, i) for _, c, i in schedule] == [
        (25_000_00, 750_00),
        (25_000_00, 562_50),
        (25_000_00, 375_00),
        (25_000_00, 187_50),
    ]


@given(
    capital=st.integers(10_000_00, 5_000_000_00),
    rate=st.floats(0.001, 0.12),
    years=st.integers(1, 30),
    per_year=st.sampled_from([1, 2, 4, 12]),
    method=st.sampled_from(["annuity", "constant"]),
)
def test_the_capital_repaid_is_the_capital_lent(
    capital: int, rate: float, years: int, per_year: int, method: str
) -> None:
    """Loans of 10 000 € to 5 M€ over 1 to 30 years: every instalment repays some capital."""
    payments = years * per_year
    schedule = loan_schedule(
        _loan(
            capital_cents=capital,
            annual_rate=rate,
            payments=payments,
            per_year=per_year,
            method=method,
        )
    )
    assert len(schedule) == payments
    assert sum(c for _, c, _ in schedule) == capital
    assert all(c >= 0 and i >= 0 for _, c, i in schedule)
    dates = [d for d, _, _ in schedule]
    assert dates == sorted(dates) and len(set(dates)) == payments
