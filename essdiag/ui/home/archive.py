"""The archives of the home screen: dossiers set aside, brought back or deleted for good.

Archiving hides a dossier from the list and keeps everything. From the
archives a dossier comes back to the list, or is deleted with all its
versions and files — only after the user confirmed, naming what will go.
"""

from __future__ import annotations

import streamlit as st

from essdiag.errors import EssdiagError
from essdiag.i18n import Translator
from essdiag.store import DossierInfo
from essdiag.store.views import dossiers_view
from essdiag.ui import state, widgets
from essdiag.ui.home import flash, show_error, stable_labels

__all__ = ["show"]

CHOICE = "home_archive_choice"
CONFIRM = "home_delete_pending"
"""Session key of the dossier id whose deletion waits for the user's confirmation."""


def show(_: Translator) -> None:
    """An expander with the archived dossiers and what can be done with one of them."""
    archived = state.workspace().list_dossiers(archived=True)
    with st.expander(
        _("Archives ({n} dossier(s))", n=len(archived)),
        expanded=bool(st.session_state.get(CONFIRM)),
    ):
        if not archived:
            st.caption(
                _(
                    "Aucun dossier archivé. Archiver un dossier le retire de la liste sans rien "
                    "effacer : c'est par les archives qu'on le fait revenir, ou qu'on le supprime."
                )
            )
            return
        widgets.show_view(
            dossiers_view(archived, archived=True), key="home_archives", download=False
        )
        by_id = {d.id: d for d in archived}
        if st.session_state.get(CHOICE) not in by_id:
            st.session_state.pop(CHOICE, None)
        choice = st.selectbox(
            _("Dossier archivé"),
            options=list(by_id),
            format_func=stable_labels(archived).__getitem__,
            key=CHOICE,
        )
        chosen = by_id[choice]
        if st.session_state.get(CONFIRM) == chosen.id:
            _confirm_delete(chosen, _)
            return
        col_back, col_delete = st.columns(2)
        if col_back.button(_("Sortir des archives"), key="home_unarchive", type="primary"):
            _unarchive(chosen, _)
        if col_delete.button(_("Supprimer définitivement…"), key="home_delete"):
            st.session_state[CONFIRM] = chosen.id
            st.rerun()


def _unarchive(chosen: DossierInfo, _: Translator) -> None:
    try:
        state.workspace().unarchive(chosen.id)
    except EssdiagError as exc:
        show_error(exc)
        return
    flash(
        _("« {name} » est sorti des archives : il est de nouveau dans la liste.", name=chosen.name)
    )
    st.rerun()


def _confirm_delete(chosen: DossierInfo, _: Translator) -> None:
    """The question asked before a deletion, with what will be lost, and its two answers."""
    files = len(state.workspace().attachments(chosen.id))
    st.warning(
        _(
            "Supprimer définitivement « {name} » ? Ses {rev} version(s) et ses {files} fichier(s) "
            "joint(s) (comptes importés, registres) seront effacés ; cela ne peut pas être annulé. "
            "Pour le garder, téléchargez-le d'abord depuis l'accueil (JSON ou Excel).",
            name=chosen.name,
            rev=chosen.head,
            files=files,
        )
    )
    col_yes, col_no = st.columns(2)
    if col_yes.button(_("Oui, supprimer ce dossier"), key="home_delete_yes", type="primary"):
        st.session_state.pop(CONFIRM, None)
        try:
            deleted = state.workspace().delete(chosen.id)
        except EssdiagError as exc:
            show_error(exc)
            return
        flash(
            _(
                "« {name} » a été supprimé, avec ses {rev} version(s) et {files} fichier(s) joint(s).",
                name=deleted.name,
                rev=deleted.revisions,
                files=deleted.attachments,
            )
        )
        st.rerun()
    if col_no.button(_("Annuler"), key="home_delete_no"):
        st.session_state.pop(CONFIRM, None)
        flash(_("Suppression annulée : « {name} » reste dans les archives.", name=chosen.name))
        st.rerun()
