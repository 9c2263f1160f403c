"""The financing plan of a project: needs against resources, and whether it balances.

Needs: investments, working capital (BFR of the start), launch costs.
Resources: own funds, investment grants, loans, crowdfunding, members'
capital, other. A plan is balanced when resources = needs (to the euro).
"""

from __future__ import annotations

import math

import pandas as pd

from essdiag.errors import Issue, Severity
from essdiag.figures import Figure, Input
from essdiag.funding.section import FinancingPlan
from essdiag.i18n import N_

__all__ = ["NEED_CATEGORIES", "RESOURCE_CATEGORIES", "plan_balance", "plan_table"]

NEED_CATEGORIES: dict[str, str] = {
    "investments": N_("Investissements"),
    "working_capital": N_("Besoin en fonds de roulement de départ"),
    "launch_costs": N_("Frais de lancement"),
}
RESOURCE_CATEGORIES: dict[str, str] = {
    "own_funds": N_("Fonds propres et autofinancement"),
    "investment_grant": N_("Subventions d'investissement"),
    "loan": N_("Emprunts"),
    "crowdfunding": N_("Financement participatif"),
    "members_capital": N_("Capital des sociétaires"),
    "other": N_("Autres ressources"),
}


def plan_table(plan: FinancingPlan) -> pd.DataFrame:
    """DataFrame[side, category, label, amount] of the plan, needs first."""
    rows = [("needs", n.category, n.label, n.amount) for n in plan.needs] + [
        ("resources", r.category, r.label, r.amount) for r in plan.resources
    ]
    return pd.DataFrame(rows, columns=["side", "category", "label", "amount"])


def plan_balance(plan: FinancingPlan) -> tuple[Figure, list[Issue]]:
    """Resources − needs, with issues when the plan does not balance.

    Example:
        >>> from essdiag.funding.section import FinancingPlan, PlanLine
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
        if line.category not in NEED_CATEGORIES:
            issues.append(
                Issue(
                    code="financing_plan_category",
                    template=N_("La rubrique de besoin « {category} » n'est pas connue."),
                    params={"category": line.category},
                )
            )
    for line in plan.resources:
        if line.category not in RESOURCE_CATEGORIES:
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
    )
    return figure, issues
