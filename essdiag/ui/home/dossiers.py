"""« Dossiers » tab of the home screen: the workspace's dossiers, the one to open, the archives.

The open dossier is marked in the list and chosen by default; opening
another says so at the top of the page. Renaming and archiving are done on
the open dossier (:mod:`essdiag.ui.home.manage`); the archives, below the
list, bring a dossier back or delete it for good (:mod:`essdiag.ui.home.archive`).
"""

from __future__ import annotations

import streamlit as st

from essdiag.errors import EssdiagError
from essdiag.i18n import Translator
from essdiag.store import DossierInfo
from essdiag.store.views import dossiers_view
from essdiag.ui import state, widgets
from essdiag.ui.home import archive, first_screen, flash, show_error, stable_labels

__all__ = ["show", "stable_labels"]

CHOICE = "home_open_choice"
_CHOSE_FOR = "home_open_choice_for"  # the open dossier when the choice was last set


def show(_: Translator) -> None:
    """The list of dossiers (or the empty state), the form that opens one, and the archives."""
    dossiers = state.workspace().list_dossiers()
    opened = state.current()
    open_id = opened.id if opened else None
    if not dossiers:
        st.info(
            _(
                "L'espace de travail ne contient aucun dossier ouvert à la liste : partez d'un cas "
                "d'exemple, créez un dossier, importez un fichier ou sortez-en un des archives."
            )
        )
    else:
        widgets.show_view(
            dossiers_view(dossiers, open_id=open_id), key="home_dossiers", download=False
        )
        _open_form(dossiers, open_id, _)
    archive.show(_)


def _open_form(dossiers: list[DossierInfo], open_id: str | None, _: Translator) -> None:
    ids = [d.id for d in dossiers]
    # The choice follows the open dossier, and is set anew when it left the list or
    # was renamed: Streamlit keeps showing a selectbox's old label unless told.
    if st.session_state.get(CHOICE) not in ids or st.session_state.get(_CHOSE_FOR) != open_id:
        st.session_state[CHOICE] = open_id if open_id in ids else ids[0]
        st.session_state[_CHOSE_FOR] = open_id
    with st.form("home_open_form"):
        choice = st.selectbox(
            _("Dossier à ouvrir"),
            options=ids,
            # Labels that do not change when a dossier is saved: Streamlit keeps a
            # selectbox's choice by its label, and a label with the version went stale.
            format_func=stable_labels(dossiers).__getitem__,
            key=CHOICE,
        )
        submitted = st.form_submit_button(_("Ouvrir"), type="primary")
    if not submitted:
        return
    before = state.current()
    try:
        opened = state.open_dossier(choice)  # the latest revision, even of the open dossier
    except EssdiagError as exc:
        show_error(exc)
        return
    if before is not None and (before.id, before.revision) == (opened.id, opened.revision):
        st.info(_("Ce dossier est déjà ouvert, dans sa dernière version."))
        return
    _page, title, _reason = first_screen(opened.dossier)
    name = next(d.name for d in dossiers if d.id == choice)
    flash(
        _(
            "Dossier ouvert : {name} (version {rev}). Ses écrans l'affichent maintenant ; pour le "
            "suivi du mois, voyez « {screen} ».",
            name=name,
            rev=opened.revision,
            screen=_(title),
        )
    )
    st.rerun()
