"""Append-only revisions under optimistic concurrency, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import math
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from essdiag.dossier import new_dossier, read_dossier_json
from essdiag.errors import NotFoundError, StaleRevisionError, UnsavableDossierError
from essdiag.i18n import translator
from essdiag.store import Workspace, revisions, schema
from essdiag.store.views import history_view


def test_every_save_is_a_new_revision_with_author_and_message(workspace: Workspace) -> None:
    info = workspace.create(new_dossier("Asso"), author="Camille")
    d, rev = workspace.load(info.id)
    d2 = d.model_copy(update={"identity": d.identity.model_copy(update={"headcount": 12})})
    assert workspace.save(info.id, d2, base=rev, author="Lou", message="Effectif") == 2
    history = workspace.revisions(info.id)
    assert [(r.number, r.author, r.message) for r in history] == [
        (2, "Lou", "Effectif"),
        (1, "Camille", "Création"),
    ]
    assert history[0].sha256 == hashlib.sha256(d2.to_json().encode()).hexdigest()
    assert workspace.load(info.id, 1)[0].identity.headcount == 0
    assert workspace.load(info.id)[0].identity.headcount == 12


def test_stale_save_is_refused_and_writes_nothing(workspace: Workspace) -> None:
    info = workspace.create(new_dossier("Asso"), author="a")
    d, rev = workspace.load(info.id)
    workspace.save(info.id, d, base=rev, author="first", message="1")
    with pytest.raises(StaleRevisionError, match="enregistré par quelqu'un d'autre"):
        workspace.save(info.id, d, base=rev, author="second", message="2")
    assert workspace.head(info.id) == 2
    assert [r.author for r in workspace.revisions(info.id)] == ["first", "a"]


def test_restore_creates_a_new_revision(workspace: Workspace) -> None:
    info = workspace.create(new_dossier("Avant"), author="a")
    d, _ = workspace.load(info.id)
    renamed = d.model_copy(update={"identity": d.identity.model_copy(update={"name": "Après"})})
    workspace.save(info.id, renamed, base=1, author="a", message="Renommage")
    assert workspace.restore(info.id, 1, author="b") == 3
    assert workspace.load(info.id)[0].identity.name == "Avant"
    assert workspace.info(info.id).name == "Avant"
    assert workspace.revisions(info.id)[0].message == "Restauration de la version 1"
    assert workspace.load(info.id, 2)[0].identity.name == "Après"  # nothing overwritten


def test_unknown_dossier_and_revision(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError):
        workspace.load("nope")
    with pytest.raises(NotFoundError):
        workspace.info("nope")
    info = workspace.create(new_dossier("Asso"), author="a")
    with pytest.raises(NotFoundError, match="pas de version 7"):
        workspace.load(info.id, 7)
    with pytest.raises(NotFoundError):
        workspace.save("nope", new_dossier("x"), base=1, author="a", message="m")


def test_concurrent_saves_from_the_same_base_only_one_wins(workspace: Workspace) -> None:
    info = workspace.create(new_dossier("Asso"), author="a")
    d, rev = workspace.load(info.id)
    outcomes: list[str] = []
    barrier = threading.Barrier(4)

    def attempt(n: int) -> None:
        barrier.wait()
        try:
            workspace.save(info.id, d, base=rev, author=f"user{n}", message="race")
            outcomes.append("saved")
        except StaleRevisionError:
            outcomes.append("stale")

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["saved", "stale", "stale", "stale"]
    assert workspace.head(info.id) == 2


def test_restore_is_retried_when_a_save_slips_in_between(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Restoring does not depend on the open revision: a concurrent save is not an error."""
    info = workspace.create(new_dossier("Avant"), author="a")
    d, _ = workspace.load(info.id)
    renamed = d.model_copy(update={"identity": d.identity.model_copy(update={"name": "Après"})})
    workspace.save(info.id, renamed, base=1, author="a", message="Renommage")
    real_head = revisions.head
    calls: list[int] = []

    def head_then_someone_saves(engine: Engine, dossier_id: str) -> int:
        number = real_head(engine, dossier_id)
        if not calls:  # another user saves right after the restore read the head
            workspace.save(dossier_id, renamed, base=number, author="other", message="x")
        calls.append(number)
        return number

    monkeypatch.setattr(revisions, "head", head_then_someone_saves)
    assert workspace.restore(info.id, 1, author="b") == 4
    assert workspace.load(info.id)[0].identity.name == "Avant"
    assert [r.author for r in workspace.revisions(info.id)] == ["b", "other", "a", "a"]


def test_revision_times_are_aware_and_now_on_every_database(workspace: Workspace) -> None:
    before = datetime.now(UTC)
    info = workspace.create(new_dossier("Asso"), author="a")
    saved = workspace.revisions(info.id)[0].created_at
    assert saved.tzinfo is not None
    assert before - timedelta(seconds=1) <= saved <= datetime.now(UTC) + timedelta(seconds=1)
    assert workspace.info(info.id).updated_at == saved == workspace.list_dossiers()[0].updated_at


def test_a_value_that_would_not_read_back_is_refused_and_nothing_is_written(
    workspace: Workspace,
) -> None:
    info = workspace.create(new_dossier("Asso"), author="a")
    d, rev = workspace.load(info.id)
    # model_copy does not validate: an infinite FTE slips in, as a bad table cell could.
    broken = d.model_copy(update={"identity": d.identity.model_copy(update={"fte": math.inf})})
    with pytest.raises(UnsavableDossierError, match="rien n'a été enregistré"):
        workspace.save(info.id, broken, base=rev, author="a", message="inf")
    assert workspace.head(info.id) == rev
    assert workspace.load(info.id)[0] == d


def test_author_and_message_are_kept_within_their_columns(workspace: Workspace) -> None:
    info = workspace.create(new_dossier("Asso"), author="", message="m" * 600)
    [first] = workspace.revisions(info.id)
    assert (first.author, len(first.message)) == ("anonyme", 500)


@pytest.mark.parametrize(("lang", "shown"), [("fr", "anonyme"), ("en", "anonymous")])
def test_a_revision_saved_without_a_name_shows_anonymous_in_the_readers_language(
    workspace: Workspace, lang: str, shown: str
) -> None:
    info = workspace.create(new_dossier("Asso"), author="  ", message="m")
    named, _rev = workspace.load(info.id)
    workspace.save(info.id, named, base=1, author="Marie", message="n")
    table = history_view(workspace.revisions(info.id)).display(translator(lang))
    assert table.iloc[:, 2].tolist() == ["Marie", shown]


# -- values the database cannot hold (issue #10) -------------------------------------------

CORPUS = Path(__file__).parents[1] / "data" / "bad_dossiers"


def test_a_dossier_file_with_a_nul_in_its_name_imports_and_saves_on_every_database(
    workspace: Workspace,
) -> None:
    """PostgreSQL refused the NUL (DataError) on import and on save: it is removed at the door."""
    raw = (CORPUS / "nul_name.json").read_bytes()
    dossier, issues = read_dossier_json(raw, file="nul_name.json")
    assert dossier is not None and [i.code for i in issues] == ["text_nul_removed"]
    info = workspace.create(dossier, author="Cam\x00ille", message="Import\x00")
    assert info.name == "Asso B"
    again = dossier.model_copy(
        update={"identity": dossier.identity.model_copy(update={"purpose": "x"})}
    )
    assert workspace.save(info.id, again, base=1, author="a\x00", message="m\x00") == 2
    assert [(r.author, r.message) for r in workspace.revisions(info.id)] == [
        ("a", "m"),
        ("Camille", "Import"),
    ]


def test_a_nul_typed_on_a_screen_is_refused_at_save_naming_its_field(workspace: Workspace) -> None:
    info = workspace.create(new_dossier("Asso"), author="a")
    d, rev = workspace.load(info.id)
    broken = d.model_copy(update={"identity": d.identity.model_copy(update={"name": "A\x00"})})
    with pytest.raises(UnsavableDossierError, match="caractère nul") as raised:
        workspace.save(info.id, broken, base=rev, author="a", message="nul")
    assert [(i.code, i.field) for i in raised.value.issues] == [("text_nul", "identity.name")]
    with pytest.raises(UnsavableDossierError):
        workspace.create(broken, author="a")
    assert workspace.head(info.id) == rev
    assert len(workspace.list_dossiers()) == 1  # the refused creation left nothing behind


@pytest.mark.parametrize("value", [1e308, -1e16, math.nan])
def test_a_number_out_of_bounds_is_refused_at_save_and_nothing_is_written(
    workspace: Workspace, value: float
) -> None:
    info = workspace.create(new_dossier("Asso"), author="a")
    d, rev = workspace.load(info.id)
    broken = d.model_copy(update={"identity": d.identity.model_copy(update={"fte": value})})
    with pytest.raises(UnsavableDossierError) as raised:
        workspace.save(info.id, broken, base=rev, author="a", message="x")
    assert [i.field for i in raised.value.issues] == ["identity.fte"]
    assert workspace.head(info.id) == rev


def test_a_revision_saved_before_the_bounds_stays_readable(workspace: Workspace) -> None:
    """An older essdiag saved 1e308 without a word: that revision still opens and restores."""
    info = workspace.create(new_dossier("Asso"), author="a")
    d, _ = workspace.load(info.id)
    content = json.loads(d.to_json())
    content["identity"]["fte"] = 1e308
    text = json.dumps(content)
    with workspace.engine.begin() as conn:
        conn.execute(
            schema.revisions.insert().values(
                dossier_id=info.id,
                number=2,
                author="old",
                created_at=schema.now(),
                message="old",
                content=text,
                sha256=schema.sha256(text.encode()),
            )
        )
    old, number = workspace.load(info.id)
    assert (number, old.identity.fte) == (2, 1e308)
    assert workspace.restore(info.id, 1, author="b") == 3
