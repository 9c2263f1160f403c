"""Charts of the « Ressources humaines » screen, each built from the view shown beside it.

Colours are the house's Okabe–Ito palette; women and men are told apart by
colour and by the legend and the hover text, never by colour alone (the
table beside each chart is its text alternative).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, PALETTE, UNFAVOURABLE, apply_theme, money_axis
from essdiag.figures import View
from essdiag.hr.pay import annual_smic
from essdiag.hr.report import HRReport
from essdiag.i18n import Translator
from essdiag.params import param

__all__ = [
    "category_gap_chart",
    "chart_builders",
    "headcount_chart",
    "index_chart",
    "pay_bands_chart",
    "pay_scale_chart",
    "report_charts",
    "skills_heatmap",
    "survey_chart",
    "training_chart",
]

WOMEN = PALETTE[4]  # reddish purple
MEN = PALETTE[0]  # blue
MEN_PATTERN = "/"  # men's bars are hatched too: the sexes are told apart without colour


def _labels(view: View, key: str, tr: Translator) -> list[str]:
    return [tr(str(v)) for v in view.values(key)]


def _number(value: object) -> float | None:
    """A cell as a number, None for a gap (None or NaN)."""
    if value is None or isinstance(value, str):
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def _percent_axis(fig: go.Figure, tr: Translator, *, axis: str = "y") -> go.Figure:
    """An axis of percentages written the reader's way (``15 %`` in French, ``15%`` in English)."""
    spec = {"ticksuffix": "\u00a0%" if tr.lang == "fr" else "%"}
    if axis == "y":
        fig.update_yaxes(**spec)
    else:
        fig.update_xaxes(**spec)
    return fig


def _by_sex(view: View, tr: Translator, key: str, *, horizontal: bool) -> list[go.Bar]:
    """Women's and men's bars of a view with ``women`` and ``men`` columns, by ``key``."""
    labels = _labels(view, key, tr)
    bars = []
    for column, colour, pattern in (("women", WOMEN, ""), ("men", MEN, MEN_PATTERN)):
        values = view.values(column)
        bars.append(
            go.Bar(
                name=view.label(column, tr),
                x=values if horizontal else labels,
                y=labels if horizontal else values,
                orientation="h" if horizontal else "v",
                marker_color=colour,
                marker_pattern_shape=pattern,
            )
        )
    return bars


def headcount_chart(view: View, tr: Translator) -> go.Figure:
    """Women and men by category, stacked (from :func:`essdiag.hr.workforce.headcount_view`).

    Categories run down the side, so their names are read whole.
    """
    fig = go.Figure(_by_sex(view, tr, "category", horizontal=True))
    fig.update_yaxes(autorange="reversed", automargin=True)
    apply_theme(fig, tr, title=tr(view.title), barmode="stack", height=320)
    fig.update_layout(legend={"traceorder": "normal"})  # women first, as in the table
    return fig


def pay_scale_chart(view: View, tr: Translator, *, smic: float) -> go.Figure:
    """Each person's full-time pay, highest first, with the annual SMIC as a line."""
    _ = tr
    sexes = view.values("sex")
    fig = go.Figure()
    for sex, colour, pattern, word in (
        ("F", WOMEN, "", _("Femmes")),
        ("H", MEN, MEN_PATTERN, _("Hommes")),
    ):
        ids = [i for i, s in zip(view.values("id"), sexes, strict=True) if s == sex]
        pays = [p for p, s in zip(view.values("fte_pay"), sexes, strict=True) if s == sex]
        fig.add_trace(
            go.Bar(name=word, x=ids, y=pays, marker_color=colour, marker_pattern_shape=pattern)
        )
    fig.add_hline(
        y=smic,
        line_dash="dash",
        line_color=NEUTRAL,
        annotation_text=_("SMIC annuel"),
        annotation_position="top right",
    )
    fig.update_xaxes(categoryorder="array", categoryarray=view.values("id"), tickangle=-90)
    apply_theme(fig, tr, title=tr(view.title))
    return money_axis(fig, tr)


def pay_bands_chart(view: View, tr: Translator) -> go.Figure:
    """People by band of full-time pay in SMIC, women and men side by side."""
    fig = go.Figure(_by_sex(view, tr, "band", horizontal=True))
    fig.update_yaxes(autorange="reversed", automargin=True)
    return apply_theme(fig, tr, title=tr(view.title), barmode="group", height=360)


def index_chart(view: View, tr: Translator) -> go.Figure:
    """Points obtained against the maximum of each indicator (from ``indicator_view``).

    A non-calculable indicator shows its maximum only, marked « non calculable ».
    """
    _ = tr
    y = _labels(view, "label", tr)
    points = view.values("points")
    values = [_number(p) for p in points]
    missing = [_("non calculable") if p is None else "" for p in values]
    fig = go.Figure(
        [
            go.Bar(
                name=view.label("max_points", tr),
                y=y,
                x=view.values("max_points"),
                orientation="h",
                marker_color="#D9D9D9",
                text=missing,
                textposition="inside",
                insidetextanchor="middle",
            ),
            go.Bar(
                name=view.label("points", tr),
                y=y,
                x=[p or 0 for p in values],
                orientation="h",
                marker_color=FAVOURABLE,
                text=["" if p is None else f"{p:.0f}" for p in values],
                textposition="outside",
                cliponaxis=False,
            ),
        ]
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(range=[0, 45])
    return apply_theme(fig, tr, title=tr(view.title), barmode="overlay", height=340)


def category_gap_chart(view: View, tr: Translator, *, alert: float) -> go.Figure:
    """The mean base-pay gap by category, with the ±5 % alert lines of the directive.

    Gaps at or past the alert are vermillion and hatched, and named in the
    legend, so the alert is not told by colour alone.
    """
    _ = tr
    labels = _labels(view, "category", tr)
    gaps = [None if (g := _number(v)) is None else g * 100 for v in view.values("base_gap")]
    limit = alert * 100
    over = [g is not None and abs(g) >= limit for g in gaps]
    fig = go.Figure()
    for flag, name, colour, pattern in (
        (False, _("Écart de moins de {n} %", n=round(limit)), FAVOURABLE, ""),
        (
            True,
            _("Écart d'au moins {n} % : évaluation conjointe", n=round(limit)),
            UNFAVOURABLE,
            "x",
        ),
    ):
        fig.add_trace(
            go.Bar(
                name=name,
                y=[lab for lab, o in zip(labels, over, strict=True) if o is flag],
                x=[g for g, o in zip(gaps, over, strict=True) if o is flag],
                orientation="h",
                marker_color=colour,
                marker_pattern_shape=pattern,
                showlegend=flag in over,  # a kind of bar the chart does not draw is not named
            )
        )
    for x in (limit, -limit):
        fig.add_vline(x=x, line_dash="dot", line_color=NEUTRAL)
    fig.update_yaxes(
        categoryorder="array", categoryarray=labels, autorange="reversed", automargin=True
    )
    fig.update_xaxes(title=view.label("base_gap", tr))
    _percent_axis(fig, tr, axis="x")
    apply_theme(fig, tr, title=tr(view.title), barmode="overlay", height=380)
    fig.update_layout(legend={"y": -0.4})  # below the axis title
    return fig


def skills_heatmap(view: View, tr: Translator) -> go.Figure:
    """Levels missing, skills × people (skills down the side, read whole; jobs in the hover)."""
    _ = tr
    skill_cols = [c for c in view.columns if c.key.startswith("s")]
    people = [str(p) for p in view.values("person")]
    jobs = [str(j) for j in view.values("job")]
    z = [[view.frame[c.key].iloc[i] for i in range(len(view))] for c in skill_cols]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=people,
            y=[tr(c.label) for c in skill_cols],
            customdata=[jobs for _c in skill_cols],
            colorscale=[[0, "#F7FBFF"], [0.5, "#E69F00"], [1, UNFAVOURABLE]],
            zmin=0,
            zmax=4,
            texttemplate="%{z}",
            hovertemplate="%{x} — %{customdata}<br>%{y}: %{z}<extra></extra>",
            hoverongaps=False,
            xgap=1,
            ygap=1,
            colorbar={"title": {"text": _("Niveaux manquants"), "side": "right"}, "dtick": 1},
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(
        title=view.label("person", tr), tickangle=-90, side="top", tickmode="array", tickvals=people
    )
    return apply_theme(fig, tr, title=tr(view.title), height=max(320, 34 * len(skill_cols) + 220))


def training_chart(view: View, tr: Translator, *, budget: float | None) -> go.Figure:
    """Running cost of the plan by action, against the training budget."""
    _ = tr
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
        fig.add_trace(
            go.Scatter(
                x=[1, max(len(view), 1)],
                y=[budget, budget],
                mode="lines",
                name=_("Budget de formation"),
                line={"color": UNFAVOURABLE, "dash": "dash"},
            )
        )
    fig.update_xaxes(title=_("Actions, par priorité"))
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
            text=[tr.percent(r[1] / 100, 0) for r in rows],
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_xaxes(range=[0, 105], title=view.label("favourable", tr))
    _percent_axis(fig, tr, axis="x")
    fig.update_yaxes(autorange="reversed", automargin=True)
    return apply_theme(fig, tr, title=tr(view.title), showlegend=False)


def chart_builders(
    rep: HRReport, tr: Translator, *, training_budget: float | None
) -> dict[str, Callable[[], go.Figure]]:
    """How to build each chart of the HR screen from its report, by key; a chart without data is left out.

    Keys: ``headcount``, ``pay_scale``, ``pay_bands``, ``index``,
    ``category_gaps``, ``heatmap``, ``plan``, ``survey``. The SMIC line and
    the 5 % alert are the dated parameters of the report's period. A screen
    builds a chart when its tab is first drawn (10 to 90 ms a chart).
    """
    smic, _inputs = annual_smic(rep.period_start, rep.period_end)
    alert = float(param("eu_pay_gap_alert", rep.period_end).value)
    builders: dict[str, Callable[[], go.Figure]] = {
        "headcount": lambda: headcount_chart(rep.by_category, tr),
        "pay_scale": lambda: pay_scale_chart(rep.pay_scale, tr, smic=smic),
        "pay_bands": lambda: pay_bands_chart(rep.pay_bands, tr),
        "index": lambda: index_chart(rep.equality_table, tr),
        "category_gaps": lambda: category_gap_chart(rep.category_gaps, tr, alert=alert),
    }
    if not rep.heatmap.empty:
        builders["heatmap"] = lambda: skills_heatmap(rep.heatmap, tr)
    if not rep.plan.empty:
        builders["plan"] = lambda: training_chart(rep.plan, tr, budget=training_budget)
    if rep.survey_themes is not None:
        survey = rep.survey_themes
        builders["survey"] = lambda: survey_chart(survey, tr)
    return builders


def report_charts(
    rep: HRReport, tr: Translator, *, training_budget: float | None
) -> dict[str, Any]:
    """Every chart of the HR screen from its report, by key (see :func:`chart_builders`)."""
    builders = chart_builders(rep, tr, training_budget=training_budget)
    return {key: build() for key, build in builders.items()}
