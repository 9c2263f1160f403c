"""« Cas d'exemple » tab of the home screen: the sample cases, each opened as a copy.

A copy is a new dossier of the workspace, named apart from the other copies
(« … (copie 2) »), with the case's files imported (accounts, budget, HR
registers); opening it goes to its first useful screen, which says so.
"""

from __future__ import annotations

import streamlit as st

from essdiag.errors import EssdiagError
from essdiag.i18n import N_, Translator
from essdiag.samples import sample_cases
from essdiag.ui import state
from essdiag.ui.home import go_to_first_screen, show_error

__all__ = ["show"]

_OPENED = N_(
    "Dossier ouvert : {name} — une copie du cas d'exemple, avec ses fichiers. Vous êtes sur "
    "« {screen} » : {reason}. L'accueil garde son historique et ses téléchargements."
)


def show(_: Translator) -> None:
    """One card per sample case: its story, its files, and the button that copies it."""
    cases = sample_cases()
    if not cases:
        st.warning(_("Aucun cas d'exemple n'a été trouvé avec cette installation."))
        return
    st.caption(
        _(
            "Chaque clic crée une nouvelle copie, à vous : le cas d'origine ne change jamais. "
            "Les copies se distinguent par leur nom (« … (copie 2) ») et se renomment depuis "
            "l'accueil."
        )
    )
    for case in cases:
        with st.container(border=True):
            st.subheader(case.title)
            if case.summary:
                st.write(case.summary)
            if case.files:
                st.caption(_("Fichiers fournis : {files}", files=", ".join(case.files)))
            if st.button(_("Ouvrir une copie de ce cas"), key=f"home_sample_{case.key}"):
                try:
                    with st.spinner(_("Copie du cas et import de ses fichiers…")):
                        info = state.open_sample_copy(
                            case.key, _("Copie du cas d'exemple « {t} »", t=case.title)
                        )
                except EssdiagError as exc:
                    show_error(exc)
                    return
                go_to_first_screen(_OPENED, name=info.name)
