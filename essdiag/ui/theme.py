"""The app's own look beyond Streamlit's theme: names read whole, never cut.

Streamlit writes a page link's name and a metric's label on one line and cuts
what does not fit: « Santé financière et investissement » in a 300-pixel
sidebar, « Months below the minimum (from November 2026 to the end of
December 2… » over a headline card, losing the period the figure covers.
:func:`apply` lets both wrap onto a second line instead. Called once per run
by ``app.py``, like the uploaders' texts.
"""

from __future__ import annotations

import streamlit as st

__all__ = ["CSS", "apply"]

_LINK = '[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]'
_METRIC = '[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"]'
_WRAP = "{white-space: normal; overflow: visible; text-overflow: clip;}"

CSS = (
    # the sidebar's page names: the name's box and the markdown inside it
    f"{_LINK} > span:not(:first-child), {_LINK} [data-testid='stMarkdownContainer'], "
    f"{_LINK} [data-testid='stMarkdownContainer'] p {_WRAP}"
    # a name on two lines reads as one name (its lines close), each link as tall as before
    f"{_LINK} [data-testid='stMarkdownContainer'] p {{line-height: 1.35; padding: 0.2rem 0;}}"
    # a headline card's label with its period and scope
    f"{_METRIC}, {_METRIC} p {_WRAP}"
)
"""The style that lets page names and card labels wrap (Streamlit 1.67's markup)."""


def apply() -> None:
    """The app's style (once per run)."""
    st.html(f"<style>{CSS}</style>")
