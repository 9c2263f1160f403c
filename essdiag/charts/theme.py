"""Shared look of essdiag's charts: colour-blind-safe palette, French number formats.

The palette is Okabe & Ito's (2008) eight colours, distinguishable with the
common colour-vision deficiencies; meaning is never carried by colour alone
(charts also use labels, patterns or position). Favourable/unfavourable use
blue/vermillion, never green/red.
"""

from __future__ import annotations

import math
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
    "money_ticks",
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
    """An axis in euros whose ticks read as the reader writes money (« −40 000 € », "−€40,000").

    Plotly writes a tick prefix before the sign ("€−40,000"), and its own
    currency symbol needs a locale that a PNG export (kaleido) never gets:
    the ticks are placed here, at round amounts over the data's extent
    (:func:`money_ticks`), and written by the translator, in the browser and
    in the exported image alike. The tick format, prefix and suffix stay for
    the hover labels (Plotly applies them to values between ticks). Only the
    main axis of that letter is set (a share axis ``y2`` keeps its own).
    """
    spec: dict[str, Any] = {"tickformat": ",.0f", "ticksuffix": " €" if tr.lang == "fr" else ""}
    if tr.lang != "fr":
        spec["tickprefix"] = "€"
    extent = _extent(fig, axis)
    if extent is not None:
        ticks = money_ticks(*extent)
        spec |= {
            "tickmode": "array",
            "tickvals": ticks,
            "ticktext": [tr.money(t, 0) for t in ticks],
        }
    fig.update_layout({f"{axis}axis": spec})
    return fig


def money_ticks(low: float, high: float, count: int = 6) -> list[float]:
    """Round amounts from below ``low`` to above ``high``: about ``count`` intervals between them.

    Steps are 1, 2, 2.5 or 5 times a power of ten (at least 1 €), with one more
    tick on each side for the margin Plotly adds around the data.

    Example:
        >>> money_ticks(-41_000, 118_000)
        [-75000.0, -50000.0, -25000.0, 0.0, 25000.0, 50000.0, 75000.0, 100000.0, 125000.0, 150000.0]
    """
    low, high = min(low, high), max(low, high)
    span = high - low if high - low >= 1 else max(abs(high), 1.0)  # a flat line gets a scale
    power = 10 ** math.floor(math.log10(span / count))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if span / (m * power) <= count + 1)
    step = max(step, 1.0)
    first = math.floor(low / step) - 1
    last = math.ceil(high / step) + 1
    return [float(k * step) for k in range(first, last + 1)]


def _number(value: Any) -> float | None:
    """A finite number, or None (a category, a gap, a NaN)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return None
    try:
        number = float(value)  # numpy scalars too
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _listed(values: Any) -> list[Any]:
    """A trace's array (tuple, list, numpy array) as a list; a scalar repeated is left to callers."""
    return [] if values is None else list(values)


def _numbers(values: Any) -> list[float]:
    """The finite numbers among a trace's values (categories and gaps left out)."""
    return [n for n in map(_number, _listed(values)) if n is not None]


def _extent(fig: go.Figure, axis: str) -> tuple[float, float] | None:
    """Lowest and highest amount drawn on the main ``x`` or ``y`` axis, or its set range.

    Bars start from their base (0 by default) and, stacked, add up by sign
    at each position; a waterfall runs through its steps; lines and markers
    are their values; horizontal lines and rectangles on the axis count too.
    """
    layout_axis = fig.layout[f"{axis}axis"]
    if layout_axis.range is not None and None not in layout_axis.range:
        return float(layout_axis.range[0]), float(layout_axis.range[1])
    stacks: dict[Any, float] | None = {} if fig.layout.barmode in ("stack", "relative") else None
    found: list[float] = []
    for trace in fig.data:
        if (getattr(trace, f"{axis}axis", None) or axis) != axis:
            continue
        horizontal = getattr(trace, "orientation", None) == "h"
        if trace.type in ("bar", "waterfall") and (axis == "x") != horizontal:
            continue  # this axis holds the bars' categories
        raw = _listed(getattr(trace, axis, None))
        if trace.type == "waterfall":
            found += _waterfall(_numbers(raw), _listed(trace.measure))
        elif trace.type == "bar":
            found += _bars(trace, raw, "x" if axis == "y" else "y", stacks)
        else:
            found += _numbers(raw)
    for shape in fig.layout.shapes:
        if (getattr(shape, f"{axis}ref", None) or axis) == axis:
            found += _numbers([getattr(shape, f"{axis}0", None), getattr(shape, f"{axis}1", None)])
    return (min(found), max(found)) if found else None


def _bars(trace: Any, raw: list[Any], other: str, stacks: dict[Any, float] | None) -> list[float]:
    """Where a bar trace's bars start and end; stacked (``stacks``), on top of those before."""
    many = hasattr(trace.base, "__len__") and not isinstance(trace.base, str)
    bases = _listed(trace.base) if many else [trace.base] * len(raw)
    places = _listed(getattr(trace, other, None)) or list(range(len(raw)))
    out: list[float] = []
    for place, value, base in zip(places, raw, bases, strict=False):
        v, b = _number(value), _number(base) or 0.0
        if v is None:
            continue
        out.append(b)
        if stacks is None:
            out.append(b + v)
            continue
        key = (place, v >= 0)  # positive bars stack upwards, negative ones downwards
        stacks[key] = stacks.get(key, 0.0) + v
        out.append(b + stacks[key])
    return out


def _waterfall(values: list[float], measure: list[str]) -> list[float]:
    """Where a waterfall's bars run: its running total through the steps, from 0."""
    running, out = 0.0, [0.0]
    for k, v in enumerate(values):
        kind = measure[k] if k < len(measure) else "relative"
        running = v if kind == "absolute" else running if kind == "total" else running + v
        out.append(running)
    return out
