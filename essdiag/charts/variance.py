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


def waterfall_frame(table: pd.DataFrame, tr: Translator, *, max_steps: int = 12) -> pd.DataFrame:
    """Steps from budgeted to actual result of the period, one per line of the variance table.

    Each step is the line's effect on the result: +variance for income,
    −variance for charges. The ``max_steps`` largest effects get a step each;
    the others are added up in one "other variances" step, so the chart stays
    readable at account level. Step names carry the line's key and are unique
    (a category axis would merge equal names). Returns ``step``, ``effect``
    (euros) and ``kind`` (``total`` or ``relative``); the first row is the
    budgeted result, the last the actual one.

    Example:
        >>> from essdiag.i18n import translator
        >>> t = pd.DataFrame({"kind": ["charge", "charge", "income"], "key": ["606", "613", "74"],
        ...     "label": ["Énergie", "Énergie", "74 – Subventions"], "budget": [10.0, 5.0, 20.0],
        ...     "actual": [12.0, 4.0, 19.0], "variance": [2.0, -1.0, -1.0]})
        >>> waterfall_frame(t, translator("fr"), max_steps=1)[["step", "effect"]].values.tolist()
        [['Résultat budgété', 5.0], ['606 Énergie', -2.0], ['Autres écarts (2 lignes)', 0.0], ['Résultat réalisé', 3.0]]
    """
    _ = tr
    income = table["kind"] == "income"
    budget_result = float(table.loc[income, "budget"].sum() - table.loc[~income, "budget"].sum())
    actual_result = float(table.loc[income, "actual"].sum() - table.loc[~income, "actual"].sum())
    effect = table["variance"].where(income, -table["variance"])
    names = [
        label if label.startswith(key) else f"{key} {label}"
        for key, label in zip(
            table["key"].astype("str"), (_(str(x)) for x in table["label"]), strict=True
        )
    ]
    steps = pd.DataFrame({"step": [_short(n) for n in names], "effect": effect.to_numpy()})
    steps = steps[steps["effect"].abs() >= 0.005]
    steps = steps.reindex(steps["effect"].abs().sort_values(ascending=False).index)
    shown, rest = steps.iloc[:max_steps], steps.iloc[max_steps:]
    rows = [{"step": _("Résultat budgété"), "effect": budget_result, "kind": "total"}]
    seen: set[str] = set()
    for s, e in shown.itertuples(index=False):
        name = str(s)
        while name in seen:  # two long names cut to the same text
            name += "\u200b"
        seen.add(name)
        rows.append({"step": name, "effect": float(e), "kind": "relative"})
    if len(rest):
        rows.append(
            {
                "step": _("Autres écarts ({n} lignes)", n=len(rest)),
                "effect": float(rest["effect"].sum()),
                "kind": "relative",
            }
        )
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
