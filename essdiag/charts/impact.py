"""Charts of social utility and impact: theory of change, indicators, SROI sensitivity, surveys.

Pure builders: each takes views of :mod:`essdiag.impact` (the same views the
screens show beside the chart and the reports print) and a Translator, reads
the frame by key, takes its axis titles from the columns and returns a plotly
figure. Colours are Okabe & Ito's; every bar also carries its value or its
status as text, so meaning never rests on colour alone. Annotations and
shapes are set on the layout at once (adding them one by one is quadratic).
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, PALETTE, UNFAVOURABLE, apply_theme, money_axis
from essdiag.figures import View, format_value
from essdiag.i18n import N_, Translator

__all__ = [
    "keywords_chart",
    "likert_chart",
    "nps_chart",
    "progress_chart",
    "series_chart",
    "sroi_outcomes_chart",
    "theory_chart",
    "tornado_chart",
]

_LEVEL_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#CC79A7", "#D55E00")
"""One colour per level of the theory of change, needs to impact (Okabe & Ito)."""

_TONE_COLOURS = {"good": FAVOURABLE, "neutral": NEUTRAL, "watch": "#E69F00", "alert": UNFAVOURABLE}

_LIKERT_COLOURS = ("#D55E00", "#E69F00", "#BDBDBD", "#56B4E9", "#0072B2")
"""Lowest to highest level: vermillion, orange, grey, sky blue, blue (no red/green)."""


def _vline(x: float, colour: str, dash: str = "solid") -> dict[str, Any]:
    """A vertical line across the plot at ``x`` (a target, a ratio of 1)."""
    return {
        "type": "line",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "yref": "paper",
        "line": {"color": colour, "dash": dash},
    }


def _wrap(text: str, width: int = 24) -> str:
    return "<br>".join(textwrap.wrap(text, width) or [""])


def theory_chart(chain: View, links: View, tr: Translator) -> go.Figure:
    """The chain as six columns of boxes (needs → impact) joined by the links.

    ``chain`` is :func:`essdiag.impact.theory.chain_view`, ``links``
    :func:`essdiag.impact.theory.links_view`.
    """
    frame = chain.frame
    levels = sorted(set(zip(frame["rank"], frame["level"], strict=True)))
    positions: dict[str, tuple[float, float]] = {}
    annotations: list[dict[str, Any]] = []
    tallest = max((int((frame["rank"] == r).sum()) for r, _l in levels), default=1)
    for rank, level in levels:
        part = frame[frame["rank"] == rank]
        annotations.append(
            {
                "x": float(rank),
                "y": 1.0,
                "yref": "paper",
                "text": f"<b>{tr(str(level))}</b>",
                "showarrow": False,
                "yanchor": "bottom",
                "font": {"size": 14},
            }
        )
        n = len(part)
        for i, (element_id, title) in enumerate(zip(part["id"], part["title"], strict=True)):
            y = tallest - (i + 0.5) * tallest / n
            positions[str(element_id)] = (float(rank), y)
            annotations.append(
                {
                    "x": float(rank),
                    "y": y,
                    "text": _wrap(str(title)),
                    "showarrow": False,
                    "bgcolor": "white",
                    "bordercolor": _LEVEL_COLOURS[int(rank) % len(_LEVEL_COLOURS)],
                    "borderwidth": 2,
                    "borderpad": 4,
                    "font": {"size": 11},
                }
            )
    shapes = []
    for source, target in zip(links.frame["source"], links.frame["target"], strict=True):
        if source in positions and target in positions:
            (x0, y0), (x1, y1) = positions[str(source)], positions[str(target)]
            shapes.append(
                {
                    "type": "line",
                    "x0": x0 + 0.32,
                    "y0": y0,
                    "x1": x1 - 0.32,
                    "y1": y1,
                    "line": {"color": "#9E9E9E", "width": 1},
                    "layer": "below",
                }
            )
    fig = go.Figure(
        go.Scatter(
            x=[p[0] for p in positions.values()],
            y=[p[1] for p in positions.values()],
            mode="markers",
            marker={"opacity": 0},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    apply_theme(
        fig,
        tr,
        title=tr(chain.title),
        height=max(360, 110 * tallest + 120),
        annotations=annotations,
        shapes=shapes,
    )
    fig.update_xaxes(visible=False, range=[-0.5, 5.5])
    fig.update_yaxes(visible=False, range=[0, tallest])
    return fig


def progress_chart(board: View, tr: Translator) -> go.Figure:
    """Each indicator's progress to its target (a bar, 100 % marked), its status written beside it."""
    frame = board.frame[board.frame["progress"].notna()]
    names = [_wrap(str(n), 40) for n in frame["name"]]
    values = [float(v) for v in frame["progress"]]
    shown = [min(max(v, -0.5), 1.5) for v in values]
    texts = [
        f"{format_value(v, '%', tr, 0)}<br>{tr(str(s))}"
        for v, s in zip(values, frame["status"], strict=True)
    ]
    bars = go.Bar(
        x=shown,
        y=names,
        orientation="h",
        marker={"color": [_TONE_COLOURS.get(str(t), NEUTRAL) for t in frame["tone"]]},
        customdata=texts,
        hovertemplate="%{y} : %{customdata}<extra></extra>",
        showlegend=False,
    )
    # The words go right of the 100 % line (or of a longer bar), in one readable column.
    words = go.Scatter(
        x=[max(v, 1.0) + 0.04 for v in shown],
        y=names,
        mode="text",
        text=texts,
        textposition="middle right",
        hoverinfo="skip",
        showlegend=False,
    )
    fig = go.Figure([bars, words])
    apply_theme(
        fig,
        tr,
        title=tr(N_("Progression vers la cible")),
        height=max(320, 44 * len(names) + 140),
        shapes=[_vline(1, "#000000", "dash")],
    )
    fig.update_layout(margin={"l": 20, "r": 40, "t": 60, "b": 50})
    fig.update_xaxes(
        tickformat=".0%", range=[min(-0.05, *shown) - 0.05, 2.6], title=board.label("progress", tr)
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def series_chart(series: View, name: str, tr: Translator) -> go.Figure:
    """One indicator's values period by period, its baseline and its target marked."""
    frame = series.frame
    values = [float(v) for v in frame["value"]]
    fig = go.Figure(
        go.Scatter(
            x=list(frame["period"]),
            y=values,
            mode="lines+markers+text",
            text=[format_value(v, "count", tr) for v in values],
            textposition="top center",
            name=series.label("value", tr),
            line={"color": PALETTE[0]},
            cliponaxis=False,
        )
    )
    shapes: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    top = max(values, default=0.0)
    for key, period_key, word, colour, anchor in (
        ("target", "target_period", tr(N_("Cible")), UNFAVOURABLE, "bottom"),
        ("baseline", "baseline_period", tr(N_("Référence")), NEUTRAL, "top"),
    ):
        known = frame[key].dropna()
        if not len(known):
            continue
        level = float(known.iloc[0])
        top = max(top, level)
        period = str(frame[period_key].iloc[0] or "")
        shapes.append(
            {
                "type": "line",
                "x0": 0,
                "x1": 1,
                "xref": "paper",
                "y0": level,
                "y1": level,
                "line": {"color": colour, "dash": "dash"},
            }
        )
        label = f"{word} : {format_value(level, 'count', tr)}" + (f" ({period})" if period else "")
        notes.append(
            {
                "x": 1,
                "xref": "paper",
                "xanchor": "right",
                "y": level,
                "yanchor": anchor,
                "text": label,
                "showarrow": False,
                "font": {"color": colour},
            }
        )
    apply_theme(fig, tr, title=name, height=340, shapes=shapes, annotations=notes, showlegend=False)
    fig.update_xaxes(type="category", title=series.label("period", tr))
    unit = str(frame["unit"].iloc[0]) if len(frame) else ""
    fig.update_yaxes(
        title=tr(unit) if unit else series.label("value", tr),
        range=[0, top * 1.2 if top > 0 else 1],
    )
    return fig


def tornado_chart(tornado: View, tr: Translator, *, top: int = 12) -> go.Figure:
    """The SROI ratio with each assumption down and up: bars from the case's ratio, widest first.

    A dashed line marks a ratio of 1; each bar's end is written as text.
    """
    frame = tornado.frame.head(top)
    base = float(frame["base"].iloc[0]) if len(frame) and frame["base"].notna().any() else 0.0
    labels = [
        _wrap(f"{tr(str(a))} — {o}" if o else tr(str(a)), 44)
        for a, o in zip(frame["assumption"], frame["outcome"], strict=True)
    ]

    def bar(key: str, name: str, colour: str) -> go.Bar:
        ends = [base if v is None or math.isnan(float(v)) else float(v) for v in frame[key]]
        return go.Bar(
            y=labels,
            x=[e - base for e in ends],
            base=base,
            orientation="h",
            name=name,
            marker={"color": colour},
            text=[format_value(e, "ratio", tr) for e in ends],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>" + name + " : %{text}<extra></extra>",
        )

    fig = go.Figure(
        [
            bar("ratio_low", tornado.label("low", tr), UNFAVOURABLE),
            bar("ratio_high", tornado.label("high", tr), FAVOURABLE),
        ]
    )
    apply_theme(
        fig,
        tr,
        title=tr(tornado.title),
        barmode="overlay",
        height=max(360, 38 * len(labels) + 160),
        shapes=[
            _vline(1, "#000000", "dash"),
            _vline(base, NEUTRAL),
        ],
    )
    fig.update_layout(margin={"l": 20, "r": 60, "t": 60, "b": 60})
    ends = [base, 1.0, *(float(v) for k in ("ratio_low", "ratio_high") for v in frame[k].dropna())]
    pad = 0.15 * ((max(ends) - min(ends)) or 1.0)  # room for the values written at the bars' ends
    fig.update_xaxes(
        title=tr(N_("Ratio SROI")), zeroline=False, range=[min(ends) - pad, max(ends) + pad]
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def sroi_outcomes_chart(outcomes: View, tr: Translator) -> go.Figure:
    """Present value of each outcome, largest first, its amount written on the bar."""
    frame = outcomes.frame.sort_values("present_value", ascending=False)
    fig = go.Figure(
        go.Bar(
            x=list(frame["present_value"]),
            y=[_wrap(str(n), 36) for n in frame["name"]],
            orientation="h",
            marker={"color": PALETTE[0]},
            text=[format_value(float(v), "EUR", tr, 0) for v in frame["present_value"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y} : %{text}<extra></extra>",
        )
    )
    apply_theme(
        fig,
        tr,
        title=tr(N_("Valeur actuelle par effet")),
        height=max(320, 36 * len(frame) + 140),
        showlegend=False,
    )
    fig.update_layout(margin={"l": 20, "r": 110, "t": 60, "b": 50})
    money_axis(fig, tr, axis="x")
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def likert_chart(distribution: View, question: str, tr: Translator) -> go.Figure:
    """One Likert item: 100 % stacked bars of its levels, one bar per group, shares written."""
    frame = distribution.frame
    groups = list(dict.fromkeys(frame["group"]))
    levels = sorted({int(v) for v in frame["level"]})
    colours = _LIKERT_COLOURS if len(levels) == 5 else PALETTE
    traces = []
    for i, level in enumerate(levels):
        part = frame[frame["level"] == level].set_index("group")
        shares = [float(part["share"].get(g, 0.0)) for g in groups]
        traces.append(
            go.Bar(
                y=[tr(str(g)) for g in groups],
                x=shares,
                orientation="h",
                name=str(level),
                marker={"color": colours[i % len(colours)]},
                text=[format_value(s, "%", tr, 0) if s >= 0.06 else "" for s in shares],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate="%{y} — " + str(level) + " : %{x:.0%}<extra></extra>",
            )
        )
    fig = go.Figure(traces)
    apply_theme(
        fig,
        tr,
        title=_wrap(question, 70),
        barmode="stack",
        height=max(300, 46 * len(groups) + 170),
        legend_title_text=tr(N_("Niveau (du plus bas au plus haut)")),
    )
    fig.update_layout(
        legend={"traceorder": "normal", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"},
        margin={"t": 90},
    )
    fig.update_xaxes(tickformat=".0%", range=[0, 1], title=distribution.label("share", tr))
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def nps_chart(nps: View, tr: Translator) -> go.Figure:
    """NPS of each group with its 95 % interval (error bars); withheld groups left out."""
    frame = nps.frame[nps.frame["nps"].notna()]
    groups = [tr(str(g)) for g in frame["group"]]
    values = [float(v) for v in frame["nps"]]
    fig = go.Figure(
        go.Scatter(
            x=values,
            y=groups,
            mode="markers+text",
            marker={"size": 12, "color": PALETTE[0], "symbol": "diamond"},
            text=[format_value(v, "count", tr, 0) for v in values],
            textposition="top center",
            error_x={
                "type": "data",
                "symmetric": False,
                "array": [float(h) - v for h, v in zip(frame["ci_high"], values, strict=True)],
                "arrayminus": [
                    v - float(lo) for lo, v in zip(frame["ci_low"], values, strict=True)
                ],
                "color": NEUTRAL,
            },
            hovertemplate="%{y} : %{x:.0f}<extra></extra>",
            showlegend=False,
        )
    )
    apply_theme(
        fig,
        tr,
        title=tr(N_("Recommandation (NPS) et intervalle de confiance à 95 %")),
        height=max(280, 50 * len(groups) + 150),
        shapes=[_vline(0, "#000000", "dot")],
    )
    fig.update_xaxes(range=[-100, 100], title=nps.label("nps", tr))
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def keywords_chart(keywords: View, tr: Translator) -> go.Figure:
    """How many free-text answers cite each keyword."""
    frame = keywords.frame
    fig = go.Figure(
        go.Bar(
            x=list(frame["count"]),
            y=[str(k) for k in frame["keyword"]],
            orientation="h",
            marker={"color": PALETTE[2]},
            text=[format_value(int(c), "count", tr) for c in frame["count"]],
            textposition="outside",
            cliponaxis=False,
            showlegend=False,
        )
    )
    apply_theme(fig, tr, title=tr(keywords.title), height=max(280, 30 * len(frame) + 140))
    fig.update_xaxes(title=keywords.label("count", tr), rangemode="tozero")
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig
