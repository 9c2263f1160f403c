"""Two charts with their tables: from the budgeted to the actual result, and the cumulative result."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.views import cumulative_view, waterfall_view
from essdiag.charts.variance import cumulative_chart, waterfall_chart
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.variance import choices

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The waterfall of the period's variances, then budget / actual / landing month by month."""
    _ = screen.tr
    report = choices.report(screen)
    st.subheader(_("Du résultat budgété au résultat réalisé"))
    steps = waterfall_view(report.table, _)
    widgets.chart_with_table(
        waterfall_chart(
            steps,
            _,
            title=_("Effet de chaque écart sur le résultat ({p})", p=report.period.title(_)),
        ),
        steps,
        key="variance_waterfall",
        caption=_("Un produit au-dessus du budget ou une charge en dessous améliore le résultat."),
    )
    st.subheader(_("Résultat cumulé : budget, réalisé, atterrissage"))
    cumulative = cumulative_view(report.cumulative)
    widgets.chart_with_table(
        cumulative_chart(cumulative, _, title=_("Résultat cumulé mois par mois")),
        cumulative,
        key="variance_cumulative",
    )
