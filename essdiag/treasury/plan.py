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
from datetime import date

import numpy as np
import pandas as pd

from essdiag.errors import Issue
from essdiag.figures import Figure, Input
from essdiag.i18n import N_, Money, MonthKey
from essdiag.periods import span_params

__all__ = [
    "PlanSummary",
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
                        params={"name": name, "month": MonthKey(month)},
                        field=kind,
                    )
                )
            elif v < 0:
                issues.append(
                    Issue(
                        code="treasury_negative_amount",
                        template=N_(
                            "La ligne « {name} » a un montant négatif en {month} ({value}) : "
                            "saisissez les encaissements et les décaissements en positif."
                        ),
                        params={
                            "name": name,
                            "month": MonthKey(month),
                            "value": Money.of_cents(round(float(v) * 100)),
                        },
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
    """Headline facts of a cash plan, over its forecast months when some months are actual.

    Attributes:
        lowest: lowest closing cash of the forecast; lowest_month: when.
        alert_months: forecast months where the available cash is below the minimum.
        negative_months: forecast months with negative closing cash.
        closing: closing cash of the last month.
        start: cash the forecast starts from (the last actual balance, else the opening).
        reserve_months: months of average forecast outflows that the available
            starting cash covers.
    """

    def __init__(self, plan: pd.DataFrame, dedicated_funds: float = 0.0) -> None:
        actual = (
            plan["actual"].to_numpy(dtype=bool) if "actual" in plan else np.zeros(len(plan), bool)
        )
        k = int(actual.sum()) if actual.any() and not actual.all() else 0
        ahead = plan.iloc[k:] if k < len(plan) else plan
        i = int(ahead["closing"].to_numpy().argmin())
        self.lowest = float(ahead["closing"].iloc[i])
        self.lowest_month = str(ahead["month"].iloc[i])
        self.alert_months = [str(m) for m in ahead.loc[ahead["alert"], "month"]]
        self.negative_months = [str(m) for m in ahead.loc[ahead["closing"] < 0, "month"]]
        self.closing = float(plan["closing"].iloc[-1])
        self.start = float(ahead["opening"].iloc[0])
        self.forecast_months = [str(m) for m in ahead["month"]]
        self.reserve_months = reserve_months(
            self.start - dedicated_funds, float(ahead["outflows"].mean())
        )


def summarise(plan: pd.DataFrame, dedicated_funds: float = 0.0) -> PlanSummary:
    """The headline facts of a plan made by :func:`cash_plan`."""
    return PlanSummary(plan, dedicated_funds)


_FORECAST_SCOPE = N_("d'ici fin {last}")
_AHEAD_SCOPE = N_("de {first} à fin {last}")
"""The forecast months after actual ones: the months gone by are not counted in the alerts."""


def _span(months: Sequence[str]) -> dict[str, object]:
    return span_params(months)


def summary_figures(
    plan: pd.DataFrame,
    *,
    dedicated_funds: float = 0.0,
    minimum_cash: float = 0.0,
    actual_through: date | None = None,
) -> dict[str, Figure]:
    """The lowest cash ahead and its margin over the minimum, the months below it, the closing
    cash, the months covered — and, when months are actual, the bank balance they end on.

    Example:
        >>> plan, _ = cash_plan(["2026-01", "2026-02"], 100.0, {"ventes": [50, 50]},
        ...                     {"salaires": [120, 20]}, minimum_cash=40)
        >>> f = summary_figures(plan, minimum_cash=40)
        >>> f["lowest"].value, f["alerts"].value, f["closing"].value, round(f["reserve"].value, 2)
        (30.0, 1, 60.0, 1.43)
        >>> f["margin"].value, f["margin"].tone
        (-10.0, 'alert')
    """
    summary = summarise(plan, dedicated_funds)
    mean_out = float(plan.loc[plan["month"].isin(summary.forecast_months), "outflows"].mean())
    cash = N_("plan de trésorerie")
    actual = "actual" in plan and bool(plan["actual"].any())
    start_name = (
        N_("Solde bancaire de départ de la prévision") if actual else N_("Trésorerie de départ")
    )
    ahead = _span(summary.forecast_months)
    ahead_scope = _AHEAD_SCOPE if actual else _FORECAST_SCOPE
    margin = summary.lowest - dedicated_funds - minimum_cash
    out = {
        "lowest": Figure.of(
            N_("Trésorerie au plus bas"),
            summary.lowest,
            "EUR",
            N_(
                "min des trésoreries de fin de mois prévues ; fin de mois = début de mois + "
                "encaissements − décaissements, et le début du mois suivant reprend la fin du "
                "mois ; les financeurs dotés d'un échéancier sont comptés à leurs mois de "
                "versement, leur part retirée du budget pour ne pas la compter deux fois"
            ),
            [Input.of(start_name, summary.start, "EUR", cash)],
            reading=N_("en {month}"),
            reading_params={"month": MonthKey(summary.lowest_month)},
            digits=0,
            scope=ahead_scope,
            scope_params=ahead,
        ),
        "margin": Figure.of(
            N_("Marge sur le seuil minimal"),
            margin,
            "EUR",
            N_("trésorerie au plus bas − fonds dédiés − trésorerie minimale souhaitée"),
            [
                Input.of(N_("Trésorerie au plus bas"), summary.lowest, "EUR"),
                Input.of(N_("Fonds dédiés"), dedicated_funds, "EUR", cash),
                Input.of(N_("Trésorerie minimale souhaitée"), minimum_cash, "EUR", cash),
            ],
            tone="alert" if margin < 0 else "good",
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
            scope=ahead_scope,
            scope_params=ahead,
        ),
        "closing": Figure.of(
            N_("Trésorerie en fin de plan"),
            summary.closing,
            "EUR",
            N_("trésorerie de fin du dernier mois du plan"),
            [Input.of(start_name, summary.start, "EUR", cash)],
            scope=N_("fin {month}"),
            scope_params={"month": MonthKey(str(plan["month"].iloc[-1]))},
            digits=0,
        ),
        "reserve": Figure.of(
            N_("Mois de fonctionnement couverts"),
            None if math.isnan(summary.reserve_months) else summary.reserve_months,
            "count",
            N_("trésorerie disponible de départ / décaissements mensuels moyens prévus"),
            [
                Input.of(
                    N_("Trésorerie disponible de départ"), summary.start - dedicated_funds, "EUR"
                ),
                Input.of(N_("Décaissements mensuels moyens"), round(mean_out, 2), "EUR"),
            ],
            reason=None if mean_out > 0 else N_("aucun décaissement"),
            digits=1,
        ),
    }
    if actual:
        bank = plan.loc[plan["actual"], ["month", "closing"]].iloc[-1]
        out["bank"] = Figure.of(
            N_("Trésorerie en banque"),
            float(bank["closing"]),
            "EUR",
            N_(
                "solde des comptes de trésorerie, classe 5 (banques 51, découverts compris, "
                "placements 50, caisse 53, régies 54, virements internes 58) : à-nouveaux + "
                "débits − crédits jusqu'à la dernière écriture"
            ),
            [
                Input.of(N_("Solde au centime"), round(float(bank["closing"]), 2), "EUR"),
                Input.of(N_("Mois lus dans la comptabilité"), int(plan["actual"].sum()), "count"),
            ],
            digits=0,
            scope=N_("au {date}"),
            scope_params={"date": actual_through} if actual_through else {},
            references=[N_("PCG (règlement ANC 2014-03), classe 5 : comptes financiers")],
        )
    return out
