"""Funders' late payments and cuts simulated: probability of a cash gap, credit line at 95 %.

Each funder's assumptions are edited in a table (their own, else the
dossier's default) and may be saved; the simulation itself
(:func:`essdiag.treasury.montecarlo.simulate_forecast`) starts from the last
actual bank balance and is cached on the revision and the assumptions, so it
does not rerun on every visit.
"""

from __future__ import annotations

import streamlit as st

from essdiag.charts import treasury as charts
from essdiag.treasury.montecarlo import MonteCarloResult, montecarlo_figures, simulate_forecast
from essdiag.treasury.section import TreasurySection
from essdiag.treasury.table import (
    DELAY_COLUMNS,
    delay_params,
    delays_table,
    section_with_delays,
)
from essdiag.treasury.views import FAN_SHOWN, PROBABILITY_SHOWN, montecarlo_view
from essdiag.ui import widgets
from essdiag.ui.funding import located
from essdiag.ui.screen import Screen, save_section
from essdiag.ui.treasury import chart, chart_over_table, kept, kept_view, plan_inputs

__all__ = ["show"]


def show(screen: Screen[TreasurySection]) -> MonteCarloResult | None:
    """The assumptions form, the two headline figures and the fan and probability charts."""
    _ = screen.tr
    inputs, _notes = plan_inputs(screen)
    if not inputs.receipts.to_numpy().any():
        st.info(
            _(
                "Aucun versement à venir d'un financeur doté d'un échéancier : renseignez les "
                "échéanciers dans l'écran Financements pour simuler leurs retards."
            )
        )
        return None
    st.write(
        _(
            "Chaque versement à venir de chaque financeur peut arriver en retard, et un financeur "
            "peut baisser sa subvention : la simulation tire des milliers de scénarios à partir du "
            "dernier solde bancaire connu."
        )
    )
    ids = [str(i) for i in inputs.receipts.index]
    with st.form("treasury_mc_form"):
        c1, c2 = st.columns(2)
        scenarios = c1.select_slider(
            _("Nombre de scénarios"),
            options=[1000, 5000, 10000, 20000],
            value=10000,
            format_func=_.number,
            key="treasury_mc_scenarios",
        )
        seed = c2.number_input(
            _("Graine du tirage"), min_value=0, value=2014, step=1, key="treasury_mc_seed"
        )
        delays = st.data_editor(
            delays_table(screen.section, ids, inputs.names),
            hide_index=True,
            disabled=["source"],
            key="treasury_mc_delays",
            column_config={
                "source": st.column_config.TextColumn(_("Financeur")),
                "late_pct": st.column_config.NumberColumn(
                    _(DELAY_COLUMNS["late_pct"]),
                    min_value=0.0,
                    max_value=100.0,
                    help=_("Pour chaque versement (avance, acompte, solde), tiré à part."),
                ),
                "mean_delay": st.column_config.NumberColumn(
                    _(DELAY_COLUMNS["mean_delay"]), min_value=1.0, max_value=24.0
                ),
                "cut_pct": st.column_config.NumberColumn(
                    _(DELAY_COLUMNS["cut_pct"]), min_value=0.0, max_value=100.0
                ),
                "cut_share_pct": st.column_config.NumberColumn(
                    _(DELAY_COLUMNS["cut_share_pct"]), min_value=0.0, max_value=100.0
                ),
            },
        )
        save_delays = st.checkbox(
            _("Enregistrer ces hypothèses dans le dossier"), key="treasury_mc_save"
        )
        st.form_submit_button(_("Lancer la simulation"))
    params, bad = delay_params(delays)
    if params is None:
        widgets.show_issues(located(bad, _), title=_("Corrigez ces hypothèses :"))
        return None
    if save_delays:
        edited, issues = section_with_delays(screen.section, ids, params)
        if edited is None:
            widgets.show_issues(located(issues, _))
        elif edited != screen.section:
            save_section(screen, edited, _("Hypothèses de retard des financeurs"))
    drawn = (screen.today, int(scenarios), int(seed), *params.values())
    with st.spinner(_("Simulation en cours…")):  # once per revision and assumptions
        result: MonteCarloResult = kept(
            screen,
            "simulation",
            lambda: simulate_forecast(
                inputs,
                scenarios=int(scenarios),
                seed=int(seed),
                late_probability=params["late_probability"],
                mean_delay_months=params["mean_delay_months"],
                cut_probability=params["cut_probability"],
                cut_share=params["cut_share"],
            ),
            *drawn,
        )
    figs = montecarlo_figures(result)
    c1, c2 = st.columns(2)
    with c1:
        widgets.figure_metric(figs["credit_line"])
    with c2:
        widgets.figure_metric(figs["any_negative"])
    view = kept_view(screen, "montecarlo", lambda: montecarlo_view(result), *drawn)
    fan = chart(screen, "fan", lambda: charts.fan_chart(view, _), *drawn)
    fan_view = kept_view(screen, "fan", lambda: view.select(FAN_SHOWN), *drawn)
    chart_over_table(fan, fan_view, key="treasury_fan")
    probability = chart(screen, "probability", lambda: charts.probability_chart(view, _), *drawn)
    chances = kept_view(screen, "probability", lambda: view.select(PROBABILITY_SHOWN), *drawn)
    chart_over_table(probability, chances, key="treasury_probability")
    return result
