"""The CERFA 15059 table (``essdiag.budget.cerfa15059``): the form's rows, a funder's projects."""

from __future__ import annotations

import pandas as pd
import pytest

from essdiag.budget import BudgetLine, BudgetSection
from essdiag.budget.analysis import VarianceReport, analyse
from essdiag.budget.cerfa15059 import cerfa15059_table
from essdiag.budget.variance import attribute_actuals
from essdiag.periods import Period
from tests.budget.recyclerie import FY, sample_files


@pytest.fixture(scope="module")
def report() -> VarianceReport:
    budget, ledger, _ = sample_files()
    return analyse(budget, FY, ledger, through="2026-10", level="account")


def test_cerfa15059_for_a_funder_covers_its_projects(report: VarianceReport) -> None:
    # The Département funds the ACI only (budget line 741310, code ACI): same table as ACI.
    by_funder = cerfa15059_table(report.attributed, report.period, funder="Département de la Drôme")
    by_project = cerfa15059_table(report.attributed, report.period, analytic="ACI")
    pd.testing.assert_frame_equal(by_funder.drop(columns="explanation"),
                                  by_project.drop(columns="explanation"))  # fmt: skip
    whole = cerfa15059_table(report.attributed, report.period)
    total = whole.set_index("code").loc["TC", "budget"]
    assert total > by_project.set_index("code").loc["TC", "budget"]


def test_rows_follow_the_form_and_add_up_in_cents() -> None:
    section = BudgetSection(
        lines=[
            BudgetLine(account="606", months=[0.1] * 12),
            BudgetLine(account="613", months=[0.2] * 12),
            BudgetLine(account="741", funder="Région", months=[0.3] * 12),
        ]
    )
    empty = pd.DataFrame({"month": [], "account": [], "analytic": [], "amount_cents": []})
    table = cerfa15059_table(attribute_actuals(section, FY, empty), Period.of(FY, "year"))
    assert list(table["code"]) == ["60", "61", "TC", "TCC", "74", "74:Région", "TP", "TPC"]
    rows = table.set_index("code")
    assert rows.loc["TC", "budget"] == 3.6  # 1,20 + 2,40, not 3.5999999999999996
    assert rows.loc["74:Région", "variance"] == -3.6
    assert rows.loc["74", "variance_pct"] == -1.0
