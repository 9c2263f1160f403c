"""The sample cases as the app lists them."""

from __future__ import annotations

from pathlib import Path

import pytest

from essdiag.errors import EssdiagError
from essdiag.samples import load_sample, sample_cases


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
