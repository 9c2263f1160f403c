"""The workspace's tables, created safely when several processes open a new database."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from essdiag.store import Workspace, metadata
from essdiag.store.schema import make_engine


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
