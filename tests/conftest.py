"""Shared fixtures: workspaces on SQLite and on a real PostgreSQL, sample dossiers.

PostgreSQL tests run when ``ESSDIAG_TEST_DATABASE_URL`` is set (``.ci/run``
sets it). Under ``CI=true`` a missing server is a failure, never a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
import sqlalchemy as sa

from essdiag.dossier import Dossier
from essdiag.samples import load_sample, samples_dir
from essdiag.store import Workspace

REPO = Path(__file__).resolve().parents[1]
PG_ENV = "ESSDIAG_TEST_DATABASE_URL"


def in_ci() -> bool:
    """True when running under CI (browser and PostgreSQL tests must not skip)."""
    return os.environ.get("CI", "").strip().lower() == "true"


def skip_or_fail(reason: str) -> NoReturn:
    """Skip locally; fail under CI, where everything must run."""
    if in_ci():
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def pg_engine() -> Iterator[sa.Engine]:
    """An engine on a fresh PostgreSQL schema, dropped after the test."""
    url = os.environ.get(PG_ENV)
    if not url:
        skip_or_fail(f"{PG_ENV} is not set: no PostgreSQL to test against")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    engine = sa.create_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def workspace(request: pytest.FixtureRequest, tmp_path: Path) -> Workspace:
    """The same workspace API on an SQLite file and on a real PostgreSQL."""
    if request.param == "sqlite":
        return Workspace(f"sqlite:///{tmp_path / 'ws.sqlite'}")
    engine = request.getfixturevalue("pg_engine")
    return Workspace(engine.url.render_as_string(hide_password=False), engine=engine)


@pytest.fixture(scope="session")
def recyclerie() -> Dossier:
    """The recyclerie sample dossier."""
    if not (samples_dir() / "recyclerie" / "dossier.json").is_file():
        pytest.fail("sample_data/recyclerie/dossier.json is missing")
    return load_sample("recyclerie")
