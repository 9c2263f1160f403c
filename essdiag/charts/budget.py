"""Charts of the budget page: monthly phasing of charges and income, totals by heading.

Pure builders: they take computed frames and a translator and return plotly
figures; the page shows each beside its table.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from essdiag.charts.theme import PALETTE, apply_theme, money_axis
from essdiag.i18n import Translator

__all__ = ["heading_bars", "phasing_chart"]


def phasing_chart(totals: pd.DataFrame, tr: Translator) -> go.Figure:
    """Budgeted charges and income per month (from :func:`essdiag.budget.monthly_totals`).

    Charges are plain bars, income hatched bars, so the two read apart
    without colour.
    """
    _ = tr
    fig = go.Figure()
    fig.add_bar(x=totals["month"], y=totals["charges"], name=_("Charges"), marker_color=PALETTE[3])
    fig.add_bar(
        x=totals["month"],
        y=totals["income"],
        name=_("Produits"),
        marker={"color": PALETTE[0], "pattern": {"shape": "/"}},
    )
    apply_theme(
        fig,
        tr,
        title=_("Budget mensuel : charges et produits"),
        barmode="group",
        xaxis={"type": "category"},
    )
    return money_axis(fig, tr)


def heading_bars(totals: pd.DataFrame, tr: Translator) -> go.Figure:
    """Annual budget by heading (from :func:`essdiag.budget.checks.totals_by_heading`)."""
    _ = tr
    fig = go.Figure()
    for kind, name, colour, pattern in (
        ("charge", _("Charges"), PALETTE[3], ""),
        ("income", _("Produits"), PALETTE[0], "/"),
        ("in_kind_use", _("Contributions en nature"), PALETTE[4], "."),
        ("in_kind_source", _("Contributions en nature"), PALETTE[4], "."),
    ):
        part = totals[totals["kind"] == kind]
        if part.empty:
            continue
        fig.add_bar(
            y=[_(str(x)) for x in part["label"]],
            x=part["amount"],
            orientation="h",
            name=name,
            marker={"color": colour, "pattern": {"shape": pattern}},
            showlegend=kind != "in_kind_source",
        )
    apply_theme(
        fig,
        tr,
        title=_("Budget annuel par rubrique"),
        height=max(350, 28 * len(totals) + 120),
        yaxis={"autorange": "reversed"},
    )
    return money_axis(fig, tr, axis="x")
