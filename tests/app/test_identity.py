"""The « Identité de la structure » screen end to end (AppTest, no browser).

Saving goes through ``save_section``: the confirmation shows after the rerun,
an unchanged form saves nothing, and a conflict keeps the edit for the banner.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from essdiag.identity import LegalForm
from essdiag.store import Workspace
from tests.app.apptest import open_sample, start

PAGE = "pages/identity.py"
SAVE = "FormSubmitter:identity_form-Enregistrer"


def on_identity(db_url: str) -> tuple[AppTest, Workspace]:
    at = start()
    open_sample(at)
    at.switch_page(PAGE).run()
    assert not at.exception
    return at, Workspace(db_url)


def test_without_a_dossier_the_screen_leads_home(db_url: str) -> None:
    at = start()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert "Aucun dossier n'est ouvert" in at.info[0].value
    assert not at.text_input


def test_a_save_is_confirmed_after_the_rerun_with_its_version(db_url: str) -> None:
    at, ws = on_identity(db_url)
    at.selectbox(key="identity_legal_form").select_index(list(LegalForm).index(LegalForm.SCIC))
    at.selectbox(key="identity_start_month").select_index(6)  # July
    at.button(key=SAVE).click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Enregistré (version 3)."]
    opened = at.session_state["dossier_current"]
    assert opened.revision == 3
    saved = ws.load(opened.id)[0].identity
    assert (saved.legal_form, saved.fiscal_year_start_month) == ("scic", 7)
    assert ws.revisions(opened.id)[0].message == "Identité mise à jour"
    at.run()
    assert not at.success  # said once


def test_an_unchanged_form_saves_nothing(db_url: str) -> None:
    at, ws = on_identity(db_url)
    opened = at.session_state["dossier_current"]
    at.button(key=SAVE).click().run()
    assert not at.exception
    assert at.info[0].value == "Aucune modification à enregistrer."
    assert ws.head(opened.id) == opened.revision


def test_a_conflict_keeps_the_edit_until_the_user_reloads(db_url: str) -> None:
    at, ws = on_identity(db_url)
    opened = at.session_state["dossier_current"]
    d, rev = ws.load(opened.id)
    colleague = d.model_copy(update={"identity": d.identity.model_copy(update={"members": 7})})
    ws.save(opened.id, colleague, base=rev, author="collègue", message="en parallèle")
    at.number_input(key="identity_volunteers").set_value(50)
    at.button(key=SAVE).click().run()
    assert not at.exception
    assert "enregistré par quelqu'un d'autre" in at.error[0].value
    assert at.session_state["dossier_pending"][0].identity.volunteers == 50
    at.button(key="conflict_reload").click().run()
    assert not at.exception
    assert ws.head(opened.id) == rev + 1  # the colleague's save stays the latest
    reloaded = at.session_state["dossier_current"]
    assert (reloaded.revision, reloaded.dossier.identity.members) == (rev + 1, 7)
    assert not at.error


def test_the_form_reads_in_english(db_url: str) -> None:
    at = start("en")
    open_sample(at)
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value != "Identité de la structure"
    assert at.selectbox(key="identity_start_month").options[6] == "July"
    assert at.selectbox(key="identity_legal_form").options[0] == "Association (1901 law)"
