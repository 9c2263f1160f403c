"""« Nouveau dossier » tab of the home screen: a blank dossier from a name and a legal form."""

from __future__ import annotations

import streamlit as st

from essdiag.dossier import new_dossier
from essdiag.i18n import Translator
from essdiag.identity import LegalForm
from essdiag.ui import state

__all__ = ["show"]


def show(_: Translator) -> None:
    """The form that creates a dossier and opens it."""
    with st.form("home_new_form"):
        name = st.text_input(_("Nom de la structure"), key="home_new_name")
        form = st.selectbox(
            _("Forme juridique"),
            options=list(LegalForm),
            format_func=lambda f: _(f.label),
            key="home_new_form_choice",
        )
        if st.form_submit_button(_("Créer le dossier"), type="primary"):
            if not name.strip():
                st.error(_("Donnez un nom à la structure."))
            else:
                state.create_and_open(new_dossier(name.strip(), legal_form=form), _("Création"))
                st.rerun()
