"""The materiality thresholds beyond which a variance must be explained (absolute €, relative %)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.section import Materiality
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The thresholds form in an expander; saving it saves the budget section."""
    _ = screen.tr
    materiality: Materiality = screen.section.materiality
    with st.expander(_("Seuils de significativité")), st.form("variance_thresholds"):
        absolute = st.number_input(
            _("Seuil absolu (€)"),
            min_value=0.0,
            value=float(materiality.absolute),
            step=500.0,
            key="variance_abs",
        )
        relative = st.number_input(
            _("Seuil relatif (%)"),
            min_value=0.0,
            value=float(materiality.relative * 100),
            step=1.0,
            key="variance_rel",
        )
        both = st.checkbox(
            _("Les deux seuils doivent être dépassés"),
            value=materiality.both,
            key="variance_both",
        )
        submitted = st.form_submit_button(_("Enregistrer les seuils"))
    if submitted:
        new = Materiality(absolute=float(absolute), relative=float(relative) / 100, both=both)
        save_section(
            screen,
            screen.section.model_copy(update={"materiality": new}),
            _("Seuils de significativité des écarts"),
        )
