"""The financing plan of a project: needs against resources, and whether it balances.

Needs: investments, working capital (BFR of the start), launch costs.
Resources: own funds, investment grants, loans, crowdfunding, members'
capital, other (the headings of :class:`~essdiag.finance.section.NeedCategory`
and :class:`~essdiag.finance.section.ResourceCategory`). A plan is balanced
when resources = needs (to the euro).
"""

from __future__ import annotations

import math

import pandas as pd

from essdiag.errors import Issue, Severity
from essdiag.figures import Column, Figure, Input, View
from essdiag.finance.section import FinancingPlan, NeedCategory, ResourceCategory, category_label
from essdiag.i18n import N_

__all__ = ["SIDES", "plan_balance", "plan_table", "plan_view"]

SIDES = {"needs": N_("Besoins"), "resources": N_("Ressources")}
"""French names of the two sides of a plan."""


def plan_table(plan: FinancingPlan) -> pd.DataFrame:
    """DataFrame[side, category, label, amount] of the plan, needs first."""
    rows = [("needs", n.category, n.label, n.amount) for n in plan.needs] + [
        ("resources", r.category, r.label, r.amount) for r in plan.resources
    ]
    return pd.DataFrame(rows, columns=["side", "category", "label", "amount"])


def plan_view(plan: FinancingPlan) -> View:
    """The plan as a table: side, heading, label, amount (``category`` keeps the heading's code).

    Example:
        >>> from essdiag.finance.section import PlanLine
        >>> from essdiag.i18n import translator
        >>> p = FinancingPlan(name="x", needs=[PlanLine(category="investments", amount=100)])
        >>> plan_view(p).display(translator("fr")).iloc[0].tolist()
        ['Besoins', 'Investissements', '', '100\xa0€']
    """
    table = plan_table(plan)
    frame = table.assign(
        side_name=[SIDES[s] for s in table["side"]],
        heading=[category_label(c) for c in table["category"]],
    )
    return View(
        (
            Column("side_name", N_("Côté"), "label"),
            Column("heading", N_("Rubrique"), "label"),
            Column("label", N_("Libellé")),
            Column("amount", N_("Montant"), "EUR", digits=0),
        ),
        frame,
        title=plan.name,
    )


def _known(code: str, kind: type[NeedCategory] | type[ResourceCategory]) -> bool:
    return code in {c.value for c in kind}


def plan_balance(plan: FinancingPlan) -> tuple[Figure, list[Issue]]:
    """Resources − needs, with issues when the plan does not balance.

    Example:
        >>> from essdiag.finance.section import PlanLine
        >>> p = FinancingPlan(name="x", needs=[PlanLine(category="investments", amount=100)],
        ...                   resources=[PlanLine(category="loan", amount=80)])
        >>> f, issues = plan_balance(p)
        >>> f.value, issues[0].code
        (-20.0, 'financing_plan_unbalanced')
    """
    needs = math.fsum(n.amount for n in plan.needs)
    resources = math.fsum(r.amount for r in plan.resources)
    gap = round(resources - needs, 2)
    issues: list[Issue] = []
    if abs(gap) >= 0.5:
        issues.append(
            Issue(
                code="financing_plan_unbalanced",
                template=N_(
                    "Le plan de financement « {name} » n'est pas équilibré : ressources "
                    "{resources} € pour des besoins de {needs} € (écart {gap} €)."
                ),
                params={
                    "name": plan.name,
                    "resources": round(resources, 2),
                    "needs": round(needs, 2),
                    "gap": gap,
                },
                severity=Severity.WARNING,
            )
        )
    for line in plan.needs:
        if not _known(line.category, NeedCategory):
            issues.append(
                Issue(
                    code="financing_plan_category",
                    template=N_("La rubrique de besoin « {category} » n'est pas connue."),
                    params={"category": line.category},
                )
            )
    for line in plan.resources:
        if not _known(line.category, ResourceCategory):
            issues.append(
                Issue(
                    code="financing_plan_category",
                    template=N_("La rubrique de ressource « {category} » n'est pas connue."),
                    params={"category": line.category},
                )
            )
    figure = Figure.of(
        N_("Équilibre du plan de financement"),
        gap,
        "EUR",
        N_("total des ressources − total des besoins"),
        [
            Input.of(N_("Ressources"), round(resources, 2), "EUR"),
            Input.of(N_("Besoins"), round(needs, 2), "EUR"),
        ],
        digits=0,
    )
    return figure, issues
