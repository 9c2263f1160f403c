"""The open dossier's history on the home screen: its revisions, and restoring an older one.

Restoring writes the old revision again as a new one
(:meth:`essdiag.store.Workspace.restore`): nothing is erased, and the page
says which version became which.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.errors import EssdiagError, StaleRevisionError
from essdiag.store.views import history_view
from essdiag.ui import state, widgets
from essdiag.ui.home import flash, show_error
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The revisions, latest first, and the form that restores one."""
    _ = screen.tr
    st.subheader(_("Historique des versions"))
    history = state.workspace().revisions(screen.opened.id)
    widgets.show_view(history_view(history), key="home_history", download=False)
    older = [r.number for r in history if r.number != screen.opened.revision]
    if not older:
        st.caption(_("Ce dossier n'a encore qu'une version : chaque enregistrement en ajoute une."))
        return
    with st.form("home_restore_form"):
        number = st.selectbox(_("Version à restaurer"), options=older, key="home_restore_choice")
        st.caption(
            _("Restaurer crée une nouvelle version identique à l'ancienne : rien n'est effacé.")
        )
        submitted = st.form_submit_button(_("Restaurer cette version"))
    if submitted:
        _restore(screen, int(number))


def _restore(screen: Screen[Any], number: int) -> None:
    _ = screen.tr
    try:
        new = state.workspace().restore(screen.opened.id, number, author=state.author())
        state.open_dossier(screen.opened.id)
    except StaleRevisionError:
        st.error(
            _(
                "La version {n} n'a pas pu être restaurée : d'autres enregistrements de ce dossier "
                "arrivaient sans cesse au même moment. Rien n'a changé ; réessayez dans un instant.",
                n=number,
            )
        )
        return
    except EssdiagError as exc:
        show_error(exc)
        return
    flash(
        _(
            "La version {n} est restaurée : elle est maintenant la version {new}, ouverte. Les "
            "versions intermédiaires restent dans l'historique.",
            n=number,
            new=new,
        )
    )
    st.rerun()
