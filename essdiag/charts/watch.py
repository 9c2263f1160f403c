"""Charts of the territorial watch and the diagnosis: gaps, influence × interest, PESTEL, SWOT.

Pure builders: each takes a view of :mod:`essdiag.watch` and a Translator,
reads the view's frame by key, takes its titles from the view's columns and
returns a plotly figure; the screen shows the same view beside the chart.
Meaning never rests on colour alone: a gap beyond the threshold is hatched and
its reading is in the table beside; the map numbers every actor as its table
does and writes each stance's name in its corner.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, PALETTE, UNFAVOURABLE, apply_theme
from essdiag.figures import View
from essdiag.i18n import N_, Translator

__all__ = ["gap_chart", "map_chart", "pestel_chart", "swot_chart"]


def _wrap(text: str, width: int = 32) -> str:
    """A long label on several lines (``<br>``), so the bars keep their room."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


def gap_chart(view: View, tr: Translator, *, threshold: float) -> go.Figure:
    """Oriented relative gaps to one reference (right = less favourable), one bar per indicator."""
    frame = view.frame
    labels = [_wrap(tr(lab)) for lab in frame["label"]]
    values = [float(v) * 100 for v in frame["oriented"]]
    colours = [
        UNFAVOURABLE if v >= threshold * 100 else NEUTRAL if v > 0 else FAVOURABLE for v in values
    ]
    readings = [tr(r) for r in frame["reading"]]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker_color=colours,
            marker_pattern_shape=["/" if v >= threshold * 100 else "" for v in values],
            customdata=readings,
            hovertemplate="%{y}: %{x:.1f} % — %{customdata}<extra></extra>",
        )
    )
    fig.add_vline(x=threshold * 100, line_dash="dash", line_color="#000000")
    fig.update_xaxes(title_text=view.label("oriented", tr) + " (%)", ticksuffix=" %", zeroline=True)
    fig.update_yaxes(autorange="reversed")
    reference = tr(str(frame["ref_level_label"].iloc[0])) if len(frame) else ""
    title = f"{tr(view.title)} — {reference}" if reference else tr(view.title)
    height = max(320, 46 * len(labels) + 140)
    return apply_theme(fig, tr, title=title, height=height, showlegend=False)


def map_chart(view: View, tr: Translator) -> go.Figure:
    """Actors on the influence × interest grid, numbered as in the table, with the four stances named."""
    frame = view.frame
    # Actors on the same cell are spread on a small circle so every number can be read.
    cells: dict[tuple[int, int], list[int]] = {}
    for k, (x, y) in enumerate(zip(frame["interest"], frame["influence"], strict=True)):
        cells.setdefault((int(x), int(y)), []).append(k)
    xs, ys = [0.0] * len(frame), [0.0] * len(frame)
    for (x, y), members in cells.items():
        for j, k in enumerate(members):
            angle = 2 * math.pi * j / len(members)
            radius = 0 if len(members) == 1 else 0.28
            xs[k], ys[k] = x + radius * math.cos(angle), y + radius * math.sin(angle)
    fig = go.Figure(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=[str(n) for n in frame["num"]],
            textposition="middle center",
            textfont={"color": "#FFFFFF", "size": 11},
            customdata=list(frame["name"]),
            marker={"size": 22, "color": PALETTE[0], "symbol": "circle"},
            hovertemplate="%{text} — %{customdata}<extra></extra>",
        )
    )
    corners = (
        (1.0, 5.4, tr(N_("Satisfaire"))),
        (4.0, 5.4, tr(N_("Associer étroitement"))),
        (1.0, 0.6, tr(N_("Surveiller"))),
        (4.0, 0.6, tr(N_("Informer"))),
    )
    fig.update_layout(
        annotations=[
            {
                "x": x,
                "y": y,
                "text": f"<b>{t}</b>",
                "showarrow": False,
                "xanchor": "left",
                "font": {"color": "#444444"},
            }
            for x, y, t in corners
        ],
        shapes=[
            {
                "type": "line",
                "x0": 3.5,
                "x1": 3.5,
                "y0": 0.5,
                "y1": 5.5,
                "line": {"dash": "dot", "color": "#777777"},
            },
            {
                "type": "line",
                "x0": 0.5,
                "x1": 5.5,
                "y0": 3.5,
                "y1": 3.5,
                "line": {"dash": "dot", "color": "#777777"},
            },
        ],
    )
    fig.update_xaxes(title_text=view.label("interest", tr), range=[0.5, 5.6], dtick=1)
    fig.update_yaxes(title_text=view.label("influence", tr), range=[0.4, 5.7], dtick=1)
    return apply_theme(fig, tr, title=tr(view.title), height=520, showlegend=False)


def pestel_chart(view: View, tr: Translator) -> go.Figure:
    """Watch items per PESTEL category, stacked by relevance."""
    frame = view.frame
    cats = [_wrap(tr(c), 14) for c in frame["label"]]
    fig = go.Figure(
        [
            go.Bar(
                name=view.label(key, tr),
                x=cats,
                y=list(frame[key]),
                marker_color=colour,
                marker_pattern_shape=shape,
            )
            for key, colour, shape in (
                ("high", PALETTE[3], ""),
                ("medium", PALETTE[1], "/"),
                ("low", PALETTE[5], "."),
            )
        ]
    )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=view.label("total", tr), dtick=1)
    apply_theme(fig, tr, title=tr(view.title), height=440)
    return fig.update_layout(legend={"y": -0.3}, margin={"b": 110})


def swot_chart(view: View, tr: Translator) -> go.Figure:
    """SWOT items per quadrant, stacked by origin."""
    frame = view.frame
    quadrants = list(dict.fromkeys(frame["quadrant_label"]))
    origins = list(dict.fromkeys(frame["origin"]))
    bars = []
    for k, origin in enumerate(origins):
        part = frame[frame["origin"] == origin]
        counts = {q: int(n) for q, n in zip(part["quadrant_label"], part["count"], strict=True)}
        bars.append(
            go.Bar(
                name=tr(origin),
                x=[tr(q) for q in quadrants],
                y=[counts.get(q, 0) for q in quadrants],
                marker_color=PALETTE[k % len(PALETTE)],
            )
        )
    fig = go.Figure(bars)
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=view.label("count", tr), dtick=1)
    apply_theme(fig, tr, title=tr(view.title), height=440)
    return fig.update_layout(legend={"y": -0.3}, margin={"b": 110})
