"""Shared look of essdiag's charts: colour-blind-safe palette, French number formats.

The palette is Okabe & Ito's (2008) eight colours, distinguishable with the
common colour-vision deficiencies; meaning is never carried by colour alone
(charts also use labels, patterns or position). Favourable/unfavourable use
blue/vermillion, never green/red.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from essdiag.i18n import Translator

__all__ = [
    "FAVOURABLE",
    "NEUTRAL",
    "PALETTE",
    "UNFAVOURABLE",
    "apply_theme",
    "money_axis",
]

PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
FAVOURABLE = "#0072B2"
UNFAVOURABLE = "#D55E00"
NEUTRAL = "#7F7F7F"


def _separators(tr: Translator) -> str:
    """Plotly's ``separators``: decimal mark then thousands mark."""
    return ", " if tr.lang == "fr" else ".,"


def apply_theme(fig: go.Figure, tr: Translator, *, title: str, **layout: Any) -> go.Figure:
    """Title, palette, fonts and number separators of the session's language."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        colorway=list(PALETTE),
        separators=_separators(tr),
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 13, "color": "#1F1F1F"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 60, "r": 20, "t": 60, "b": 50},
        legend={"orientation": "h", "yanchor": "bottom", "y": -0.25, "x": 0},
        hoverlabel={"namelength": -1},
        **layout,
    )
    fig.update_xaxes(showgrid=False, linecolor="#BDBDBD")
    fig.update_yaxes(gridcolor="#E5E5E5", zerolinecolor="#9E9E9E")
    return fig


def money_axis(fig: go.Figure, tr: Translator, *, axis: str = "y") -> go.Figure:
    """An axis in euros with grouping (``1 234 567 €`` in French)."""
    spec: dict[str, Any] = {"tickformat": ",.0f", "ticksuffix": " €" if tr.lang == "fr" else ""}
    if tr.lang != "fr":
        spec["tickprefix"] = "€"
    if axis == "y":
        fig.update_yaxes(**spec)
    else:
        fig.update_xaxes(**spec)
    return fig
