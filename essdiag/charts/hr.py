"""Charts of the « Ressources humaines » screen, each built from the view shown beside it.

Colours are the house's Okabe–Ito palette; women and men are told apart by
colour and by the legend and the hover text, never by colour alone (the
table beside each chart is its text alternative).
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, PALETTE, UNFAVOURABLE, apply_theme, money_axis
from essdiag.figures import View
from essdiag.i18n import Translator

__all__ = [
    "category_gap_chart",
    "headcount_chart",
    "index_chart",
    "pay_bands_chart",
    "pay_scale_chart",
    "skills_heatmap",
    "survey_chart",
    "training_chart",
]

WOMEN = PALETTE[4]  # reddish purple
MEN = PALETTE[0]  # blue


def _labels(view: View, key: str, tr: Translator) -> list[str]:
    return [tr(str(v)) for v in view.values(key)]


def headcount_chart(view: View, tr: Translator) -> go.Figure:
    """Women and men by category, stacked (from :func:`essdiag.hr.workforce.headcount_view`)."""
    x = _labels(view, "category", tr)
    fig = go.Figure(
        [
            go.Bar(name=view.label("women", tr), x=x, y=view.values("women"), marker_color=WOMEN),
            go.Bar(
                name=view.label("men", tr),
                x=x,
                y=view.values("men"),
                marker_color=MEN,
                marker_pattern_shape="/",
            ),
        ]
    )
    return apply_theme(fig, tr, title=tr(view.title), barmode="stack")


def pay_scale_chart(view: View, tr: Translator, *, smic: float) -> go.Figure:
    """Each person's full-time pay, highest first, with the annual SMIC as a line."""
    sexes = view.values("sex")
    fig = go.Figure()
    for sex, colour, word in (("F", WOMEN, tr("Femmes")), ("H", MEN, tr("Hommes"))):
        ids = [i for i, s in zip(view.values("id"), sexes, strict=True) if s == sex]
        pays = [p for p, s in zip(view.values("fte_pay"), sexes, strict=True) if s == sex]
        fig.add_trace(go.Bar(name=word, x=ids, y=pays, marker_color=colour))
    fig.add_hline(
        y=smic,
        line_dash="dash",
        line_color=NEUTRAL,
        annotation_text=tr("SMIC annuel"),
        annotation_position="top right",
    )
    fig.update_xaxes(categoryorder="array", categoryarray=view.values("id"))
    apply_theme(fig, tr, title=tr(view.title))
    return money_axis(fig, tr)


def pay_bands_chart(view: View, tr: Translator) -> go.Figure:
    """People by band of full-time pay in SMIC, women and men side by side."""
    x = _labels(view, "band", tr)
    fig = go.Figure(
        [
            go.Bar(name=view.label("women", tr), x=x, y=view.values("women"), marker_color=WOMEN),
            go.Bar(
                name=view.label("men", tr),
                x=x,
                y=view.values("men"),
                marker_color=MEN,
                marker_pattern_shape="/",
            ),
        ]
    )
    return apply_theme(fig, tr, title=tr(view.title), barmode="group")


def index_chart(view: View, tr: Translator) -> go.Figure:
    """Points obtained against the maximum of each indicator (from ``indicator_view``)."""
    y = _labels(view, "label", tr)
    fig = go.Figure(
        [
            go.Bar(
                name=view.label("max_points", tr),
                y=y,
                x=view.values("max_points"),
                orientation="h",
                marker_color="#D9D9D9",
            ),
            go.Bar(
                name=view.label("points", tr),
                y=y,
                x=view.values("points"),
                orientation="h",
                marker_color=FAVOURABLE,
                text=view.values("points"),
                textposition="inside",
            ),
        ]
    )
    fig.update_yaxes(autorange="reversed")
    return apply_theme(fig, tr, title=tr(view.title), barmode="overlay")


def category_gap_chart(view: View, tr: Translator, *, alert: float) -> go.Figure:
    """The mean base-pay gap by category, with the ±5 % alert lines of the directive."""
    gaps = [None if g is None else g * 100 for g in view.values("base_gap")]
    colours = [
        UNFAVOURABLE if g is not None and abs(g) >= alert * 100 else FAVOURABLE for g in gaps
    ]
    fig = go.Figure(
        go.Bar(
            x=_labels(view, "category", tr),
            y=gaps,
            marker_color=colours,
            name=view.label("base_gap", tr),
        )
    )
    for y in (alert * 100, -alert * 100):
        fig.add_hline(y=y, line_dash="dot", line_color=NEUTRAL)
    fig.update_yaxes(ticksuffix=" %")
    return apply_theme(fig, tr, title=tr(view.title), showlegend=False)


def skills_heatmap(view: View, tr: Translator) -> go.Figure:
    """Levels missing, people × skills; the values are written in the cells."""
    skill_cols = [c for c in view.columns if c.key.startswith("s")]
    people = [f"{p} — {j}" for p, j in zip(view.values("person"), view.values("job"), strict=True)]
    z = [[view.frame[c.key].iloc[i] for c in skill_cols] for i in range(len(view))]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[tr(c.label) for c in skill_cols],
            y=people,
            colorscale=[[0, "#F7FBFF"], [0.5, "#E69F00"], [1, UNFAVOURABLE]],
            zmin=0,
            zmax=4,
            texttemplate="%{z}",
            hoverongaps=False,
            colorbar={"title": tr("Niveaux manquants")},
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=-35)
    return apply_theme(fig, tr, title=tr(view.title), height=max(360, 22 * len(people) + 200))


def training_chart(view: View, tr: Translator, *, budget: float | None) -> go.Figure:
    """Running cost of the plan by action, against the training budget."""
    n = list(range(1, len(view) + 1))
    fig = go.Figure(
        go.Scatter(
            x=n,
            y=view.values("cumulative"),
            mode="lines+markers",
            name=view.label("cumulative", tr),
            line_color=FAVOURABLE,
        )
    )
    if budget is not None:
        fig.add_hline(
            y=budget,
            line_dash="dash",
            line_color=UNFAVOURABLE,
            annotation_text=tr("Budget de formation"),
        )
    fig.update_xaxes(title=tr("Actions, par priorité"))
    apply_theme(fig, tr, title=tr(view.title))
    return money_axis(fig, tr)


def survey_chart(view: View, tr: Translator) -> go.Figure:
    """Favourable answers by theme (themes under the anonymity threshold are left out)."""
    rows = [
        (tr(t), f * 100)
        for t, f in zip(view.values("theme"), view.values("favourable"), strict=True)
        if f is not None and not math.isnan(f)
    ]
    fig = go.Figure(
        go.Bar(
            y=[r[0] for r in rows],
            x=[r[1] for r in rows],
            orientation="h",
            marker_color=FAVOURABLE,
            name=view.label("favourable", tr),
        )
    )
    fig.update_xaxes(range=[0, 100], ticksuffix=" %")
    fig.update_yaxes(autorange="reversed")
    return apply_theme(fig, tr, title=tr(view.title), showlegend=False)
