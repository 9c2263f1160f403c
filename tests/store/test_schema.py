"""The workspace's tables, created safely when several processes open a new database."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from essdiag.dossier import new_dossier
from essdiag.store import Workspace, metadata
from essdiag.store.schema import ADDED_COLUMNS, make_engine, now, sha256


def test_two_workspaces_opening_a_new_database_at_once_both_work(workspace: Workspace) -> None:
    """Table creation is serialised: a second process starting together does not crash."""
    metadata.drop_all(workspace.engine)  # a brand-new database (this test's own schema)
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def start() -> None:
        barrier.wait()
        try:
            Workspace(workspace.url, engine=workspace.engine).list_dossiers()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert workspace.list_dossiers() == []


def test_sqlite_enforces_foreign_keys_and_keeps_a_memory_database_on_one_connection() -> None:
    engine = make_engine("sqlite://")
    with engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
        conn.execute(sa.text("CREATE TABLE kept (x INTEGER)"))
        conn.commit()
    with engine.connect() as conn:  # the same in-memory database, not a new empty one
        assert conn.execute(sa.text("SELECT count(*) FROM kept")).scalar() == 0
    engine.dispose()


def test_a_database_of_an_older_essdiag_gets_the_new_columns_and_keeps_its_dossiers(
    workspace: Workspace,
) -> None:
    """The ``title`` column (copies and renames) arrived after the first release."""
    metadata.drop_all(workspace.engine)
    old = sa.MetaData()
    for table in metadata.sorted_tables:
        added = {c.name for c in ADDED_COLUMNS.get(table.name, ())}
        columns = [
            sa.Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
            for c in table.columns
            if c.name not in added
        ]
        sa.Table(table.name, old, *columns)
    old.create_all(workspace.engine)
    with workspace.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO dossiers (id, name, created_at, archived) "
                "VALUES ('d1', 'Ancienne asso', :t, false)"
            ),
            {"t": now()},
        )
        content = new_dossier("Ancienne asso").to_json()
        conn.execute(
            sa.text(
                "INSERT INTO revisions (dossier_id, number, author, created_at, message, content, "
                "sha256) VALUES ('d1', 1, 'a', :t, 'm', :c, :h)"
            ),
            {"t": now(), "c": content, "h": sha256(content.encode())},
        )
    reopened = Workspace(workspace.url, engine=workspace.engine)
    assert [d.name for d in reopened.list_dossiers()] == ["Ancienne asso"]
    assert reopened.rename("d1", "Asso d'avant").name == "Asso d'avant"
    Workspace(workspace.url, engine=workspace.engine)  # opening again adds nothing twice
    assert reopened.info("d1").organisation == "Ancienne asso"
