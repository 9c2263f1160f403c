"""The workspace facade, run identically on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import pytest

from essdiag.dossier import Dossier, new_dossier
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
