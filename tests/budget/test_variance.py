"""Variance on the recyclerie sample (``essdiag.budget.variance``), against values worked out independently.

Reference values are recomputed from the raw files with plain Python
(:mod:`tests.budget.recyclerie`); properties check the arithmetic on any budget.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.budget import BudgetLine, BudgetSection, Materiality
from essdiag.budget.analysis import analyse
from essdiag.budget.variance import (
    Level,
    PeriodChoice,
    attribute_actuals,
    flagged_figure,
    is_favourable,
    variance_table,
)
from essdiag.i18n import translator
from essdiag.periods import Period
from tests.budget.recyclerie import FY, plain_actuals, plain_budget, sample_files


@pytest.fixture(scope="module")
def sample() -> tuple[BudgetSection, pd.DataFrame, pd.DataFrame]:
    return sample_files()


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
            expected = is_favourable(rec.kind, rec.variance)
            assert (None if pd.isna(rec.favourable) else bool(rec.favourable)) == expected
            if rec.variance == 0:  # a nil gap is neither favourable nor unfavourable
                assert expected is None
    # Totals by heading equal the sum of the accounts.
    heads = (
        by_account.assign(h=by_account["key"].str.slice(0, 2))
        .groupby("h")[["budget", "actual"]]
        .sum()
    )
    mine = by_heading.set_index("key")[["budget", "actual"]].sort_index()
    assert (heads.sort_index() - mine).abs().max().max() < 0.05


def test_variance_of_a_line_is_exactly_its_actual_minus_its_budget() -> None:
    # 0,10 € budgeted three times, actual 0,30 €: no float residue (0.1 + 0.2 != 0.3).
    section = BudgetSection(lines=[BudgetLine(account="606", months=[0.1] * 12)])
    actuals = pd.DataFrame(
        {"month": ["2026-01", "2026-02", "2026-03"], "account": ["606"] * 3,
         "analytic": [""] * 3, "amount_cents": [10, 10, 10]}
    )  # fmt: skip
    attributed = attribute_actuals(section, FY, actuals)
    assert attributed["budget_cents"].dtype == "int64"
    table = variance_table(attributed, Period.of(FY, "quarter", "2026-03"), "account")
    assert table[["budget", "actual", "variance"]].values.tolist() == [[0.3, 0.3, 0.0]]


def test_levels_and_periods_are_labelled_choices() -> None:
    assert [str(v) for v in Level] == ["heading", "account", "analytic", "funder"]
    assert translator("fr")(Level.HEADING.label) == "Rubrique (60 … 78)"
    assert [p.kind for p in PeriodChoice] == ["month", "quarter", "ytd", "year"]
    assert translator("en")(PeriodChoice.YTD.label) != PeriodChoice.YTD.label


def test_flagged_figure_reads_the_lines_to_explain() -> None:
    fr = translator("fr")
    none = flagged_figure(pd.DataFrame({"flagged": [False]}), Materiality(both=False))
    assert (none.value, none.tone) == (0, "good")
    assert (
        none.read(fr).replace("\u202f", " ")
        == "Aucun écart ne dépasse les seuils (5 000 € ou 10 %)."
    )
    two = flagged_figure(pd.DataFrame({"flagged": [True, True, False]}), Materiality())
    assert (two.value, two.tone) == (2, "watch")
    steps = two.steps(fr)
    assert steps[0].startswith("Lignes à expliquer = lignes où |écart| ≥ seuil absolu et")
    assert any("plus long préfixe" in s for s in steps)
