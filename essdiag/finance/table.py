"""A financing plan as editable tables, and back: what the plan form of the screen edits.

Where it sits: between :class:`~essdiag.finance.section.FinancingPlan` and the
data editors of the "Santé financière et investissements" screen. The needs,
resources and loans are one table each; the yearly cash flows are a line of
numbers separated by « ; ». Reading the edited tables back drops blank rows,
validates the whole plan and returns French issues instead of raising.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from essdiag.errors import Issue
from essdiag.finance.section import MAX_AMOUNT, FinancingPlan, number_cell, readable_issues
from essdiag.i18n import N_
from essdiag.validation import validate_as

__all__ = [
    "LINE_COLUMNS",
    "LOAN_COLUMNS",
    "flows_text",
    "parse_flows",
    "plan_from_tables",
    "plan_tables",
]

MAX_FLOWS = 100
"""Yearly cash flows a plan holds at most (a century of a project)."""
LINE_COLUMNS = ("category", "label", "amount")
LOAN_COLUMNS = (
    "label",
    "principal",
    "annual_rate",
    "years",
    "periods_per_year",
    "method",
    "deferral_periods",
)


def plan_tables(plan: FinancingPlan) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The needs, the resources and the loans of a plan, one editable table each."""
    needs = pd.DataFrame([n.model_dump() for n in plan.needs], columns=list(LINE_COLUMNS))
    resources = pd.DataFrame([r.model_dump() for r in plan.resources], columns=list(LINE_COLUMNS))
    loans = pd.DataFrame(
        [ln.model_dump(mode="json") for ln in plan.loans], columns=list(LOAN_COLUMNS)
    )
    return needs, resources, loans


def flows_text(plan: FinancingPlan) -> str:
    """The plan's yearly cash flows as the form writes them (``-315000 ; 25500``).

    Example:
        >>> flows_text(FinancingPlan(name="x", cash_flows=[-315000.0, 25500.0]))
        '-315000 ; 25500'
    """
    return " ; ".join(f"{v:g}" for v in plan.cash_flows)


def parse_flows(text: str) -> tuple[list[float] | None, list[Issue]]:
    """Numbers separated by « ; » (spaces and a decimal comma allowed), or None and the issue.

    Example:
        >>> parse_flows("-1 000 ; 2,5")
        ([-1000.0, 2.5], [])
        >>> parse_flows("dix")[1][0].code
        'financing_plan_flows'
    """
    flows: list[float] = []
    for position, part in enumerate(text.split(";"), start=1):
        if not part.strip():
            continue
        try:
            value = number_cell(part)
        except ValueError:
            value = math.nan
        if value is None or not math.isfinite(value) or abs(value) > MAX_AMOUNT:
            return None, [
                Issue(
                    code="financing_plan_flows",
                    template=N_(
                        "Les flux doivent être des nombres séparés par « ; », chacun d'au plus "
                        "{max} € (le flux n° {pos}, « {value} », ne l'est pas)."
                    ),
                    params={"max": MAX_AMOUNT, "pos": position, "value": part.strip()[:40]},
                    field="funding.plans.cash_flows",
                )
            ]
        flows.append(value)
    if len(flows) > MAX_FLOWS:
        return None, [
            Issue(
                code="financing_plan_flows_count",
                template=N_("Un plan compte au plus {max} flux annuels ({n} reçus)."),
                params={"max": MAX_FLOWS, "n": len(flows)},
                field="funding.plans.cash_flows",
            )
        ]
    return flows, []


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _rows(table: pd.DataFrame, required: str, *, drop_blank_cells: bool) -> list[dict[str, Any]]:
    """The rows of an edited table that have ``required`` (optionally without their blank cells)."""
    return [
        {k: v for k, v in row.items() if not (drop_blank_cells and _blank(v))}
        for row in table.to_dict("records")
        if not _blank(row.get(required))
    ]


def plan_from_tables(
    fields: Mapping[str, Any],
    needs: pd.DataFrame,
    resources: pd.DataFrame,
    loans: pd.DataFrame,
    flows: str,
) -> tuple[FinancingPlan | None, list[Issue]]:
    """The plan rebuilt from the form, or None and the issues found (in French).

    ``fields`` holds ``name``, ``start_year`` and ``discount_rate`` (a
    fraction); rows without an amount (needs, resources) or a principal
    (loans) are left out, and a loan's blank cells take their defaults.
    """
    cash_flows, issues = parse_flows(flows)
    if cash_flows is None:
        return None, issues
    data = {
        "name": fields["name"],
        "start_year": fields["start_year"],
        "discount_rate": fields["discount_rate"],
        "needs": _rows(needs, "amount", drop_blank_cells=False),
        "resources": _rows(resources, "amount", drop_blank_cells=False),
        "loans": _rows(loans, "principal", drop_blank_cells=True),
        "cash_flows": cash_flows,
    }
    plan, issues = validate_as(FinancingPlan, data, prefix=("funding", "plans"))
    return plan, readable_issues(issues)
