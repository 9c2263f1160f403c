"""Two charts with their tables: from the budgeted to the actual result, and the cumulative result."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.views import cumulative_view, waterfall_view
from essdiag.charts.variance import cumulative_chart, waterfall_chart
from essdiag.i18n import N_
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.variance import choices

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The waterfall of the period's variances, then budget / actual / landing month by month."""
    _ = screen.tr
    report = choices.report(screen)
    period = _.fill(*report.scope.scope_of(report.period.months))
    actual = N_("Résultat atterri") if report.projected else N_("Résultat réalisé")
    st.subheader(_("Du résultat budgété au {r}", r=_(actual).lower()))
    steps = waterfall_view(report.table, _, actual_label=actual)
    # Full width, its table below: side by side, the names and the amounts had no room.
    st.plotly_chart(
        waterfall_chart(steps, _, title=_("Effet de chaque écart sur le résultat — {p}", p=period)),
        key="variance_waterfall_chart",
        config=widgets.chart_config(),
    )
    widgets.show_view(
        steps,
        key="variance_waterfall",
        caption=_("Un produit au-dessus du budget ou une charge en dessous améliore le résultat."),
    )
    st.subheader(_("Résultat cumulé : budget, réalisé, atterrissage"))
    cumulative = cumulative_view(report.cumulative)
    year = _.fill(*report.scope.scope_of(report.fiscal_year.month_keys()))
    widgets.chart_with_table(
        cumulative_chart(cumulative, _, title=_("Résultat cumulé mois par mois — {p}", p=year)),
        cumulative,
        key="variance_cumulative",
    )
