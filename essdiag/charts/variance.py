"""Charts of the variance page: waterfall budget → actual, cumulative budget / actual / landing.

Favourable and unfavourable steps use blue and vermillion (Okabe–Ito), and
each bar is also labelled "+" or "−" with its amount: meaning never rests on
colour alone.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from essdiag.charts.theme import FAVOURABLE, NEUTRAL, PALETTE, UNFAVOURABLE, apply_theme, money_axis
from essdiag.i18n import Translator

__all__ = ["cumulative_chart", "waterfall_chart", "waterfall_frame"]


def _short(label: str, width: int = 28) -> str:
    """A label cut to ``width`` characters with an ellipsis (axis labels stay readable)."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def waterfall_frame(table: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    """Steps from budgeted to actual result of the period, one per line of the variance table.

    Each step is the line's effect on the result: +variance for income,
    −variance for charges. Returns ``step``, ``effect`` (euros) and ``kind``
    (``total`` or ``relative``); the first row is the budgeted result, the
    last the actual one.
    """
    _ = tr
    income = table["kind"] == "income"
    budget_result = float(table.loc[income, "budget"].sum() - table.loc[~income, "budget"].sum())
    actual_result = float(table.loc[income, "actual"].sum() - table.loc[~income, "actual"].sum())
    effect = table["variance"].where(income, -table["variance"])
    steps = pd.DataFrame(
        {"step": table["label"].map(lambda s: _short(_(str(s)))), "effect": effect}
    )
    steps = steps[steps["effect"].abs() >= 0.005]
    steps = steps.reindex(steps["effect"].abs().sort_values(ascending=False).index)
    rows = [{"step": _("Résultat budgété"), "effect": budget_result, "kind": "total"}]
    rows += [
        {"step": s, "effect": float(e), "kind": "relative"}
        for s, e in steps.itertuples(index=False)
    ]
    rows.append({"step": _("Résultat réalisé"), "effect": actual_result, "kind": "total"})
    out = pd.DataFrame(rows)
    out["effect"] = out["effect"].round(2)
    return out


def waterfall_chart(frame: pd.DataFrame, tr: Translator, *, title: str) -> go.Figure:
    """Waterfall from the budgeted to the actual result (from :func:`waterfall_frame`)."""
    measure = ["absolute" if k == "total" else "relative" for k in frame["kind"]]
    text = [
        tr.money(v, 0) if k == "total" else ("+" if v >= 0 else "−") + tr.money(abs(v), 0)
        for v, k in zip(frame["effect"], frame["kind"], strict=True)
    ]
    fig = go.Figure(
        go.Waterfall(
            x=list(frame["step"]),
            y=list(frame["effect"]),
            measure=measure,
            text=text,
            textposition="outside",
            increasing={"marker": {"color": FAVOURABLE}},
            decreasing={"marker": {"color": UNFAVOURABLE}},
            totals={"marker": {"color": NEUTRAL}},
            connector={"line": {"color": "#BDBDBD"}},
        )
    )
    apply_theme(fig, tr, title=title, showlegend=False, xaxis={"type": "category"})
    return money_axis(fig, tr)


def cumulative_chart(frame: pd.DataFrame, tr: Translator, *, title: str) -> go.Figure:
    """Cumulative result by month: budget (dashed), actual (solid), landing (dotted)."""
    _ = tr
    fig = go.Figure()
    fig.add_scatter(
        x=frame["month"],
        y=frame["budget"],
        name=_("Budget cumulé"),
        mode="lines+markers",
        line={"color": PALETTE[7], "dash": "dash"},
        marker={"symbol": "square"},
    )
    actual = [None if (isinstance(v, float) and math.isnan(v)) else v for v in frame["actual"]]
    fig.add_scatter(
        x=frame["month"],
        y=actual,
        name=_("Réalisé cumulé"),
        mode="lines+markers",
        line={"color": PALETTE[0], "width": 3},
        marker={"symbol": "circle"},
    )
    fig.add_scatter(
        x=frame["month"],
        y=frame["landing"],
        name=_("Atterrissage (réalisé + budget restant)"),
        mode="lines+markers",
        line={"color": PALETTE[1], "dash": "dot"},
        marker={"symbol": "diamond"},
    )
    apply_theme(fig, tr, title=title, xaxis={"type": "category", "tickangle": -45})
    # Rotated month labels need room: the legend goes below them.
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.3, "x": 0},
        margin={"l": 60, "r": 20, "t": 60, "b": 130},
    )
    return money_axis(fig, tr)
