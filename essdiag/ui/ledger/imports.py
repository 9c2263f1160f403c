"""The files imported into the dossier (:func:`essdiag.ledger.views.imports_view`), or the empty state."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.ledger.views import imports_view
from essdiag.ui import widgets
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[Any]) -> None:
    """The list of imported files, oldest first; what to do when there is none."""
    _ = screen.tr
    st.subheader(_("Fichiers importés"))
    if screen.section.imports:
        widgets.show_view(imports_view(screen.section), key="ledger_imports", download=False)
        return
    st.info(
        _(
            "Aucun fichier comptable importé. Déposez ci-dessous le FEC de l'exercice (et celui de "
            "l'exercice précédent pour la saisonnalité)."
        )
    )
