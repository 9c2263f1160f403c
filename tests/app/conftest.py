"""Fixtures of the screen tests: a fresh SQLite workspace per test."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty workspace for the app under test (seeded with the sample cases at start)."""
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    monkeypatch.setenv("ESSDIAG_DATABASE_URL", url)
    return url
