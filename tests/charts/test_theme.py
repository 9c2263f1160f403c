"""The shared look of the charts (``essdiag.charts.theme``): money ticks in the reader's language."""

from __future__ import annotations

import math
from itertools import pairwise

import plotly.graph_objects as go
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.charts.theme import apply_theme, money_axis, money_ticks
from essdiag.i18n import MINUS, Translator, translator

FR, EN = translator("fr"), translator("en")


def _bars(tr: Translator = FR) -> go.Figure:
    # A month of receipts above the axis and one of spending below it, stacked as the cash plan.
    fig = go.Figure()
    fig.add_bar(x=["janv.", "févr."], y=[33_205.0, 118_000.0], name="in")
    fig.add_bar(x=["janv.", "févr."], y=[-45_950.0, -41_000.0], name="out")
    fig.add_scatter(x=["janv.", "févr."], y=[91_968.0, 84_741.0], name="cash")
    apply_theme(fig, tr, title="", barmode="relative")
    return money_axis(fig, tr)


def test_english_money_ticks_put_the_sign_before_the_euro() -> None:
    ticks = _bars(EN).layout.yaxis.ticktext
    assert f"{MINUS}€25,000" in ticks and "€100,000" in ticks and "€0" in ticks
    assert not any(t.startswith(f"€{MINUS}") for t in ticks)  # Plotly's prefix wrote "€−25,000"


def test_french_money_ticks_read_as_the_tables() -> None:
    axis = _bars(FR).layout.yaxis
    assert f"{MINUS}25\u202f000\xa0€" in axis.ticktext and "100\u202f000\xa0€" in axis.ticktext
    assert axis.tickmode == "array" and len(axis.tickvals) == len(axis.ticktext)
    assert axis.ticksuffix == " €"  # still there for the hover labels between ticks


def test_ticks_span_every_bar_and_line() -> None:
    axis = _bars().layout.yaxis
    # stacked by sign: February's bars run from −41 000 to 118 000, January's down to −45 950
    assert min(axis.tickvals) <= -45_950 and max(axis.tickvals) >= 118_000
    steps = {b - a for a, b in pairwise(axis.tickvals)}
    assert steps == {25_000.0}


def test_a_share_axis_beside_money_keeps_its_own_ticks() -> None:
    fig = go.Figure()
    fig.add_bar(x=[2024, 2025], y=[900_000.0, 1_040_900.0])
    fig.add_scatter(x=[2024, 2025], y=[0.61, 0.58], yaxis="y2")
    fig.update_layout(yaxis2={"overlaying": "y", "tickformat": ".0%"})
    money_axis(apply_theme(fig, FR, title=""), FR)
    assert fig.layout.yaxis2.tickformat == ".0%" and fig.layout.yaxis2.ticktext is None
    assert max(fig.layout.yaxis.tickvals) >= 1_040_900


def test_a_horizontal_waterfall_with_its_range_gets_ticks_across_it() -> None:
    fig = go.Figure(go.Waterfall(orientation="h", y=["a", "b", "c"], x=[100.0, -40.0, 60.0]))
    fig.update_xaxes(range=[-20.0, 130.0])  # its bars run 0 → 100 → 60 → 120, with room
    money_axis(fig, EN, axis="x")
    # 150 € across: a step of 25 €
    assert fig.layout.xaxis.ticktext[1:8] == (
        f"{MINUS}€25",
        "€0",
        "€25",
        "€50",
        "€75",
        "€100",
        "€125",
    )
    assert fig.layout.yaxis.ticktext is None  # the categories' axis is left alone


def test_an_empty_chart_keeps_plotlys_own_ticks() -> None:
    fig = money_axis(go.Figure(), EN)
    assert fig.layout.yaxis.tickmode is None and fig.layout.yaxis.tickprefix == "€"


@settings(max_examples=300, deadline=None)
@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
)
def test_money_ticks_cover_the_extent_at_a_round_step(low: float, high: float) -> None:
    ticks = money_ticks(low, high)
    assert ticks[0] <= min(low, high) and ticks[-1] >= max(low, high)
    steps = {round(b - a, 6) for a, b in pairwise(ticks)}
    assert len(steps) == 1
    step = steps.pop()
    assert step >= 1
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
    assert round(mantissa, 6) in {1, 2, 2.5, 5}
    assert len(ticks) <= 12  # about six intervals, one more tick at each end
