"""A financing plan as the form's tables, and back."""

from __future__ import annotations

import pandas as pd

from essdiag.finance.table import flows_text, parse_flows, plan_from_tables, plan_tables
from tests.funding.samples import sample


def test_a_plan_round_trips_through_its_tables() -> None:
    plan = sample("scic-energie").plans[0]
    needs, resources, loans = plan_tables(plan)
    assert loans["method"].tolist() == [str(ln.method.value) for ln in plan.loans]
    fields = {"name": plan.name, "start_year": plan.start_year, "discount_rate": plan.discount_rate}
    back, issues = plan_from_tables(fields, needs, resources, loans, flows_text(plan))
    assert issues == [] and back == plan


def test_blank_rows_are_left_out_and_bad_flows_refused() -> None:
    plan = sample("scic-energie").plans[0]
    needs, resources, loans = plan_tables(plan)
    needs.loc[len(needs)] = ["investments", "", None]  # no amount: left out
    loans.loc[len(loans)] = [None, None, None, None, None, None, None]
    fields = {"name": "x", "start_year": 2026, "discount_rate": 0.04}
    back, issues = plan_from_tables(fields, needs, resources, loans, "-10 ; 5,5")
    assert issues == [] and back is not None
    assert len(back.needs) == len(plan.needs) and back.cash_flows == [-10.0, 5.5]
    none, issues = plan_from_tables(fields, needs, resources, loans, "-10 ; dix")
    assert none is None and issues[0].code == "financing_plan_flows"
    assert parse_flows(" ; ") == ([], [])
    bad = needs.copy()
    bad.loc[0, "amount"] = -1.0
    none, issues = plan_from_tables(fields, bad, resources, pd.DataFrame(columns=loans.columns), "")
    assert none is None and issues[0].field and issues[0].field.startswith("funding.plans")
