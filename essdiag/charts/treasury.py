"""Charts of the treasury screen: the cash plan against the bank, the fan chart, the gap's flows.

Pure builders over the views of :mod:`essdiag.treasury.views`,
:mod:`essdiag.treasury.compare` and :func:`essdiag.treasury.stress.compare_scenarios`
(the tables the screen shows beside each chart); the house theme,
blue/vermillion for favourable/unfavourable and dashes or patterns so that
colour never carries meaning alone. Months are written as the reader writes
them (« oct. 2026 »), text is large enough for a projector, every series is
in the legend.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, PALETTE, UNFAVOURABLE, apply_theme, money_axis
from essdiag.figures import View
from essdiag.i18n import N_, Translator
from essdiag.periods import month_short
from essdiag.treasury.views import ACTUAL, FORECAST

__all__ = [
    "LEGEND_BELOW",
    "READABLE",
    "comparison_chart",
    "fan_chart",
    "gap_chart",
    "month_axis",
    "percent_axis",
    "plan_chart",
    "probability_chart",
    "scenarios_chart",
]

READABLE: dict[str, Any] = {"font": {"size": 15}, "title": {"font": {"size": 18}}}
"""Text sizes that stay readable on a laptop and on a classroom projector."""

LEGEND_BELOW = {"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0, "font": {"size": 14}}
"""A legend under the axis that grows downwards (long names wrap without covering the ticks)."""


def month_axis(fig: go.Figure, tr: Translator, months: Sequence[str]) -> go.Figure:
    """A month axis labelled as the reader writes months (« oct. 2026 », "Oct 2026").

    Plotly would name months in English; the labels come from the
    translator instead, at most twelve ticks (every month, two months, quarter, half-year, year).

    Example:
        >>> from essdiag.i18n import translator
        >>> fig = month_axis(go.Figure(), translator("fr"), ["2026-01", "2026-02"])
        >>> list(fig.layout.xaxis.ticktext)
        ['janv. 2026', 'févr. 2026']
    """
    keys = [str(m) for m in months]
    step = next((s for s in (1, 2, 3, 6, 12, 24) if len(keys) <= 12 * s), 60)
    shown = keys[::step]
    return fig.update_xaxes(
        type="date",
        tickmode="array",
        tickvals=shown,
        ticktext=[month_short(m, tr) for m in shown],
        hoverformat="%m/%Y",
    )


def _theme(fig: go.Figure, tr: Translator, title: str, **layout: Any) -> go.Figure:
    apply_theme(fig, tr, title=title, **layout)
    return fig.update_layout(**READABLE, legend=LEGEND_BELOW)


def plan_chart(view: View, tr: Translator, *, minimum_cash: float = 0.0) -> go.Figure:
    """Inflows and outflows as bars, closing cash as a line (solid when actual), the minimum dashed.

    Months read from the accounts (``status`` « Réalisé ») are drawn with
    solid bars and a solid line; forecast months with hatched bars and a
    dashed line, so that the two read apart without colour.
    """
    plan = view.frame
    months = [str(m) for m in plan["month"]]
    status = plan["status"] if "status" in plan else [FORECAST] * len(plan)
    actual = [str(s) == ACTUAL for s in status]
    fig = go.Figure()
    fig.add_bar(
        x=months,
        y=plan["inflows"],
        name=view.label("inflows", tr),
        marker_color=PALETTE[5],
        marker_pattern_shape=["" if a else "." for a in actual],
    )
    fig.add_bar(
        x=months,
        y=-plan["outflows"],
        name=view.label("outflows", tr),
        marker_color=PALETTE[1],
        marker_pattern_shape=["" if a else "/" for a in actual],
    )
    if any(actual):
        last = max(i for i, a in enumerate(actual) if a)
        fig.add_scatter(
            x=months[: last + 1],
            y=plan["closing"][: last + 1],
            name=tr("Trésorerie réelle (banque)"),
            mode="lines+markers",
            line={"color": FAVOURABLE, "width": 4},
        )
        ahead = slice(last, None)
    else:
        ahead = slice(0, None)
    if not all(actual):
        fig.add_scatter(
            x=months[ahead],
            y=plan["closing"][ahead],
            name=tr("Trésorerie prévue"),
            mode="lines+markers",
            line={"color": FAVOURABLE, "width": 3, "dash": "dash"},
        )
    if "available" in plan and bool((plan["available"] != plan["closing"]).any()):
        fig.add_scatter(
            x=months,
            y=plan["available"],
            name=tr("Trésorerie disponible (hors fonds dédiés)"),
            mode="lines",
            line={"color": PALETTE[7], "dash": "dot"},
        )
    if minimum_cash:
        fig.add_scatter(
            x=[months[0], months[-1]],
            y=[minimum_cash, minimum_cash],
            name=tr("Seuil minimal"),
            mode="lines",
            line={"color": UNFAVOURABLE, "dash": "dash", "width": 2},
        )
    _theme(fig, tr, tr("Plan de trésorerie mensuel"), barmode="relative", height=560)
    fig.update_layout(margin={"b": 150})
    return money_axis(month_axis(fig, tr, months), tr)


def comparison_chart(view: View, tr: Translator) -> go.Figure:
    """Closing cash of the months gone by: planned (dashed) and actual (solid), with the gap as bars."""
    table = view.frame
    months = [str(m) for m in table["month"]]
    fig = go.Figure()
    fig.add_bar(
        x=months,
        y=table["gap"],
        name=view.label("gap", tr),
        marker_color=[FAVOURABLE if g >= 0 else UNFAVOURABLE for g in table["gap"]],
        marker_pattern_shape=["" if g >= 0 else "/" for g in table["gap"]],
        opacity=0.55,
    )
    fig.add_scatter(
        x=months,
        y=table["planned"],
        name=view.label("planned", tr),
        mode="lines+markers",
        line={"color": NEUTRAL, "width": 3, "dash": "dash"},
    )
    fig.add_scatter(
        x=months,
        y=table["actual"],
        name=view.label("actual", tr),
        mode="lines+markers",
        line={"color": FAVOURABLE, "width": 4},
    )
    _theme(fig, tr, tr(view.title), height=500)
    fig.update_layout(margin={"b": 130})
    return money_axis(month_axis(fig, tr, months), tr)


def gap_chart(view: View, tr: Translator, *, top: int = 8) -> go.Figure:
    """Horizontal bars of each flow's effect on cash, largest first, labelled with their amount.

    Two series, each in the legend: the flows that left more cash than planned
    (solid blue) and those that left less (hatched vermillion). The value axis
    is widened on each side so that the amounts written beyond the bars never
    run over the flows' names.
    """
    head = view.frame.head(top)
    names = [
        f"{tr(str(f))} ({tr(str(s)).lower()})"
        for f, s in zip(head["flow"], head["side"], strict=True)
    ]
    effects = [float(e) for e in head["effect"]]
    fig = go.Figure()
    for good, label, colour, pattern in (
        (True, N_("Plus de trésorerie que prévu"), FAVOURABLE, ""),
        (False, N_("Moins de trésorerie que prévu"), UNFAVOURABLE, "/"),
    ):
        rows = [i for i, e in enumerate(effects) if (e >= 0) == good]
        if not rows:
            continue
        fig.add_bar(
            x=[effects[i] for i in rows],
            y=[names[i] for i in rows],
            orientation="h",
            marker_color=colour,
            marker_pattern_shape=pattern,
            text=[tr.money(effects[i], 0) for i in rows],
            textposition="outside",
            cliponaxis=False,
            name=tr(label),
        )
    _theme(fig, tr, tr(view.title), height=max(360, 60 * len(names) + 200))
    fig.update_layout(margin={"l": 20, "r": 40, "b": 110})
    fig.update_yaxes(
        autorange="reversed", automargin=True, categoryorder="array", categoryarray=names
    )
    low, high = min([0.0, *effects]), max([0.0, *effects])
    pad = 0.3 * max(high - low, 1.0)
    fig.update_xaxes(range=[low - (pad if low < 0 else 0), high + (pad if high > 0 else 0)])
    fig.add_vline(x=0, line_color=NEUTRAL)
    return money_axis(fig, tr, axis="x")


def fan_chart(view: View, tr: Translator) -> go.Figure:
    """Quantile bands (5–95 %, 25–75 %) of closing cash and the median, month by month."""
    table = view.frame
    x = [str(m) for m in table["month"]]
    fig = go.Figure()
    for low, high, opacity, name in (
        ("q05", "q95", 0.18, tr("90 % des scénarios")),
        ("q25", "q75", 0.35, tr("50 % des scénarios")),
    ):
        fig.add_scatter(
            x=x, y=table[high], mode="lines", line={"width": 0}, showlegend=False, hoverinfo="skip"
        )
        fig.add_scatter(
            x=x,
            y=table[low],
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor=f"rgba(0,114,178,{opacity})",
            name=name,
        )
    fig.add_scatter(
        x=[x[0], x[-1]] if x else [],
        y=[0, 0] if x else [],
        name=tr("Zéro (découvert en dessous)"),
        mode="lines",
        line={"color": UNFAVOURABLE, "dash": "dash"},
    )
    fig.add_scatter(
        x=x, y=table["q50"], name=view.label("q50", tr), line={"color": FAVOURABLE, "width": 3}
    )
    _theme(fig, tr, tr("Éventail de la trésorerie de fin de mois (Monte Carlo)"), height=480)
    return money_axis(month_axis(fig, tr, x), tr)


def probability_chart(view: View, tr: Translator) -> go.Figure:
    """Bars of the probability of negative cash per month."""
    table = view.frame
    x = [str(m) for m in table["month"]]
    fig = go.Figure(
        go.Bar(
            x=x,
            y=table["prob_negative"],
            name=view.label("prob_negative", tr),
            marker_color=UNFAVOURABLE,
            text=[tr.percent(p, 0) if p >= 0.005 else "" for p in table["prob_negative"]],
            textposition="outside",
            showlegend=True,
        )
    )
    _theme(fig, tr, tr("Probabilité d'une trésorerie négative, mois par mois"))
    top = float(table["prob_negative"].max()) if len(table) else 0.0
    percent_axis(fig, tr, min(1.0, max(0.1, top * 1.2)))
    return month_axis(fig, tr, x)


def percent_axis(fig: go.Figure, tr: Translator, top: float, *, axis: str = "yaxis") -> go.Figure:
    """An axis of shares from 0 to ``top`` written as the reader writes percentages (« 10 % »).

    Example:
        >>> from essdiag.i18n import translator
        >>> fig = percent_axis(go.Figure(), translator("fr"), 0.1)
        >>> list(fig.layout.yaxis.ticktext)[:2]
        ['0\xa0%', '2\xa0%']
    """
    step = next((s for s in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25) if top / s <= 6), 0.25)
    ticks = [round(k * step, 4) for k in range(int(top / step + 1e-9) + 1)]
    return fig.update_layout(
        {axis: {"range": [0, top], "tickmode": "array", "tickvals": ticks,
                "ticktext": [tr.percent(t, 0) for t in ticks]}}
    )  # fmt: skip


def scenarios_chart(view: View, tr: Translator) -> go.Figure:
    """Closing cash of several scenarios on one chart (distinct dashes).

    ``view`` has one row per scenario and month (``scenario``, ``month``, ``closing``).
    """
    fig = go.Figure()
    dashes = ("solid", "dash", "dot", "dashdot", "longdash")
    groups = view.frame.groupby("scenario", sort=False)
    months: list[str] = []
    for i, (name, plan) in enumerate(groups):
        months = months or [str(m) for m in plan["month"]]
        fig.add_scatter(
            x=[str(m) for m in plan["month"]],
            y=plan["closing"],
            name=str(name),
            line={"color": PALETTE[i % len(PALETTE)], "dash": dashes[i % len(dashes)], "width": 3},
        )
    fig.add_hline(y=0, line_color=NEUTRAL)
    _theme(fig, tr, tr(view.title), height=500)
    fig.update_layout(margin={"b": 130})
    return money_axis(month_axis(fig, tr, months), tr)
