"""Charts of the treasury screen: the cash plan, the fan chart, the probability of a gap.

Pure builders over the views of :mod:`essdiag.treasury.views` and
:func:`essdiag.treasury.stress.compare_scenarios` (the tables the screen shows
beside each chart); the house theme, blue/vermillion for
favourable/unfavourable and dashes so that colour never carries meaning alone.
"""

from __future__ import annotations

import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, PALETTE, UNFAVOURABLE, apply_theme, money_axis
from essdiag.figures import View
from essdiag.i18n import Translator

__all__ = ["fan_chart", "month_axis", "plan_chart", "probability_chart", "scenarios_chart"]


def month_axis(fig: go.Figure) -> go.Figure:
    """A month axis written ``MM/AAAA``, the same in every language.

    Plotly names months in English (``Jan 2026``); numeric months avoid English
    on a French screen.

    Example:
        >>> month_axis(go.Figure()).layout.xaxis.tickformat
        '%m/%Y'
    """
    return fig.update_xaxes(type="date", tickformat="%m/%Y", hoverformat="%m/%Y")


LEGEND_BELOW = {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0}
"""A legend under the axis that grows downwards (long names wrap without covering the ticks)."""


def plan_chart(view: View, tr: Translator, *, minimum_cash: float = 0.0) -> go.Figure:
    """Inflows and outflows as bars, closing and available cash as lines, the minimum dashed."""
    plan = view.frame
    fig = go.Figure()
    fig.add_bar(
        x=plan["month"],
        y=plan["inflows"],
        name=view.label("inflows", tr),
        marker_color=PALETTE[5],
    )
    fig.add_bar(
        x=plan["month"],
        y=-plan["outflows"],
        name=view.label("outflows", tr),
        marker_color=PALETTE[1],
        marker_pattern_shape="/",
    )
    fig.add_scatter(
        x=plan["month"],
        y=plan["closing"],
        name=tr("Trésorerie de fin de mois"),
        mode="lines+markers",
        line={"color": FAVOURABLE, "width": 3},
    )
    fig.add_scatter(
        x=plan["month"],
        y=plan["available"],
        name=tr("Trésorerie disponible (hors fonds dédiés)"),
        mode="lines",
        line={"color": PALETTE[7], "dash": "dot"},
    )
    if minimum_cash:
        fig.add_hline(
            y=minimum_cash,
            line_color=UNFAVOURABLE,
            line_dash="dash",
            annotation_text=tr("Seuil minimal"),
        )
    apply_theme(fig, tr, title=tr("Plan de trésorerie mensuel"), barmode="relative", height=520)
    fig.update_layout(legend=LEGEND_BELOW, margin={"b": 130})
    return money_axis(month_axis(fig), tr)


def fan_chart(view: View, tr: Translator) -> go.Figure:
    """Quantile bands (5–95 %, 25–75 %) of closing cash and the median, month by month."""
    table = view.frame
    x = list(table["month"])
    fig = go.Figure()
    for low, high, opacity, name in (
        ("q05", "q95", 0.18, tr("90 % des scénarios")),
        ("q25", "q75", 0.35, tr("50 % des scénarios")),
    ):
        fig.add_scatter(
            x=x, y=table[high], mode="lines", line={"width": 0}, showlegend=False, hoverinfo="skip"
        )
        fig.add_scatter(
            x=x,
            y=table[low],
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor=f"rgba(0,114,178,{opacity})",
            name=name,
        )
    fig.add_scatter(
        x=x, y=table["q50"], name=view.label("q50", tr), line={"color": FAVOURABLE, "width": 3}
    )
    fig.add_hline(y=0, line_color=UNFAVOURABLE, line_dash="dash")
    apply_theme(
        fig, tr, title=tr("Éventail de la trésorerie de fin de mois (Monte Carlo)"), height=440
    )
    return money_axis(month_axis(fig), tr)


def probability_chart(view: View, tr: Translator) -> go.Figure:
    """Bars of the probability of negative cash per month."""
    table = view.frame
    fig = go.Figure(
        go.Bar(
            x=table["month"],
            y=table["prob_negative"],
            marker_color=UNFAVOURABLE,
            text=[tr.percent(p, 0) if p >= 0.005 else "" for p in table["prob_negative"]],
            textposition="outside",
        )
    )
    apply_theme(fig, tr, title=tr("Probabilité d'une trésorerie négative, mois par mois"))
    top = float(table["prob_negative"].max()) if len(table) else 0.0
    fig.update_yaxes(tickformat=".0%", range=[0, min(1.0, max(0.1, top * 1.2))])
    return month_axis(fig)


def scenarios_chart(view: View, tr: Translator) -> go.Figure:
    """Closing cash of several scenarios on one chart (distinct dashes).

    ``view`` has one row per scenario and month (``scenario``, ``month``, ``closing``).
    """
    fig = go.Figure()
    dashes = ("solid", "dash", "dot", "dashdot", "longdash")
    groups = view.frame.groupby("scenario", sort=False)
    for i, (name, plan) in enumerate(groups):
        fig.add_scatter(
            x=plan["month"],
            y=plan["closing"],
            name=str(name),
            line={"color": PALETTE[i % len(PALETTE)], "dash": dashes[i % len(dashes)]},
        )
    fig.add_hline(y=0, line_color=NEUTRAL)
    apply_theme(fig, tr, title=tr(view.title), height=480)
    fig.update_layout(legend=LEGEND_BELOW, margin={"b": 130})
    return money_axis(month_axis(fig), tr)
