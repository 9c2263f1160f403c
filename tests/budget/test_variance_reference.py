"""Reference values of the recyclerie sample, worked out by hand and written down as numbers.

How they were obtained (independently of essdiag): a scratch Python session
reading sample_data/recyclerie/FEC_2025.txt and FEC_2026_01-10.txt with
``csv.DictReader(delimiter="\\t")`` and ``Decimal`` amounts (charges = debit −
credit, income = credit − debit, journal AN left out), and budget_2026.csv
(the "Budget" sheet of budget_2026.xlsx) with ``csv.DictReader(delimiter=";")``.
Where the sample README (section "Écarts volontaires de 2026") states a figure,
it is the same: energy 26 606 € → 31 270 €, Département 76 000 € → 68 400 €,
shop sales 211 589 € → 223 670 €, cumulative result at 31 October
−45 092 € (budget) and −57 391 € (actual), gap −12 299 €.

CERFA 15059 for the Département de la Drôme: its grant line carries the
analytic code ACI, so the report covers the ACI project; an actual on an
account shared between codes is put on ACI in proportion to the ACI share of
that account's annual budget (e.g. 606110: 12 168 / 27 040), worked out by
hand the same way.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from essdiag.budget.analysis import VarianceReport, analyse
from essdiag.budget.cerfa15059 import cerfa15059_table
from essdiag.budget.checks import balance_check
from essdiag.budget.section import BudgetSection
from essdiag.budget.template import read_budget
from essdiag.ledger import account_balances, monthly_activity, read_fec
from essdiag.periods import FiscalYear

CASE = Path(__file__).resolve().parents[2] / "sample_data" / "recyclerie"
FY = FiscalYear(label_year=2026)


@pytest.fixture(scope="module")
def files() -> tuple[BudgetSection, pd.DataFrame, pd.DataFrame]:
    budget, issues = read_budget((CASE / "budget_2026.xlsx").read_bytes(), fiscal_year=FY)
    assert budget is not None and issues == []
    this = read_fec((CASE / "FEC_2026_01-10.txt").read_bytes())
    last = read_fec((CASE / "FEC_2025.txt").read_bytes())
    assert this.ledger is not None and last.ledger is not None
    assert this.issues == [] and last.issues == []
    return budget, this.ledger, last.ledger


@pytest.fixture(scope="module")
def october(files: tuple[BudgetSection, pd.DataFrame, pd.DataFrame]) -> VarianceReport:
    budget, this, last = files
    return analyse(budget, FY, this, through="2026-10", level="heading", last_year_ledger=last)


def test_account_606110_first_quarter(
    files: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    # By hand: budget Jan–Mar, 3 analytic codes, 8 876,77 €; actual 10 358,16 €.
    budget, this, _ = files
    report = analyse(budget, FY, this, through="2026-03", period_kind="quarter", level="account")
    row = report.table.set_index("key").loc["606110"]
    assert (row["budget"], row["actual"], row["variance"]) == (8876.77, 10358.16, 1481.39)
    assert not row["favourable"]  # a charge above budget is unfavourable
    assert report.period.months == ("2026-01", "2026-02", "2026-03")


def test_heading_60_and_70_year_to_date(october: VarianceReport) -> None:
    table = october.table.set_index("key")
    # By hand: heading 60 Jan–Oct budget 79 916,51 €, actual 85 404,41 €.
    purchases = table.loc["60"]
    assert (purchases["budget"], purchases["actual"]) == (79916.51, 85404.41)
    assert purchases["variance"] == 5487.90
    assert purchases["variance_pct"] == pytest.approx(5487.90 / 79916.51)
    assert not purchases["favourable"]
    # 5 487,90 € but 6,9 %: the default thresholds (5 000 € and 10 %) both apply.
    assert not purchases["flagged"]
    # Income above budget is favourable: heading 70, 315 494,06 € → 325 767,78 €.
    sales = table.loc["70"]
    assert (sales["budget"], sales["actual"]) == (315494.06, 325767.78)
    assert sales["favourable"]


def test_energy_and_shop_as_the_readme_says(
    files: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    budget, this, _ = files
    table = analyse(budget, FY, this, through="2026-10", level="account").table.set_index("key")
    energy = table.loc[["606110", "606120"], ["budget", "actual"]].sum()
    assert energy["budget"] == pytest.approx(26605.96, abs=0.005)
    assert energy["actual"] == pytest.approx(31269.76, abs=0.005)
    assert (table.loc["707100", "budget"], table.loc["707100", "actual"]) == (
        211589.47,
        223669.86,
    )


def test_funder_departement_year_to_date(
    files: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    budget, this, _ = files
    table = analyse(budget, FY, this, through="2026-10", level="funder").table.set_index("key")
    row = table.loc["Département de la Drôme"]
    # By hand: 741310, 40 % of 95 000 € budgeted in March and July; 90 % received.
    assert (row["budget"], row["actual"], row["variance"]) == (76000.0, 68400.0, -7600.0)
    assert row["variance_pct"] == pytest.approx(-0.10)
    assert not row["favourable"]  # income below budget is unfavourable
    assert row["flagged"]  # 7 600 € and 10 %
    assert table.index[0] == "Département de la Drôme"  # flagged lines first


def test_three_landing_methods_for_heading_60(october: VarianceReport) -> None:
    # By hand, through October (k = 10):
    #   actual to date A = 85 404,41; budget of the year 99 851,00; budget to date 79 916,51
    #   actual + remaining budget = 85 404,41 + (99 851,00 − 79 916,51) = 105 338,90
    #   run-rate = 85 404,41 × 12 / 10 = 102 485,29
    #   seasonality 2025: share of heading 60 made Jan–Oct 2025 = 0,800044 → 106 749,64
    # The table keeps unrounded euros (a view rounds them once, where it shows them).
    row = october.landing.set_index("key").loc["60"]
    row = {
        c: round(float(row[c]), 2)
        for c in ("budget_year", "landing_budget", "landing_runrate", "landing_seasonal")
    }
    assert row["budget_year"] == 99851.00
    assert row["landing_budget"] == 105338.90
    assert row["landing_runrate"] == 102485.29
    assert row["landing_seasonal"] == 106749.64


def test_year_end_results_and_cumulative_result(october: VarianceReport) -> None:
    results = {k: f.value for k, f in october.results.items()}
    # Budget balanced (charges 60–68 = 1 065 361,80 € = income 70–78 + 79 OPCO transfers).
    assert results["budget_year"] == 0.0
    # Actual to date −57 391,47 € + remaining budget 45 092,37 € = −12 299,10 €.
    assert results["landing_budget"] == -12299.10
    october_row = october.cumulative.set_index("month").loc["2026-10"]
    assert (october_row["budget"], october_row["actual"]) == (-45092.37, -57391.47)


def test_budget_balance_of_the_sample(
    files: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    # README: 1 131 361,80 € each side, of which 66 000 € contributions in kind.
    balance = balance_check(files[0])
    assert (balance.charges, balance.income) == (1065361.80, 1065361.80)
    assert (balance.in_kind_uses, balance.in_kind_sources) == (66000.0, 66000.0)
    assert balance.balanced


def test_cerfa_15059_for_the_departement(october: VarianceReport) -> None:
    table = cerfa15059_table(
        october.attributed, october.period, funder="Département de la Drôme"
    ).set_index("code")
    want = {
        "60": (50933.25, 53926.43),
        "61": (74023.67, 80645.53),
        "62": (27090.62, 27383.35),
        "64": (406837.36, 396717.16),
        "TC": (558884.90, 558672.47),
        "70": (40652.50, 39123.58),
        "74": (362900.00, 343253.84),
        "74:Département de la Drôme": (76000.00, 68400.00),
        "79": (7030.00, 7030.00),
        "TP": (410582.50, 389407.42),
    }
    for code, (budget, actual) in want.items():
        assert (table.loc[code, "budget"], table.loc[code, "actual"]) == (budget, actual), code
    assert table.loc["74:Département de la Drôme", "flagged"]
    assert "74:ADEME" not in table.index  # ADEME funds RECY, not the ACI project


def test_opening_entries_kept_for_balances_left_out_of_activity(
    files: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    _, this, _ = files
    # The 2026 openings carry the 2025 result on 120000 and the reserves on
    # 110000 (credit 247 068,70 € after the plain-Python sum of the AN lines).
    balances = account_balances(this, FY.start, FY.end).set_index("account")
    assert balances.loc["110000", "balance_cents"] == -24706870
    # An opening line on a class-6 account (a badly-built file) never counts as a charge.
    odd = this.iloc[:2].copy()
    odd["journal"], odd["opening"] = "AN", True
    odd["account"] = ["606110", "401000"]
    odd["debit_cents"], odd["credit_cents"] = [99900, 0], [0, 99900]
    odd["date"] = pd.Timestamp("2026-01-01")
    both = pd.concat([this, odd], ignore_index=True)
    before = monthly_activity(this, date(2026, 1, 1), date(2026, 12, 31))
    after = monthly_activity(both, date(2026, 1, 1), date(2026, 12, 31))
    pd.testing.assert_frame_equal(before, after)
    balance_after = account_balances(both, FY.start, FY.end).set_index("account")
    assert (
        balance_after.loc["606110", "balance_cents"] - balances.loc["606110", "balance_cents"]
        == 99900
    )


def test_a_quarter_stops_at_the_last_month_with_actuals(
    files: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    # Was a bug: with actuals through October, "quarter" compared the whole Q4
    # budget (October to December) with October's actuals, so FSE+ (budgeted in
    # December) showed −100 %. By hand, October only: 606110 budget
    # 973,03 + 973,03 + 216,23 = 2 162,29 €.
    budget, this, _ = files
    report = analyse(budget, FY, this, through="2026-10", period_kind="quarter", level="account")
    assert report.period.months == ("2026-10",)
    assert report.period.key == "2026-T4-10"
    table = report.table.set_index("key")
    assert table.loc["606110", "budget"] == 2162.29
    assert "741710" not in set(report.table.loc[report.table["flagged"], "key"])


def test_waterfall_steps_add_up_and_stay_readable_at_account_level(
    files: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    # Was a bug: 63 accounts made 63 steps, and two labels cut to the same text
    # were merged by the category axis (a floating bar). Now 12 steps + "others".
    from essdiag.budget.views import waterfall_view
    from essdiag.i18n import translator

    budget, this, _ = files
    table = analyse(budget, FY, this, through="2026-10", level="account").table
    steps = waterfall_view(table, translator("fr")).frame
    assert len(steps) == 12 + 3
    assert steps["step"].is_unique
    # The deliberate deviations of the README come first, largest effect first.
    assert [str(x)[:6] for x in steps["step"].iloc[1:6]] == [
        "707100",  # shop sales +6 %: +12 080,39 €
        "741110",  # aide au poste −4.5 %: −12 046,16 €
        "641110",  # insertion wages −4 %: +10 323,25 € on the result
        "741310",  # Département −10 %: −7 600 €
        "615500",  # truck repair in June: −6 341,17 €
    ]
    assert steps["step"].iloc[-2] == "Autres écarts (20 lignes)"  # 32 non-zero lines − 12
    # Budgeted result + every effect = actual result (Jan–Oct, by hand above).
    assert (steps["effect"].iloc[0], steps["effect"].iloc[-1]) == (-45092.37, -57391.47)
    assert steps["effect"].iloc[:-1].sum() == pytest.approx(-57391.47, abs=0.02)
