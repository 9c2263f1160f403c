"""The months gone by: the closing cash the budget planned against the bank's, and what explains it.

The comparison is :func:`essdiag.treasury.compare.against_initial` (kept
per revision): the initial plan starts from the same balance as the bank, so
the gap is the sum of the flows' gaps, listed largest first.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.charts import treasury as charts
from essdiag.treasury.compare import comparison_view, gap_figure, gap_view
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.treasury import chart, chart_over_table, comparison, kept_view

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The gap figure, planned and actual month by month, and the flows that explain the gap."""
    _ = screen.tr
    result = comparison(screen)
    if result is None:
        st.info(
            _(
                "Aucun mois réel pour l'instant : importez le FEC de l'exercice (écran "
                "Comptabilité) pour comparer le plan aux soldes de la banque, mois par mois."
            )
        )
        return
    st.write(
        _(
            "Le plan initial est celui que donnaient le budget et les échéanciers des financeurs, "
            "depuis le même solde de départ que la banque : l'écart de chaque mois est donc la "
            "somme des écarts des flux, du plus fort au plus faible."
        )
    )
    widgets.figure_metric(gap_figure(result))
    months = kept_view(screen, "vs_plan", lambda: comparison_view(result), screen.today)
    months_chart = chart(
        screen, "vs_plan", lambda: charts.comparison_chart(months, _), screen.today
    )
    chart_over_table(months_chart, months, key="treasury_vs_plan")
    flows = kept_view(screen, "gap_flows", lambda: gap_view(result), screen.today)
    flows_chart = chart(screen, "gap_flows", lambda: charts.gap_chart(flows, _), screen.today)
    chart_over_table(flows_chart, flows, key="treasury_gap_flows")
