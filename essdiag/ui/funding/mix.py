"""The mix tab: shares and concentration of the year, by family and funder, the trend, the levers.

Figures and their readings come from :mod:`essdiag.funding.mix`, tables from
:mod:`essdiag.funding.views`, charts from :mod:`essdiag.charts.funding`.
"""

from __future__ import annotations

import streamlit as st

from essdiag.charts import funding as charts
from essdiag.funding.mix import concentration_figures, mix_figures
from essdiag.funding.views import TREND_SHOWN, family_view, funder_view, levers_view, trend_view
from essdiag.ui import widgets
from essdiag.ui.funding import FundingScreen
from essdiag.ui.screen import save_section
from essdiag.ui.treasury import chart, kept, kept_view

__all__ = ["show"]


def show(screen: FundingScreen) -> None:
    """Headline figures, the three tables with their charts, the levers and the alliances."""
    _ = screen.tr
    section, year = screen.section, screen.year
    # Views and figures are built and written once per revision and year (a rerun reuses them).
    by_family = kept_view(screen, "family", lambda: family_view(section.sources, year), year)
    if by_family.empty:
        st.info(
            _(
                "Aucune ressource de fonctionnement pour {year} : complétez le registre pour voir "
                "le mix.",
                year=year,
            )
        )
    else:
        figs = kept(
            screen,
            "mix_figures",
            lambda: {
                **mix_figures(section.sources, year),
                **concentration_figures(section.sources, year),
            },
            year,
        )
        cols = st.columns(3)
        for i, key in enumerate(("own_activity", "public", "private", "hhi", "largest")):
            with cols[i % 3]:
                widgets.figure_metric(figs[key])
        st.caption(
            _(
                "Lecture : un indice HHI sous 0,15 signale des financeurs diversifiés, au-dessus de "
                "0,25 une forte concentration. Ici : {hhi} ; premier financeur : {top}.",
                hhi=figs["hhi"].read(_),
                top=figs["largest"].read(_),
            )
        )
        family = chart(screen, "family", lambda: charts.family_chart(by_family, _, year=year), year)
        widgets.chart_with_table(family, by_family, key="funding_family")
        by_funder = kept_view(screen, "funders", lambda: funder_view(section.sources, year), year)
        funders = chart(
            screen, "funders", lambda: charts.funder_chart(by_funder, _, year=year), year
        )
        widgets.chart_with_table(funders, by_funder, key="funding_funders")
        evolution = kept_view(screen, "trend", lambda: trend_view(section.sources, section.years()))
        trend = chart(screen, "trend", lambda: charts.trend_chart(evolution, _))
        shown = kept_view(screen, "trend_shown", lambda: evolution.select(TREND_SHOWN))
        widgets.chart_with_table(trend, shown, key="funding_trend")
    st.subheader(_("Les trois leviers du modèle socio-économique"))
    identity = screen.dossier.identity
    grid = kept_view(
        screen,
        "levers",
        lambda: levers_view(
            section.sources,
            year,
            employees=identity.headcount,
            fte=float(identity.fte),
            volunteers=identity.volunteers,
            alliances=section.alliances,
        ),
        year,
    )
    widgets.show_view(grid, key="funding_levers")
    with st.form("funding_alliances_form"):
        alliances_text = st.text_area(
            _("Alliances et partenariats (un par ligne)"),
            value="\n".join(section.alliances),
            key="funding_alliances",
        )
        if st.form_submit_button(_("Enregistrer les alliances")):
            new = [line.strip() for line in alliances_text.splitlines() if line.strip()]
            save_section(
                screen, section.model_copy(update={"alliances": new}), _("Alliances mises à jour")
            )
