"""The open dossier's history on the home screen: its revisions, and restoring an older one.

Restoring writes the old revision again as a new one
(:meth:`essdiag.store.Workspace.restore`): nothing is erased.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.store.views import history_view
from essdiag.ui import state, widgets
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
        return
    with st.form("home_restore_form"):
        number = st.selectbox(_("Version à restaurer"), options=older, key="home_restore_choice")
        st.caption(
            _("Restaurer crée une nouvelle version identique à l'ancienne : rien n'est effacé.")
        )
        if st.form_submit_button(_("Restaurer cette version")):
            state.workspace().restore(screen.opened.id, int(number), author=state.author())
            state.open_dossier(screen.opened.id)
            st.rerun()
