"""Charts of the funding screen: mix by family and by funder, trend, financing plan, loan.

Pure builders: each takes plain tables (from :mod:`essdiag.funding.mix`,
:mod:`essdiag.finance`) and the session's translator, and returns a plotly
figure with the house theme. Every chart has a table beside it on the page.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, PALETTE, UNFAVOURABLE, apply_theme, money_axis
from essdiag.charts.treasury import month_axis
from essdiag.funding.section import FAMILY_LABELS, FundingFamily
from essdiag.i18n import Translator

__all__ = [
    "family_chart",
    "funder_chart",
    "loan_chart",
    "plan_chart",
    "stress_chart",
    "trend_chart",
]


def family_chart(table: pd.DataFrame, tr: Translator, *, year: int) -> go.Figure:
    """Horizontal bars of amounts by family, labelled with their share (not colour alone)."""
    labels = [tr(FAMILY_LABELS[FundingFamily(k)]) for k in table["key"]]
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
    fig.update_layout(margin={"r": 70})
    fig.update_yaxes(autorange="reversed")
    return money_axis(fig, tr, axis="x")


def funder_chart(table: pd.DataFrame, tr: Translator, *, year: int, top: int = 12) -> go.Figure:
    """Horizontal bars of the largest funders with their share."""
    head = table.head(top)
    fig = go.Figure(
        go.Bar(
            x=head["amount"],
            y=head["key"],
            orientation="h",
            marker_color=PALETTE[0],
            text=[tr.percent(s) for s in head["share"]],
            textposition="outside",
            textangle=0,
            cliponaxis=False,
        )
    )
    apply_theme(fig, tr, title=tr("Principaux financeurs {year}", year=year), height=420)
    fig.update_layout(margin={"r": 70})
    fig.update_yaxes(autorange="reversed")
    return money_axis(fig, tr, axis="x")


def trend_chart(table: pd.DataFrame, tr: Translator) -> go.Figure:
    """Stacked bars of income by family over the years, with the public share as a line."""
    fig = go.Figure()
    for i, family in enumerate(
        (FundingFamily.PUBLIC, FundingFamily.PRIVATE, FundingFamily.OWN_ACTIVITY)
    ):
        fig.add_bar(
            x=[str(y) for y in table["year"]],
            y=table[family.value],
            name=tr(FAMILY_LABELS[family]),
            marker_color=PALETTE[i],
            marker_pattern_shape=("", "/", ".")[i],
        )
    fig.add_scatter(
        x=[str(y) for y in table["year"]],
        y=table["public_share"],
        name=tr("Dépendance publique"),
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
    # money_axis formats every y axis: the share axis gets its own format afterwards.
    fig.update_layout(
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "tickformat": ".0%",
            "ticksuffix": "",
            "tickprefix": "",
            "range": [0, 1],
            "tickmode": "array",
            "tickvals": [0, 0.25, 0.5, 0.75, 1],
            "showgrid": False,
        }
    )
    return fig


def stress_chart(base: pd.DataFrame, stressed: pd.DataFrame, tr: Translator) -> go.Figure:
    """Closing cash before and after a stress, month by month."""
    fig = go.Figure()
    fig.add_scatter(
        x=base["month"], y=base["closing"], name=tr("Plan de base"), line={"color": FAVOURABLE}
    )
    fig.add_scatter(
        x=stressed["month"],
        y=stressed["closing"],
        name=tr("Avec le choc"),
        line={"color": UNFAVOURABLE, "dash": "dash"},
    )
    fig.add_hline(y=0, line_color=NEUTRAL)
    apply_theme(fig, tr, title=tr("Trésorerie de fin de mois avant et après le choc"))
    return money_axis(month_axis(fig), tr)


def plan_chart(table: pd.DataFrame, tr: Translator, labels: dict[str, str]) -> go.Figure:
    """Two stacked bars: needs and resources of a financing plan, by heading."""
    fig = go.Figure()
    sides = {"needs": tr("Besoins"), "resources": tr("Ressources")}
    for i, (category, group) in enumerate(table.groupby("category", sort=False)):
        fig.add_bar(
            x=[sides[s] for s in group["side"]],
            y=group["amount"],
            name=tr(labels.get(str(category), str(category))),
            marker_color=PALETTE[i % len(PALETTE)],
        )
    apply_theme(fig, tr, title=tr("Plan de financement : besoins et ressources"), barmode="stack")
    fig.update_layout(legend={"orientation": "v", "x": 1.02, "y": 1, "yanchor": "top"})
    return money_axis(fig, tr)


def loan_chart(schedule: pd.DataFrame, tr: Translator, *, title: str) -> go.Figure:
    """Stacked principal and interest per due date, with the outstanding capital."""
    fig = go.Figure()
    fig.add_bar(
        x=schedule["due"],
        y=schedule["principal"],
        name=tr("Capital remboursé"),
        marker_color=PALETTE[0],
    )
    fig.add_bar(
        x=schedule["due"],
        y=schedule["interest"],
        name=tr("Intérêts"),
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
        title=title,
        barmode="stack",
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
            "tickmode": "auto",
        },
    )
    return money_axis(month_axis(fig), tr)
