"""Net present value and internal rate of return of a project's yearly cash flows.

Flows are yearly, year 0 first (the investment, negative), as in numpy-financial:
``npv(rate, flows) = Σ flowₜ / (1 + rate)ᵗ`` for t = 0…n — unlike the
spreadsheet ``NPV`` function, which discounts the first flow too. The IRR is
the rate where the NPV is 0 (``numpy_financial.irr``); it does not exist when
the flows never change sign: NaN with a reason then.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy_financial as npf

from essdiag.figures import Figure, Input
from essdiag.i18n import N_

__all__ = ["irr_figure", "npv", "npv_figure", "payback_year"]


def npv(rate: float, flows: Sequence[float]) -> float:
    """Net present value, flows at t = 0, 1, …

    Example:
        >>> round(npv(0.1, [-1000, 500, 500, 500]), 2)
        243.43
    """
    return float(npf.npv(rate, list(flows)))


def payback_year(flows: Sequence[float]) -> int | None:
    """First year in which the cumulated flows turn non-negative, or None.

    Example:
        >>> payback_year([-1000, 400, 400, 400])
        3
    """
    total = 0.0
    for t, f in enumerate(flows):
        total += f
        if t > 0 and total >= 0:
            return t
    return None


def npv_figure(rate: float, flows: Sequence[float]) -> Figure:
    """The NPV with its working."""
    ok = len(flows) >= 2
    return Figure.of(
        N_("Valeur actuelle nette (VAN)"),
        npv(rate, flows) if ok else None,
        "EUR",
        "Σ fluxₜ / (1 + taux)ᵗ, t = 0…n",
        [Input.of(N_("Taux d'actualisation"), rate, "%")]
        + [Input.of(f"flux {t}", round(f, 2), "EUR") for t, f in enumerate(flows)],
        reason=None if ok else N_("il faut au moins deux flux annuels"),
        references=["numpy-financial npv"],
        digits=0,
    )


def irr_figure(flows: Sequence[float]) -> Figure:
    """The IRR with its working (NaN with a reason when it does not exist)."""
    has_sign_change = any(f < 0 for f in flows) and any(f > 0 for f in flows)
    value = float(npf.irr(list(flows))) if has_sign_change and len(flows) >= 2 else math.nan
    return Figure.of(
        N_("Taux de rendement interne (TRI)"),
        None if math.isnan(value) else value,
        "%",
        N_("taux tel que VAN = 0"),
        [Input.of(f"flux {t}", round(f, 2), "EUR") for t, f in enumerate(flows)],
        reason=None
        if not math.isnan(value)
        else N_("les flux ne changent pas de signe : pas de TRI"),
        references=["numpy-financial irr"],
    )
