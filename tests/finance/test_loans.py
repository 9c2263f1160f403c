"""Loan repayment schedules, against values computed by hand and spreadsheet functions."""

from __future__ import annotations

import pytest

from essdiag.finance.loans import LOAN_SHOWN, loan_figures, loan_schedule, loan_totals, loan_view
from essdiag.finance.section import LoanMethod, LoanSpec
from essdiag.i18n import translator


def annuity(principal: float, rate: float, n: int) -> float:
    """The textbook annuity formula, written out independently of numpy-financial."""
    return principal * rate / (1 - (1 + rate) ** -n)


# ---------------------------------------------------------------------------- loans


def test_annuity_loan_100k_3pc_10y_monthly() -> None:
    # By hand: r = 0,03/12 = 0,0025, n = 120; 1,0025^120 = 1,349354;
    # pmt = 100 000 × 0,0025 / (1 − 1/1,349354) = 965,61 € (the spreadsheet's
    # PMT(3%/12;120;-100000) gives the same 965,61 €).
    s = loan_schedule(LoanSpec(principal=100_000, annual_rate=0.03, years=10))
    assert len(s) == 120
    assert s["payment"].round(2).unique().tolist() == [965.61]
    assert s["interest"].iloc[0] == pytest.approx(250.00, abs=0.005)  # 100 000 × 0,0025
    assert s["principal"].iloc[0] == pytest.approx(715.61, abs=0.005)
    totals = loan_totals(s)
    assert totals["principal"] == pytest.approx(100_000, abs=1e-6)
    assert totals["interest"] == pytest.approx(120 * 965.607447 - 100_000, abs=0.01)  # 15 872,89
    assert s["closing"].iloc[-1] == 0.0
    assert s["due"].iloc[0] == "2026-01" and s["due"].iloc[-1] == "2035-12"


def test_constant_principal_loan() -> None:
    # 120 000 € at 6 % over 12 months: principal 10 000 € a month; interest
    # 0,5 % of the outstanding: 600, 550, … 50; total 50 × (12 + 11 + … + 1) = 3 900 €.
    s = loan_schedule(
        LoanSpec(principal=120_000, annual_rate=0.06, years=1, method="constant_principal")
    )
    assert s["principal"].tolist() == pytest.approx([10_000.0] * 12)
    assert s["interest"].iloc[0] == pytest.approx(600.0)
    assert s["interest"].iloc[1] == pytest.approx(550.0)
    assert loan_totals(s)["interest"] == pytest.approx(3_900.0)


def test_deferral_pays_interest_then_amortises_over_the_rest() -> None:
    loan = LoanSpec(principal=100_000, annual_rate=0.03, years=10, deferral_periods=12)
    s = loan_schedule(loan)
    assert s["payment"].iloc[:12].tolist() == pytest.approx([250.0] * 12)
    assert s["principal"].iloc[:12].sum() == 0
    # 108 remaining months: 100 000 × 0,0025 / (1 − 1,0025^−108); 1,0025^108 = 1,3095231,
    # so 250 / 0,2363633 = 1 057,69 €.
    assert s["payment"].iloc[12] == pytest.approx(annuity(100_000, 0.0025, 108), abs=1e-6)
    assert round(float(s["payment"].iloc[12]), 2) == 1057.69
    assert s["principal"].sum() == pytest.approx(100_000)


def test_constant_principal_with_deferral_quarterly() -> None:
    # By hand: 60 000 € at 2,4 % a year, quarterly (r = 0,6 %), 5 years = 20 quarters, of
    # which 4 interest-only: 4 × 360 € = 1 440 €; then 16 × 3 750 € of principal, interest
    # 0,6 % × 3 750 × (16 + 15 + … + 1) = 22,5 × 136 = 3 060 €; total interest 4 500 €.
    s = loan_schedule(
        LoanSpec(
            principal=60_000,
            annual_rate=0.024,
            years=5,
            periods_per_year=4,
            method="constant_principal",
            deferral_periods=4,
        )
    )
    assert s["payment"].iloc[:4].tolist() == pytest.approx([360.0] * 4)
    assert s["principal"].iloc[4:].tolist() == pytest.approx([3_750.0] * 16)
    assert s["interest"].iloc[4] == pytest.approx(360.0)  # still 60 000 € outstanding
    assert s["interest"].iloc[5] == pytest.approx(337.5)  # 56 250 × 0,6 %
    assert s["interest"].iloc[-1] == pytest.approx(22.5)
    assert loan_totals(s)["interest"] == pytest.approx(4_500.0)
    assert s["due"].tolist()[:5] == ["2026-01", "2026-04", "2026-07", "2026-10", "2027-01"]


def test_annuity_after_deferral_sample_scic_loan() -> None:
    # 150 000 € at 3,8 % over 15 years, 12 months interest-only: 150 000 × 0,038/12 = 475 €,
    # then an annuity over 168 months: 475 / (1 − (1 + 0,038/12)^−168) = 1 152,70 €
    # (spreadsheet PMT(3,8%/12;168;-150000) = 1 152,70 €).
    s = loan_schedule(LoanSpec(principal=150_000, annual_rate=0.038, years=15, deferral_periods=12))
    assert s["payment"].iloc[:12].tolist() == pytest.approx([475.0] * 12)
    assert round(float(s["payment"].iloc[12]), 2) == 1152.70
    assert round(float(s["principal"].iloc[12]), 2) == 677.70
    assert s["closing"].iloc[-1] == 0.0


def test_yearly_and_zero_rate_loans() -> None:
    s = loan_schedule(LoanSpec(principal=50_000, annual_rate=0.05, years=5, periods_per_year=1))
    # Spreadsheet PMT(5%;5;-50000) = 11 548,74 €
    assert round(float(s["payment"].iloc[0]), 2) == 11548.74
    assert s["due"].tolist() == ["2026-01", "2027-01", "2028-01", "2029-01", "2030-01"]
    z = loan_schedule(LoanSpec(principal=1200, annual_rate=0, years=1))
    assert z["payment"].tolist() == pytest.approx([100.0] * 12)


def test_loan_view_and_figures_of_the_sample_scic_loan() -> None:
    loan = LoanSpec(principal=150_000, annual_rate=0.038, years=15, deferral_periods=12)
    view = loan_view(loan, start_year=2026)
    fr = translator("fr")
    shown = view.select(LOAN_SHOWN).display(fr)
    assert list(shown.columns) == [
        "Échéance",
        "Date",
        "Intérêts",
        "Capital remboursé",
        "Échéance totale",
        "Capital restant dû en fin",
    ]
    assert shown.iloc[0].tolist()[:3] == ["1", "janvier 2026", "475,00\xa0€"]
    figs = loan_figures(loan, view.frame)
    assert round(float(figs["payment"].value or 0), 2) == 1152.70  # the first after the deferral
    assert figs["total"].value == pytest.approx(150_000 + float(figs["interest"].value or 0))
    assert figs["interest"].shown(fr).endswith("€") and "," not in figs["interest"].shown(fr)
    assert LoanMethod("constant_principal").label == "Amortissement constant"
