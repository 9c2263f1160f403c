"""« Cas d'exemple » tab of the home screen: the sample cases, each opened as a copy."""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import Translator
from essdiag.samples import sample_cases
from essdiag.ui import state

__all__ = ["show"]


def show(_: Translator) -> None:
    """One card per sample case: its story, its files, and the button that copies it."""
    cases = sample_cases()
    if not cases:
        st.warning(_("Aucun cas d'exemple n'a été trouvé avec cette installation."))
    for case in cases:
        with st.container(border=True):
            st.subheader(case.title)
            if case.summary:
                st.write(case.summary)
            if case.files:
                st.caption(_("Fichiers fournis : {files}", files=", ".join(case.files)))
            if st.button(_("Ouvrir une copie de ce cas"), key=f"home_sample_{case.key}"):
                with st.spinner(_("Copie du cas et import de ses comptes…")):
                    state.open_sample_copy(
                        case.key, _("Copie du cas d'exemple « {t} »", t=case.title)
                    )
                st.rerun()
