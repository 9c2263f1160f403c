"""Monthly phasing (``essdiag.budget.phasing``): in cents, by largest remainder, exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.budget.phasing import (
    detect_phasing,
    even,
    parse_weights,
    seasonal,
    spread,
    spread_cents,
    weighted,
    weights_of,
)
from essdiag.budget.section import Phasing

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


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(10**10), max_value=10**10))
def test_an_even_spread_of_any_amount_is_read_back_as_even(total_cents: int) -> None:
    # Largest remainder over twelve equal weights leaves at most a cent between months.
    months = even(total_cents / 100)
    assert detect_phasing(months) is Phasing.EVEN
    assert detect_phasing(list(reversed(months))) is Phasing.EVEN  # cents on the last months too
    assert detect_phasing(months, Phasing.SEASONAL) is Phasing.EVEN


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1200, max_value=10**9),
    st.integers(min_value=0, max_value=11),
    st.sampled_from([Phasing.CUSTOM, Phasing.SEASONAL, Phasing.EVEN]),
)
def test_months_two_cents_apart_or_more_keep_the_stated_weights(
    total_cents: int, month: int, stated: Phasing
) -> None:
    months = even(total_cents / 100)
    high = months.index(max(months))
    months[high] = round(months[high] + 0.02, 2)  # two cents over the others at least: not even
    months[month] = round(months[month] + 0.02, 2) if month != high else months[month]
    found = detect_phasing(months, stated)
    assert found is (Phasing.CUSTOM if stated is Phasing.EVEN else stated)


def test_a_flat_line_and_a_seasonal_one() -> None:
    # SCIC budget_2026.csv, 606300: 12 × 221,00 €; the recyclerie's 616000 insurance, quarterly.
    assert detect_phasing([221.0] * 12) is Phasing.EVEN
    quarterly = [3605.0, 0.0, 0.0] * 4
    assert detect_phasing(quarterly) is Phasing.CUSTOM
    assert weights_of(quarterly) == [1.0, 0.0, 0.0] * 4
    assert weights_of([0.0] * 12) == [1.0] * 12


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1200, max_value=10**9), weights12)
def test_the_weights_of_a_spread_give_its_months_back_within_a_few_cents(
    total_cents: int, weights: list[float]
) -> None:
    months = spread(total_cents / 100, weights)
    again = weighted(total_cents / 100, weights_of(months))
    assert sum(round(m * 100) for m in again) == total_cents
    # Weights to 3 decimals of the largest month M: each weight within 0.0005, their sum within
    # 12 × 0.0005, so each month comes back within 0.0005 M + 0.006 M (and the cent of rounding).
    largest = max(abs(m) for m in months)
    assert all(abs(a - m) <= 0.0065 * largest + 0.02 for a, m in zip(again, months, strict=True))
