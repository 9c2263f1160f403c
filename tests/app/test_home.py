"""The « Accueil » screen end to end (AppTest, no browser): open, copy, create, import, manage.

Each action on a dossier says what it did and goes where the user expects
(issue #11); the failures the store can raise are said, never shown as an
exception (issue #10). The screens' shared checks (every page runs, imports,
the seeded workspace) are in ``tests/app/test_pages.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from essdiag.errors import StaleRevisionError, UnsavableDossierError
from essdiag.identity import LegalForm
from essdiag.samples import load_sample
from essdiag.store import Workspace, revisions
from tests.app.apptest import frame_with, open_sample, plain, start

PAGE = "pages/home.py"
OPEN = "FormSubmitter:home_open_form-Ouvrir"
RESTORE = "FormSubmitter:home_restore_form-Restaurer cette version"
RENAME = "FormSubmitter:home_rename_form-Renommer"
CREATE = "FormSubmitter:home_new_form-Créer le dossier"
CORPUS = Path(__file__).parents[1] / "data" / "bad_dossiers"
RECYCLERIE = load_sample("recyclerie").identity.name


def home(at: AppTest) -> AppTest:
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def successes(at: AppTest) -> list[str]:
    return [plain(s.value) for s in at.success]


def rename_organisation(at: AppTest, name: str) -> None:
    """Save a new organisation name from the identity screen, then come back home."""
    at.switch_page("pages/identity.py").run()
    at.text_input(key="identity_name").set_value(name)
    at.button(key="FormSubmitter:identity_form-Enregistrer").click().run()
    assert not at.exception
    home(at)


def opened_id(at: AppTest) -> str:
    return str(at.session_state["dossier_current"].id)


# -- the list, and opening a dossier -------------------------------------------------------


def test_a_dossier_of_the_list_opens_and_says_so(db_url: str) -> None:
    at = start()
    listed = Workspace(db_url).list_dossiers()
    table = frame_with(at, "Dernier enregistrement")
    assert list(table["Dossier"]) == [d.name for d in listed]
    assert list(table["Versions"]) == [str(d.head) for d in listed]
    assert set(table["État"]) == {""}  # nothing open yet
    chosen = listed[-1]
    at.selectbox(key="home_open_choice").set_value(chosen.id)
    at.button(key=OPEN).click().run()
    assert not at.exception
    opened = at.session_state["dossier_current"]
    assert (opened.id, opened.revision) == (chosen.id, chosen.head)
    [message] = successes(at)
    assert message.startswith(f"Dossier ouvert : {chosen.name} (version {chosen.head}).")
    assert any(f"Dossier ouvert : {chosen.name}" in h.value for h in at.header)
    table = frame_with(at, "Dernier enregistrement")
    assert table.loc[table["Dossier"] == chosen.name, "État"].tolist() == ["ouvert"]
    assert at.selectbox(key="home_open_choice").value == chosen.id  # chosen by default


def test_opening_the_open_dossier_again_changes_nothing(db_url: str) -> None:
    at = start()
    at.button(key=OPEN).click().run()
    revision = at.session_state["dossier_current"].revision
    at.button(key=OPEN).click().run()
    assert not at.exception
    assert at.info[0].value == "Ce dossier est déjà ouvert, dans sa dernière version."
    assert at.session_state["dossier_current"].revision == revision


# -- sample copies: named apart, opened on their first useful screen -----------------------


def test_a_sample_copy_is_named_apart_and_opens_on_its_variance(db_url: str) -> None:
    at = start()  # the workspace was seeded with one copy of each case
    open_sample(at)
    assert at.title[0].value == "Écarts budget / réalisé et atterrissage"
    [message] = successes(at)
    assert message.startswith(f"Dossier ouvert : {RECYCLERIE} (copie 2) — une copie du cas")
    assert "« Écarts et atterrissage » : voici où en est son budget" in message
    open_sample(home(at))
    ws = Workspace(db_url)
    assert ws.info(opened_id(at)).name == f"{RECYCLERIE} (copie 3)"
    copied = at.session_state["dossier_current"].dossier
    assert copied.hr.workforce is not None  # the HR register came with the copy


def test_the_blank_case_opens_on_its_identity_and_says_why(db_url: str) -> None:
    at = start()
    open_sample(at, "blank")
    assert at.title[0].value == "Identité de la structure"
    [message] = successes(at)
    assert "il n'a pas encore de comptes ni de budget" in message


def test_the_confirmation_reads_in_english(db_url: str) -> None:
    at = start("en")
    open_sample(at)
    [message] = successes(at)
    assert message.startswith(f"Open case file: {RECYCLERIE} (copy 2) — a copy of the sample")


# -- history and restore -------------------------------------------------------------------


def test_the_open_dossier_lists_its_revisions_latest_first(db_url: str) -> None:
    at = home(open_sample(start()))
    history = frame_with(at, "Auteur")
    assert list(history["Version"]) == ["2", "1"]  # the copy, then the case's files
    assert history["Message"].iloc[1].startswith("Copie du cas d'exemple")
    assert history["Message"].iloc[0].startswith("Données du cas d'exemple : Comptabilité")
    assert list(at.selectbox(key="home_restore_choice").options) == ["1"]


def test_restoring_writes_the_old_version_again_and_says_which(db_url: str) -> None:
    at = home(open_sample(start()))
    rename_organisation(at, "Nom provisoire")
    at.selectbox(key="home_restore_choice").set_value(2)
    at.button(key=RESTORE).click().run()
    assert not at.exception
    opened = at.session_state["dossier_current"]
    assert (opened.revision, opened.dossier.identity.name) == (4, RECYCLERIE)
    assert successes(at) == [
        "La version 2 est restaurée : elle est maintenant la version 4, ouverte. Les versions "
        "intermédiaires restent dans l'historique."
    ]
    history = frame_with(at, "Auteur")
    assert history["Message"].iloc[0] == "Restauration de la version 2"
    ws = Workspace(db_url)
    assert ws.load(opened.id, 3)[0].identity.name == "Nom provisoire"  # nothing erased


def test_a_restore_that_loses_the_race_five_times_is_said_not_raised(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = home(open_sample(start()))
    before = at.session_state["dossier_current"].revision

    def always_stale(*_: object, **__: object) -> int:
        raise StaleRevisionError()

    monkeypatch.setattr(revisions, "save", always_stale)
    at.selectbox(key="home_restore_choice").set_value(1)
    at.button(key=RESTORE).click().run()
    assert not at.exception
    assert at.error[0].value.startswith("La version 1 n'a pas pu être restaurée")
    assert at.session_state["dossier_current"].revision == before


# -- renaming, archiving, deleting ---------------------------------------------------------


def test_renaming_changes_the_listed_name_not_the_organisation(db_url: str) -> None:
    at = home(open_sample(start()))
    at.text_input(key="home_rename_name").set_value("Ressourcerie — groupe de Camille")
    at.button(key=RENAME).click().run()
    assert not at.exception
    assert successes(at) == [
        f"Dossier renommé : « {RECYCLERIE} (copie 2) » s'appelle maintenant « Ressourcerie — "
        "groupe de Camille »."
    ]
    info = Workspace(db_url).info(opened_id(at))
    assert (info.name, info.organisation) == ("Ressourcerie — groupe de Camille", RECYCLERIE)
    assert "Ressourcerie — groupe de Camille" in list(frame_with(at, "État")["Dossier"])
    at.text_input(key="home_rename_name").set_value("   ")
    at.button(key=RENAME).click().run()
    assert at.error[0].value == "Donnez un nom au dossier."


def test_a_copy_made_in_english_is_named_in_english(db_url: str) -> None:
    # The workspace is seeded with one copy of each case: the next one is the second.
    at = home(open_sample(start("en")))
    assert at.session_state["dossier_current"].name == f"{RECYCLERIE} (copy 2)"


def test_the_open_dossier_carries_its_listed_name_for_the_sidebar(db_url: str) -> None:
    """The copy's listed name, not its organisation's, then its new name after a rename.

    The sidebar writes « Dossier ouvert : {name} — version {rev} » from it (app.py), as the
    list names the dossier; AppTest does not hold the sidebar's elements, the browser
    screenshots show it.
    """
    at = home(open_sample(start()))
    assert at.session_state["dossier_current"].name == f"{RECYCLERIE} (copie 2)"
    at.text_input(key="home_rename_name").set_value("Ressourcerie — groupe de Camille")
    at.button(key=RENAME).click().run()
    assert at.session_state["dossier_current"].name == "Ressourcerie — groupe de Camille"


def test_archiving_closes_the_dossier_and_the_archives_bring_it_back(db_url: str) -> None:
    at = home(open_sample(start()))
    dossier_id = opened_id(at)
    at.button(key="home_archive").click().run()
    assert not at.exception
    assert "dossier_current" not in at.session_state
    assert successes(at)[0].startswith(f"« {RECYCLERIE} (copie 2) » est archivé et fermé.")
    assert f"{RECYCLERIE} (copie 2)" not in list(frame_with(at, "État")["Dossier"])
    assert at.selectbox(key="home_archive_choice").value == dossier_id
    at.button(key="home_unarchive").click().run()
    assert not at.exception
    assert successes(at) == [
        f"« {RECYCLERIE} (copie 2) » est sorti des archives : il est de nouveau dans la liste."
    ]
    assert dossier_id in [d.id for d in Workspace(db_url).list_dossiers()]


def test_a_dossier_is_deleted_only_after_confirmation(db_url: str) -> None:
    at = home(open_sample(start()))
    dossier_id = opened_id(at)
    at.button(key="home_archive").click().run()
    at.button(key="home_delete").click().run()
    assert not at.exception
    question = plain(at.warning[0].value)
    assert question.startswith(f"Supprimer définitivement « {RECYCLERIE} (copie 2) » ? Ses 2 ")
    assert Workspace(db_url).info(dossier_id)  # nothing deleted yet
    at.button(key="home_delete_no").click().run()
    assert successes(at)[0].startswith("Suppression annulée")
    assert Workspace(db_url).list_dossiers(archived=True)[0].id == dossier_id
    at.button(key="home_delete").click().run()
    at.button(key="home_delete_yes").click().run()
    assert not at.exception
    [done] = successes(at)
    assert done.startswith(f"« {RECYCLERIE} (copie 2) » a été supprimé, avec ses 2 version(s)")
    assert dossier_id not in Workspace(db_url).listed_names() | {
        d.id for d in Workspace(db_url).list_dossiers()
    }
    assert Workspace(db_url).list_dossiers(archived=True) == []


# -- a new dossier, an imported file -------------------------------------------------------


def test_a_new_dossier_needs_a_name_and_opens_on_its_identity(db_url: str) -> None:
    at = start()
    count = len(Workspace(db_url).list_dossiers())
    at.button(key=CREATE).click().run()
    assert not at.exception
    assert at.error[0].value == "Donnez un nom à la structure."
    assert len(Workspace(db_url).list_dossiers()) == count
    at.text_input(key="home_new_name").set_value("  Coopérative test  ")
    at.selectbox(key="home_new_form_choice").select_index(list(LegalForm).index(LegalForm.SCIC))
    at.button(key=CREATE).click().run()
    assert not at.exception
    opened = at.session_state["dossier_current"]
    assert opened.revision == 1
    assert (opened.dossier.identity.name, opened.dossier.identity.legal_form) == (
        "Coopérative test",
        "scic",
    )
    assert at.title[0].value == "Identité de la structure"
    assert successes(at)[0].startswith("Dossier créé et ouvert : Coopérative test.")


def test_legal_forms_read_in_english(db_url: str) -> None:
    at = start("en")
    options = at.selectbox(key="home_new_form_choice").options
    assert options[0] == "Association (1901 law)"
    assert "SCIC (multi-stakeholder cooperative)" in options


def _import(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="home_import_file").set_value((name, data, "application/json")).run()
    at.button(key="home_import_go").click().run()
    assert not at.exception, at.exception
    return at


def test_an_imported_file_with_a_nul_is_cleaned_opened_and_says_what_changed(db_url: str) -> None:
    """PostgreSQL refused the NUL character of this name (DataError): it is removed at the door."""
    at = _import(start(), "nul.json", (CORPUS / "nul_name.json").read_bytes())
    assert successes(at) == ["Dossier importé et ouvert : Asso B."]
    assert "caractère nul" in at.warning[0].value
    assert at.session_state["dossier_current"].dossier.identity.name == "Asso B"


@pytest.mark.parametrize("name", ["overflow.json", "huge_number.json", "zip_bomb.xlsx"])
def test_a_refused_file_changes_nothing_and_says_why(db_url: str, name: str) -> None:
    at = home(open_sample(start()))
    before = at.session_state["dossier_current"]
    count = len(Workspace(db_url).list_dossiers())
    _import(at, name, (CORPUS / name).read_bytes())
    assert at.error[0].value.startswith(f"Le fichier « {name} » n'a pas été importé")
    assert at.session_state["dossier_current"] == before
    assert len(Workspace(db_url).list_dossiers()) == count


def test_an_import_the_store_refuses_is_said_and_the_open_dossier_kept(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = home(open_sample(start()))
    before = at.session_state["dossier_current"]

    def unsavable(*_: object, **__: object) -> str:
        raise UnsavableDossierError()

    monkeypatch.setattr(revisions, "readable_json", unsavable)
    _import(at, "asso.json", load_sample("blank").to_json().encode())
    assert at.error[0].value.startswith("Ce dossier contient une valeur qui ne se relirait pas")
    assert at.session_state["dossier_current"] == before


# -- speed: the downloads are built once per revision --------------------------------------


def test_the_dossier_workbook_is_built_once_per_revision(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It took 80 % of the home page's time, rebuilt on every rerun."""
    import essdiag.dossier_files as files

    calls: list[int] = []
    real = files.write_dossier_xlsx

    def counted(dossier: object) -> bytes:
        calls.append(1)
        return real(dossier)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "write_dossier_xlsx", counted)
    at = home(open_sample(start()))
    at.run()
    at.run()
    assert not at.exception
    assert len(calls) == 1
    rename_organisation(at, "Autre nom")  # a new revision: built again, once
    at.run()
    assert len(calls) == 2
