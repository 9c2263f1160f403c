"""The command line: exit codes and messages."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from essdiag.cli import app
from essdiag.dossier import new_dossier

runner = CliRunner()
CORPUS = Path(__file__).parent / "data" / "bad_dossiers"


def test_validate_good_file(tmp_path: Path) -> None:
    f = tmp_path / "d.json"
    f.write_text(new_dossier("Asso du Port").to_json(), "utf-8")
    result = runner.invoke(app, ["validate", str(f)])
    assert result.exit_code == 0
    assert "dossier « Asso du Port » valide" in result.output


def test_validate_bad_file_lists_issues_and_exits_2() -> None:
    result = runner.invoke(app, ["validate", str(CORPUS / "bad_siren_checksum.json")])
    assert result.exit_code == 2
    assert "ERREUR [siren_checksum]" in result.output
    assert "la clé de contrôle (Luhn) ne correspond pas" in result.output


def test_validate_missing_file() -> None:
    result = runner.invoke(app, ["validate", "/nonexistent/d.json"])
    assert result.exit_code == 2


def test_params_on_a_date() -> None:
    result = runner.invoke(app, ["params", "--on", "2026-02-01"])
    assert result.exit_code == 0
    assert "smic_hourly\t12.02\tEUR/h\t2026-01-01" in result.output
    assert runner.invoke(app, ["params", "--on", "hier"]).exit_code == 2
