"""Monthly phasing (``essdiag.budget.phasing``): in cents, by largest remainder, exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.budget.phasing import even, parse_weights, seasonal, spread, spread_cents

weights12 = st.lists(st.floats(min_value=0, max_value=1e6), min_size=12, max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.lists(st.floats(min_value=0, max_value=1e6), min_size=12, max_size=12),
)
def test_phasing_adds_up_to_the_cent(total_cents: int, weights: list[float]) -> None:
    months = spread(total_cents / 100, weights)
    assert len(months) == 12
    assert sum(round(m * 100) for m in months) == total_cents


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-(10**11), max_value=10**11), weights12)
def test_months_add_up_to_the_annual_amount_to_the_cent(
    total_cents: int, weights: list[float]
) -> None:
    months = spread_cents(total_cents, weights)
    assert len(months) == 12 and all(isinstance(c, int) for c in months)
    assert sum(months) == total_cents
    if total_cents > 0:
        assert all(c >= 0 for c in months)
    if total_cents < 0:
        assert all(c <= 0 for c in months)
    # The euros the section keeps add up to the same cents.
    assert sum(round(m * 100) for m in spread(total_cents / 100, weights)) == total_cents


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), weights12)
def test_a_month_gets_its_share_within_a_cent(total_cents: int, weights: list[float]) -> None:
    months = spread_cents(total_cents, weights)
    w = weights if sum(weights) > 0 else [1.0] * 12
    for cents, weight in zip(months, w, strict=True):
        assert abs(cents - total_cents * weight / sum(w)) < 1 + 1e-6


def test_seasonal_phasing_follows_last_year() -> None:
    assert (
        seasonal(300.0, [0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0])
        == [0.0] * 6 + [100.0, 200.0] + [0.0] * 4
    )
    assert seasonal(120.0, [0.0] * 12) == [10.0] * 12  # no history: even


def test_even_phasing_and_typed_weights() -> None:
    assert even(1200.0) == [100.0] * 12
    assert even(100.0) == [8.34] * 4 + [8.33] * 8  # 10 000 cents: 4 left over, on the first months
    assert parse_weights("1;1;1;1;1;1;0,5;0.5;1;1;1;1") == [1.0] * 6 + [0.5, 0.5] + [1.0] * 4
    assert parse_weights("1;1") is None
    assert parse_weights("a;" * 11 + "a") is None
    assert parse_weights(";".join(["inf"] * 12)) is None
