"""Charts of the monthly check: waterfall budget → actual, cumulative result, cash by month.

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
from essdiag.i18n import MINUS, N_, Translator
from essdiag.periods import month_short

__all__ = ["cash_chart", "cumulative_chart", "waterfall_chart"]


def _shorter(label: str, width: int = 42) -> str:
    """An axis label cut to ``width`` characters (the table beside keeps it whole)."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def waterfall_chart(view: View, tr: Translator, *, title: str) -> go.Figure:
    """Waterfall from the budgeted to the actual result (:func:`essdiag.budget.views.waterfall_view`).

    Horizontal, so that every line's name reads whole on one line (cut at 42
    characters, whole in the hover and the table); amounts written beside
    each bar in the body's size, never clipped (the axis leaves them room); a
    legend below the axis says what the colours mean, and each amount
    carries its sign, so meaning never rests on colour. Drawn full width
    (its table below it), it reads on a laptop and on a projector.
    """
    frame = view.frame
    measure = ["absolute" if k == "total" else "relative" for k in frame["kind"]]
    text = [  # to the cent, as the figures and the table beside it (one format per value)
        tr.money(v) if k == "total" else ("+" if v >= 0 else MINUS) + tr.money(abs(v))
        for v, k in zip(frame["effect"], frame["kind"], strict=True)
    ]
    names = [str(x) for x in frame["step"]]
    shown = []
    for name in names:  # two names cut alike stay two bars
        short = _shorter(name)
        while short in shown:
            short += "\u200b"
        shown.append(short)
    # Where the bars run: the labels written outside them need room on both sides.
    running, low, high = 0.0, 0.0, 0.0
    for v, k in zip(frame["effect"], frame["kind"], strict=True):
        running = float(v) if k == "total" else running + float(v)
        low, high = min(low, running), max(high, running)
    pad = 0.28 * max(high - low, 1.0)
    # Every trace as plain data and one Figure built from them: plotly validates once
    # (``add_bar`` re-validates the figure each time).
    legend = [
        {"type": "bar", "x": [None], "y": [None], "name": tr(name), "orientation": "h",
         "marker": {"color": colour}}
        for name, colour in (
            (N_("Améliore le résultat"), FAVOURABLE),
            (N_("Dégrade le résultat"), UNFAVOURABLE),
            (N_("Résultat (budgété, puis réalisé)"), NEUTRAL),
        )
    ]  # fmt: skip
    steps = {
        "type": "waterfall",
        "orientation": "h",
        "y": shown,
        "x": [float(v) for v in frame["effect"]],
        "measure": measure,
        "text": text,
        "textposition": "outside",
        "textfont": {"size": 14},
        "cliponaxis": False,
        "customdata": names,
        "hovertemplate": "%{customdata}<br>%{text}<extra></extra>",
        "increasing": {"marker": {"color": FAVOURABLE}},
        "decreasing": {"marker": {"color": UNFAVOURABLE}},
        "totals": {"marker": {"color": NEUTRAL}},
        "connector": {"line": {"color": "#BDBDBD"}},
        "showlegend": False,
    }
    fig = go.Figure({"data": [steps, *legend]})
    apply_theme(
        fig,
        tr,
        title=title,
        height=max(420, 36 * len(frame) + 200),
        yaxis={"type": "category", "autorange": "reversed", "automargin": True},
    )
    fig.update_layout(
        font={"size": 15},
        title={"font": {"size": 17}, "y": 0.98, "yanchor": "top"},
        margin={"l": 20, "r": 30, "t": 60, "b": 90},
        # Below the axis: the legend never covers the title or the bars.
        legend={"orientation": "h", "yanchor": "top", "y": -0.06, "x": 0, "font": {"size": 14}},
    )
    fig.update_xaxes(
        automargin=True, range=[low - pad, high + pad], tickangle=0, tickfont={"size": 13}
    )
    fig.update_yaxes(tickfont={"size": 14})
    return money_axis(fig, tr, axis="x")


def cash_chart(view: View, tr: Translator, *, title: str) -> go.Figure:
    """Cash at the end of each month (:func:`essdiag.ledger.views.bank_view`): bars, in euros."""
    frame = view.frame
    months = [month_short(str(m), tr) for m in frame["month"]]
    fig = go.Figure()
    fig.add_bar(
        x=months,
        y=frame["balance"],
        name=view.label("balance", tr),
        marker_color=PALETTE[0],
        text=[tr.money(v, 0) for v in frame["balance"]],
        textposition="outside",
        hovertemplate="%{x}<br>%{text}<extra></extra>",
    )
    apply_theme(fig, tr, title=title, xaxis={"type": "category"}, showlegend=False)
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
