"""The « Accueil » screen end to end (AppTest, no browser): open, create, history, restore.

The screens' shared checks (every page runs, imports, the seeded workspace)
are in ``tests/app/test_pages.py``.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from essdiag.identity import LegalForm
from essdiag.store import Workspace
from tests.app.apptest import frame_with, open_sample, start

PAGE = "pages/home.py"
RESTORE = "FormSubmitter:home_restore_form-Restaurer cette version"


def rename(at: AppTest, name: str) -> None:
    """Save a new name from the identity screen, then come back home."""
    at.switch_page("pages/identity.py").run()
    at.text_input(key="identity_name").set_value(name)
    at.button(key="FormSubmitter:identity_form-Enregistrer").click().run()
    assert not at.exception
    at.switch_page(PAGE).run()
    assert not at.exception


def test_a_dossier_of_the_list_opens(db_url: str) -> None:
    at = start()
    listed = Workspace(db_url).list_dossiers()
    table = frame_with(at, "Dernier enregistrement")
    assert list(table["Structure"]) == [d.name for d in listed]
    assert list(table["Version"]) == [str(d.head) for d in listed]
    chosen = listed[-1]
    at.selectbox(key="home_open_choice").set_value(chosen.id)
    at.button(key="FormSubmitter:home_open_form-Ouvrir").click().run()
    assert not at.exception
    opened = at.session_state["dossier_current"]
    assert (opened.id, opened.revision) == (chosen.id, chosen.head)
    assert any(f"Dossier ouvert : {chosen.name}" in h.value for h in at.header)


def test_the_open_dossier_lists_its_revisions_latest_first(db_url: str) -> None:
    at = start()
    open_sample(at)
    history = frame_with(at, "Auteur")
    assert list(history["Version"]) == ["2", "1"]  # the copy, then the case's accounts
    assert history["Message"].iloc[1].startswith("Copie du cas d'exemple")
    assert list(at.selectbox(key="home_restore_choice").options) == ["1"]


def test_restoring_writes_the_old_version_again(db_url: str) -> None:
    at = start()
    open_sample(at)
    rename(at, "Nom provisoire")
    at.selectbox(key="home_restore_choice").set_value(2)
    at.button(key=RESTORE).click().run()
    assert not at.exception
    opened = at.session_state["dossier_current"]
    assert (opened.revision, opened.dossier.identity.name) == (
        4,
        "La Ressourcerie des Confluences",
    )
    history = frame_with(at, "Auteur")
    assert history["Message"].iloc[0] == "Restauration de la version 2"
    ws = Workspace(db_url)
    assert ws.load(opened.id, 3)[0].identity.name == "Nom provisoire"  # nothing erased


def test_a_new_dossier_needs_a_name_and_keeps_its_legal_form(db_url: str) -> None:
    at = start()
    count = len(Workspace(db_url).list_dossiers())
    create = "FormSubmitter:home_new_form-Créer le dossier"
    at.button(key=create).click().run()
    assert not at.exception
    assert at.error[0].value == "Donnez un nom à la structure."
    assert len(Workspace(db_url).list_dossiers()) == count
    at.text_input(key="home_new_name").set_value("  Coopérative test  ")
    at.selectbox(key="home_new_form_choice").select_index(list(LegalForm).index(LegalForm.SCIC))
    at.button(key=create).click().run()
    assert not at.exception
    opened = at.session_state["dossier_current"]
    assert opened.revision == 1
    assert opened.dossier.identity.name == "Coopérative test"
    assert opened.dossier.identity.legal_form == "scic"


def test_legal_forms_read_in_english(db_url: str) -> None:
    at = start("en")
    options = at.selectbox(key="home_new_form_choice").options
    assert options[0] == "Association (1901 law)"
    assert "SCIC (multi-stakeholder cooperative)" in options
