"""The monthly cash plan: opening + inflows − outflows = closing, month after month.

Where it sits: :func:`essdiag.treasury.inputs.gather` gathers the monthly
series (budget phasing or hand-entered assumptions, the funders' payment
schedules of the funding section) and :func:`cash_plan` only adds them up;
:func:`summary_figures` gives its headline figures with their working. Money
is in euros (floats: a plan is a projection); it is rounded at display.

The available cash is the closing cash less the dedicated funds (fonds dédiés,
compte 19: money received for an action and not yet spent, which the
organisation cannot use for anything else); the alert fires when the
available cash falls below the minimum the board set.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from essdiag.errors import Issue
from essdiag.figures import Figure, Input
from essdiag.i18n import N_

__all__ = [
    "PlanSummary",
    "budget_series",
    "cash_plan",
    "check_series",
    "extend_months",
    "reserve_months",
    "summarise",
    "summary_figures",
]


def check_series(
    months: Sequence[str], series: Mapping[str, Sequence[float]], *, kind: str
) -> list[Issue]:
    """Issues for series of the wrong length or with negative or missing amounts."""
    issues: list[Issue] = []
    for name, values in series.items():
        if len(values) != len(months):
            issues.append(
                Issue(
                    code="treasury_series_length",
                    template=N_(
                        "La ligne « {name} » compte {n} mois alors que le plan en compte {m}."
                    ),
                    params={"name": name, "n": len(values), "m": len(months)},
                    field=kind,
                )
            )
            continue
        for month, v in zip(months, values, strict=True):
            if not math.isfinite(float(v)):
                issues.append(
                    Issue(
                        code="treasury_not_a_number",
                        template=N_("La ligne « {name} » n'a pas de montant pour {month}."),
                        params={"name": name, "month": month},
                        field=kind,
                    )
                )
            elif v < 0:
                issues.append(
                    Issue(
                        code="treasury_negative_amount",
                        template=N_(
                            "La ligne « {name} » a un montant négatif en {month} ({value} €) : "
                            "saisissez les encaissements et les décaissements en positif."
                        ),
                        params={"name": name, "month": month, "value": round(float(v), 2)},
                        field=kind,
                    )
                )
    return issues


def cash_plan(
    months: Sequence[str],
    opening_cash: float,
    inflows: Mapping[str, Sequence[float]],
    outflows: Mapping[str, Sequence[float]],
    *,
    dedicated_funds: float = 0.0,
    minimum_cash: float = 0.0,
) -> tuple[pd.DataFrame | None, list[Issue]]:
    """The month-by-month cash plan, or None and the issues that prevent it.

    Notes:
        closing(m) = opening(m) + Σ inflows(m) − Σ outflows(m);
        opening(m+1) = closing(m); available(m) = closing(m) − dedicated funds;
        alert(m) = available(m) < minimum cash.

    Returns:
        DataFrame[month, opening, <each inflow>, inflows, <each outflow>,
        outflows, net, closing, available, alert].

    Example:
        >>> plan, _ = cash_plan(["2026-01", "2026-02"], 100.0, {"ventes": [50, 50]},
        ...                     {"salaires": [120, 20]}, minimum_cash=40)
        >>> plan["closing"].tolist(), plan["alert"].tolist()
        ([30.0, 60.0], [True, False])
    """
    issues = check_series(months, inflows, kind="inflows") + check_series(
        months, outflows, kind="outflows"
    )
    if not math.isfinite(opening_cash):
        issues.append(
            Issue(code="treasury_opening", template=N_("La trésorerie de départ manque."))
        )
    if dedicated_funds < 0 or minimum_cash < 0:
        issues.append(
            Issue(
                code="treasury_negative_threshold",
                template=N_(
                    "Les fonds dédiés et la trésorerie minimale ne peuvent pas être négatifs."
                ),
            )
        )
    if not months:
        issues.append(Issue(code="treasury_no_month", template=N_("Le plan ne compte aucun mois.")))
    if issues:
        return None, issues
    n = len(months)
    ins = {k: np.asarray(v, dtype=float) for k, v in inflows.items()}
    outs = {k: np.asarray(v, dtype=float) for k, v in outflows.items()}
    total_in = np.sum(list(ins.values()), axis=0) if ins else np.zeros(n)
    total_out = np.sum(list(outs.values()), axis=0) if outs else np.zeros(n)
    net = total_in - total_out
    closing = opening_cash + np.cumsum(net)
    opening = np.concatenate(([opening_cash], closing[:-1]))
    table = pd.DataFrame({"month": list(months), "opening": opening})
    for k, v in ins.items():
        table[f"in:{k}"] = v
    table["inflows"] = total_in
    for k, v in outs.items():
        table[f"out:{k}"] = v
    table["outflows"] = total_out
    table["net"] = net
    table["closing"] = closing
    table["available"] = closing - dedicated_funds
    table["alert"] = table["available"] < minimum_cash
    return table, []


def extend_months(
    values: Sequence[float], count: int, *, offset: int = 0, yearly_growth: float = 0.0
) -> list[float]:
    """Twelve monthly values repeated over ``count`` months, grown each year.

    ``values`` are the twelve months of a year in order; the plan starts at
    ``values[offset]`` (a plan that starts in the 11th month has offset 10),
    and each full year after the first grows by ``yearly_growth``.

    Example:
        >>> extend_months([10.0] * 12, 14, yearly_growth=0.1)[-2:]
        [11.0, 11.0]
        >>> extend_months(list(range(12)), 3, offset=10)
        [10.0, 11.0, 0.0]
    """
    if len(values) != 12:
        raise ValueError("twelve monthly values are needed")
    return [
        float(values[(offset + i) % 12]) * (1 + yearly_growth) ** ((offset + i) // 12)
        for i in range(count)
    ]


def budget_series(
    charges: Sequence[float],
    income: Sequence[float],
    scheduled_total: float,
    count: int,
    *,
    offset: int = 0,
    yearly_growth: float = 0.0,
) -> tuple[list[float], list[float]]:
    """Outflows and non-scheduled inflows from a 12-month budget phasing.

    The budget's income includes the grants whose cash comes by their own
    schedule; that part (``scheduled_total`` for the year) is taken out of the
    budget's income month by month in proportion to it, so it is not counted
    twice: other(m) = income(m) × (1 − scheduled_total / Σ income), never below 0.

    Example:
        >>> out, other = budget_series([100.0] * 12, [100.0] * 12, 300.0, 12)
        >>> other[0]
        75.0
    """
    total_income = math.fsum(income)
    keep = 1 - min(scheduled_total / total_income, 1.0) if total_income > 0 else 0.0
    other = [v * keep for v in income]
    return (
        extend_months(list(charges), count, offset=offset, yearly_growth=yearly_growth),
        extend_months(other, count, offset=offset, yearly_growth=yearly_growth),
    )


def reserve_months(available_cash: float, monthly_outflows: float) -> float:
    """Months of operation that the available cash covers (NaN without outflows).

    Example:
        >>> reserve_months(150000, 90000)
        1.6666666666666667
    """
    if monthly_outflows <= 0:
        return math.nan
    return max(available_cash, 0.0) / monthly_outflows


class PlanSummary:
    """Headline facts of a cash plan.

    Attributes:
        lowest: lowest closing cash; lowest_month: when.
        alert_months: months where the available cash is below the minimum.
        negative_months: months with negative closing cash.
        closing: closing cash of the last month.
        reserve_months: months of average outflows covered by the opening available cash.
    """

    def __init__(self, plan: pd.DataFrame, dedicated_funds: float = 0.0) -> None:
        i = int(plan["closing"].to_numpy().argmin())
        self.lowest = float(plan["closing"].iloc[i])
        self.lowest_month = str(plan["month"].iloc[i])
        self.alert_months = [str(m) for m in plan.loc[plan["alert"], "month"]]
        self.negative_months = [str(m) for m in plan.loc[plan["closing"] < 0, "month"]]
        self.closing = float(plan["closing"].iloc[-1])
        self.reserve_months = reserve_months(
            float(plan["opening"].iloc[0]) - dedicated_funds, float(plan["outflows"].mean())
        )


def summarise(plan: pd.DataFrame, dedicated_funds: float = 0.0) -> PlanSummary:
    """The headline facts of a plan made by :func:`cash_plan`."""
    return PlanSummary(plan, dedicated_funds)


def summary_figures(
    plan: pd.DataFrame, *, dedicated_funds: float = 0.0, minimum_cash: float = 0.0
) -> dict[str, Figure]:
    """The lowest cash, the months below the minimum, the closing cash and the months covered.

    Example:
        >>> plan, _ = cash_plan(["2026-01", "2026-02"], 100.0, {"ventes": [50, 50]},
        ...                     {"salaires": [120, 20]}, minimum_cash=40)
        >>> f = summary_figures(plan, minimum_cash=40)
        >>> f["lowest"].value, f["alerts"].value, f["closing"].value, round(f["reserve"].value, 2)
        (30.0, 1, 60.0, 1.43)
    """
    summary = summarise(plan, dedicated_funds)
    opening = float(plan["opening"].iloc[0])
    mean_out = float(plan["outflows"].mean())
    cash = N_("plan de trésorerie")
    return {
        "lowest": Figure.of(
            N_("Trésorerie au plus bas"),
            summary.lowest,
            "EUR",
            N_(
                "min des trésoreries de fin de mois ; fin de mois = début de mois + encaissements "
                "− décaissements, et le début du mois suivant reprend la fin du mois ; les "
                "financeurs dotés d'un échéancier sont comptés à leurs mois de versement, leur "
                "part retirée des produits du budget pour ne pas la compter deux fois"
            ),
            [Input.of(N_("Trésorerie de départ"), opening, "EUR", cash)],
            digits=0,
        ),
        "alerts": Figure.of(
            N_("Mois sous le seuil"),
            len(summary.alert_months),
            "count",
            N_("mois où la trésorerie disponible (fin de mois − fonds dédiés) < seuil minimal"),
            [
                Input.of(N_("Fonds dédiés"), dedicated_funds, "EUR", cash),
                Input.of(N_("Trésorerie minimale souhaitée"), minimum_cash, "EUR", cash),
            ],
        ),
        "closing": Figure.of(
            N_("Trésorerie en fin de plan"),
            summary.closing,
            "EUR",
            N_("trésorerie de fin du dernier mois du plan"),
            [Input.of(N_("Trésorerie de départ"), opening, "EUR", cash)],
            digits=0,
        ),
        "reserve": Figure.of(
            N_("Mois de fonctionnement couverts au départ"),
            None if math.isnan(summary.reserve_months) else summary.reserve_months,
            "count",
            N_("trésorerie disponible de départ / décaissements mensuels moyens"),
            [
                Input.of(N_("Trésorerie disponible de départ"), opening - dedicated_funds, "EUR"),
                Input.of(N_("Décaissements mensuels moyens"), round(mean_out, 2), "EUR"),
            ],
            reason=None if mean_out > 0 else N_("aucun décaissement"),
            digits=1,
        ),
    }
