"""The « Bibliothèque » tab: the ESS risk library, and the form that adds some of it."""

from __future__ import annotations

import streamlit as st

from essdiag.risks.edits import add_library_risks
from essdiag.risks.library import library, library_view
from essdiag.risks.matrix import current_matrix
from essdiag.risks.section import RiskSection
from essdiag.ui import widgets
from essdiag.ui.risks import save
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[RiskSection]) -> None:
    """The ESS risk library, and the form to add some of its risks to the register."""
    _ = screen.tr
    entries = library()
    st.write(
        _(
            "{n} risques typiques des structures de l'ESS, avec causes, conséquences et mesures "
            "suggérées. Choisissez ceux qui vous concernent sous le tableau : ils sont ajoutés au "
            "registre sur la matrice en vigueur, à adapter ensuite.",
            n=len(entries),
        )
    )
    present = {r.library_key for r in screen.section.risks if r.library_key}
    widgets.show_view(library_view(entries, present, _), key="risks_library")
    titles = {e.key: _(e.title) for e in entries}
    with st.form("risks_library_form"):
        keys = st.multiselect(
            _("Risques à ajouter"),
            options=[e.key for e in entries if e.key not in present],
            format_func=titles.__getitem__,
            key="risks_library_pick",
            placeholder=_("Choisissez dans la liste"),
        )
        owner = st.text_input(_("Responsable par défaut"), value="", key="risks_library_owner")
        with_actions = st.checkbox(
            _("Ajouter aussi les actions suggérées"), value=True, key="risks_library_actions"
        )
        added = st.form_submit_button(_("Ajouter à la cartographie"), type="primary")
    if not added:
        return
    if not keys:
        st.warning(_("Choisissez au moins un risque."))
        return
    data = add_library_risks(
        screen.section,
        keys,
        current_matrix(screen.section),
        owner=owner,
        on=screen.today,
        with_actions=with_actions,
        tr=_,
    )
    save(screen, data, _("{n} risque(s) ajouté(s) depuis la bibliothèque", n=len(keys)))
