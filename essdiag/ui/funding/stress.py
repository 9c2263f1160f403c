"""The stress tab: a funder stops, cuts by p % or pays n months late; effect on result and cash.

The test runs the treasury screen's cash plan of the open dossier (its
cached inputs, :func:`essdiag.ui.treasury.plan_inputs`) through
:func:`essdiag.treasury.stress.stress_plan`, kept per revision and stress, and shows its figures with their working and the closing cash before
and after the shock.
"""

from __future__ import annotations

import streamlit as st

from essdiag.charts import funding as charts
from essdiag.errors import Severity
from essdiag.periods import month_short
from essdiag.treasury.stress import (
    FunderStress,
    stress_figures,
    stress_plan,
    stress_view,
    stressable,
)
from essdiag.ui import widgets
from essdiag.ui.funding import FundingScreen
from essdiag.ui.treasury import chart, chart_over_table, kept, kept_view, plan_inputs

__all__ = ["show"]


def show(screen: FundingScreen) -> None:
    """The stress form, its figures and the chart of closing cash before and after."""
    _ = screen.tr
    year = screen.year
    st.write(
        _(
            "Que se passe-t-il si un financeur s'arrête, baisse de p % ou paie avec n mois de "
            "retard ? Effet sur le résultat de l'exercice et sur la trésorerie à venir du plan de "
            "trésorerie (écran Trésorerie), à partir du dernier solde bancaire connu."
        )
    )
    operating = stressable(screen.section.sources, year)
    if not operating:
        st.info(_("Aucune ressource de fonctionnement pour {year} dans le registre.", year=year))
        return
    with st.form("funding_stress_form"):
        c1, c2, c3 = st.columns(3)
        chosen = c1.selectbox(
            _("Financeur"),
            options=[s.id for s in operating],
            format_func={s.id: s.name for s in operating}.__getitem__,
            key="funding_stress_source",
        )
        cut = c2.slider(_("Baisse (%)"), 0, 100, 0, step=5, key="funding_stress_cut")
        delay = c3.number_input(
            _("Retard (mois)"), min_value=0, max_value=24, value=0, key="funding_stress_delay"
        )
        st.form_submit_button(_("Calculer le choc"))
    # The plan of the treasury screen (its cached inputs), stressed once per revision and choice.
    plan, plan_notes = plan_inputs(screen)
    drawn = (str(chosen), year, cut, int(delay), screen.today)
    stress: FunderStress = kept(
        screen,
        "funder_stress",
        lambda: stress_plan(
            plan,
            plan_notes,
            screen.section.sources,
            source_id=str(chosen),
            year=year,
            cut_share=cut / 100,
            delay_months=int(delay),
        ),
        *drawn,
    )
    widgets.show_issues(stress.issues)
    for note in stress.notes:
        (st.info if note.severity is Severity.INFO else st.warning)(widgets.issue_text(note))
    result = stress.result
    if result is None:
        return
    figs = stress_figures(result, year)
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        widgets.figure_metric(figs["result"], label=_("Effet sur le résultat {year}", year=year))
    with c2:
        widgets.figure_metric(
            figs["lowest"],
            delta=figs["cash_effect"] if round(result.cash_effect) else None,
            help=_("Sous la valeur : l'effet du choc sur la trésorerie au plus bas."),
        )
    with c3:
        widgets.figure_metric(figs["closing"])
    with c4:
        widgets.figure_metric(figs["reserve"])
    if result.negative_months:
        st.warning(
            _(
                "Trésorerie négative en : {months}.",
                months=", ".join(month_short(m, _) for m in result.negative_months),
            )
        )
    view = kept_view(screen, "stress", lambda: stress_view(result), *drawn)
    figure = chart(screen, "stress", lambda: charts.stress_chart(view, _), *drawn)
    chart_over_table(figure, view, key="funding_stress")
