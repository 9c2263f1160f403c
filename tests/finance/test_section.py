"""The finance models refuse at the door what would break a computation or an export."""

from __future__ import annotations

import io
import math

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.finance.section import (
    MAX_AMOUNT,
    FinancingPlan,
    LoanSpec,
    PlanLine,
    YearAccounts,
    number_cell,
    readable_issues,
)
from essdiag.i18n import translator
from essdiag.report.finance_xlsx import finance_workbook
from essdiag.validation import validate_as


@pytest.mark.parametrize("value", [1e308, -1e308, math.inf, -math.inf, math.nan, 1.000001e12])
def test_huge_or_infinite_amounts_are_refused_with_a_message_that_reads(value: float) -> None:
    for model, data in (
        (YearAccounts, {"year": 2025, "result": value}),
        (PlanLine, {"category": "loan", "amount": value}),
        (LoanSpec, {"principal": value, "annual_rate": 0.03, "years": 10}),
        (FinancingPlan, {"name": "x", "cash_flows": [0.0, value]}),
    ):
        found, issues = validate_as(model, data)
        assert found is None and issues, (model, value)
        for lang in ("fr", "en"):
            for issue in readable_issues(issues):
                text = translator(lang).fill(issue.template, issue.params, ("label",))
                assert "{" not in text


def test_the_largest_amounts_accepted_still_export() -> None:
    plan = FinancingPlan(
        name="Gros projet",
        needs=[PlanLine(category="investments", amount=MAX_AMOUNT)],
        resources=[PlanLine(category="loan", amount=MAX_AMOUNT)],
        loans=[LoanSpec(principal=MAX_AMOUNT, annual_rate=0.5, years=40, periods_per_year=12)],
        cash_flows=[-MAX_AMOUNT, MAX_AMOUNT],
    )
    raw = finance_workbook({}, None, [plan], translator("fr"))
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    assert wb.sheetnames[:2] == ["Plan 1", "Prêt 1.1"]
    assert wb["Plan 1"]["D4"].value == MAX_AMOUNT


def test_a_cell_reads_the_french_way_or_says_it_is_not_a_number() -> None:
    assert number_cell("−12,5") == -12.5  # the typographic minus the screens write
    assert number_cell("1\u202f234,50") == 1234.5
    assert number_cell("") is None and number_cell(" ") is None
    for bad in ("dix", True, object(), "1,2,3"):
        with pytest.raises(ValueError):
            number_cell(bad)


@settings(max_examples=100, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_float_gives_an_account_or_readable_issues(value: float) -> None:
    found, issues = validate_as(YearAccounts, {"year": 2025, "cash": value})
    if found is not None:
        assert 0 <= found.cash <= MAX_AMOUNT
    else:
        assert all("{" not in i.message for i in readable_issues(issues))
