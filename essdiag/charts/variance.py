"""Charts of the variance screen: waterfall budget → actual, cumulative budget / actual / landing.

Pure builders over the views of :mod:`essdiag.budget.views` (the same view is
the chart's table beside it): they read ``view.frame`` by key and take legend
names from the view's columns. Favourable and unfavourable steps use blue and
vermillion (Okabe–Ito), and each bar is also labelled "+" or "−" with its
amount: meaning never rests on colour alone.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, PALETTE, UNFAVOURABLE, apply_theme, money_axis
from essdiag.figures import View
from essdiag.i18n import MINUS, Translator
from essdiag.periods import month_short

__all__ = ["cumulative_chart", "waterfall_chart"]


def waterfall_chart(view: View, tr: Translator, *, title: str) -> go.Figure:
    """Waterfall from the budgeted to the actual result (:func:`essdiag.budget.views.waterfall_view`)."""
    frame = view.frame
    measure = ["absolute" if k == "total" else "relative" for k in frame["kind"]]
    text = [
        tr.money(v, 0) if k == "total" else ("+" if v >= 0 else MINUS) + tr.money(abs(v), 0)
        for v, k in zip(frame["effect"], frame["kind"], strict=True)
    ]
    fig = go.Figure(
        go.Waterfall(
            x=list(frame["step"]),
            y=list(frame["effect"]),
            measure=measure,
            text=text,
            textposition="outside",
            increasing={"marker": {"color": FAVOURABLE}},
            decreasing={"marker": {"color": UNFAVOURABLE}},
            totals={"marker": {"color": NEUTRAL}},
            connector={"line": {"color": "#BDBDBD"}},
            name=view.label("effect", tr),
        )
    )
    apply_theme(fig, tr, title=title, showlegend=False, xaxis={"type": "category"})
    return money_axis(fig, tr)


def cumulative_chart(view: View, tr: Translator, *, title: str) -> go.Figure:
    """Cumulative result by month (:func:`essdiag.budget.views.cumulative_view`).

    Budget dashed, actual solid, landing (actual + remaining budget) dotted.
    """
    frame = view.frame
    months = [month_short(str(m), tr) for m in frame["month"]]
    fig = go.Figure()
    fig.add_scatter(
        x=months,
        y=frame["budget"],
        name=view.label("budget", tr),
        mode="lines+markers",
        line={"color": PALETTE[7], "dash": "dash"},
        marker={"symbol": "square"},
    )
    actual = [None if (isinstance(v, float) and math.isnan(v)) else v for v in frame["actual"]]
    fig.add_scatter(
        x=months,
        y=actual,
        name=view.label("actual", tr),
        mode="lines+markers",
        line={"color": PALETTE[0], "width": 3},
        marker={"symbol": "circle"},
    )
    fig.add_scatter(
        x=months,
        y=frame["landing"],
        name=view.label("landing", tr),
        mode="lines+markers",
        line={"color": PALETTE[1], "dash": "dot"},
        marker={"symbol": "diamond"},
    )
    apply_theme(fig, tr, title=title, xaxis={"type": "category", "tickangle": -45})
    # Rotated month labels need room: the legend goes below them.
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.3, "x": 0},
        margin={"l": 60, "r": 20, "t": 60, "b": 130},
    )
    return money_axis(fig, tr)
