"""« Sensibilité » tab: the tornado of every assumption, the break-even values, what-if scenarios."""

from __future__ import annotations

import streamlit as st

from essdiag.charts.impact import tornado_chart
from essdiag.i18n import Translator
from essdiag.impact.results import analyse_case
from essdiag.impact.section import ImpactSection, SroiCase
from essdiag.impact.sroi import ASSUMPTIONS, FIELD_LABELS, apply_what_if
from essdiag.impact.sroi_views import break_even_view, sroi_figures, tornado_view
from essdiag.ui import widgets
from essdiag.ui.impact import data
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """Steps of the tornado, the tornado beside its table, break-even values, then a what-if."""
    _ = screen.tr
    case = screen.section.sroi
    if case is None or not case.outcomes:
        st.info(_("Saisissez d'abord une analyse SROI (onglet « SROI »)."))
        return
    c1, c2 = st.columns(2)
    step = c1.select_slider(
        _("Variation des quantités, des proxys et des ressources"),
        options=[0.05, 0.10, 0.20, 0.30],
        value=0.10,
        format_func=lambda v: f"± {round(v * 100)} %",
        key="impact_tornado_step",
    )
    rate_step = c2.select_slider(
        _("Variation des taux (aubaine, déplacement, attribution, dégressivité, actualisation)"),
        options=[0.01, 0.025, 0.05, 0.10],
        value=0.05,
        format_func=lambda v: _("± {n} points", n=round(v * 100, 1)),
        key="impact_tornado_rate_step",
    )
    analysis = data.sroi(screen, step=float(step), rate_step=float(rate_step))
    if analysis is None or analysis.result is None:
        if analysis is not None and analysis.issue is not None:
            widgets.show_issues([analysis.issue])
        return
    result = analysis.result
    view, chart, break_even = kept(
        screen,
        "impact_tornado",
        lambda: (
            tv := tornado_view(analysis.tornado, result.sroi_ratio),
            tornado_chart(tv, _),
            break_even_view(analysis.break_even),
        ),
        step=float(step),
        rate_step=float(rate_step),
    )
    widgets.chart_with_table(
        chart,
        view,
        key="impact_tornado",
        caption=_(
            "Chaque barre fait varier une seule hypothèse, les autres restant celles du cas."
        ),
    )
    st.subheader(_("Points morts : la valeur de chaque hypothèse qui ramène le ratio à 1"))
    widgets.show_view(break_even, key="impact_break_even")
    _what_if(screen, case, _)


def _what_if(screen: Screen[ImpactSection], case: SroiCase, _: Translator) -> None:
    st.subheader(_("Et si… ? (scénario non enregistré)"))
    names: list[str | None] = [None, *(o.name for o in case.outcomes)]
    with st.form("impact_what_if"):
        c1, c2, c3 = st.columns([3, 2, 1])
        outcome = c1.selectbox(
            _("Effet"),
            names,
            format_func=lambda n: (
                _("(toute l'analyse : taux d'actualisation)") if n is None else str(n)
            ),
            key="impact_what_if_outcome",
        )
        field = c2.selectbox(
            _("Hypothèse"),
            [*ASSUMPTIONS, "discount_rate"],
            format_func=lambda f: _(FIELD_LABELS[f]),
            key="impact_what_if_field",
        )
        value = c3.number_input(_("Nouvelle valeur"), value=0.0, key="impact_what_if_value")
        submitted = st.form_submit_button(_("Recalculer"))
    if not submitted:
        return
    changed, issues = apply_what_if(
        case, [(None if field == "discount_rate" else outcome, str(field), float(value))]
    )
    if changed is None:
        widgets.show_issues(issues, title=_("Ce scénario n'est pas possible :"))
        return
    result = analyse_case(changed, on=screen.today).result
    if result is not None:
        widgets.figure_metric(sroi_figures(result)["ratio"], label=_("Ratio SROI du scénario"))
