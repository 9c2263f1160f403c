"""Variance and landing on the recyclerie sample, against values worked out independently.

Reference values are recomputed here from the raw files with plain Python
(``str.split`` on the FEC text, ``Decimal`` amounts, openpyxl for the budget):
no code of essdiag is used to produce them. Sources: sample_data/recyclerie/
FEC_2025.txt, FEC_2026_01-10.txt, budget_2026.xlsx.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.budget import BudgetLine, BudgetSection, Materiality
from essdiag.budget.analysis import analyse
from essdiag.budget.landing import heading_seasonality, landing_forecast
from essdiag.budget.template import read_budget
from essdiag.budget.variance import attribute_actuals, is_favourable, variance_table
from essdiag.ledger import monthly_activity, read_fec
from essdiag.periods import FiscalYear, Period

CASE = Path(__file__).resolve().parents[1] / "sample_data" / "recyclerie"
FY = FiscalYear(label_year=2026)
MONTHS = ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août",
          "Septembre", "Octobre", "Novembre", "Décembre"]  # fmt: skip


def plain_actuals(name: str) -> dict[tuple[str, int], Decimal]:
    """(account, month) → amount, positive when normal; AN journal left out. Plain Python."""
    out: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    text = (CASE / name).read_text("utf-8")
    for row in text.splitlines()[1:]:
        f = row.split("\t")
        journal, day, account = f[0], f[3], f[4]
        if journal == "AN" or account[0] not in "67":
            continue
        debit = Decimal(f[11].replace(",", "."))
        credit = Decimal(f[12].replace(",", "."))
        net = debit - credit if account[0] == "6" else credit - debit
        out[(account, int(day[4:6]))] += net
    return out


def plain_budget() -> dict[tuple[str, int], Decimal]:
    """(account, month) → budget from the workbook with openpyxl (all analytic codes)."""
    wb = openpyxl.load_workbook(CASE / "budget_2026.xlsx", data_only=True)
    ws = wb["Budget"]
    head = [c.value for c in ws[1]]
    out: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    for row in ws.iter_rows(min_row=2, values_only=True):
        if not row[0]:
            continue
        for m, name in enumerate(MONTHS, start=1):
            out[(str(row[0]), m)] += Decimal(str(row[head.index(name)] or 0))
    return out


@pytest.fixture(scope="module")
def sample() -> tuple[BudgetSection, pd.DataFrame, pd.DataFrame]:
    budget, _ = read_budget((CASE / "budget_2026.xlsx").read_bytes(), fiscal_year=FY)
    assert budget is not None
    this = read_fec((CASE / "FEC_2026_01-10.txt").read_bytes()).ledger
    last = read_fec((CASE / "FEC_2025.txt").read_bytes()).ledger
    assert this is not None and last is not None
    return budget, this, last


@pytest.mark.parametrize("account", ["606110", "613200", "641110", "707100", "741110"])
def test_first_quarter_by_account_matches_the_files(
    sample: tuple[BudgetSection, pd.DataFrame, pd.DataFrame], account: str
) -> None:
    budget, ledger, _ = sample
    actual = plain_actuals("FEC_2026_01-10.txt")
    planned = plain_budget()
    want_actual = sum(actual[(account, m)] for m in (1, 2, 3))
    want_budget = sum(planned[(account, m)] for m in (1, 2, 3))
    report = analyse(budget, FY, ledger, through="2026-03", period_kind="quarter", level="account")
    row = report.table.set_index("key").loc[account]
    assert row["actual"] == pytest.approx(float(want_actual), abs=0.005)
    assert row["budget"] == pytest.approx(float(want_budget), abs=0.005)
    assert row["variance"] == pytest.approx(float(want_actual - want_budget), abs=0.01)


def test_department_grant_is_flagged_unfavourable_year_to_date(
    sample: tuple[BudgetSection, pd.DataFrame, pd.DataFrame],
) -> None:
    # 741310: budget Jan–Oct and actual computed from the files above; 10 % short
    # of a 76 000 € budget: above both thresholds (5 000 € and 10 %).
    budget, ledger, _ = sample
    planned = plain_budget()
    actual = plain_actuals("FEC_2026_01-10.txt")
    want_b = sum(planned[("741310", m)] for m in range(1, 11))
    want_a = sum(actual[("741310", m)] for m in range(1, 11))
    report = analyse(budget, FY, ledger, through="2026-10", level="account")
    row = report.table.set_index("key").loc["741310"]
    assert (row["budget"], row["actual"]) == (float(want_b), float(want_a))
    assert bool(row["flagged"])
    assert not bool(row["favourable"])
    assert report.table.iloc[0]["flagged"]  # flagged lines come first


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


# -- properties ---------------------------------------------------------------------

ACCOUNTS = ["606100", "606200", "613200", "641100", "706000", "707100", "741000", "756000"]
amounts = st.integers(min_value=-10_000_00, max_value=10_000_00)


@st.composite
def budget_and_actuals(draw: st.DrawFn) -> tuple[BudgetSection, pd.DataFrame]:
    keys = draw(st.lists(st.sampled_from([*ACCOUNTS, "60", "64", "70"]), min_size=1, max_size=6))
    lines = [
        BudgetLine(
            account=k,
            analytic=draw(st.sampled_from(["", "A", "B"])),
            months=[draw(amounts) / 100 for _ in range(12)],
        )
        for k in keys
    ]
    n = draw(st.integers(min_value=0, max_value=30))
    actuals = pd.DataFrame(
        {
            "month": [f"2026-{draw(st.integers(1, 12)):02d}" for _ in range(n)],
            "account": [draw(st.sampled_from(ACCOUNTS)) for _ in range(n)],
            "analytic": [draw(st.sampled_from(["", "A", "B"])) for _ in range(n)],
            "amount_cents": [draw(amounts) for _ in range(n)],
        }
    )
    return BudgetSection(fiscal_year=2026, lines=lines), actuals


@settings(max_examples=60, deadline=None)
@given(budget_and_actuals(), st.sampled_from(["month", "quarter", "ytd", "year"]),
       st.integers(1, 12))  # fmt: skip
def test_variance_is_actual_minus_budget_and_headings_add_up(
    case: tuple[BudgetSection, pd.DataFrame], kind: str, month: int
) -> None:
    section, actuals = case
    period = Period.of(FY, kind, f"2026-{month:02d}")  # type: ignore[arg-type]
    attributed = attribute_actuals(section, FY, actuals)
    # Every cent of actuals lands somewhere (on a line or unbudgeted).
    assert attributed["actual"].sum() == pytest.approx(actuals["amount_cents"].sum() / 100)
    by_account = variance_table(attributed, period, "account", materiality=Materiality())
    by_heading = variance_table(attributed, period, "heading", materiality=Materiality())
    for table in (by_account, by_heading):
        assert (table["variance"] - (table["actual"] - table["budget"])).abs().max() < 0.011
        for rec in table.itertuples():
            assert rec.favourable == is_favourable(rec.kind, rec.variance)
    # Totals by heading equal the sum of the accounts.
    heads = (
        by_account.assign(h=by_account["key"].str.slice(0, 2))
        .groupby("h")[["budget", "actual"]]
        .sum()
    )
    mine = by_heading.set_index("key")[["budget", "actual"]].sort_index()
    assert (heads.sort_index() - mine).abs().max().max() < 0.05
