"""Monte Carlo of funders' late payments and shortfalls: how likely is a cash gap?

Where it sits: after the cash plan. The plan's certain flows (other inflows,
outflows) stay as they are; each payment of each scheduled funder (each
non-zero month of its row in the receipts matrix: an advance, an instalment, a
balance), in each scenario, may come late — independently of the funder's
other payments — with probability ``late_probability``; the delay in whole
months is then 1 + Poisson(mean − 1), so its mean is ``mean_delay_months``.
Each funder may also pay less (with probability ``cut_probability``, losing
``cut_share`` of every payment of the plan: a cut is the funder's decision on
the whole grant). Payments pushed beyond the plan's last month are lost to the
plan. ``per_instalment=False`` draws one delay per funder for all its
payments instead (the older, more correlated assumption).

Everything is vectorised with numpy over scenarios × payments and seeded, so
the same inputs give the same figures. Results: the probability of negative
cash each month, the quantiles of closing cash (fan chart) and the credit line
needed at 95 %: the 95th percentile of the largest shortfall below zero over
the plan, i.e. max(0, −q₀.₀₅(min over months of closing cash)).
:func:`montecarlo_figures` gives the headline figures with their working;
:func:`dossier_simulation` runs it all on a dossier (what the screen caches).
Amounts are float euros (a simulation).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.figures import Figure, Input
from essdiag.i18n import N_
from essdiag.treasury.inputs import PlanInputs, TreasuryDossier, dossier_inputs

__all__ = [
    "QUANTILES",
    "MonteCarloResult",
    "dossier_simulation",
    "montecarlo_figures",
    "simulate",
    "simulate_forecast",
]

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


class MonteCarloResult(BaseModel):
    """What the simulation says.

    Attributes:
        months: month keys.
        prob_negative: probability of negative closing cash, per month.
        quantiles: closing-cash quantiles per month, keyed ``q05``…``q95``.
        credit_line_95: credit line that covers 95 % of scenarios (euros).
        prob_any_negative: probability that cash goes negative at least once.
        scenarios: number of scenarios; seed: the seed used.
    """

    model_config = ConfigDict(frozen=True)

    months: tuple[str, ...]
    prob_negative: tuple[float, ...]
    quantiles: dict[str, tuple[float, ...]]
    credit_line_95: float
    prob_any_negative: float
    scenarios: int
    seed: int

    def table(self) -> pd.DataFrame:
        """DataFrame[month, prob_negative, q05, q25, q50, q75, q95]."""
        data: dict[str, object] = {
            "month": list(self.months),
            "prob_negative": list(self.prob_negative),
        }
        data.update({k: list(v) for k, v in self.quantiles.items()})
        return pd.DataFrame(data)


def _as_vector(value: float | Sequence[float], k: int) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    return np.full(k, float(arr)) if arr.ndim == 0 else arr


def simulate(
    opening_cash: float,
    other_inflows: Sequence[float],
    outflows: Sequence[float],
    receipts: np.ndarray,
    *,
    months: Sequence[str] | None = None,
    late_probability: float | Sequence[float] = 0.3,
    mean_delay_months: float | Sequence[float] = 2.0,
    cut_probability: float | Sequence[float] = 0.05,
    cut_share: float | Sequence[float] = 0.2,
    scenarios: int = 10_000,
    seed: int = 2014,
    return_paths: bool = False,
    per_instalment: bool = True,
) -> tuple[MonteCarloResult, np.ndarray | None]:
    """Simulate closing cash over the plan under funders' delays and cuts.

    Parameters:
        receipts: K × T matrix of the scheduled funders' payments (euros).
        late_probability, mean_delay_months, cut_probability, cut_share: one
            value for all funders or one per funder (length K).
        per_instalment: draw the delay of each payment independently (True,
            default) or one delay per funder for all its payments (False).

    Returns:
        The result, and the S × T closing-cash paths when ``return_paths``.

    Example:
        >>> r, _ = simulate(0.0, [0.0] * 3, [10.0] * 3, np.array([[30.0, 0.0, 0.0]]),
        ...                 late_probability=0.0, cut_probability=0.0, scenarios=100)
        >>> r.prob_negative, r.credit_line_95
        ((0.0, 0.0, 0.0), 0.0)
    """
    base_in = np.asarray(other_inflows, dtype=float)
    base_out = np.asarray(outflows, dtype=float)
    t_count = base_in.shape[0]
    pay = np.asarray(receipts, dtype=float).reshape(-1, t_count)
    k_count = pay.shape[0]
    rng = np.random.default_rng(seed)
    p_late = _as_vector(late_probability, k_count)
    mean_delay = _as_vector(mean_delay_months, k_count)
    p_cut = _as_vector(cut_probability, k_count)
    cut = _as_vector(cut_share, k_count)

    # Only the non-zero payments move: P of them, at (source k, month t).
    src, when = np.nonzero(pay)
    amounts = pay[src, when]
    if per_instalment:  # one draw per scenario and payment: S × P
        late = rng.random((scenarios, src.size)) < p_late[src]
        extra = rng.poisson(np.maximum(mean_delay - 1, 0.0)[src], (scenarios, src.size))
        delay = np.where(late, 1 + extra, 0)
    else:  # one draw per scenario and funder, shared by its payments
        late_k = rng.random((scenarios, k_count)) < p_late
        extra_k = rng.poisson(np.maximum(mean_delay - 1, 0.0), (scenarios, k_count))
        delay = np.where(late_k, 1 + extra_k, 0)[:, src]
    factor = np.where(rng.random((scenarios, k_count)) < p_cut, 1 - cut, 1.0)
    arrival = when[None, :] + delay  # S × P
    weight = amounts[None, :] * factor[:, src]
    inside = arrival < t_count
    flat = (np.arange(scenarios)[:, None] * t_count + arrival)[inside]
    moved = np.bincount(flat, weights=weight[inside], minlength=scenarios * t_count)
    moved = moved.reshape(scenarios, t_count)

    paths = opening_cash + np.cumsum(moved + (base_in - base_out)[None, :], axis=1)
    prob_negative = (paths < 0).mean(axis=0)
    qs = np.quantile(paths, QUANTILES, axis=0)
    lowest = paths.min(axis=1)
    credit = max(0.0, -float(np.quantile(lowest, 0.05)))
    labels = tuple(months) if months is not None else tuple(str(i + 1) for i in range(t_count))
    result = MonteCarloResult(
        months=labels,
        prob_negative=tuple(float(p) for p in prob_negative),
        quantiles={
            f"q{round(q * 100):02d}": tuple(float(v) for v in row)
            for q, row in zip(QUANTILES, qs, strict=True)
        },
        credit_line_95=credit,
        prob_any_negative=float((lowest < 0).mean()),
        scenarios=scenarios,
        seed=seed,
    )
    return result, (paths if return_paths else None)


def montecarlo_figures(result: MonteCarloResult) -> dict[str, Figure]:
    """The credit line needed at 95 % and the probability of at least one negative month.

    The credit line reads as a warning when fewer than 5 % of the scenarios go
    below zero: no line is needed to cover 95 % of them, but the risk is not nil.

    Example:
        >>> r = MonteCarloResult(months=("2026-01",), prob_negative=(0.03,), quantiles={},
        ...                      credit_line_95=0.0, prob_any_negative=0.03, scenarios=100, seed=1)
        >>> montecarlo_figures(r)["credit_line"].tone
        'watch'
    """
    draws = [
        Input.of(N_("Scénarios tirés"), result.scenarios, "count"),
        Input.of(N_("Graine du tirage"), str(result.seed)),
    ]
    rare = result.credit_line_95 == 0 and result.prob_any_negative > 0
    return {
        "credit_line": Figure.of(
            N_("Ligne de crédit nécessaire à 95 %"),
            result.credit_line_95,
            "EUR",
            N_(
                "le découvert le plus profond du plan, dépassé dans seulement 5 % des scénarios : "
                "max(0, − 5ᵉ centile du minimum de la trésorerie de fin de mois)"
            ),
            draws,
            reading=N_(
                "Moins de 5 % des scénarios passent sous zéro : aucune ligne de crédit n'est "
                "nécessaire pour couvrir 95 % des cas, mais le risque n'est pas nul."
            )
            if rare
            else None,
            tone="watch" if rare else None,
            digits=0,
        ),
        "any_negative": Figure.of(
            N_("Probabilité d'au moins un mois négatif"),
            result.prob_any_negative,
            "%",
            N_(
                "part des scénarios où la trésorerie de fin de mois est négative au moins un "
                "mois ; dans chaque scénario, chaque versement de chaque financeur peut arriver "
                "en retard (en mois entiers, indépendamment des autres) et un financeur peut "
                "baisser tous ses versements ; un versement repoussé après la fin du plan n'y "
                "est pas compté"
            ),
            draws,
        ),
    }


def dossier_simulation(
    dossier: TreasuryDossier,
    *,
    today: date,
    scenarios: int,
    seed: int,
    late_probability: tuple[float, ...],
    mean_delay_months: tuple[float, ...],
    cut_probability: tuple[float, ...],
    cut_share: tuple[float, ...],
    ledgers: Mapping[int, pd.DataFrame] | None = None,
) -> MonteCarloResult:
    """:func:`simulate` on the forecast of a dossier's cash plan, one set of assumptions per funder.

    The simulation starts from the last actual bank balance when the
    accounts give actual months (:meth:`~essdiag.treasury.inputs.PlanInputs.forecast`):
    what is in the bank cannot come late. The assumptions are tuples aligned
    on the scheduled funders of the plan (the rows of its receipts matrix), so
    the call can be cached on plain values.
    """
    inputs, _issues = dossier_inputs(dossier, today=today, ledgers=ledgers)
    return simulate_forecast(
        inputs,
        scenarios=scenarios,
        seed=seed,
        late_probability=late_probability,
        mean_delay_months=mean_delay_months,
        cut_probability=cut_probability,
        cut_share=cut_share,
    )


def simulate_forecast(
    inputs: PlanInputs,
    *,
    scenarios: int,
    seed: int,
    late_probability: tuple[float, ...],
    mean_delay_months: tuple[float, ...],
    cut_probability: tuple[float, ...],
    cut_share: tuple[float, ...],
) -> MonteCarloResult:
    """:func:`simulate` on the forecast months of a plan, from its last actual balance."""
    ahead = inputs.forecast()
    result, _paths = simulate(
        ahead.opening_cash,
        ahead.other_inflows,
        ahead.outflows,
        ahead.receipts.to_numpy(),
        months=ahead.months,
        scenarios=scenarios,
        seed=seed,
        late_probability=late_probability,
        mean_delay_months=mean_delay_months,
        cut_probability=cut_probability,
        cut_share=cut_share,
    )
    return result
