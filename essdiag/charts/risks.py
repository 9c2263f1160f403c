"""Charts of the risk map: heat map with inherent → residual movement, categories, history.

Pure builders: each takes the tables of :mod:`essdiag.risks.views` and a
Translator, and returns a plotly figure. Colours of the bands come from the
matrix (Okabe & Ito by default) and every cell also carries its band's word,
so meaning never rests on colour alone; the page shows each chart's table
beside it.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from essdiag.charts.theme import PALETTE, apply_theme
from essdiag.i18n import Translator
from essdiag.risks.matrix import RiskMatrix
from essdiag.risks.model import CATEGORY_LABELS, RiskCategory

__all__ = ["category_chart", "heatmap_chart", "history_chart", "owner_chart"]


def heatmap_chart(
    matrix: RiskMatrix, cells: pd.DataFrame, moves: pd.DataFrame, tr: Translator, *, title: str = ""
) -> go.Figure:
    """The matrix as coloured cells (band word in each), risks placed at their residual
    level, with an arrow from their inherent level when it differs.

    ``cells`` comes from :func:`essdiag.risks.views.heatmap_cells`, ``moves`` from
    :func:`essdiag.risks.views.movements`.
    """
    n = matrix.size
    fig = go.Figure()
    ranks = {b.label: i for i, b in enumerate(matrix.bands)}
    k = len(matrix.bands)
    # Discrete colour scale: band i occupies [i/k, (i+1)/k].
    scale: list[list[float | str]] = []
    for i, band in enumerate(matrix.bands):
        scale.append([i / k, band.colour])
        scale.append([(i + 1) / k, band.colour])
    z = [[0.0] * n for _ in range(n)]
    text = [[""] * n for _ in range(n)]
    for row in cells.itertuples():
        z[int(row.likelihood) - 1][int(row.impact) - 1] = (ranks[str(row.band)] + 0.5) / k
        text[int(row.likelihood) - 1][int(row.impact) - 1] = tr(str(row.band))
    fig.add_trace(
        go.Heatmap(
            z=z,
            x=list(range(1, n + 1)),
            y=list(range(1, n + 1)),
            zmin=0,
            zmax=1,
            colorscale=scale,
            showscale=False,
            text=text,
            hovertemplate=tr("Probabilité")
            + " %{y} × "
            + tr("Gravité")
            + " %{x} : %{text}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    for row in cells.itertuples():
        fig.add_annotation(
            x=int(row.impact) - 0.46,
            y=int(row.likelihood) + 0.46,
            text=f"{tr(str(row.band))} · {int(row.score)}",
            showarrow=False,
            xanchor="left",
            yanchor="top",
            font={"size": 10, "color": "#000000"},
        )
    if not moves.empty:
        # Spread risks sharing a cell so their labels stay readable: two per line,
        # lines going down from under the band's word (up to 8 per cell).
        seen: dict[tuple[int, int], int] = {}
        xs: list[float] = []
        ys: list[float] = []
        labels: list[str] = []
        hx: list[str] = []
        for row in moves.itertuples():
            cell = (int(row.residual_likelihood), int(row.residual_impact))
            i = seen.get(cell, 0)
            seen[cell] = i + 1
            dx = -0.36 + 0.44 * (i % 2)
            dy = 0.14 - 0.19 * (i // 2 % 4)
            x, y = cell[1] + dx, cell[0] + dy
            xs.append(x)
            ys.append(y)
            labels.append(str(row.id))
            hx.append(f"{row.id} — {row.title}")
            if (row.inherent_likelihood, row.inherent_impact) != cell:
                fig.add_annotation(
                    x=x,
                    y=y,
                    ax=int(row.inherent_impact) + dx,
                    ay=int(row.inherent_likelihood) + dy,
                    xref="x",
                    yref="y",
                    axref="x",
                    ayref="y",
                    showarrow=True,
                    arrowhead=2,
                    arrowsize=1,
                    arrowwidth=1.2,
                    standoff=5,
                    arrowcolor="#333333",
                    opacity=0.75,
                    text="",
                )
                fig.add_trace(
                    go.Scatter(
                        x=[int(row.inherent_impact) + dx],
                        y=[int(row.inherent_likelihood) + dy],
                        mode="markers",
                        marker={"symbol": "circle-open", "size": 9, "color": "#333333"},
                        hovertext=[tr("{id} avant mesures", id=str(row.id))],
                        hoverinfo="text",
                        showlegend=False,
                    )
                )
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers+text",
                text=labels,
                textposition="middle right",
                textfont={"size": 10, "color": "#000000"},
                marker={"symbol": "circle", "size": 9, "color": "#000000"},
                hovertext=hx,
                hoverinfo="text",
                name=tr("Risque (position résiduelle)"),
                showlegend=True,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={"symbol": "circle-open", "size": 9, "color": "#333333"},
                name=tr("Position brute (avant mesures)"),
            )
        )
    apply_theme(fig, tr, title=title or tr("Carte des risques"), height=560)
    # The legend goes under the axis title, not over it.
    fig.update_layout(
        margin={"l": 60, "r": 20, "t": 60, "b": 110},
        legend={"orientation": "h", "yanchor": "top", "y": -0.16, "x": 0},
    )
    fig.update_xaxes(
        title=tr("Gravité"),
        tickvals=list(range(1, n + 1)),
        ticktext=[f"{i}. {tr(level.label)}" for i, level in enumerate(matrix.impact, start=1)],
        range=[0.5, n + 0.5],
        showgrid=False,
        zeroline=False,
    )
    fig.update_yaxes(
        title=tr("Probabilité"),
        tickvals=list(range(1, n + 1)),
        ticktext=[f"{i}. {tr(level.label)}" for i, level in enumerate(matrix.likelihood, start=1)],
        range=[0.5, n + 0.5],
        showgrid=False,
        zeroline=False,
    )
    return fig


def category_chart(table: pd.DataFrame, tr: Translator) -> go.Figure:
    """Number of active risks per category, with the highest net score as text.

    ``table`` comes from :func:`essdiag.risks.views.by_category`.
    """
    names = [tr(CATEGORY_LABELS[RiskCategory(c)]) for c in table["category"]]
    fig = go.Figure(
        go.Bar(
            y=names,
            x=list(table["count"]),
            orientation="h",
            marker={"color": PALETTE[0]},
            text=[
                tr("max {score}", score=int(s)) if int(c) else ""
                for c, s in zip(table["count"], table["max_net"], strict=True)
            ],
            textposition="outside",
            hovertemplate="%{y} : %{x}<extra></extra>",
        )
    )
    apply_theme(fig, tr, title=tr("Risques par catégorie"), height=380)
    top = max([int(c) for c in table["count"]] or [1])
    fig.update_xaxes(title=tr("Nombre de risques"), dtick=1, range=[0, top * 1.3 + 0.5])
    fig.update_yaxes(autorange="reversed")
    return fig


def owner_chart(table: pd.DataFrame, tr: Translator) -> go.Figure:
    """Number of active risks per owner (``views.by_owner``)."""
    fig = go.Figure(
        go.Bar(
            y=[str(o) for o in table["owner"]],
            x=list(table["count"]),
            orientation="h",
            marker={"color": PALETTE[5]},
            text=[tr("max {score}", score=int(s)) for s in table["max_net"]],
            textposition="outside",
            hovertemplate="%{y} : %{x}<extra></extra>",
        )
    )
    # Height follows the number of owners, so one owner does not make one giant bar.
    height = max(220, 130 + 32 * len(table))
    apply_theme(fig, tr, title=tr("Risques par responsable"), height=height)
    top = max([int(c) for c in table["count"]] or [1])
    fig.update_xaxes(title=tr("Nombre de risques"), dtick=1, range=[0, top * 1.3 + 0.5])
    fig.update_yaxes(autorange="reversed")
    return fig


def history_chart(history: pd.DataFrame, tr: Translator) -> go.Figure:
    """Net score of each risk revision after revision (``views.score_history``)."""
    fig = go.Figure()
    symbols = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross", "hexagon")
    for i, (risk_id, part) in enumerate(history.groupby("id", sort=True)):
        fig.add_trace(
            go.Scatter(
                x=list(part["revision"]),
                y=list(part["net"]),
                mode="lines+markers",
                name=str(risk_id),
                marker={"symbol": symbols[i % len(symbols)], "size": 8},
                line={"color": PALETTE[i % len(PALETTE)]},
                hovertemplate=str(risk_id) + " — v%{x} : %{y}<extra></extra>",
            )
        )
    apply_theme(fig, tr, title=tr("Évolution du score retenu"), height=420)
    # The legend goes under the axis title, not over it.
    fig.update_layout(
        margin={"l": 60, "r": 20, "t": 60, "b": 110},
        legend={"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0},
    )
    fig.update_xaxes(title=tr("Version du dossier"), dtick=1, tickformat="d")
    fig.update_yaxes(title=tr("Score retenu"), rangemode="tozero")
    return fig
