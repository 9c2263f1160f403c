"""« Rémunérations » tab: the full-time pay scale, its spread, and the ESUS caps with their margin."""

from __future__ import annotations

import streamlit as st

from essdiag.hr.section import HRSection
from essdiag.ui.hr import data, layout
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[HRSection], found: data.Shown | None) -> None:
    """Median, highest/lowest ratio, the ESUS caps, the scale and the bands."""
    _ = screen.tr
    if found is None:
        st.info(_("Importez d'abord le registre du personnel (onglet « Effectif »)."))
        return
    rep, figures = found.report, found.charts
    st.caption(
        _(
            "Chaque rémunération est ramenée à un temps plein sur la période : (salaire de base + "
            "variable) ÷ ETP. Les identifiants sont anonymes."
        )
    )
    layout.metrics([rep.pay["median"], rep.pay["ratio"]], per_row=2)
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
        layout.metric(rep.esus_caps["top5"])
        layout.metric(rep.esus_caps["top5_margin"], working=False)
    with c2:
        layout.metric(rep.esus_caps["top"])
        layout.metric(rep.esus_caps["top_margin"], working=False)
    layout.stacked_chart(figures["pay_scale"], rep.pay_scale, key="hr_pay_scale")
    layout.chart_beside(figures["pay_bands"], rep.pay_bands, key="hr_pay_bands")
