"""Loans, NPV/IRR, financing plans and financial health, against values computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given

from essdiag.finance.financing_plan import plan_balance
from essdiag.finance.health import (
    FunctionalBalance,
    from_balances,
    from_year_accounts,
    health_figures,
    health_table,
)
from essdiag.finance.investment import irr_figure, npv, npv_figure, payback_year
from essdiag.finance.loans import loan_schedule, loan_totals
from essdiag.funding.section import FinancingPlan, LoanSpec, PlanLine, YearAccounts
from tests.strategies_funding import trial_balances


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


# ---------------------------------------------------------------------------- NPV / IRR


def test_npv_and_irr_against_hand_values() -> None:
    # −1000 + 500/1,1 + 500/1,21 + 500/1,331 = 243,43 (by hand)
    assert npv(0.10, [-1000, 500, 500, 500]) == pytest.approx(243.4260, abs=1e-4)
    # numpy-financial's documented example: irr([-100, 39, 59, 55, 20]) = 28,09 %
    assert irr_figure([-100, 39, 59, 55, 20]).value == pytest.approx(0.2809484, abs=1e-6)
    # −1000 then 1210 two years later: (1 + r)² = 1,21 → r = 10 %
    assert irr_figure([-1000, 0, 1210]).value == pytest.approx(0.10, abs=1e-9)
    assert payback_year([-1000, 400, 400, 400]) == 3
    assert payback_year([-1000, 100]) is None


def test_irr_without_sign_change_is_missing_with_a_reason() -> None:
    f = irr_figure([100, 200])
    assert f.value is None and not f.available
    assert "ne changent pas de signe" in (f.reason or "")
    assert not npv_figure(0.04, [100]).available


def test_scic_solar_roof_npv_is_positive_and_irr_about_five_percent() -> None:
    # 315 000 € invested, 25 500 € a year for 20 years, discounted at 4 %:
    # annuity factor (1 − 1,04^−20)/0,04 = 13,5903 → NPV = 25 500 × 13,5903 − 315 000 = 31 553 €.
    flows = [-315_000.0] + [25_500.0] * 20
    assert npv(0.04, flows) == pytest.approx(31_553, abs=1)
    irr = irr_figure(flows).value
    assert irr is not None and 0.05 < float(irr) < 0.0525  # ≈ 5,1 %


# ---------------------------------------------------------------------------- financing plan


def test_financing_plan_balance() -> None:
    plan = FinancingPlan(
        name="Toiture",
        needs=[
            PlanLine(category="investments", amount=293_000),
            PlanLine(category="working_capital", amount=10_000),
        ],
        resources=[
            PlanLine(category="loan", amount=150_000),
            PlanLine(category="members_capital", amount=153_000),
        ],
    )
    figure, issues = plan_balance(plan)
    assert figure.value == 0 and issues == []
    short = plan.model_copy(update={"resources": plan.resources[:1]})
    figure, issues = plan_balance(short)
    assert figure.value == -153_000
    assert issues[0].code == "financing_plan_unbalanced"
    assert "n'est pas équilibré" in issues[0].message


def test_scic_sample_plan_balances() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sample_data"))
    from sections import funding

    from essdiag.funding import FundingSection

    section = FundingSection.model_validate(funding.section("scic-energie"))
    plan = section.plans[0]
    figure, issues = plan_balance(plan)
    assert figure.value == 0 and issues == []
    assert math.fsum(n.amount for n in plan.needs) == 315_000


# ---------------------------------------------------------------------------- health


def test_health_on_a_small_trial_balance() -> None:
    tb = pd.DataFrame(
        {
            "account": ["102000", "164000", "218000", "281800", "411000", "401000", "512000",
                        "519000", "641000", "681100", "706000", "781500"],
            "balance_cents": [-50_000_00, -20_000_00, 60_000_00, -10_000_00, 15_000_00,
                              -8_000_00, 12_000_00, -2_000_00, 30_000_00, 5_000_00,
                              -31_000_00, -1_000_00],
        }
    )  # fmt: skip
    assert tb["balance_cents"].sum() == 0
    fb = from_balances(tb)
    # Result = 31 000 + 1 000 − 30 000 − 5 000 = −3 000 €; equity = 50 000 − 3 000 = 47 000 €.
    assert fb.result == -3_000_00
    assert fb.equity == 47_000_00
    # FRNG = 47 000 + 20 000 − (60 000 − 10 000) = 17 000 €; BFR = 15 000 − 8 000 = 7 000 €;
    # net cash = 12 000 − 2 000 = 10 000 € = FRNG − BFR.
    assert (fb.frng, fb.bfr, fb.net_cash) == (17_000_00, 7_000_00, 10_000_00)
    # CAF = −3 000 + 5 000 − 1 000 = 1 000 €.
    assert fb.caf == 1_000_00
    figs = health_figures(fb)
    assert figs["days_of_cash"].value == pytest.approx(10_000 / (30_000 / 365))
    assert figs["equity_ratio"].value == pytest.approx(47_000 / (50_000 + 15_000 + 12_000))


def test_caf_additive_method_equals_cash_products_minus_cash_charges() -> None:
    # An association's year with every non-cash item of the CAF (PCG, ANC 2018-06):
    # 6811 depreciation 6 000, 6895 report en fonds dédiés 5 000, 675 book value of an asset
    # sold 3 000; 7895 utilisation de fonds dédiés 2 000, 777 investment grant released 2 000,
    # 775 sale price 4 000, 7815 reversal 1 000. Cash items: 641 salaries 50 000, 741 grant
    # 60 000. Result = 69 000 − 64 000 = 5 000 €.
    # Additive method: 5 000 + 6 000 + 5 000 − 2 000 − 2 000 − 1 000 + 3 000 − 4 000 = 10 000 €;
    # subtractive check: cash products − cash charges = 60 000 − 50 000 = 10 000 €.
    tb = pd.DataFrame(
        {
            "account": ["102000", "131000", "139100", "195000", "215400", "281540", "512000",
                        "641000", "681100", "689500", "675000",
                        "741000", "789500", "777000", "775000", "781500"],
            "balance_cents": [-100_000_00, -20_000_00, 2_000_00, -5_000_00, 60_000_00,
                              -12_000_00, 80_000_00,
                              50_000_00, 6_000_00, 5_000_00, 3_000_00,
                              -60_000_00, -2_000_00, -2_000_00, -4_000_00, -1_000_00],
        }
    )  # fmt: skip
    assert tb["balance_cents"].sum() == 0
    fb = from_balances(tb)
    assert fb.result == 5_000_00
    assert fb.caf == 10_000_00
    # Equity 100 000 + (20 000 − 2 000) + 5 000 = 123 000; dedicated funds (19) 5 000;
    # net fixed assets 48 000: FRNG = 80 000 = net cash (BFR 0).
    assert (fb.equity, fb.dedicated_funds, fb.fixed_assets_net) == (123_000_00, 5_000_00, 48_000_00)
    assert (fb.frng, fb.bfr, fb.net_cash) == (80_000_00, 0, 80_000_00)
    # Cash charges: 60 to 67 less 675 → 50 000 € (675 is in 67 but is not paid out).
    assert fb.cash_charges == 50_000_00


@given(trial_balances())
def test_net_cash_is_frng_minus_bfr_on_any_balanced_trial_balance(
    lines: list[tuple[str, int]],
) -> None:
    tb = pd.DataFrame(lines, columns=["account", "balance_cents"])
    fb = from_balances(tb)
    assert fb.frng - fb.bfr == fb.net_cash


def test_recyclerie_2025_health_matches_the_fec() -> None:
    # Figures read from FEC_2025.txt balances (see sample_data/sections/funding.py).
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sample_data"))
    from sections import funding

    from essdiag.funding import FundingSection

    section = FundingSection.model_validate(funding.section("recyclerie"))
    fb = from_year_accounts(section.accounts[0])
    assert fb.frng - fb.bfr == fb.net_cash == 209_134_86
    assert fb.result == 16_455_72  # README: résultat 2025 +16 455,72 €


def test_health_table_spans_years() -> None:
    a = YearAccounts(year=2024, equity=100, cash=50, fixed_assets_net=50, cash_charges=365)
    b = YearAccounts(year=2025, equity=120, cash=70, fixed_assets_net=50, cash_charges=730)
    table = health_table([(2025, from_year_accounts(b)), (2024, from_year_accounts(a))])
    assert table["year"].tolist() == [2024, 2025]
    assert table["days_of_cash"].tolist() == pytest.approx([50.0, 35.0])
    empty = health_figures(FunctionalBalance())
    assert not empty["equity_ratio"].available and not empty["days_of_cash"].available


def test_health_from_the_recyclerie_fec_through_the_ledger_functions() -> None:
    # The ledger's public functions (read_fec, account_balances) feed from_balances: the
    # 2025 year-end figures then match the hand-entered balance sheet of the sample section.
    from pathlib import Path

    from essdiag.ledger import account_balances, read_fec
    from essdiag.periods import FiscalYear

    fec = Path(__file__).resolve().parents[1] / "sample_data" / "recyclerie" / "FEC_2025.txt"
    fy = FiscalYear(label_year=2025)
    result = read_fec(fec.read_bytes(), file=fec.name, fiscal_year=fy)
    assert result.ledger is not None
    fb = from_balances(account_balances(result.ledger, fy.start, fy.end))
    assert fb.result == 16_455_72  # README: résultat 2025
    assert fb.net_cash == 209_134_86
    assert fb.frng - fb.bfr == fb.net_cash
    assert (fb.frng, fb.bfr) == (273_665_08, 64_530_22)
