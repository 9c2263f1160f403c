"""The financing plan: needs against resources, its balance and its table."""

from __future__ import annotations

import math

from essdiag.finance.financing_plan import plan_balance, plan_view
from essdiag.finance.section import FinancingPlan, PlanLine, category_label
from essdiag.i18n import translator
from tests.funding.samples import sample


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
    section = sample("scic-energie")
    plan = section.plans[0]
    figure, issues = plan_balance(plan)
    assert figure.value == 0 and issues == []
    assert math.fsum(n.amount for n in plan.needs) == 315_000


def test_unknown_headings_are_reported_and_shown_as_typed() -> None:
    plan = FinancingPlan(
        name="x",
        needs=[PlanLine(category="mystère", amount=10)],
        resources=[PlanLine(category="loan", amount=10)],
    )
    _figure, issues = plan_balance(plan)
    assert [i.code for i in issues] == ["financing_plan_category"]
    assert category_label("mystère") == "mystère" and category_label("own_funds").startswith(
        "Fonds"
    )
    shown = plan_view(plan).display(translator("en"))
    assert shown.iloc[0].tolist()[:2] == ["Needs", "mystère"]
    assert shown.iloc[1].tolist()[1] == "Loans"
