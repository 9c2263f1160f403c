"""The sample cases as the app lists them."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from essdiag.errors import EssdiagError
from essdiag.samples import load_sample, sample_cases, seed_workspace
from essdiag.store import Workspace


def test_cases_are_listed_with_title_summary_and_files_blank_last() -> None:
    cases = sample_cases()
    assert [c.key for c in cases] == ["recyclerie", "scic-energie", "blank"]
    recyclerie = cases[0]
    assert recyclerie.title == "Cas 1 : La Ressourcerie des Confluences"
    assert recyclerie.summary.startswith("**Histoire.**")
    assert "FEC_2025.txt" in recyclerie.files
    assert "README.md" not in recyclerie.files and "dossier.json" not in recyclerie.files
    assert all(c.summary for c in cases)


def test_samples_dir_can_be_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = tmp_path / "demo"
    case.mkdir()
    (case / "dossier.json").write_text(
        '{"schema_version": 1, "identity": {"name": "Démo"}}', "utf-8"
    )
    (case / "README.md").write_text("# Démo\n\n*note*\n\nUn cas minimal.\n", "utf-8")
    monkeypatch.setenv("ESSDIAG_SAMPLES_DIR", str(tmp_path))
    [only] = sample_cases()
    assert (only.title, only.summary) == ("Démo", "Un cas minimal.")
    assert load_sample("demo").identity.name == "Démo"


def test_unknown_or_broken_sample_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(EssdiagError, match="n'existe pas"):
        load_sample("nope")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "dossier.json").write_text("{", "utf-8")
    monkeypatch.setenv("ESSDIAG_SAMPLES_DIR", str(tmp_path))
    with pytest.raises(EssdiagError, match="illisible"):
        load_sample("bad")


def test_two_processes_seeding_a_shared_workspace_at_once_seed_it_once(
    workspace: Workspace,
) -> None:
    """Two app processes starting together on one database both find it empty."""
    other = Workspace(
        workspace.url, engine=workspace.engine if "postgres" in workspace.url else None
    )
    barrier = threading.Barrier(2)
    seeded: list[bool] = []

    def start(ws: Workspace) -> None:
        barrier.wait()
        seeded.append(seed_workspace(ws, author="essdiag"))

    threads = [threading.Thread(target=start, args=(ws,)) for ws in (workspace, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cases = [c for c in sample_cases() if c.key != "blank"]
    assert sorted(seeded) == [False, True]
    assert len(workspace.list_dossiers()) == len(cases)
    assert seed_workspace(workspace) is False  # never again, even later


def test_a_workspace_seeded_once_is_not_reseeded_when_everything_is_archived(
    workspace: Workspace,
) -> None:
    assert seed_workspace(workspace) is True
    for info in workspace.list_dossiers():
        workspace.archive(info.id)
    assert seed_workspace(workspace) is False
    assert workspace.list_dossiers() == []
