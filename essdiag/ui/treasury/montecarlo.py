"""Funders' late payments and cuts simulated: probability of a cash gap, credit line at 95 %.

Each funder's assumptions are edited in a table (their own, else the
dossier's default) and may be saved; the simulation itself
(:func:`essdiag.treasury.montecarlo.dossier_simulation`) is cached on the
revision and the assumptions, so it does not rerun on every visit.
"""

from __future__ import annotations

import streamlit as st

from essdiag.charts import treasury as charts
from essdiag.treasury.montecarlo import MonteCarloResult, dossier_simulation, montecarlo_figures
from essdiag.treasury.section import TreasurySection
from essdiag.treasury.table import delay_params, delays_table, section_with_delays
from essdiag.treasury.views import FAN_SHOWN, PROBABILITY_SHOWN, montecarlo_view
from essdiag.ui import cache, widgets
from essdiag.ui.screen import Screen, save_section
from essdiag.ui.treasury import plan_inputs

__all__ = ["show"]


def show(screen: Screen[TreasurySection]) -> MonteCarloResult | None:
    """The assumptions form, the two headline figures and the fan and probability charts."""
    _ = screen.tr
    st.subheader(_("Retards et baisses de versement : simulation"))
    inputs, _notes = plan_inputs(screen)
    if inputs.receipts.empty:
        st.info(
            _(
                "Aucun financeur n'a d'échéancier de versement : renseignez-les dans l'écran "
                "Financements pour simuler leurs retards."
            )
        )
        return None
    ids = [str(i) for i in inputs.receipts.index]
    with st.form("treasury_mc_form"):
        c1, c2 = st.columns(2)
        scenarios = c1.select_slider(
            _("Nombre de scénarios"),
            options=[1000, 5000, 10000, 20000],
            value=10000,
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
                    _("Probabilité de retard (%)"),
                    min_value=0.0,
                    max_value=100.0,
                    help=_("Pour chaque versement (avance, acompte, solde), tiré à part."),
                ),
                "mean_delay": st.column_config.NumberColumn(
                    _("Retard moyen (mois)"), min_value=1.0, max_value=24.0
                ),
                "cut_pct": st.column_config.NumberColumn(
                    _("Probabilité de baisse (%)"), min_value=0.0, max_value=100.0
                ),
                "cut_share_pct": st.column_config.NumberColumn(
                    _("Baisse si elle survient (%)"), min_value=0.0, max_value=100.0
                ),
            },
        )
        save_delays = st.checkbox(
            _("Enregistrer ces hypothèses dans le dossier"), key="treasury_mc_save"
        )
        st.form_submit_button(_("Lancer la simulation"))
    params = delay_params(delays)
    if save_delays:
        edited, issues = section_with_delays(screen.section, ids, params)
        if edited is None:
            widgets.show_issues(issues)
        elif edited != screen.section:
            save_section(screen, edited, _("Hypothèses de retard des financeurs"))
    with st.spinner(_("Simulation en cours…")):
        result = cache.computed(
            dossier_simulation,
            screen.opened,
            today=screen.today,
            scenarios=int(scenarios),
            seed=int(seed),
            late_probability=params["late_probability"],
            mean_delay_months=params["mean_delay_months"],
            cut_probability=params["cut_probability"],
            cut_share=params["cut_share"],
        )
    figs = montecarlo_figures(result)
    c1, c2 = st.columns(2)
    with c1:
        widgets.figure_metric(figs["credit_line"])
    with c2:
        widgets.figure_metric(figs["any_negative"])
    view = montecarlo_view(result)
    widgets.chart_with_table(charts.fan_chart(view, _), view.select(FAN_SHOWN), key="treasury_fan")
    widgets.chart_with_table(
        charts.probability_chart(view, _),
        view.select(PROBABILITY_SHOWN),
        key="treasury_probability",
    )
    return result
