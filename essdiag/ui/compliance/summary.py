"""The screen's headline: the year examined, verdict counts, the chart by frame and what to handle."""

from __future__ import annotations

import streamlit as st

from essdiag.charts.compliance import verdicts_chart
from essdiag.compliance.section import ComplianceSection
from essdiag.compliance.views import attention_view, counts_view, summary_figures
from essdiag.periods import FiscalYear
from essdiag.ui import widgets
from essdiag.ui.compliance import common
from essdiag.ui.screen import Screen

__all__ = ["show"]


def _year_choice(screen: Screen[ComplianceSection]) -> None:
    """The fiscal year whose amounts (grants, activities, pays) are examined."""
    _ = screen.tr
    current = FiscalYear.containing(
        screen.today, screen.dossier.identity.fiscal_year_start_month
    ).label_year
    years = sorted({*screen.dossier.funding.years(), current - 1, current})
    key = common.year_key(screen)
    if st.session_state.get(key) not in years:
        st.session_state[key] = current
    st.selectbox(
        _("Exercice examiné"),
        years,
        key=key,
        help=_(
            "Les subventions, les recettes des activités et les rémunérations sont lues pour cet "
            "exercice ; les textes et les seuils sont ceux en vigueur aujourd'hui."
        ),
    )


def show(screen: Screen[ComplianceSection]) -> None:
    """Year, counts by verdict, the chart with its table, the points to handle."""
    _ = screen.tr
    _year_choice(screen)
    report = common.report(screen)
    st.caption(
        _(
            "Règles appliquées au {date} ; montants de l'exercice {year}. Chaque constat cite son "
            "texte, la date des paramètres utilisés et ce qui changerait sa conclusion.",
            date=_.date(report.on),
            year=report.year,
        )
    )
    figures, counts, chart, attention = common.keep(
        screen,
        "compliance_summary",
        lambda: (
            summary_figures(report),
            view := counts_view(report),
            verdicts_chart(view, _),
            attention_view(report, _),
        ),
    )
    for col, figure in zip(st.columns(4), figures, strict=True):
        with col:
            widgets.figure_metric(figure, working=False)
    widgets.show_issues(list(report.issues))
    widgets.chart_with_table(
        chart,
        counts,
        key="compliance_counts",
        caption=_("Le verdict d'ensemble d'un cadre est le plus sévère de ses constats."),
    )
    st.subheader(_("Points à traiter"))
    if attention.empty:
        st.success(_("Aucun constat n'est à vérifier ni non conforme."))
    else:
        widgets.show_view(attention, key="compliance_attention")
