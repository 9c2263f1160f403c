"""Amounts of the simulation, in integer cents: phasing, random splits, noise, FEC writing.

Where it sits: a helper of the plans (:mod:`.plan`) and of the writers
(:mod:`.fec`, :mod:`.budget_files`). Every amount is an ``int`` of cents; the
random draws come from the one seeded generator of the run.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["fmt_cents", "noisy", "phase", "split_amount"]


def fmt_cents(cents: int) -> str:
    """FEC amount: decimal comma, no thousands separator.

    Example:
        >>> fmt_cents(123456), fmt_cents(5), fmt_cents(0)
        ('1234,56', '0,05', '0,00')
    """
    if cents < 0:
        raise ValueError("FEC amounts are written as positive debits or credits")
    return f"{cents // 100},{cents % 100:02d}"


def phase(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` cents over the weights, largest remainder first.

    Example:
        >>> phase(1000, (1, 1, 1))
        [334, 333, 333]
    """
    w = np.asarray(weights, dtype=float)
    if total == 0 or w.sum() == 0:
        return [0] * len(w)
    raw = total * w / w.sum()
    base = np.floor(raw).astype(np.int64)
    rest = total - int(base.sum())
    order = np.argsort(-(raw - base), kind="stable")
    for i in order[:rest]:
        base[i] += 1
    return [int(x) for x in base]


def split_amount(total: int, count: int, rng: np.random.Generator) -> list[int]:
    """Split ``total`` cents into ``count`` positive random parts."""
    count = max(1, min(count, total // 500 or 1))
    if count == 1:
        return [total]
    weights = rng.dirichlet(np.full(count, 3.0))
    parts = [int(x) for x in np.floor(weights * total)]
    parts[-1] += total - sum(parts)
    return [p for p in parts if p > 0]


def noisy(months: Sequence[int], sigma: float, rng: np.random.Generator) -> list[int]:
    """Months multiplied by (1 + N(0, sigma)), rounded to the cent."""
    if sigma == 0:
        return list(months)
    shocks = rng.normal(0.0, sigma, size=len(months))
    return [max(0, round(float(m * (1 + s)))) for m, s in zip(months, shocks, strict=True)]
