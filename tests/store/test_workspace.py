"""The workspace facade, run identically on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import pytest

from essdiag.dossier import Dossier, new_dossier
from essdiag.errors import EssdiagError, NotFoundError
from essdiag.store import ENV_URL, Workspace, default_database_url


def test_create_load_and_list(workspace: Workspace) -> None:
    a = workspace.create(new_dossier("Asso A"), author="Camille", message="Création")
    b = workspace.create(new_dossier("SCIC B", legal_form="scic"), author="Dominique")
    dossier, rev = workspace.load(a.id)
    assert (dossier.identity.name, rev) == ("Asso A", 1)
    listed = workspace.list_dossiers()
    assert [d.id for d in listed] == [b.id, a.id]  # most recently saved first
    assert {d.head for d in listed} == {1}
    assert workspace.revisions(b.id)[0].message == "Création"  # the default message


def test_archive_hides_but_keeps(workspace: Workspace) -> None:
    info = workspace.create(new_dossier("Asso"), author="a")
    workspace.archive(info.id)
    assert workspace.list_dossiers() == []
    assert workspace.load(info.id)[0].identity.name == "Asso"
    assert workspace.info(info.id).name == "Asso"  # still known by its id


def test_sample_dossier_round_trips_through_the_store(
    workspace: Workspace, recyclerie: Dossier
) -> None:
    info = workspace.create(recyclerie, author="trainer")
    assert workspace.load(info.id)[0] == recyclerie


def test_a_name_is_claimed_once(workspace: Workspace) -> None:
    assert workspace.claim_once("samples-seeded")
    assert not workspace.claim_once("samples-seeded")
    assert Workspace(workspace.url, engine=workspace.engine).claim_once("other")


def test_the_database_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_URL, "  sqlite:///elsewhere.sqlite ")
    assert default_database_url() == "sqlite:///elsewhere.sqlite"


# -- managing dossiers: names, archives, deletion (issue #11) ------------------------------


def test_a_dossier_can_be_listed_under_its_own_name(workspace: Workspace) -> None:
    copy = workspace.create(new_dossier("Asso"), author="a", name="  Asso   (copie 2) ")
    plain = workspace.create(new_dossier("Asso"), author="a", name="Asso")
    assert (copy.name, copy.organisation) == ("Asso (copie 2)", "Asso")
    assert (plain.name, plain.organisation) == ("Asso", "Asso")
    assert workspace.listed_names() == {"Asso", "Asso (copie 2)"}


def test_renaming_lists_the_dossier_under_its_new_name_and_keeps_its_organisation(
    workspace: Workspace,
) -> None:
    info = workspace.create(new_dossier("La Ressourcerie"), author="a")
    renamed = workspace.rename(info.id, "Ressourcerie — groupe de Camille")
    assert (renamed.name, renamed.organisation) == (
        "Ressourcerie — groupe de Camille",
        "La Ressourcerie",
    )
    assert workspace.load(info.id)[0].identity.name == "La Ressourcerie"  # no new revision
    assert workspace.head(info.id) == 1
    dossier, rev = workspace.load(info.id)
    edited = dossier.model_copy(
        update={"identity": dossier.identity.model_copy(update={"name": "Ressourcerie SCIC"})}
    )
    workspace.save(info.id, edited, base=rev, author="a", message="Nouveau nom")
    after = workspace.info(info.id)
    assert (after.name, after.organisation) == (
        "Ressourcerie — groupe de Camille",
        "Ressourcerie SCIC",
    )
    # given back the organisation's name, the list follows the identity again
    assert workspace.rename(info.id, "Ressourcerie SCIC").name == "Ressourcerie SCIC"
    workspace.save(info.id, dossier, base=2, author="a", message="Retour")
    assert workspace.info(info.id).name == "La Ressourcerie"


def test_a_rename_needs_a_name_and_a_known_dossier(workspace: Workspace) -> None:
    info = workspace.create(new_dossier("Asso"), author="a")
    with pytest.raises(EssdiagError, match="Donnez un nom au dossier"):
        workspace.rename(info.id, " \x00 ")
    with pytest.raises(NotFoundError):
        workspace.rename("nope", "Nom")
    assert workspace.rename(info.id, "x" * 300).name == "x" * 200


def test_an_archived_dossier_is_listed_in_the_archives_and_comes_back(workspace: Workspace) -> None:
    kept = workspace.create(new_dossier("Gardé"), author="a")
    info = workspace.create(new_dossier("Asso"), author="a")
    workspace.archive(info.id)
    assert [d.id for d in workspace.list_dossiers()] == [kept.id]
    [archived] = workspace.list_dossiers(archived=True)
    assert (archived.id, archived.archived) == (info.id, True)
    workspace.unarchive(info.id)
    assert workspace.list_dossiers(archived=True) == []
    assert {d.id for d in workspace.list_dossiers()} == {kept.id, info.id}
    with pytest.raises(NotFoundError):
        workspace.archive("nope")
    with pytest.raises(NotFoundError):
        workspace.unarchive("nope")


def test_deleting_removes_the_dossier_its_revisions_and_its_files_only(
    workspace: Workspace,
) -> None:
    other = workspace.create(new_dossier("Autre"), author="a")
    kept_file = workspace.attach(other.id, "b.txt", b"b", media_type="text/plain", kind="x")
    info = workspace.create(new_dossier("Asso"), author="a", name="Asso (copie 3)")
    dossier, _ = workspace.load(info.id)
    workspace.save(info.id, dossier, base=1, author="a", message="2")
    gone = workspace.attach(info.id, "a.txt", b"a", media_type="text/plain", kind="x")
    workspace.attach(info.id, "c.txt", b"c", media_type="text/plain", kind="x")
    deleted = workspace.delete(info.id)
    assert (deleted.name, deleted.revisions, deleted.attachments) == ("Asso (copie 3)", 2, 2)
    with pytest.raises(NotFoundError):
        workspace.load(info.id)
    with pytest.raises(NotFoundError):
        workspace.attachment_bytes(gone.id)
    assert workspace.revisions(info.id) == []
    assert [d.id for d in workspace.list_dossiers()] == [other.id]
    assert workspace.attachment_bytes(kept_file.id) == b"b"
    assert workspace.listed_names() == {"Autre"}
    with pytest.raises(NotFoundError):
        workspace.delete(info.id)
