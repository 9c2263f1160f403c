"""The monthly cash plan: headline figures, the alert, the plan's chart and table, the receipts.

The plan is :func:`essdiag.treasury.plan.cash_plan` over the inputs gathered
from the dossier; when it cannot be built the screen says why and stops.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.charts import treasury as charts
from essdiag.funding.schedule import schedule_issues
from essdiag.periods import month_short, month_title
from essdiag.treasury.plan import summarise, summary_figures
from essdiag.treasury.views import PLAN_SHOWN, cash_plan_view, receipts_view
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.treasury import plan_inputs

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The plan, or the issues that prevent it (then the screen stops)."""
    _ = screen.tr
    inputs, _notes = plan_inputs(screen)
    plan, issues = inputs.cash_plan()
    if plan is None:
        widgets.show_issues(issues, title=_("Le plan ne peut pas être calculé :"))
        st.stop()
    assert plan is not None
    summary = summarise(plan, inputs.dedicated_funds)
    figs = summary_figures(
        plan, dedicated_funds=inputs.dedicated_funds, minimum_cash=inputs.minimum_cash
    )
    st.subheader(_("Plan de trésorerie"))
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        st.metric(
            _(figs["lowest"].label),
            figs["lowest"].shown(_),
            help=_("En {month}.", month=month_title(summary.lowest_month, _)),
        )
        widgets.explain(figs["lowest"])
    for col, key in ((c2, "alerts"), (c3, "closing"), (c4, "reserve")):
        with col:
            widgets.figure_metric(figs[key])
    if summary.alert_months:
        st.warning(
            _(
                "Alerte : la trésorerie disponible passe sous le seuil de {min} en {months}.",
                min=_.money(inputs.minimum_cash, 0),
                months=", ".join(month_short(m, _) for m in summary.alert_months),
            )
        )
    else:
        st.success(_("La trésorerie disponible reste au-dessus du seuil minimal sur tout le plan."))
    view = cash_plan_view(plan)
    widgets.chart_with_table(
        charts.plan_chart(view, _, minimum_cash=inputs.minimum_cash),
        view.select(PLAN_SHOWN),
        key="treasury_plan",
    )
    notes = schedule_issues(screen.dossier.funding.sources, inputs.months)
    if notes:
        with st.expander(_("Points d'attention sur les échéanciers ({n})", n=len(notes))):
            for note in notes:
                st.markdown(f"- {_.fill(note.template, note.params)}")
    if not inputs.receipts.empty:
        st.markdown(_("**Versements attendus des financeurs**"))
        widgets.show_view(receipts_view(inputs), key="treasury_receipts")
