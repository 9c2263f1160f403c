"""The matrices at work: house matrices, bands, versions of a section, rescaling.

Reference values are worked by hand from the house thresholds copied here
(3×3 ≤2/≤4/≤9, 4×4 ≤3/≤6/≤9/≤16, 5×5 ≤4/≤9/≤16/≤25, the design of issue #5);
properties check that a score always lands in the matrix and in one band.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essdiag.risks import RiskSection, current_matrix, default_matrix
from essdiag.risks.matrix import (
    band_for,
    band_ranges,
    band_rank,
    house_matrix,
    matrices_of,
    matrix_by_version,
    rescale_level,
)
from essdiag.risks.section import score
from tests.risks.strategies import sizes


@pytest.mark.parametrize(
    ("size", "likelihood", "impact", "expected_score", "expected_band"),
    [
        # 3×3: Faible ≤ 2, Modéré ≤ 4, Élevé ≤ 9
        (3, 1, 2, 2, "Faible"),
        (3, 2, 2, 4, "Modéré"),
        (3, 3, 2, 6, "Élevé"),
        (3, 3, 3, 9, "Élevé"),
        # 4×4: Faible ≤ 3, Modéré ≤ 6, Élevé ≤ 9, Critique ≤ 16
        (4, 1, 3, 3, "Faible"),
        (4, 2, 3, 6, "Modéré"),
        (4, 3, 3, 9, "Élevé"),
        (4, 4, 3, 12, "Critique"),
        # 5×5: Faible ≤ 4, Modéré ≤ 9, Élevé ≤ 16, Critique ≤ 25
        (5, 2, 2, 4, "Faible"),
        (5, 1, 5, 5, "Modéré"),
        (5, 3, 3, 9, "Modéré"),
        (5, 4, 4, 16, "Élevé"),
        (5, 4, 5, 20, "Critique"),
        (5, 5, 5, 25, "Critique"),
    ],
)
def test_score_and_band_worked_examples(
    size: int, likelihood: int, impact: int, expected_score: int, expected_band: str
) -> None:
    m = default_matrix(size)
    assert score(likelihood, impact) == expected_score
    assert band_for(expected_score, m).label == expected_band


@pytest.mark.parametrize("size", [3, 4, 5])
def test_house_matrices_are_labelled_and_cover_every_score(size: int) -> None:
    m = default_matrix(size)
    assert len(m.likelihood) == len(m.impact) == size
    assert all(lv.label and lv.description for lv in [*m.likelihood, *m.impact])
    assert m.bands[-1].max_score == size * size
    assert all(b.label and b.colour.startswith("#") and b.guidance for b in m.bands)
    # Every cell of the grid falls in exactly one band.
    cells = {band_for(score(a, b), m).label for a in range(1, size + 1) for b in range(1, size + 1)}
    assert cells == {b.label for b in m.bands}


def test_band_ranges_of_the_4x4() -> None:
    # Thresholds ≤3/≤6/≤9/≤16, written by hand: bands start after the previous top.
    assert [(lo, hi) for _b, lo, hi in band_ranges(default_matrix(4))] == [
        (1, 3),
        (4, 6),
        (7, 9),
        (10, 16),
    ]


def test_an_empty_section_uses_the_5x5_house_matrix() -> None:
    assert matrices_of(RiskSection()) == [default_matrix(5)] == [house_matrix()]
    assert current_matrix(RiskSection()).size == 5
    assert matrix_by_version(RiskSection(), 1) == house_matrix()
    assert matrix_by_version(RiskSection(), 2) is None


def test_the_latest_version_is_the_one_in_force(rec: RiskSection) -> None:
    # The recyclerie moved from a 4×4 (version 1) to a 5×5 (version 2) in March 2026.
    assert [(m.version, m.size) for m in matrices_of(rec)] == [(1, 4), (2, 5)]
    assert current_matrix(rec).version == 2


@given(sizes, st.data())
def test_a_score_always_falls_in_the_matrix_and_in_one_band(size: int, data: st.DataObject) -> None:
    m = default_matrix(size)
    likelihood = data.draw(st.integers(1, size))
    impact = data.draw(st.integers(1, size))
    value = score(likelihood, impact)
    assert 1 <= value <= size * size
    band = band_for(value, m)
    rank = band_rank(value, m)
    low = m.bands[rank - 1].max_score if rank else 0
    assert low < value <= band.max_score


@given(st.integers(2, 10), st.integers(2, 10), st.data())
def test_rescaled_levels_stay_on_the_scale_and_keep_their_order(
    n: int, m: int, data: st.DataObject
) -> None:
    a = data.draw(st.integers(1, n))
    b = data.draw(st.integers(1, n))
    ra, rb = rescale_level(a, n, m), rescale_level(b, n, m)
    assert 1 <= ra <= m
    if a <= b:
        assert ra <= rb
    if m >= n:  # a finer scale loses nothing: going back gives the same level
        assert rescale_level(ra, m, n) == a
