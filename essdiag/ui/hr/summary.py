"""Headline figures of the HR screen, or the empty state that says where to start."""

from __future__ import annotations

import streamlit as st

from essdiag.hr.section import HRSection
from essdiag.ui.hr import data, layout
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[HRSection], found: data.Shown | None) -> None:
    """Headcount, FTE, women's share, the equality index and the OETH contribution."""
    _ = screen.tr
    if found is None:
        st.info(
            _(
                "Aucun registre du personnel n'est encore importé : ouvrez l'onglet « Effectif » "
                "pour télécharger le modèle, importer votre registre (CSV ou Excel) ou partir du "
                "registre d'un cas d'exemple."
            )
        )
        return
    rep = found.report
    st.caption(
        _(
            "Registre « {name} », période du {start} au {end}.",
            name=screen.section.workforce.name if screen.section.workforce else "",
            start=_.date(rep.period_start),
            end=_.date(rep.period_end),
        )
    )
    cols = st.columns(4)
    with cols[0]:
        layout.metric(rep.headcount["headcount"], label=_("Effectif en fin de période"))
    with cols[1]:
        layout.metric(rep.headcount["fte"])
    with cols[2]:
        layout.metric(rep.equality.figure)
    with cols[3]:
        layout.metric(rep.oeth.figures["due"])
