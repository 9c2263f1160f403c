"""The « Registre » tab: the register table, the choice of a risk, its form, its deletion.

A risk assessed on an older matrix version is edited on that version (its
form offers that matrix's levels) until it is migrated from the « Matrice » tab.
"""

from __future__ import annotations

import streamlit as st

from essdiag.risks.edits import remove_risk
from essdiag.risks.matrix import current_matrix, matrix_by_version
from essdiag.risks.section import RiskSection
from essdiag.risks.views import register_view
from essdiag.ui import widgets
from essdiag.ui.risks import NEW, NEXT_CHOICE, risk_form, save
from essdiag.ui.screen import Screen

__all__ = ["show"]


def _pick_risk(screen: Screen[RiskSection]) -> str:
    """The register's « risk to edit » selector (keeps the risk just saved)."""
    _ = screen.tr
    section = screen.section
    ids = [r.id for r in section.risks]
    if NEXT_CHOICE in st.session_state:
        st.session_state["risks_choice"] = st.session_state.pop(NEXT_CHOICE)
    if st.session_state.get("risks_choice") not in [*ids, NEW]:
        st.session_state.pop("risks_choice", None)
    titles = {r.id: r.title for r in section.risks}
    return str(
        st.selectbox(
            _("Risque à modifier"),
            options=[*ids, NEW],
            format_func=lambda i: _("+ Nouveau risque") if i == NEW else f"{i} — {titles[i]}",
            key="risks_choice",
        )
    )


def show(screen: Screen[RiskSection]) -> None:
    """The register table and the form to add, edit or delete a risk."""
    _ = screen.tr
    section = screen.section
    if section.risks:
        widgets.show_view(register_view(section, _), key="risks_register")
    choice = _pick_risk(screen)
    risk = section.risk(choice) if choice != NEW else None
    in_force = current_matrix(section)
    m = (matrix_by_version(section, risk.inherent.matrix_version) if risk else None) or in_force
    if m.version != in_force.version:
        st.warning(
            _(
                "Ce risque est évalué sur la version {old} de la matrice ({size}×{size}) : "
                "migrez-le depuis l'onglet « Matrice » pour l'évaluer sur la version en vigueur.",
                old=m.version,
                size=m.size,
            )
        )
    risk_form.show(screen, risk, m)
    if risk is not None:
        with st.expander(_("Supprimer ce risque")):
            st.caption(
                _(
                    "La suppression retire aussi le risque des fiches de continuité. Les versions "
                    "précédentes du dossier le gardent : préférez « Risque clos » pour garder la "
                    "trace."
                )
            )
            if st.button(
                _("Supprimer {id}", id=risk.id), key=f"risks_delete_{risk.id}_{m.version}"
            ):
                save(screen, remove_risk(section, risk.id), _("Risque {id} supprimé", id=risk.id))
