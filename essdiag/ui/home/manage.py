"""The open dossier on the home screen: its name in the list, and setting it aside.

Renaming changes only the name the dossier is listed under (a copy
« … (copie 2) » becomes « Ressourcerie — groupe de Camille »): the
organisation's name, in its identity, stays as it is. Archiving hides it
from the list and closes it; it comes back from the archives.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.errors import EssdiagError
from essdiag.i18n import Translator
from essdiag.store.revisions import NAME_LENGTH
from essdiag.ui import state
from essdiag.ui.home import flash, show_error
from essdiag.ui.screen import Screen

__all__ = ["show"]

OPEN_CHOICE = "home_open_choice"
"""Key of the list's choice of dossier (:mod:`essdiag.ui.home.dossiers`)."""


def show(screen: Screen[Any]) -> None:
    """The open dossier's name as a header, the rename form and the archive button."""
    _ = screen.tr
    try:
        info = state.workspace().info(screen.opened.id)
    except EssdiagError as exc:  # deleted from another session
        state.close_dossier()
        show_error(exc)
        return
    st.header(_("Dossier ouvert : {name}", name=info.name))
    if info.name != screen.dossier.identity.name:
        st.caption(_("Structure : {name}", name=screen.dossier.identity.name))
    with st.form("home_rename_form", border=False):
        col_name, col_go = st.columns([4, 1], vertical_alignment="bottom")
        name = col_name.text_input(
            _("Nom du dossier dans la liste"),
            value=info.name,
            max_chars=NAME_LENGTH,
            key="home_rename_name",
            help=_(
                "Le nom sous lequel ce dossier est listé. Le nom de la structure (sur les "
                "exports) se change dans « Identité de la structure »."
            ),
        )
        if col_go.form_submit_button(_("Renommer"), width="stretch"):
            _rename(info.id, info.name, name, _)
    if st.button(
        _("Archiver ce dossier"),
        key="home_archive",
        help=_(
            "Le retire de la liste et le ferme, sans rien effacer : il revient depuis les archives."
        ),
    ):
        _archive(info.id, info.name, _)


def _archive(dossier_id: str, name: str, _: Translator) -> None:
    try:
        state.workspace().archive(dossier_id)
    except EssdiagError as exc:
        show_error(exc)
        return
    state.close_dossier()
    flash(
        _(
            "« {name} » est archivé et fermé. Il reste dans les archives, en bas de l'onglet "
            "« Dossiers », d'où il peut revenir.",
            name=name,
        )
    )
    st.rerun()


def _rename(dossier_id: str, before: str, name: str, _: Translator) -> None:
    if not name.strip():
        st.error(_("Donnez un nom au dossier."))
        return
    if name.strip() == before:
        st.info(_("Le dossier porte déjà ce nom."))
        return
    try:
        info = state.workspace().rename(dossier_id, name)
    except EssdiagError as exc:
        show_error(exc)
        return
    state.renamed(info.name)
    # The list's choice would show the old name until it is set anew.
    st.session_state.pop(OPEN_CHOICE, None)
    flash(
        _(
            "Dossier renommé : « {before} » s'appelle maintenant « {after} ».",
            before=before,
            after=info.name,
        )
    )
    st.rerun()
