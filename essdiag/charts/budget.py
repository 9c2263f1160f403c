"""Charts of the budget screen: monthly phasing of charges and income, totals by heading.

Pure builders over the views of :mod:`essdiag.budget.views` (the same view is
the chart's table beside it): they read ``view.frame`` by key and take legend
names from the view's columns; the screen shows each beside its table.
"""

from __future__ import annotations

import plotly.graph_objects as go

from essdiag.budget.section import Kind
from essdiag.charts.theme import PALETTE, apply_theme, money_axis
from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.periods import month_short

__all__ = ["heading_bars", "phasing_chart"]


def phasing_chart(view: View, tr: Translator) -> go.Figure:
    """Budgeted charges and income per month (:func:`essdiag.budget.views.monthly_totals_view`).

    Charges are plain bars, income hatched bars, so the two read apart
    without colour.
    """
    frame = view.frame
    months = [month_short(str(m), tr) for m in frame["month"]]
    fig = go.Figure()
    fig.add_bar(
        x=months, y=frame["charges"], name=view.label("charges", tr), marker_color=PALETTE[3]
    )
    fig.add_bar(
        x=months,
        y=frame["income"],
        name=view.label("income", tr),
        marker={"color": PALETTE[0], "pattern": {"shape": "/"}},
    )
    apply_theme(
        fig,
        tr,
        title=tr(view.title),
        barmode="group",
        xaxis={"type": "category", "tickangle": -45},
        height=440,
    )
    # The legend above the bars: the slanted month names below need the room.
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        margin={"l": 60, "r": 20, "t": 90, "b": 90},
    )
    return money_axis(fig, tr)


def heading_bars(view: View, tr: Translator) -> go.Figure:
    """Annual budget by heading (:func:`essdiag.budget.views.headings_view`), by kind."""
    _ = tr
    frame = view.frame
    fig = go.Figure()
    for kind, name, colour, pattern in (
        (Kind.CHARGE, _("Charges"), PALETTE[3], ""),
        (Kind.INCOME, _("Produits"), PALETTE[0], "/"),
        (Kind.IN_KIND_USE, _("Contributions en nature"), PALETTE[4], "."),
        (Kind.IN_KIND_SOURCE, _("Contributions en nature"), PALETTE[4], "."),
    ):
        part = frame[frame["kind"] == kind]
        if part.empty:
            continue
        fig.add_bar(
            y=[_(str(x)) for x in part["label"]],
            x=part["amount"],
            orientation="h",
            name=name,
            marker={"color": colour, "pattern": {"shape": pattern}},
            showlegend=kind is not Kind.IN_KIND_SOURCE,
        )
    apply_theme(
        fig,
        tr,
        title=tr(view.title),
        height=max(350, 28 * len(frame) + 120),
        yaxis={"autorange": "reversed"},
    )
    return money_axis(fig, tr, axis="x")
