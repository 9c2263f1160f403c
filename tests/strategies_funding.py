"""Hypothesis strategies for the funding and treasury tests."""

from __future__ import annotations

from hypothesis import strategies as st

amounts = st.floats(0, 5_000_000, allow_nan=False, allow_infinity=False)
months_count = st.integers(1, 36)


@st.composite
def monthly_series(draw: st.DrawFn, n: int, *, k_max: int = 4) -> dict[str, list[float]]:
    """A few named non-negative monthly series of length ``n``."""
    k = draw(st.integers(0, k_max))
    return {f"s{i}": draw(st.lists(amounts, min_size=n, max_size=n)) for i in range(k)}


@st.composite
def trial_balances(draw: st.DrawFn) -> list[tuple[str, int]]:
    """Balanced trial balances over classes 1–7: (account, debit − credit in cents), Σ = 0."""
    prefixes = [
        "101", "106", "110", "119", "120", "131", "151", "164", "168", "19",
        "205", "213", "218", "275", "2813", "2818", "31", "39", "401", "411", "421",
        "431", "441", "445", "486", "491", "512", "519", "530", "606", "641", "681",
        "686", "689", "706", "741", "754", "781", "789", "775", "675", "777",
    ]  # fmt: skip
    lines = draw(
        st.lists(
            st.tuples(st.sampled_from(prefixes), st.integers(-(10**9), 10**9)),
            min_size=1,
            max_size=30,
        )
    )
    total = sum(v for _, v in lines)
    return [*lines, ("512000", -total)]
