"""The files imported into the dossier (:func:`essdiag.ledger.views.imports_view`), their removal.

A file is removed after a confirmation; the revision before stays in the
dossier's history (the home page restores it).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.i18n import N_
from essdiag.ledger.views import imports_view
from essdiag.ui import widgets
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]

_ROUND = "ledger_remove_round"


def _remove(screen: Screen[Any]) -> None:
    """Pick an import, confirm, save the section without it."""
    _ = screen.tr
    section = screen.section
    with st.expander(_("Retirer un fichier importé")):
        ids = [i.parquet_id for i in section.imports]
        names = {i.parquet_id: f"{i.name} ({i.fiscal_year or '–'})" for i in section.imports}
        chosen = st.selectbox(
            _("Fichier à retirer"),
            ids,
            format_func=lambda i: names[str(i)],
            key="ledger_remove_which",
        )
        sure = st.checkbox(
            _(
                "Je retire ce fichier du dossier (la version précédente du dossier le garde : "
                "l'historique de l'accueil permet de la restaurer)."
            ),
            key=f"ledger_remove_sure_{int(st.session_state.get(_ROUND, 0))}",
        )
        if st.button(_("Retirer ce fichier"), key="ledger_remove", disabled=not sure):
            gone = names[str(chosen)]
            save_section(
                screen,
                section.without(str(chosen)),
                _("Fichier comptable retiré : {f}", f=gone),
                flash=N_("Fichier « {f} » retiré (version {rev})."),
                flash_params={"f": gone},
                # a new confirmation box (a widget's own key cannot be reset once drawn)
                after={_ROUND: int(st.session_state.get(_ROUND, 0)) + 1},
            )


def show(screen: Screen[Any]) -> None:
    """The list of imported files, oldest first, and their removal; what to do when there is none."""
    _ = screen.tr
    st.subheader(_("Fichiers importés"))
    if screen.section.imports:
        widgets.show_view(imports_view(screen.section), key="ledger_imports", download=False)
        _remove(screen)
        return
    st.info(
        _(
            "Aucun fichier comptable importé. Déposez ci-dessous le FEC de l'exercice (et celui de "
            "l'exercice précédent pour la saisonnalité)."
        )
    )
