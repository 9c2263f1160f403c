"""Charts of the financial health and investments screen: a financing plan, a loan's schedule.

Pure builders over the views of :mod:`essdiag.finance` (the table the screen
shows beside each chart) and the session's translator, with the house theme.
"""

from __future__ import annotations

import plotly.graph_objects as go

from essdiag.charts.theme import PALETTE, apply_theme, money_axis
from essdiag.charts.treasury import LEGEND_BELOW, READABLE, month_axis
from essdiag.figures import View
from essdiag.i18n import Translator

__all__ = ["loan_chart", "plan_chart"]


def plan_chart(view: View, tr: Translator) -> go.Figure:
    """Two stacked bars: needs and resources of a financing plan, by heading."""
    fig = go.Figure()
    table = view.frame
    for i, (_category, group) in enumerate(table.groupby("category", sort=False)):
        fig.add_bar(
            x=[tr(s) for s in group["side_name"]],
            y=group["amount"],
            name=tr(str(group["heading"].iloc[0])),
            marker_color=PALETTE[i % len(PALETTE)],
        )
    apply_theme(fig, tr, title=tr("Plan de financement : besoins et ressources"), barmode="stack")
    fig.update_layout(**READABLE, legend={**LEGEND_BELOW, "y": -0.12})
    return money_axis(fig, tr)


def loan_chart(view: View, tr: Translator) -> go.Figure:
    """Stacked principal and interest per due date, with the outstanding capital."""
    schedule = view.frame
    fig = go.Figure()
    fig.add_bar(
        x=schedule["due"],
        y=schedule["principal"],
        name=view.label("principal", tr),
        marker_color=PALETTE[0],
    )
    fig.add_bar(
        x=schedule["due"],
        y=schedule["interest"],
        name=view.label("interest", tr),
        marker_color=PALETTE[1],
        marker_pattern_shape="/",
    )
    fig.add_scatter(
        x=schedule["due"],
        y=schedule["closing"],
        name=tr("Capital restant dû"),
        yaxis="y2",
        line={"color": PALETTE[7]},
    )
    apply_theme(
        fig,
        tr,
        title=tr(view.title),
        barmode="stack",
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
            "tickmode": "auto",
            "tickformat": ",.0f",
            "ticksuffix": " €" if tr.lang == "fr" else "",
            "tickprefix": "" if tr.lang == "fr" else "€",
        },
    )
    fig.update_layout(**READABLE, legend=LEGEND_BELOW, margin={"b": 110})
    return money_axis(month_axis(fig, tr, [str(d) for d in schedule["due"]]), tr)
