"""Charts of the risk map: heat map with inherent → residual movement, categories, history.

Pure builders: each takes views of :mod:`essdiag.risks.views` (or
:mod:`essdiag.risks.follow`) and a Translator, reads the view's frame by key,
takes its axis titles from the view's columns, and returns a plotly figure;
the screen shows the same view beside the chart. Colours of the bands come
from the matrix (Okabe & Ito by default) and every cell also carries its
band's word, so meaning never rests on colour alone.

The heat map is built in one pass: the cells' words are one text trace, the
arrows (one per moved risk) are set on the layout at once and the markers are
three traces whatever the number of risks, because plotly validates again
every annotation already on a figure each time one is added (500 risks took
15 s). Each figure is built with its whole layout, the house theme included
(:func:`_figure`), instead of updated afterwards.

Legibility (a trainer shows the map on a projector): cell words 14 px, risk
identifiers 13 px, axis levels 14 px, a legend for the markers and one entry
per band with its colour, its word and its scores.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import plotly.graph_objects as go

from essdiag.charts.theme import PALETTE, apply_theme
from essdiag.figures import View
from essdiag.i18n import Translator, translator
from essdiag.risks.matrix import band_ranges
from essdiag.risks.section import RiskCategory, RiskMatrix

__all__ = ["category_chart", "heatmap_chart", "history_chart", "owner_chart"]

_INK = "#000000"
_BEFORE = "#333333"
_OPEN_MARKER = {"symbol": "circle-open", "size": 10, "color": _BEFORE, "line": {"width": 1.5}}
_CELL_FONT = 14
"""Cell words and risk identifiers: legible on a laptop and from the back of a classroom."""
_ID_FONT = 13


@cache
def _theme_layout(lang: str) -> dict[str, Any]:
    """The house theme's layout for a language (:func:`essdiag.charts.theme.apply_theme`), once.

    Setting it through the figure's constructor costs 3 ms where
    ``update_layout`` costs 35 ms (it goes through plotly's default template
    each time): the map tab draws three charts on every rerun.
    """
    layout: dict[str, Any] = apply_theme(
        go.Figure(), translator(lang), title=""
    ).layout.to_plotly_json()
    layout.pop("template", None)
    return layout


def _merge(base: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    """``base`` updated by ``more``, nested dicts merged (neither is changed)."""
    out = dict(base)
    for key, value in more.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _trace(kind: str, **spec: Any) -> dict[str, Any]:
    """A trace as plain data: the figure validates it once (a ``go.Scatter`` would twice)."""
    return {"type": kind, **spec}


def _figure(data: list[Any], tr: Translator, title: str, **layout: Any) -> go.Figure:
    """A figure in the house theme with its title and its own layout, built in one pass."""
    title_spec = {"title": {"text": title, "x": 0, "xanchor": "left"}}
    return go.Figure(data=data, layout=_merge(_theme_layout(tr.lang), {**title_spec, **layout}))


def _colour_scale(matrix: RiskMatrix) -> list[list[float | str]]:
    """A discrete colour scale: band i occupies [i/k, (i+1)/k]."""
    k = len(matrix.bands)
    scale: list[list[float | str]] = []
    for i, band in enumerate(matrix.bands):
        scale.append([i / k, band.colour])
        scale.append([(i + 1) / k, band.colour])
    return scale


def _cells_trace(matrix: RiskMatrix, cells: View, tr: Translator) -> dict[str, Any]:
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
    return _trace(
        "heatmap",
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


def _cell_words(cells: View, tr: Translator) -> dict[str, Any]:
    """Each cell's band word and score, written in its top left corner (one text trace)."""
    frame = cells.frame
    return _trace(
        "scatter",
        x=[int(i) - 0.46 for i in frame["impact"]],
        y=[int(lk) + 0.46 for lk in frame["likelihood"]],
        text=[
            f"{tr(str(band))} · {int(value)}"
            for band, value in zip(frame["band"], frame["score"], strict=True)
        ],
        mode="text",
        textposition="bottom right",
        textfont={"size": _CELL_FONT, "color": _INK},
        hoverinfo="skip",
        showlegend=False,
    )


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


def _risk_layers(moves: View, tr: Translator) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The risks' markers (at most three traces) and the arrows of those that moved.

    Risks sharing a cell are spread so their labels stay readable: two per
    line, lines going down from under the band's word (up to 8 per cell).
    Inherent positions have their own places, along the bottom of their cell
    (four per line, lines going up), so an open circle never hides under
    another risk's marker and an arrow never seems to start from that risk.
    """
    _ = tr
    seen: dict[tuple[int, int], int] = {}
    seen_before: dict[tuple[int, int], int] = {}
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
        start = (int(il), int(ii))
        if start != cell:
            j = seen_before.get(start, 0)
            seen_before[start] = j + 1
            ax = start[1] - 0.36 + 0.22 * (j % 4)
            ay = start[0] - 0.34 + 0.17 * (j // 4 % 2)
            arrows.append(_arrow(x, y, ax, ay))
            before["x"].append(ax)
            before["y"].append(ay)
            before["hover"].append(_("{id} avant mesures", id=str(rid)))
    traces = []
    if before["x"]:
        traces.append(
            _trace(
                "scatter",
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
        _trace(
            "scatter",
            x=now["x"],
            y=now["y"],
            mode="markers+text",
            text=now["text"],
            textposition="middle right",
            textfont={"size": _ID_FONT, "color": _INK},
            marker={"symbol": "circle", "size": 10, "color": _INK},
            hovertext=now["hover"],
            hoverinfo="text",
            name=_("Risque (position résiduelle)"),
            showlegend=True,
        )
    )
    traces.append(  # the legend's entry for the inherent positions
        _trace(
            "scatter",
            x=[None],
            y=[None],
            mode="markers",
            marker=_OPEN_MARKER,
            name=_("Position brute (avant mesures)"),
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
    _ = tr
    n = matrix.size
    traces: list[Any] = [_cells_trace(matrix, cells, tr), _cell_words(cells, tr)]
    arrows: list[dict[str, Any]] = []
    if not moves.empty:
        markers, arrows = _risk_layers(moves, tr)
        traces += markers
    traces += _band_legend(matrix, tr)

    def axis(key: str, levels: list[Any]) -> dict[str, Any]:
        return {
            "title": {"text": cells.label(key, tr)},
            "tickvals": list(range(1, n + 1)),
            "ticktext": [f"{i}. {tr(level.label)}" for i, level in enumerate(levels, start=1)],
            "range": [0.5, n + 0.5],
            "showgrid": False,
            "zeroline": False,
            "tickfont": {"size": 14},
        }

    # The legend goes under the axis title, not over it; the arrows are set once.
    return _figure(
        traces,
        tr,
        title or _("Carte des risques"),
        height=680,
        margin={"l": 60, "r": 20, "t": 60, "b": 130},
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0, "font": {"size": 14}},
        annotations=arrows,
        xaxis=axis("impact", matrix.impact),
        yaxis=axis("likelihood", matrix.likelihood),
    )


def _band_legend(matrix: RiskMatrix, tr: Translator) -> list[dict[str, Any]]:
    """One legend entry per band: its colour, its word and its scores (« Élevé (10–16) »)."""
    _ = tr
    return [
        _trace(
            "scatter",
            x=[None],
            y=[None],
            mode="markers",
            marker={"symbol": "square", "size": 16, "color": band.colour, "line": {"width": 0}},
            name=_(
                "Zone « {band} » : scores {low} à {high}", band=tr(band.label), low=low, high=high
            ),
            legendrank=1001 + rank,
            hoverinfo="skip",
        )
        for rank, (band, low, high) in enumerate(band_ranges(matrix))
    ]


def category_chart(view: View, tr: Translator) -> go.Figure:
    """Number of active risks per category, with the highest net score as text.

    ``view`` is :func:`essdiag.risks.views.category_view`.
    """
    _ = tr
    table = view.frame
    names = [tr(RiskCategory(c).label) for c in table["category"]]
    bar = _trace(
        "bar",
        y=names,
        x=list(table["count"]),
        orientation="h",
        marker={"color": PALETTE[0]},
        text=[
            _("max {score}", score=int(s)) if int(c) else ""
            for c, s in zip(table["count"], table["max_net"], strict=True)
        ],
        textposition="outside",
        textfont={"size": 13},
        hovertemplate="%{y} : %{x}<extra></extra>",
    )
    top = max([int(c) for c in table["count"]] or [1])
    return _figure(
        [bar],
        tr,
        tr(view.title),
        height=380,
        xaxis={
            "title": {"text": view.label("count", tr)},
            "dtick": 1,
            "range": [0, top * 1.3 + 0.5],
        },
        yaxis={"autorange": "reversed", "tickfont": {"size": 13}},
    )


def owner_chart(view: View, tr: Translator) -> go.Figure:
    """Number of active risks per owner (:func:`essdiag.risks.views.owner_view`)."""
    _ = tr
    table = view.frame
    bar = _trace(
        "bar",
        y=[str(o) for o in table["owner"]],
        x=list(table["count"]),
        orientation="h",
        marker={"color": PALETTE[5]},
        text=[_("max {score}", score=int(s)) for s in table["max_net"]],
        textposition="outside",
        textfont={"size": 13},
        hovertemplate="%{y} : %{x}<extra></extra>",
    )
    # Height follows the number of owners, so one owner does not make one giant bar.
    top = max([int(c) for c in table["count"]] or [1])
    return _figure(
        [bar],
        tr,
        tr(view.title),
        height=max(220, 130 + 32 * len(table)),
        xaxis={
            "title": {"text": view.label("count", tr)},
            "dtick": 1,
            "range": [0, top * 1.3 + 0.5],
        },
        yaxis={"autorange": "reversed", "tickfont": {"size": 13}},
    )


def history_chart(view: View, tr: Translator) -> go.Figure:
    """Net score of each risk revision after revision (:func:`essdiag.risks.follow.score_history_view`)."""
    _ = tr
    symbols = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross", "hexagon")
    lines = [
        _trace(
            "scatter",
            x=list(part["revision"]),
            y=list(part["net"]),
            mode="lines+markers",
            name=str(risk_id),
            marker={"symbol": symbols[i % len(symbols)], "size": 8},
            line={"color": PALETTE[i % len(PALETTE)]},
            hovertemplate=str(risk_id) + " — v%{x} : %{y}<extra></extra>",
        )
        for i, (risk_id, part) in enumerate(view.frame.groupby("id", sort=True))
    ]
    # The legend goes under the axis title, not over it.
    return _figure(
        lines,
        tr,
        _("Évolution du score retenu"),
        height=420,
        margin={"l": 60, "r": 20, "t": 60, "b": 110},
        legend={"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0},
        xaxis={"title": {"text": view.label("revision", tr)}, "dtick": 1, "tickformat": "d"},
        yaxis={"title": {"text": view.label("net", tr)}, "rangemode": "tozero"},
    )
