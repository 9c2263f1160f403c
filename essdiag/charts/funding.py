"""Charts of the funding screen: mix by family and by funder, trend, a funder's stress.

Pure builders: each takes the :class:`~essdiag.figures.View` the screen shows
beside it (:mod:`essdiag.funding.views`, :func:`essdiag.treasury.stress.stress_view`)
and the session's translator, reads the view's frame by key, names its series
from the view's columns, and returns a plotly figure with the house theme.
"""

from __future__ import annotations

import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, PALETTE, UNFAVOURABLE, apply_theme, money_axis
from essdiag.charts.treasury import LEGEND_BELOW, READABLE, month_axis
from essdiag.figures import View
from essdiag.i18n import Translator

__all__ = ["family_chart", "funder_chart", "stress_chart", "trend_chart"]


def family_chart(view: View, tr: Translator, *, year: int) -> go.Figure:
    """Horizontal bars of amounts by family, labelled with their share (not colour alone)."""
    table = view.frame
    labels = [tr(f.label) for f in table["family"]]
    fig = go.Figure(
        go.Bar(
            x=table["amount"],
            y=labels,
            orientation="h",
            marker_color=[PALETTE[i % len(PALETTE)] for i in range(len(labels))],
            text=[tr.percent(s) for s in table["share"]],
            textposition="outside",
            textangle=0,
            cliponaxis=False,
        )
    )
    apply_theme(fig, tr, title=tr("Ressources de fonctionnement {year} par famille", year=year))
    fig.update_layout(**READABLE, margin={"r": 80}, showlegend=False)
    fig.update_yaxes(autorange="reversed")
    return money_axis(fig, tr, axis="x")


def funder_chart(view: View, tr: Translator, *, year: int, top: int = 12) -> go.Figure:
    """Horizontal bars of the largest funders with their share."""
    head = view.frame.head(top)
    fig = go.Figure(
        go.Bar(
            x=head["amount"],
            y=head["funder"],
            orientation="h",
            marker_color=PALETTE[0],
            text=[tr.percent(s) for s in head["share"]],
            textposition="outside",
            textangle=0,
            cliponaxis=False,
        )
    )
    apply_theme(
        fig, tr, title=tr("Principaux financeurs {year}", year=year), height=120 + 38 * len(head)
    )
    fig.update_layout(**READABLE, margin={"r": 80}, showlegend=False)
    fig.update_yaxes(autorange="reversed")
    return money_axis(fig, tr, axis="x")


def trend_chart(view: View, tr: Translator) -> go.Figure:
    """Stacked bars of income by family over the years, with the public share as a line."""
    table = view.frame
    years = [str(y) for y in table["year"]]
    fig = go.Figure()
    for i, key in enumerate(("public", "private", "own_activity")):
        fig.add_bar(
            x=years,
            y=table[key],
            name=view.label(key, tr),
            marker_color=PALETTE[i],
            marker_pattern_shape=("", "/", ".")[i],
        )
    fig.add_scatter(
        x=years,
        y=table["public_share"],
        name=view.label("public_share", tr),
        mode="lines+markers",
        yaxis="y2",
        line={"color": PALETTE[7], "dash": "dot"},
    )
    apply_theme(
        fig,
        tr,
        title=tr("Évolution des ressources par famille"),
        barmode="stack",
    )
    money_axis(fig, tr)
    fig.update_xaxes(type="category")
    # The share axis (y2) has its own ticks, written as the reader writes a percentage.
    ticks = [0, 0.25, 0.5, 0.75, 1]
    fig.update_layout(
        **READABLE,
        legend=LEGEND_BELOW,
        margin={"b": 110},
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "range": [0, 1],
            "tickmode": "array",
            "tickvals": ticks,
            "ticktext": [tr.percent(t, 0) for t in ticks],
            "tickformat": ".0%",  # hover and export; the ticks read as the reader writes them
            "ticksuffix": "",
            "tickprefix": "",
            "showgrid": False,
        },
    )
    return fig


def stress_chart(view: View, tr: Translator) -> go.Figure:
    """Closing cash before and after a stress, month by month."""
    table = view.frame
    fig = go.Figure()
    fig.add_scatter(
        x=table["month"],
        y=table["base"],
        name=view.label("base", tr),
        line={"color": FAVOURABLE},
    )
    fig.add_scatter(
        x=table["month"],
        y=table["stressed"],
        name=view.label("stressed", tr),
        line={"color": UNFAVOURABLE, "dash": "dash"},
    )
    fig.add_hline(y=0, line_color=NEUTRAL)
    apply_theme(fig, tr, title=tr(view.title), height=460)
    fig.update_layout(**READABLE, legend=LEGEND_BELOW, margin={"b": 110})
    return money_axis(month_axis(fig, tr, [str(m) for m in table["month"]]), tr)
