"""Stress tests of the funding mix: a funder stops, cuts by p %, or pays n months late.

Where it sits: takes the register, the year and the cash plan's other flows;
returns the effect on the year's result and on cash, computed with the same
:func:`essdiag.treasury.plan.cash_plan` as the treasury screen.

Notes:
    Effect on result = − cut × amount of the year (the charges the grant paid
    for are assumed to go on: the worst case a board must face).
    Effect on cash = the plan recomputed with the funder's payments cut by
    the same share and shifted by the delay (payments pushed beyond the plan
    are lost to it). A 0 % cut with no delay changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.errors import EssdiagError, Issue
from essdiag.funding.section import FundingSource
from essdiag.i18n import N_
from essdiag.treasury.plan import cash_plan, reserve_months

__all__ = ["StressResult", "apply_stress", "stress_test"]


def apply_stress(
    receipts: pd.DataFrame, source_id: str, *, cut_share: float = 0.0, delay_months: int = 0
) -> pd.DataFrame:
    """The receipts matrix with one source cut by ``cut_share`` and shifted by ``delay_months``.

    Example:
        >>> m = pd.DataFrame([[10.0, 0.0, 5.0]], index=["a"], columns=["1", "2", "3"])
        >>> apply_stress(m, "a", cut_share=0.5, delay_months=1).loc["a"].tolist()
        [0.0, 5.0, 0.0]
    """
    if not 0 <= cut_share <= 1:
        raise EssdiagError(
            f"La baisse doit être comprise entre 0 et 100 % (reçu : {cut_share * 100:g} %)."
        )
    if delay_months < 0:
        raise EssdiagError(f"Le retard ne peut pas être négatif (reçu : {delay_months} mois).")
    out = receipts.copy()
    if source_id not in out.index:
        return out
    row = out.loc[source_id].to_numpy(dtype=float) * (1 - cut_share)
    shifted = np.zeros_like(row)
    if delay_months < len(row):
        shifted[delay_months:] = row[: len(row) - delay_months]
    out.loc[source_id] = shifted
    return out


class StressResult(BaseModel):
    """Effect of a stress on the result and on cash.

    Attributes:
        source: the funder stressed; cut_share, delay_months: the stress.
        amount: the funder's amount for the year.
        result_effect: change of the year's result (≤ 0).
        base_lowest, stressed_lowest: lowest closing cash, before and after.
        cash_effect: change of the lowest closing cash.
        base_closing, stressed_closing: closing cash of the plan's last month.
        negative_months: months with negative cash under the stress.
        reserve_months: months of outflows the opening available cash covers.
    """

    model_config = ConfigDict(frozen=True)

    source: str
    cut_share: float
    delay_months: int
    amount: float
    result_effect: float
    base_lowest: float
    stressed_lowest: float
    cash_effect: float
    base_closing: float
    stressed_closing: float
    negative_months: tuple[str, ...]
    reserve_months: float


def stress_test(
    sources: Sequence[FundingSource],
    source_id: str,
    year: int,
    *,
    receipts: pd.DataFrame,
    opening_cash: float,
    other_inflows: Mapping[str, Sequence[float]],
    outflows: Mapping[str, Sequence[float]],
    cut_share: float = 0.0,
    delay_months: int = 0,
    dedicated_funds: float = 0.0,
) -> tuple[StressResult | None, list[Issue]]:
    """Stress one funder: effect on the year's result and on the cash plan.

    Returns the result, or None and the issues when the funder is unknown or
    the plan cannot be built.
    """
    found = [s for s in sources if s.id == source_id]
    if not found:
        return None, [
            Issue(
                code="stress_unknown_source",
                template=N_("La ressource « {id} » n'est pas dans le registre."),
                params={"id": source_id},
            )
        ]
    source = found[0]
    months = list(receipts.columns)
    stressed = apply_stress(receipts, source_id, cut_share=cut_share, delay_months=delay_months)

    def plan(matrix: pd.DataFrame) -> tuple[pd.DataFrame | None, list[Issue]]:
        inflows = {**other_inflows, **{str(k): list(matrix.loc[k]) for k in matrix.index}}
        return cash_plan(months, opening_cash, inflows, outflows, dedicated_funds=dedicated_funds)

    base, issues = plan(receipts)
    after, more = plan(stressed)
    if base is None or after is None:
        return None, issues + more
    amount = source.amount(year)
    return StressResult(
        source=source.name,
        cut_share=cut_share,
        delay_months=delay_months,
        amount=amount,
        result_effect=0.0 - cut_share * amount,
        base_lowest=float(base["closing"].min()),
        stressed_lowest=float(after["closing"].min()),
        cash_effect=float(after["closing"].min() - base["closing"].min()),
        base_closing=float(base["closing"].iloc[-1]),
        stressed_closing=float(after["closing"].iloc[-1]),
        negative_months=tuple(str(m) for m in after.loc[after["closing"] < 0, "month"]),
        reserve_months=reserve_months(
            opening_cash - dedicated_funds, float(after["outflows"].mean())
        ),
    ), []
