"""Three plans compared from the last actual balance: the base plan, every funder late, one cut.

The plans are rerun by :func:`essdiag.treasury.stress.compare_scenarios`, once per
revision and settings.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.charts import treasury as charts
from essdiag.treasury.stress import compare_scenarios
from essdiag.ui.screen import Screen
from essdiag.ui.treasury import chart, chart_over_table, kept, kept_view, plan_inputs

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The scenario settings, the chart of closing cash and the comparison table."""
    _ = screen.tr
    inputs, _notes = plan_inputs(screen)
    if not inputs.receipts.to_numpy().any():
        st.info(
            _(
                "Les scénarios portent sur les versements à venir des financeurs dotés d'un "
                "échéancier : renseignez-les dans l'écran Financements."
            )
        )
        return
    st.write(
        _(
            "Le plan de base, puis tous les financeurs en retard de n mois, puis un financeur qui "
            "baisse de p % : à partir du dernier solde bancaire connu."
        )
    )
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
    options = {
        "delay_months": int(all_late),
        "source_id": str(target),
        "cut_share": target_cut / 100,
        "names": tuple(names.items()),
    }
    paths, summary = kept(
        screen,
        "scenario_plans",
        lambda: compare_scenarios(
            inputs,
            delay_months=int(all_late),
            source_id=str(target),
            cut_share=target_cut / 100,
            names=names,
        ),
        screen.today,
        *options.values(),
    )
    figure = chart(
        screen,
        "scenarios",
        lambda: charts.scenarios_chart(paths, _),
        screen.today,
        *options.values(),
    )
    table = kept_view(screen, "scenarios", lambda: summary, screen.today, *options.values())
    chart_over_table(figure, table, key="treasury_scenarios")
