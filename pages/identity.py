"""Identité de la structure — who the organisation is, its legal form and its territory.

The form is in :mod:`essdiag.ui.identity.form`; the rules (SIREN, SIRET, codes)
in :mod:`essdiag.identity`.
"""

from __future__ import annotations

from essdiag.i18n import N_
from essdiag.ui.identity import form
from essdiag.ui.screen import open_screen

screen = open_screen(
    "identity",
    "identity",
    title=N_("Identité de la structure"),
    competencies=["BC01.C3", "BC01.C6"],
    intro=N_(
        "Statut, gouvernance et ancrage territorial : ces informations servent à tous les "
        "diagnostics (seuils légaux, obligations, indicateurs du territoire)."
    ),
)

# Structure, registration, address and territory, people and fiscal year; saved as a new version.
form.show(screen)
