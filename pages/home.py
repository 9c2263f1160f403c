"""Accueil — open, create, import or export a dossier, manage the workspace, go back in history.

The home page works without an open dossier, so it draws its own header
rather than ``open_screen``; the widgets of each part are in
:mod:`essdiag.ui.home`. Every action leaves a confirmation shown at the top
(``show_flash``); opening a sample copy or a new dossier goes on to its first
useful screen.
"""

from __future__ import annotations

import streamlit as st

from essdiag.ui import state, widgets
from essdiag.ui.home import (
    create,
    dossiers,
    downloads,
    history,
    manage,
    opened_screen,
    samples,
    show_flash,
    upload,
)

_ = state.tr()
widgets.page_header(
    _("Accueil"),
    ["BC01.C3"],
    _(
        "essdiag accompagne le diagnostic et le pilotage d'une structure de l'économie sociale "
        "et solidaire. Ouvrez un dossier de l'espace de travail, partez d'un cas d'exemple, "
        "créez un dossier ou importez un fichier."
    ),
)
show_flash()  # what the last action did (opened, renamed, archived, restored…)
screen = opened_screen()  # the dossier open when the page started, or None
widgets.conflict_banner()

tab_open, tab_samples, tab_new, tab_import = st.tabs(
    [_("Dossiers"), _("Cas d'exemple"), _("Nouveau dossier"), _("Importer un fichier")]
)
with tab_open:  # the workspace's dossiers (the open one marked), opening one, the archives
    dossiers.show(_)
with tab_samples:  # the sample cases, each opened as a copy with its files
    samples.show(_)
with tab_new:  # a blank dossier from a name and a legal form
    create.show(_)
with tab_import:  # a JSON or Excel dossier file read into a new dossier
    upload.show(_)

if screen is not None:
    st.divider()
    manage.show(screen)  # its name (in the list and as an organisation), renaming, archiving
    downloads.show(screen)  # the open dossier as JSON and as an Excel workbook
    history.show(screen)  # its revisions, and restoring an older one as a new revision
