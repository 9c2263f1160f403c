"""Charts of the legal and fiscal frame: verdicts by frame, and the CSESS radar.

Pure builders over the views of :mod:`essdiag.compliance.views` (the screen
shows each view beside its chart). Verdicts use the Okabe & Ito palette and
also print their count and a pattern, so meaning never rests on colour; the
radar writes each theme's points at its vertex.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, UNFAVOURABLE, apply_theme
from essdiag.figures import View
from essdiag.i18n import N_, Translator

__all__ = ["csess_radar", "verdicts_chart"]

_VERDICT_STYLE: tuple[tuple[str, str, str, str, str], ...] = (
    # key, label, fill, pattern, ink (pattern and count)
    ("conform", N_("Conforme"), FAVOURABLE, "", "#FFFFFF"),
    ("to_check", N_("À vérifier"), "#E69F00", "/", "#000000"),
    ("not_conform", N_("Non conforme"), UNFAVOURABLE, "x", "#FFFFFF"),
    ("not_applicable", N_("Sans objet"), NEUTRAL, ".", "#FFFFFF"),
)


def _wrap(text: str, width: int = 22) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def verdicts_chart(view: View, tr: Translator, *, title: str = "") -> go.Figure:
    """Horizontal stacked bars: for each frame, how many findings of each verdict.

    ``view`` is :func:`essdiag.compliance.views.counts_view`.
    """
    frames = [_wrap(tr(str(f)), 30) for f in view.values("frame")]
    fig = go.Figure()
    for key, label, colour, pattern, ink in _VERDICT_STYLE:
        counts = view.values(key)
        fig.add_trace(
            go.Bar(
                y=frames,
                x=counts,
                name=tr(label),
                orientation="h",
                marker={
                    "color": colour,
                    "pattern": {
                        "shape": pattern,
                        "fillmode": "overlay",
                        "fgcolor": ink,
                        "fgopacity": 0.45,
                    },
                },
                text=[str(c) if c else "" for c in counts],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"color": ink, "size": 14},
                hovertemplate="%{y} — " + tr(label) + " : %{x}<extra></extra>",
            )
        )
    apply_theme(fig, tr, title=title or tr("Constats par cadre"), barmode="stack", height=440)
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        margin={"l": 60, "r": 20, "t": 100, "b": 50},
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=tr("Nombre de constats"), dtick=1)
    return fig


def csess_radar(view: View, tr: Translator, *, title: str = "") -> go.Figure:
    """The eight themes of the guide on a 0–4 radar, each vertex labelled with its points.

    ``view`` is :func:`essdiag.compliance.views.csess_view`; themes not
    assessed sit at 0 and say so in their label.
    """
    themes = [_wrap(tr(str(t)), 18) for t in view.values("theme")]
    points = [p if p is not None else 0 for p in view.values("points")]
    labels = [str(p) if p is not None else tr("non évalué") for p in view.values("points")]
    fig = go.Figure(
        go.Scatterpolar(
            r=[*points, points[0]] if points else [],
            theta=[*themes, themes[0]] if themes else [],
            fill="toself",
            fillcolor="rgba(0, 114, 178, 0.25)",
            line={"color": FAVOURABLE, "width": 3},
            mode="lines+markers+text",
            text=[*labels, ""] if labels else [],
            textposition="top center",
            marker={"size": 9, "symbol": "circle"},
            name=tr("Niveau atteint"),
            hovertemplate="%{theta} : %{r}<extra></extra>",
        )
    )
    apply_theme(
        fig, tr, title=title or tr("Guide des bonnes pratiques : niveaux par thème"), height=520
    )
    fig.update_layout(
        polar={
            "radialaxis": {"range": [0, 4], "dtick": 1, "gridcolor": "#BDBDBD", "angle": 22.5},
            "angularaxis": {"tickfont": {"size": 11}},
        },
        showlegend=False,
        margin={"l": 130, "r": 130, "t": 80, "b": 60},
    )
    return fig
