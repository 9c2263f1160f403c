"""Landing (``essdiag.budget.landing``): three methods by hand, results as figures with readings."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from essdiag.budget import BudgetSection
from essdiag.budget.analysis import analyse
from essdiag.budget.landing import Method, heading_seasonality, landing_forecast, landing_results
from essdiag.budget.variance import attribute_actuals
from essdiag.i18n import translator
from essdiag.ledger import monthly_activity
from essdiag.periods import FiscalYear
from tests.budget.recyclerie import FY, plain_actuals, plain_budget, sample_files


@pytest.fixture(scope="module")
def sample() -> tuple[BudgetSection, pd.DataFrame, pd.DataFrame]:
    return sample_files()


def test_landing_of_heading_60_by_hand(
    sample: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    budget, ledger, last = sample
    actual = plain_actuals("FEC_2026_01-10.txt")
    previous = plain_actuals("FEC_2025.txt")
    planned = plain_budget()

    def heading(values: dict[tuple[str, int], Decimal], months: range) -> Decimal:
        return sum((v for (a, m), v in values.items() if a[:2] == "60" and m in months), Decimal())

    a = heading(actual, range(1, 11))
    b_year = heading(planned, range(1, 13))
    b_to_date = heading(planned, range(1, 11))
    share = heading(previous, range(1, 11)) / heading(previous, range(1, 13))
    want = {
        "landing_budget": a + b_year - b_to_date,
        "landing_runrate": a * 12 / 10,
        "landing_seasonal": a / share,
    }
    seasonality = heading_seasonality(
        monthly_activity(last, FiscalYear(label_year=2025).start, FiscalYear(label_year=2025).end),
        FiscalYear(label_year=2025),
    )
    attributed = attribute_actuals(budget, FY, monthly_activity(ledger, FY.start, FY.end))
    land = landing_forecast(attributed, FY, "2026-10", "heading", seasonality=seasonality)
    row = land.set_index("key").loc["60"]
    for col, value in want.items():
        assert row[col] == pytest.approx(float(value), abs=0.01), col


def test_result_and_cumulative_series_agree(
    sample: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    budget, ledger, last = sample
    report = analyse(budget, FY, ledger, through="2026-10", last_year_ledger=last)
    cum = report.cumulative
    assert list(cum["month"]) == [f"2026-{m:02d}" for m in range(1, 13)]
    assert cum["actual"].isna().tolist() == [False] * 10 + [True] * 2
    assert cum["landing"].iloc[-1] == pytest.approx(
        report.results["landing_budget"].value, abs=0.05
    )
    assert cum["budget"].iloc[-1] == pytest.approx(report.results["budget_year"].value, abs=0.05)
    # The sample budget is balanced (79 transfers included): budgeted result 0.
    assert report.results["budget_year"].value == pytest.approx(0.0, abs=0.01)


def test_each_landing_reads_favourable_or_not_against_the_budget(
    sample: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    budget, ledger, last = sample
    results = analyse(budget, FY, ledger, through="2026-10", last_year_ledger=last).results
    assert list(results) == ["budget_year", *(str(m) for m in Method)]
    fr = translator("fr")
    landing = results["landing_budget"]
    # −12 299,10 € against a balanced budget (tests/budget/test_variance_reference.py).
    assert landing.tone == "alert"
    assert landing.read(fr).replace("\u202f", " ") == (
        "défavorable : 12 299,10\xa0€ en dessous du résultat budgété"
    )
    assert results["budget_year"].read(fr) == "budget à l'équilibre"
    steps = landing.steps(fr)
    assert "réalisé à date + (budget annuel − budget à date)" in steps[0]
    assert all("{" not in s for s in results["landing_runrate"].steps(translator("en")))


def test_without_last_year_the_seasonal_landing_says_why() -> None:
    t = pd.DataFrame({"kind": ["charge", "income"], "budget_year": [100.0, 90.0],
                      "landing_budget": [100.0, 100.0], "landing_runrate": [100.0, 95.0],
                      "landing_seasonal": [100.0, 95.0]})  # fmt: skip
    results = landing_results(t, "2026-06", seasonality_known=False)
    seasonal = results["landing_seasonal"]
    assert seasonal.value is None and seasonal.read(translator("fr")) == ""
    assert seasonal.reason and "saisonnalité non calculable" in seasonal.reason
    assert results["landing_budget"].tone == "good"  # 0 against −10 budgeted
    assert results["landing_runrate"].tone == "good"
    assert results["budget_year"].tone == "watch"  # a deficit of 10 €


def test_year_end_lines_without_actuals_land_at_their_remaining_budget(
    sample: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    budget, ledger, last = sample
    report = analyse(budget, FY, ledger, through="2026-10", level="account", last_year_ledger=last)
    lines = report.lines
    dotations = lines[lines["account"].str.startswith("68")]
    # 68 dotations are booked at year end: nothing in January–October in the FEC, and their
    # budget falls in November–December. Plain sum of budget_2026.xlsx, 68xxxx, months 11–12:
    plan = plain_budget()
    actual = plain_actuals("FEC_2026_01-10.txt")
    assert sum(v for (acc, _m), v in actual.items() if acc.startswith("68")) == 0
    expected = sum(v for (acc, m), v in plan.items() if acc.startswith("68") and m >= 11)
    assert expected == Decimal("35790")
    assert dotations["remaining"].sum() == pytest.approx(float(expected))
    # Every method lands them at their remaining budget (not at 0 × 12 / 10), and says so.
    for method in Method:
        assert dotations[str(method)].sum() == pytest.approx(float(expected))
    assert set(dotations["runrate_note"]) == set(dotations["seasonal_note"]) == {"remaining"}
