"""Where the year will end: the result by the budget and by three landing methods, line by line.

Each result is a figure with its working (the method's formula, its inputs);
below the table, how a variance is computed and flagged.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.landing import Method
from essdiag.budget.views import landing_view
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.variance import choices, whole_euros

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """Four results with their working, the landing table, the working of the variances."""
    _ = screen.tr
    report = choices.report(screen)
    st.subheader(_("Atterrissage de l'exercice par trois méthodes"))
    keys = ["budget_year", *(str(m) for m in Method)]
    for col, key in zip(st.columns(len(keys)), keys, strict=True):
        with col:
            widgets.figure_metric(whole_euros(report.results[key]))
    widgets.show_view(landing_view(report.landing), key="variance_landing")
    widgets.explain(report.flagged)
