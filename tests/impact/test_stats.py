"""Likert and NPS statistics on hand-made answers, with the arithmetic beside them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essdiag.impact.stats import (
    MIN_GROUP,
    likert_summary,
    nps_summary,
    student_t_quantile,
    wilson_interval,
)


@pytest.mark.parametrize(
    ("df", "expected"),
    # Student's t table, two-sided 95 % (t₀.₉₇₅), three decimals
    [(1, 12.706), (2, 4.303), (4, 2.776), (9, 2.262), (29, 2.045), (100, 1.984)],
)
def test_t_quantiles_match_the_table(df: int, expected: float) -> None:
    assert student_t_quantile(0.975, df) == pytest.approx(expected, abs=5e-4)
    assert student_t_quantile(0.025, df) == pytest.approx(-expected, abs=5e-4)


def test_likert_by_hand() -> None:
    # Answers 5 4 4 3 5 2 4 5 4 4: counts 1:0 2:1 3:1 4:5 5:3; mean 40/10 = 4
    s = likert_summary([5, 4, 4, 3, 5, 2, 4, 5, 4, 4])
    assert s.counts == (0, 1, 1, 5, 3) and s.n == 10
    assert s.mean == 4.0
    # Σ(x − 4)² = 1+0+0+1+1+4+0+1+0+0 = 8; s² = 8/9; s = 0,94281
    assert s.sd == pytest.approx(math.sqrt(8 / 9))
    # half-width = t₀.₉₇₅(9) × s / √10 = 2,26216 × 0,94281 / 3,16228 = 0,67445
    assert s.ci_low == pytest.approx(4 - 0.67445, abs=1e-4)
    assert s.ci_high == pytest.approx(4 + 0.67445, abs=1e-4)
    # top two levels: 5 + 3 = 8 of 10
    assert s.top_share == 0.8


def test_likert_leaves_out_answers_off_the_scale() -> None:
    s = likert_summary([1, 2, 3, 7, 0, 2.5], 1, 5)
    assert s.n == 3 and s.counts == (1, 1, 1, 0, 0) and s.mean == 2.0


def test_likert_of_one_answer_has_no_interval() -> None:
    s = likert_summary([3])
    assert s.mean == 3 and s.sd is None and s.ci_low is None
    assert likert_summary([]).mean is None


def test_nps_by_hand() -> None:
    # 10 9 9 8 7 6 3 10 9 8: promoters (9-10) = 5, passives (7-8) = 3, detractors (0-6) = 2
    s = nps_summary([10, 9, 9, 8, 7, 6, 3, 10, 9, 8])
    assert (s.promoters, s.passives, s.detractors) == (5, 3, 2)
    assert s.nps == pytest.approx(30.0)  # 100 × (0,5 − 0,2)
    # Var = (p + d − (p − d)²) / n = (0,7 − 0,09) / 10 = 0,061; half-width = 1,95996 × 100 × √0,061 = 48,41
    assert s.ci_low == pytest.approx(30 - 48.4075, abs=1e-3)
    assert s.ci_high == pytest.approx(30 + 48.4075, abs=1e-3)


def test_nps_edges_of_the_bands() -> None:
    # 6 is a detractor, 7 and 8 passives, 9 a promoter
    s = nps_summary([6, 7, 8, 9])
    assert (s.promoters, s.passives, s.detractors) == (1, 2, 1)
    assert s.nps == 0.0
    assert nps_summary([10] * 5).nps == 100.0
    assert nps_summary([10] * 5).ci_high == 100.0  # the interval stays within ±100
    assert nps_summary([0, 11, -1]).n == 1  # answers outside 0–10 are left out
    assert nps_summary([]).nps is None


def test_wilson_interval_by_hand() -> None:
    # 8 of 10, z = 1,96: centre (0,8 + 0,19208) / 1,38415 = 0,71682; half 0,22650
    low, high = wilson_interval(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-4)
    assert high == pytest.approx(0.9433, abs=1e-4)


def test_the_small_group_rule_is_five_answers() -> None:
    assert MIN_GROUP == 5


@given(st.lists(st.integers(1, 5), min_size=2, max_size=200))
def test_likert_mean_lies_in_its_interval_and_on_the_scale(values: list[int]) -> None:
    s = likert_summary(values)
    assert s.mean is not None and s.ci_low is not None and s.ci_high is not None
    assert 1 <= s.mean <= 5
    assert s.ci_low <= s.mean <= s.ci_high
    assert sum(s.counts) == len(values)


@given(st.lists(st.integers(0, 10), min_size=1, max_size=300))
def test_nps_stays_within_bounds_and_its_interval(values: list[int]) -> None:
    s = nps_summary(values)
    assert s.nps is not None and s.ci_low is not None and s.ci_high is not None
    assert -100 <= s.ci_low <= s.nps <= s.ci_high <= 100
    assert s.promoters + s.passives + s.detractors == len(values)
