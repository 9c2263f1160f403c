"""« Nouveau dossier » tab of the home screen: a blank dossier from a name and a legal form.

The new dossier opens on its identity screen, the first thing to fill in.
"""

from __future__ import annotations

import streamlit as st

from essdiag.dossier import Dossier
from essdiag.errors import EssdiagError
from essdiag.i18n import N_, Translator
from essdiag.identity import Identity, LegalForm
from essdiag.ui import state, widgets
from essdiag.ui.home import go_to_first_screen, show_error
from essdiag.validation import validate_as

__all__ = ["show"]

_CREATED = N_("Dossier créé et ouvert : {name}. Vous êtes sur « {screen} » : {reason}.")


def show(_: Translator) -> None:
    """The form that creates a dossier and opens it."""
    with st.form("home_new_form"):
        name = st.text_input(_("Nom de la structure"), key="home_new_name", max_chars=200)
        form = st.selectbox(
            _("Forme juridique"),
            options=list(LegalForm),
            format_func=lambda f: _(f.label),
            key="home_new_form_choice",
        )
        submitted = st.form_submit_button(_("Créer le dossier"), type="primary")
    if not submitted:
        return
    if not name.strip():
        st.error(_("Donnez un nom à la structure."))
        return
    identity, issues = validate_as(
        Identity, {"name": name.strip(), "legal_form": form}, prefix=("identity",)
    )
    if identity is None:
        widgets.show_issues(issues, title=_("Le dossier n'a pas été créé :"))
        return
    try:
        info = state.create_and_open(Dossier(identity=identity), _("Création"))
    except EssdiagError as exc:
        show_error(exc)
        return
    go_to_first_screen(_CREATED, name=info.name)
