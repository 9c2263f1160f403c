"""Three plans compared: the base plan, every funder late by n months, one funder cut by p %.

The plans are rerun by :func:`essdiag.treasury.stress.compare_scenarios`.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.charts import treasury as charts
from essdiag.treasury.stress import compare_scenarios
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.treasury import plan_inputs

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The scenario settings, the chart of closing cash and the comparison table."""
    _ = screen.tr
    st.subheader(_("Comparaison de scénarios"))
    inputs, _notes = plan_inputs(screen)
    if inputs.receipts.empty:
        st.info(_("Les scénarios portent sur les financeurs dotés d'un échéancier."))
        return
    ids = [str(i) for i in inputs.receipts.index]
    c1, c2, c3 = st.columns(3)
    all_late = c1.slider(
        _("Retard de tous les financeurs (mois)"), 0, 12, 2, key="treasury_scn_delay"
    )
    target = c2.selectbox(
        _("Financeur en baisse"),
        options=ids,
        format_func=lambda i: inputs.names[str(i)],
        key="treasury_scn_source",
    )
    target_cut = c3.slider(_("Baisse (%)"), 0, 100, 100, step=10, key="treasury_scn_cut")
    names = {
        "base": _("Plan de base"),
        "late": _("Tous en retard de {n} mois", n=all_late),
        "cut": _("{name} : −{p} %", name=inputs.names[str(target)], p=target_cut),
    }
    paths, summary = compare_scenarios(
        inputs,
        delay_months=int(all_late),
        source_id=str(target),
        cut_share=target_cut / 100,
        names=names,
    )
    widgets.chart_with_table(charts.scenarios_chart(paths, _), summary, key="treasury_scenarios")
