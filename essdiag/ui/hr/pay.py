"""« Rémunérations » tab: the full-time pay scale, its spread, and the ESUS caps with their margin."""

from __future__ import annotations

import streamlit as st

from essdiag.charts.hr import pay_bands_chart, pay_scale_chart
from essdiag.hr.pay import annual_smic
from essdiag.hr.section import HRSection
from essdiag.ui import widgets
from essdiag.ui.hr import data
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[HRSection]) -> None:
    """Median, highest/lowest ratio, the ESUS caps, the scale and the bands."""
    _ = screen.tr
    rep = data.report(screen)
    if rep is None:
        st.info(_("Importez d'abord le registre du personnel (onglet « Effectif »)."))
        return
    st.caption(
        _(
            "Chaque rémunération est ramenée à un temps plein sur la période : (salaire de base + "
            "variable) ÷ ETP. Les identifiants sont anonymes."
        )
    )
    c1, c2 = st.columns(2)
    with c1:
        widgets.figure_metric(rep.pay["median"])
    with c2:
        widgets.figure_metric(rep.pay["ratio"])
    st.subheader(_("Plafonds de l'agrément ESUS"))
    if not rep.esus:
        st.caption(
            _(
                "La structure n'indique pas d'agrément ESUS dans son identité : les plafonds sont "
                "donnés à titre de repère (politique de rémunération exemplaire)."
            )
        )
    c1, c2 = st.columns(2)
    with c1:
        widgets.figure_metric(rep.esus_caps["top5"])
        widgets.figure_metric(rep.esus_caps["top5_margin"], working=False)
    with c2:
        widgets.figure_metric(rep.esus_caps["top"])
        widgets.figure_metric(rep.esus_caps["top_margin"], working=False)
    smic, _inputs = annual_smic(rep.period_start, rep.period_end)
    widgets.chart_with_table(
        pay_scale_chart(rep.pay_scale, _, smic=smic), rep.pay_scale, key="hr_pay_scale"
    )
    widgets.chart_with_table(pay_bands_chart(rep.pay_bands, _), rep.pay_bands, key="hr_pay_bands")
