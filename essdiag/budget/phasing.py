"""Monthly phasing of an annual amount: even, custom weights, or last year's seasonality.

Where it sits: an annual amount of a budget line and weights (even, typed by
the user, or last year's actuals of the account) → twelve months, which the
budget section keeps in euros (:class:`~essdiag.budget.section.BudgetLine`).
Back from twelve months read in a file: :func:`detect_phasing` says whether
they are even, :func:`weights_of` what weights they follow.

Amounts are spread in integer cents with the largest-remainder method
(:func:`spread_cents`), so the twelve months always add up exactly to the
annual amount, to the cent.

Example:
    >>> even(100.0)[:3], round(sum(even(100.0)), 2)
    ([8.34, 8.34, 8.34], 100.0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from essdiag.budget.section import Phasing
from essdiag.periods import FiscalYear

__all__ = [
    "account_profile",
    "detect_phasing",
    "even",
    "parse_weights",
    "seasonal",
    "spread",
    "spread_cents",
    "weighted",
    "weights_of",
]


def spread_cents(total_cents: int, weights: Sequence[float]) -> list[int]:
    """Split ``total_cents`` over twelve months in proportion to ``weights``, in whole cents.

    Notes:
        cents_i = ⌊T × wᵢ / Σw⌋, then the cents left over go one by one to the
        months with the largest remainders (Hamilton's method), ties to the
        earlier month, so Σ months = T exactly and every month has the sign
        of T. Negative or all-zero weights give an even spread.

    Example:
        >>> spread_cents(1000, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        [500, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 500]
        >>> sum(spread_cents(-1001, [1.0] * 12))
        -1001
    """
    if len(weights) != 12:
        raise ValueError("twelve weights expected")
    w = [max(float(x), 0.0) for x in weights]
    if sum(w) <= 0:
        w = [1.0] * 12
    sign = -1 if total_cents < 0 else 1
    cents = abs(int(total_cents))
    total_w = sum(w)
    raw = [cents * x / total_w for x in w]
    base = [int(r) for r in raw]
    left = cents - sum(base)
    order = sorted(range(12), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:left]:
        base[i] += 1
    return [sign * b for b in base]


def spread(total: float, weights: Sequence[float]) -> list[float]:
    """Split ``total`` euros over twelve months in proportion to ``weights`` (see :func:`spread_cents`).

    The annual amount is first rounded to the cent; the months are euros
    (what the budget section keeps) that add up to it exactly.

    Example:
        >>> spread(10.0, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        [5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0]
    """
    return [c / 100 for c in spread_cents(round(total * 100), weights)]


def even(total: float) -> list[float]:
    """Twelve equal months (the cents left over on the first months)."""
    return spread(total, [1.0] * 12)


def weighted(total: float, weights: Sequence[float]) -> list[float]:
    """Custom weights (e.g. 1 for open months, 0.5 in August)."""
    return spread(total, weights)


def seasonal(total: float, last_year: Sequence[float]) -> list[float]:
    """Last year's actual seasonality: months weighted by last year's monthly actuals.

    Example:
        >>> seasonal(1200.0, [200.0] * 6 + [0.0] * 6)[:7]
        [200.0, 200.0, 200.0, 200.0, 200.0, 200.0, 0.0]
    """
    return spread(total, last_year)


def detect_phasing(months: Sequence[float], stated: Phasing = Phasing.CUSTOM) -> Phasing:
    """How twelve months were spread, read from the months themselves.

    Even when they are equal within a cent: what :func:`even` gives (the
    largest remainder leaves at most one cent between two months, whatever
    month gets it) and what a spreadsheet gives for « annual / 12 » rounded.
    Otherwise the phasing ``stated`` (last year's seasonality is kept), and
    custom weights when the even phasing was stated of uneven months.

    Example:
        >>> detect_phasing([221.0] * 12).value, detect_phasing(even(100.0)).value
        ('even', 'even')
        >>> detect_phasing([100.0] * 11 + [150.0]).value
        'custom'
        >>> detect_phasing([100.0] * 11 + [150.0], Phasing.SEASONAL).value
        'seasonal'
    """
    cents = [round(float(m) * 100) for m in months]
    if len(cents) == 12 and max(cents) - min(cents) <= 1:
        return Phasing.EVEN
    return Phasing.CUSTOM if stated is Phasing.EVEN else stated


def weights_of(months: Sequence[float], digits: int = 3) -> list[float]:
    """The weights twelve months follow: each month over the largest, rounded to ``digits``.

    The largest month weighs 1 (« 1 for open months, 0.5 in August »);
    weighting the annual amount by them (:func:`weighted`) gives months close
    to these (within 0.65 % of the largest month at 3 digits, the weights
    being rounded); twelve nil months weigh 1 each.

    Example:
        >>> weights_of([200.0] * 6 + [100.0] * 5 + [0.0])
        [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.0]
    """
    largest = max((abs(float(m)) for m in months), default=0.0)
    if largest == 0:
        return [1.0] * len(months)
    return [round(abs(float(m)) / largest, digits) for m in months]


def parse_weights(text: str) -> list[float] | None:
    """Twelve finite weights typed as ``1;1;0,5;…`` (decimal comma or dot), or None.

    Example:
        >>> parse_weights("1;1;1;1;1;1;0,5;0,5;1;1;1;1")[6]
        0.5
        >>> parse_weights("1;2;x"), parse_weights("1;2"), parse_weights(";".join(["nan"] * 12))
        (None, None, None)
    """
    parts = [p.strip().replace(",", ".") for p in text.split(";")]
    try:
        weights = [float(p) for p in parts]
    except ValueError:
        return None
    if len(weights) != 12 or not all(math.isfinite(w) for w in weights):
        return None
    return weights


def account_profile(actuals: pd.DataFrame, account: str, fiscal_year: FiscalYear) -> list[float]:
    """Monthly actuals of the accounts starting with ``account`` over a fiscal year, in cents.

    Parameters:
        actuals: :func:`essdiag.ledger.monthly_activity` of that year.

    Returns:
        Twelve amounts in the fiscal year's month order: the profile that
        :func:`seasonal` takes.

    Example:
        >>> from essdiag.periods import FiscalYear
        >>> act = pd.DataFrame({"month": ["2025-01", "2025-03"], "account": ["6061", "6063"],
        ...     "analytic": ["", ""], "amount_cents": [500, 700]})
        >>> account_profile(act, "606", FiscalYear(label_year=2025))[:4]
        [500.0, 0.0, 700.0, 0.0]
    """
    order = fiscal_year.month_keys()
    mine = actuals[actuals["account"].astype("str").str.startswith(account)]
    sums = mine.groupby("month")["amount_cents"].sum()
    return [float(sums.get(m, 0)) for m in order]
