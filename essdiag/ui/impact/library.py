"""« Bibliothèque » tab: 38 common ESS indicators to start a dashboard from."""

from __future__ import annotations

import streamlit as st

from essdiag.impact.edits import add_from_library
from essdiag.impact.indicators import library, library_view
from essdiag.impact.section import ImpactSection
from essdiag.ui import widgets
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """The library as a table, and the form that adds the chosen entries to the dashboard."""
    _ = screen.tr
    st.caption(
        _(
            "Des indicateurs courants de l'utilité sociale, rangés par domaine de VALOR'ESS (UDES), "
            "avec leur niveau dans la théorie du changement, leur ODD et leur dimension IRIS+. "
            "Ceux marqués « calculé par le dossier » se remplissent seuls depuis les comptes, le "
            "registre du personnel ou les enquêtes."
        )
    )
    widgets.show_view(library_view(), key="impact_library")
    entries = {e.key: e for e in library()}
    used = {i.library_key for i in screen.section.indicators}
    with st.form("impact_library_form"):
        chosen = st.multiselect(
            _("Indicateurs à ajouter au tableau de bord"),
            [k for k in entries if k not in used],
            format_func=lambda k: _(entries[k].name),
            key="impact_library_choice",
        )
        st.caption(
            _(
                "Pour un indicateur tiré des comptes (montant ÷ valeur unitaire), donnez la valeur "
                "unitaire et sa source ; sans elles, il est ajouté avec des valeurs à saisir."
            )
        )
        c1, c2 = st.columns(2)
        unit_value = c1.number_input(
            _("Valeur unitaire (€ par unité)"), min_value=0.0, key="impact_library_unit"
        )
        source = c2.text_input(_("Source de la valeur unitaire"), key="impact_library_source")
        submitted = st.form_submit_button(_("Ajouter au tableau de bord"), type="primary")
    if not submitted:
        return
    if not chosen:
        st.info(_("Choisissez au moins un indicateur."))
        return
    picked = [entries[k] for k in chosen]
    new = add_from_library(
        screen.section, picked, unit_value=unit_value or None, unit_value_source=source
    )
    save_section(
        screen, new, _("{n} indicateur(s) ajouté(s) depuis la bibliothèque", n=len(picked))
    )
