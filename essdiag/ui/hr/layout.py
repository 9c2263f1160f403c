"""How the HR tabs lay out their figures and charts (on top of :mod:`essdiag.ui.widgets`).

* :func:`metric` is a figure as a metric that, when the figure cannot be
  computed, says why under its « – » (the figure's own ``reason``);
* :func:`metrics` lays figures out in rows short enough for their labels;
* :func:`chart_beside` is a chart with its table beside it, half and half,
  so that a table of four or five columns is read without scrolling;
* :func:`stacked_chart` is a chart at full width with its table below, for
  charts whose labels need the width (heat map) or tables of many columns;
* :func:`save_import` saves an imported register or survey and keeps the
  problems found for :func:`pending_issues` to show after the save's rerun
  (a message drawn just before a rerun never shows).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import streamlit as st
from pydantic import BaseModel

from essdiag.errors import Issue
from essdiag.figures import Figure, View
from essdiag.ui import state, widgets
from essdiag.ui.screen import Screen, save_section

__all__ = [
    "chart_beside",
    "metric",
    "metrics",
    "pending_issues",
    "save_import",
    "stacked_chart",
]

ISSUES_KEY = "hr_import_issues"
"""Session key of the problems of the last import, shown once after its save."""


def metric(figure: Figure, *, working: bool = True, label: str | None = None) -> None:
    """A figure as a metric; when it cannot be computed, the reason under its value.

    ``label`` (translated) replaces the figure's label where a row is too narrow for it.
    """
    widgets.figure_metric(figure, working=False, label=label)
    if not figure.available:  # under the « – », before the working
        _ = state.tr()
        reason = _(figure.reason) if figure.reason else _("données manquantes")
        st.caption(_("Non calculable : {reason}", reason=reason))
    if working:
        widgets.explain(figure)


def metrics(figures: Sequence[Figure], *, per_row: int = 3, working: bool = True) -> None:
    """Figures as metrics, ``per_row`` to a row so that their labels are read whole."""
    for start in range(0, len(figures), per_row):
        cols = st.columns(per_row)
        for col, figure in zip(cols, figures[start : start + per_row], strict=False):
            with col:
                metric(figure, working=working)


def stacked_chart(fig: Any, view: View, *, key: str, caption: str = "") -> None:
    """A chart at full width, then its table (the chart's text alternative) and its CSV."""
    st.plotly_chart(fig, key=f"{key}_chart", config=widgets.chart_config())
    widgets.show_view(view, key=key, caption=caption)


def chart_beside(fig: Any, view: View, *, key: str, caption: str = "") -> None:
    """A chart and its table side by side, half and half (the table is its text alternative)."""
    col_chart, col_table = st.columns(2)
    col_chart.plotly_chart(fig, key=f"{key}_chart", config=widgets.chart_config())
    with col_table:
        widgets.show_view(view, key=key, caption=caption)


def save_import(
    screen: Screen[Any],
    new_section: BaseModel,
    message: str,
    issues: Iterable[Issue],
    *,
    flash: str,
    flash_params: dict[str, Any] | None = None,
) -> None:
    """Save an import; its problems (rows set aside…) are shown by :func:`pending_issues` next run."""
    save_section(
        screen,
        new_section,
        message,
        after={ISSUES_KEY: list(issues)},
        flash=flash,
        flash_params=flash_params,
    )


def pending_issues() -> None:
    """The problems of the last import saved, once, under the confirmation of its save."""
    found = st.session_state.pop(ISSUES_KEY, None)
    if found:
        widgets.show_issues(found, key=ISSUES_KEY)
