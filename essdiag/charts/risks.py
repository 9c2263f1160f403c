"""Charts of the risk map: heat map with inherent → residual movement, categories, history.

Pure builders: each takes views of :mod:`essdiag.risks.views` (or
:mod:`essdiag.risks.follow`) and a Translator, reads the view's frame by key,
takes its axis titles from the view's columns, and returns a plotly figure;
the screen shows the same view beside the chart. Colours of the bands come
from the matrix (Okabe & Ito by default) and every cell also carries its
band's word, so meaning never rests on colour alone.

The heat map is built in one pass: its annotations (one per cell, one arrow
per moved risk) are set on the layout at once and its markers are three
traces whatever the number of risks, because plotly validates again every
annotation already on a figure each time one is added (500 risks took 15 s).
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from essdiag.charts.theme import PALETTE, apply_theme
from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.risks.section import RiskCategory, RiskMatrix

__all__ = ["category_chart", "heatmap_chart", "history_chart", "owner_chart"]

_INK = "#000000"
_BEFORE = "#333333"
_OPEN_MARKER = {"symbol": "circle-open", "size": 9, "color": _BEFORE}


def _colour_scale(matrix: RiskMatrix) -> list[list[float | str]]:
    """A discrete colour scale: band i occupies [i/k, (i+1)/k]."""
    k = len(matrix.bands)
    scale: list[list[float | str]] = []
    for i, band in enumerate(matrix.bands):
        scale.append([i / k, band.colour])
        scale.append([(i + 1) / k, band.colour])
    return scale


def _cells_trace(matrix: RiskMatrix, cells: View, tr: Translator) -> go.Heatmap:
    """The matrix as coloured cells, each with its band's word on hover."""
    n = matrix.size
    ranks = {b.label: i for i, b in enumerate(matrix.bands)}
    k = len(matrix.bands)
    z = [[0.0] * n for _ in range(n)]
    text = [[""] * n for _ in range(n)]
    frame = cells.frame
    for likelihood, impact, band in zip(
        frame["likelihood"], frame["impact"], frame["band"], strict=True
    ):
        z[int(likelihood) - 1][int(impact) - 1] = (ranks[str(band)] + 0.5) / k
        text[int(likelihood) - 1][int(impact) - 1] = tr(str(band))
    return go.Heatmap(
        z=z,
        x=list(range(1, n + 1)),
        y=list(range(1, n + 1)),
        zmin=0,
        zmax=1,
        colorscale=_colour_scale(matrix),
        showscale=False,
        text=text,
        hovertemplate=cells.label("likelihood", tr)
        + " %{y} × "
        + cells.label("impact", tr)
        + " %{x} : %{text}<extra></extra>",
        xgap=2,
        ygap=2,
    )


def _cell_words(cells: View, tr: Translator) -> list[dict[str, Any]]:
    """Each cell's band word and score, written in its top left corner."""
    frame = cells.frame
    return [
        {
            "x": int(impact) - 0.46,
            "y": int(likelihood) + 0.46,
            "text": f"{tr(str(band))} · {int(value)}",
            "showarrow": False,
            "xanchor": "left",
            "yanchor": "top",
            "font": {"size": 10, "color": _INK},
        }
        for likelihood, impact, band, value in zip(
            frame["likelihood"], frame["impact"], frame["band"], frame["score"], strict=True
        )
    ]


def _arrow(x: float, y: float, ax: float, ay: float) -> dict[str, Any]:
    """An arrow from a risk's inherent position (ax, ay) to its residual one (x, y)."""
    return {
        "x": x,
        "y": y,
        "ax": ax,
        "ay": ay,
        "xref": "x",
        "yref": "y",
        "axref": "x",
        "ayref": "y",
        "showarrow": True,
        "arrowhead": 2,
        "arrowsize": 1,
        "arrowwidth": 1.2,
        "standoff": 5,
        "arrowcolor": _BEFORE,
        "opacity": 0.75,
        "text": "",
    }


def _risk_layers(moves: View, tr: Translator) -> tuple[list[go.Scatter], list[dict[str, Any]]]:
    """The risks' markers (at most three traces) and the arrows of those that moved.

    Risks sharing a cell are spread so their labels stay readable: two per
    line, lines going down from under the band's word (up to 8 per cell).
    """
    seen: dict[tuple[int, int], int] = {}
    now: dict[str, list[Any]] = {"x": [], "y": [], "text": [], "hover": []}
    before: dict[str, list[Any]] = {"x": [], "y": [], "hover": []}
    arrows: list[dict[str, Any]] = []
    frame = moves.frame
    for rid, title, il, ii, rl, ri in zip(
        frame["id"],
        frame["title"],
        frame["inherent_likelihood"],
        frame["inherent_impact"],
        frame["residual_likelihood"],
        frame["residual_impact"],
        strict=True,
    ):
        cell = (int(rl), int(ri))
        i = seen.get(cell, 0)
        seen[cell] = i + 1
        dx = -0.36 + 0.44 * (i % 2)
        dy = 0.14 - 0.19 * (i // 2 % 4)
        x, y = cell[1] + dx, cell[0] + dy
        now["x"].append(x)
        now["y"].append(y)
        now["text"].append(str(rid))
        now["hover"].append(f"{rid} — {title}")
        if (int(il), int(ii)) != cell:
            ax, ay = int(ii) + dx, int(il) + dy
            arrows.append(_arrow(x, y, ax, ay))
            before["x"].append(ax)
            before["y"].append(ay)
            before["hover"].append(tr("{id} avant mesures", id=str(rid)))
    traces = []
    if before["x"]:
        traces.append(
            go.Scatter(
                x=before["x"],
                y=before["y"],
                mode="markers",
                marker=_OPEN_MARKER,
                hovertext=before["hover"],
                hoverinfo="text",
                showlegend=False,
            )
        )
    traces.append(
        go.Scatter(
            x=now["x"],
            y=now["y"],
            mode="markers+text",
            text=now["text"],
            textposition="middle right",
            textfont={"size": 10, "color": _INK},
            marker={"symbol": "circle", "size": 9, "color": _INK},
            hovertext=now["hover"],
            hoverinfo="text",
            name=tr("Risque (position résiduelle)"),
            showlegend=True,
        )
    )
    traces.append(  # the legend's entry for the inherent positions
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            marker=_OPEN_MARKER,
            name=tr("Position brute (avant mesures)"),
        )
    )
    return traces, arrows


def heatmap_chart(
    matrix: RiskMatrix, cells: View, moves: View, tr: Translator, *, title: str = ""
) -> go.Figure:
    """The matrix as coloured cells (band word in each), risks placed at their residual
    level, with an arrow from their inherent level when it differs.

    ``cells`` is :func:`essdiag.risks.views.heatmap_view`, ``moves``
    :func:`essdiag.risks.views.movements_view` (the table shown beside the map).
    """
    n = matrix.size
    traces: list[Any] = [_cells_trace(matrix, cells, tr)]
    annotations = _cell_words(cells, tr)
    if not moves.empty:
        markers, arrows = _risk_layers(moves, tr)
        traces += markers
        annotations += arrows
    fig = go.Figure(data=traces)
    apply_theme(fig, tr, title=title or tr("Carte des risques"), height=560)
    # The legend goes under the axis title, not over it; annotations are set once.
    fig.update_layout(
        margin={"l": 60, "r": 20, "t": 60, "b": 110},
        legend={"orientation": "h", "yanchor": "top", "y": -0.16, "x": 0},
        annotations=annotations,
    )
    fig.update_xaxes(
        title=cells.label("impact", tr),
        tickvals=list(range(1, n + 1)),
        ticktext=[f"{i}. {tr(level.label)}" for i, level in enumerate(matrix.impact, start=1)],
        range=[0.5, n + 0.5],
        showgrid=False,
        zeroline=False,
    )
    fig.update_yaxes(
        title=cells.label("likelihood", tr),
        tickvals=list(range(1, n + 1)),
        ticktext=[f"{i}. {tr(level.label)}" for i, level in enumerate(matrix.likelihood, start=1)],
        range=[0.5, n + 0.5],
        showgrid=False,
        zeroline=False,
    )
    return fig


def category_chart(view: View, tr: Translator) -> go.Figure:
    """Number of active risks per category, with the highest net score as text.

    ``view`` is :func:`essdiag.risks.views.category_view`.
    """
    table = view.frame
    names = [tr(RiskCategory(c).label) for c in table["category"]]
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
    apply_theme(fig, tr, title=tr(view.title), height=380)
    top = max([int(c) for c in table["count"]] or [1])
    fig.update_xaxes(title=view.label("count", tr), dtick=1, range=[0, top * 1.3 + 0.5])
    fig.update_yaxes(autorange="reversed")
    return fig


def owner_chart(view: View, tr: Translator) -> go.Figure:
    """Number of active risks per owner (:func:`essdiag.risks.views.owner_view`)."""
    table = view.frame
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
    apply_theme(fig, tr, title=tr(view.title), height=height)
    top = max([int(c) for c in table["count"]] or [1])
    fig.update_xaxes(title=view.label("count", tr), dtick=1, range=[0, top * 1.3 + 0.5])
    fig.update_yaxes(autorange="reversed")
    return fig


def history_chart(view: View, tr: Translator) -> go.Figure:
    """Net score of each risk revision after revision (:func:`essdiag.risks.follow.score_history_view`)."""
    fig = go.Figure()
    symbols = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross", "hexagon")
    for i, (risk_id, part) in enumerate(view.frame.groupby("id", sort=True)):
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
    fig.update_xaxes(title=view.label("revision", tr), dtick=1, tickformat="d")
    fig.update_yaxes(title=view.label("net", tr), rangemode="tozero")
    return fig
