"""Headline figures of the diagnosis: SWOT items, orientations, jobs created and kept."""

from __future__ import annotations

import streamlit as st

from essdiag.ui import cache, widgets
from essdiag.ui.screen import Screen
from essdiag.watch.section import WatchSection
from essdiag.watch.summary import diagnosis_headline

__all__ = ["show"]


def show(screen: Screen[WatchSection]) -> None:
    """Four figures with their working."""
    figures = cache.computed(diagnosis_headline, screen.opened)
    for col, key in zip(st.columns(4), ("swot", "orientations", "created", "kept"), strict=True):
        with col:
            widgets.figure_metric(figures[key])
