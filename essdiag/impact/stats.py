"""Survey statistics: Likert distributions and means, NPS, and their confidence intervals.

Where it sits: pure functions over lists of answers (floats), used by
:mod:`essdiag.impact.survey_views`. Answers are floats (scores), the results
frozen models; nothing here knows about files or screens.

Notes:
    * Mean of a Likert item with a Student *t* interval:
      x̄ ± t₀.₉₇₅(n − 1) × s / √n, s the sample standard deviation (n − 1).
    * Share of the two top levels (« satisfaits ») with a Wilson score
      interval (Wilson, 1927), which stays inside 0–1 for small samples.
    * NPS = 100 × (p − d), p the share of promoters (9–10) and d of
      detractors (0–6) on the 0–10 scale (Reichheld, 2003). Its variance is
      (p + d − (p − d)²) / n (trinomial), so the 95 % interval is
      NPS ± 1.96 × 100 × √((p + d − (p − d)²) / n) (Wald interval;
      Rocks, 2016).
    * A result for fewer than :data:`MIN_GROUP` answers is not shown: a
      small group's answers could be recognised, and its mean means little.

References:
    Wilson, E. B. (1927), « Probable inference, the law of succession, and
    statistical inference », JASA 22 ; Reichheld, F. (2003), « The One
    Number You Need to Grow », Harvard Business Review ; Rocks, B. (2016),
    « Interval Estimation for the Net Promoter Score », The American
    Statistician 70(4).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist
from typing import Final

from pydantic import BaseModel, ConfigDict

__all__ = [
    "CONFIDENCE",
    "MIN_GROUP",
    "LikertSummary",
    "NpsSummary",
    "likert_summary",
    "nps_summary",
    "student_t_quantile",
    "wilson_interval",
]

MIN_GROUP: Final = 5
"""Fewest answers for which a group's result is shown (statistical confidentiality)."""

CONFIDENCE: Final = 0.95
"""Level of the confidence intervals."""

Z95: Final = NormalDist().inv_cdf(0.975)
"""The normal quantile of a two-sided 95 % interval (1.959964…)."""


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz method)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function Iₓ(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    ln = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(ln)
    if x < (a + 1) / (a + b + 2):
        return front * _betacf(a, b, x) / a
    return 1 - front * _betacf(b, a, 1 - x) / b


def _t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with ``df`` degrees of freedom."""
    x = df / (df + t * t)
    tail = 0.5 * _betainc(df / 2, 0.5, x)
    return 1 - tail if t > 0 else tail


def student_t_quantile(p: float, df: int) -> float:
    """The quantile of Student's t distribution (by bisection on its CDF).

    Example:
        >>> round(student_t_quantile(0.975, 4), 3), round(student_t_quantile(0.975, 29), 3)
        (2.776, 2.045)
    """
    if not 0 < p < 1 or df < 1:
        raise ValueError("p must be in (0, 1) and df ≥ 1")
    if p == 0.5:
        return 0.0
    lo, hi = (0.0, 1.0) if p > 0.5 else (-1.0, 0.0)
    while (_t_cdf(hi, df) < p) if p > 0.5 else (_t_cdf(lo, df) > p):
        if p > 0.5:
            lo, hi = hi, hi * 2
        else:
            lo, hi = lo * 2, lo
    for _ in range(200):
        mid = (lo + hi) / 2
        if _t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-13:
            break
    return (lo + hi) / 2


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion.

    Example:
        >>> [round(v, 4) for v in wilson_interval(8, 10)]
        [0.4902, 0.9433]
    """
    if n <= 0:
        return math.nan, math.nan
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


class LikertSummary(BaseModel):
    """The answers to one Likert item.

    Attributes:
        n: answers counted.
        scale_min, scale_max: the scale.
        counts: answers per level, lowest level first.
        mean: the mean score; sd: the sample standard deviation (None for n < 2).
        ci_low, ci_high: the 95 % interval of the mean (None for n < 2).
        top_share: share of the two top levels; top_low, top_high: its Wilson interval.
    """

    model_config = ConfigDict(frozen=True)

    n: int
    scale_min: int
    scale_max: int
    counts: tuple[int, ...]
    mean: float | None
    sd: float | None
    ci_low: float | None
    ci_high: float | None
    top_share: float | None
    top_low: float | None
    top_high: float | None


def likert_summary(
    values: Sequence[float], scale_min: int = 1, scale_max: int = 5
) -> LikertSummary:
    """Distribution, mean with its t interval, and top-two share with its Wilson interval.

    Answers outside the scale are left out (the reader already reported them).

    Example:
        >>> s = likert_summary([5, 4, 4, 3, 5, 2, 4, 5, 4, 4])
        >>> s.counts, s.mean, round(s.sd, 4), round(s.ci_low, 3), round(s.ci_high, 3)
        ((0, 1, 1, 5, 3), 4.0, 0.9428, 3.326, 4.674)
    """
    kept = [float(v) for v in values if scale_min <= v <= scale_max and float(v).is_integer()]
    n = len(kept)
    counts = tuple(sum(1 for v in kept if v == level) for level in range(scale_min, scale_max + 1))
    if n == 0:
        return LikertSummary(
            n=0,
            scale_min=scale_min,
            scale_max=scale_max,
            counts=counts,
            mean=None,
            sd=None,
            ci_low=None,
            ci_high=None,
            top_share=None,
            top_low=None,
            top_high=None,
        )
    mean = math.fsum(kept) / n
    top = sum(counts[-2:])
    t_low, t_high = wilson_interval(top, n)
    sd = ci_low = ci_high = None
    if n >= 2:
        sd = math.sqrt(math.fsum((v - mean) ** 2 for v in kept) / (n - 1))
        half = student_t_quantile(0.975, n - 1) * sd / math.sqrt(n)
        ci_low, ci_high = mean - half, mean + half
    return LikertSummary(
        n=n,
        scale_min=scale_min,
        scale_max=scale_max,
        counts=counts,
        mean=mean,
        sd=sd,
        ci_low=ci_low,
        ci_high=ci_high,
        top_share=top / n,
        top_low=t_low,
        top_high=t_high,
    )


class NpsSummary(BaseModel):
    """The answers to the 0–10 recommendation question.

    Attributes:
        n: answers counted.
        promoters, passives, detractors: answers 9–10, 7–8, 0–6.
        nps: 100 × (promoters − detractors) / n, from −100 to +100.
        ci_low, ci_high: its 95 % interval (kept within −100 … +100).
    """

    model_config = ConfigDict(frozen=True)

    n: int
    promoters: int
    passives: int
    detractors: int
    nps: float | None
    ci_low: float | None
    ci_high: float | None

    @property
    def shares(self) -> tuple[float | None, float | None, float | None]:
        """Shares of promoters, passives and detractors."""
        if self.n == 0:
            return None, None, None
        return self.promoters / self.n, self.passives / self.n, self.detractors / self.n


def nps_summary(values: Sequence[float]) -> NpsSummary:
    """NPS with its 95 % Wald interval (see the module's Notes).

    Example:
        >>> s = nps_summary([10, 9, 9, 8, 7, 6, 3, 10, 9, 8])
        >>> s.promoters, s.passives, s.detractors, s.nps
        (5, 3, 2, 30.0)
        >>> round(s.ci_low, 2), round(s.ci_high, 2)
        (-18.41, 78.41)
    """
    kept = [float(v) for v in values if 0 <= v <= 10 and float(v).is_integer()]
    n = len(kept)
    promoters = sum(1 for v in kept if v >= 9)
    detractors = sum(1 for v in kept if v <= 6)
    passives = n - promoters - detractors
    if n == 0:
        return NpsSummary(
            n=0, promoters=0, passives=0, detractors=0, nps=None, ci_low=None, ci_high=None
        )
    p, d = promoters / n, detractors / n
    nps = 100 * (p - d)
    half = Z95 * 100 * math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    return NpsSummary(
        n=n,
        promoters=promoters,
        passives=passives,
        detractors=detractors,
        nps=nps,
        ci_low=max(-100.0, nps - half),
        ci_high=min(100.0, nps + half),
    )
