"""The monthly cash plan: the bank's months then the forecast, its figures, alert, chart and table.

The plan is :func:`essdiag.treasury.plan.cash_plan` over the inputs gathered
from the dossier and its accounts; when there is nothing to plan, or the plan
cannot be built, the screen says so and stops.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.charts import treasury as charts
from essdiag.funding.schedule import schedule_issues
from essdiag.periods import month_short
from essdiag.treasury.plan import summarise, summary_figures
from essdiag.treasury.views import PLAN_SHOWN, cash_plan_view, receipts_view
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.treasury import cash_plan, chart, chart_over_table, kept_view, plan_inputs

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The plan; or that there is nothing to plan; or why it cannot be built (the screen stops)."""
    _ = screen.tr
    inputs, _notes = plan_inputs(screen)
    if inputs.empty:
        st.info(
            _(
                "Il n'y a encore rien à planifier : ni comptabilité importée, ni budget, ni flux "
                "saisis, ni trésorerie de départ. Importez un FEC (écran Comptabilité), saisissez "
                "le budget prévisionnel (écran Budget) ou ouvrez « Hypothèses du plan » ci-dessus."
            )
        )
        return  # the other tabs say, each in its own words, what they lack
    plan, issues = cash_plan(screen)
    if plan is None:
        widgets.show_issues(issues, title=_("Le plan ne peut pas être calculé :"))
        st.stop()
    assert plan is not None
    summary = summarise(plan, inputs.dedicated_funds)
    figs = summary_figures(
        plan,
        dedicated_funds=inputs.dedicated_funds,
        minimum_cash=inputs.minimum_cash,
        actual_through=inputs.actual_through,
    )
    keys = [k for k in ("bank", "lowest", "alerts", "closing", "reserve") if k in figs]
    cols = st.columns(2)
    for i, key in enumerate(keys):
        with cols[i % len(cols)]:
            if key == "lowest":
                widgets.figure_metric(
                    figs[key],
                    delta=figs["margin"],
                    help=_("Sous la valeur : la marge au-dessus du seuil minimal souhaité."),
                )
            else:
                widgets.figure_metric(figs[key])
    if summary.alert_months:
        st.warning(
            _(
                "Alerte : la trésorerie disponible prévue passe sous le seuil de {min} en {months}.",
                min=_.money(inputs.minimum_cash, 0),
                months=", ".join(month_short(m, _) for m in summary.alert_months),
            )
        )
    elif summary.negative_months:
        st.warning(_("La trésorerie prévue devient négative."))
    elif inputs.minimum_cash > 0:
        st.success(
            _("La trésorerie disponible prévue reste au-dessus du seuil minimal sur tout le plan.")
        )
    else:
        st.info(
            _(
                "La trésorerie prévue reste positive sur tout le plan. Fixez une trésorerie "
                "minimale souhaitée dans « Hypothèses du plan » pour être alerté avant."
            )
        )
    view = kept_view(screen, "plan", lambda: cash_plan_view(plan), screen.today)
    figure = chart(
        screen,
        "plan",
        lambda: charts.plan_chart(view, _, minimum_cash=inputs.minimum_cash),
        screen.today,
    )
    chart_over_table(
        figure,
        kept_view(screen, "plan_shown", lambda: view.select(PLAN_SHOWN), screen.today),
        key="treasury_plan",
        caption=_(
            "Le tableau du graphique. Le classeur Excel (en bas de l'écran) détaille chaque flux."
        ),
    )
    notes = schedule_issues(screen.dossier.funding.sources, inputs.months)
    if notes:
        with st.expander(_("Points d'attention sur les échéanciers ({n})", n=len(notes))):
            for note in notes:
                st.markdown(f"- {widgets.issue_text(note, where=False)}")
    if not inputs.receipts.iloc[:, inputs.actual_months :].empty:
        st.markdown(_("**Versements attendus des financeurs**"))
        receipts = kept_view(screen, "receipts", lambda: receipts_view(inputs, _), screen.today)
        widgets.show_view(receipts, key="treasury_receipts")
