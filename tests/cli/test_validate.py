"""``essdiag validate``: a dossier file checked, its issues listed, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from essdiag.cli import app
from essdiag.dossier import new_dossier

runner = CliRunner()
CORPUS = Path(__file__).parents[1] / "data" / "bad_dossiers"


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


def test_validate_as_json_names_the_field_of_each_issue() -> None:
    result = runner.invoke(
        app, ["validate", str(CORPUS / "bad_siren_checksum.json"), "--format", "json"]
    )
    assert result.exit_code == 2
    report = json.loads(result.output)
    assert report["usable"] is False and report["name"] is None
    (siren,) = [i for i in report["issues"] if i["code"] == "siren_checksum"]
    assert siren["severity"] == "error" and "Luhn" in siren["message"]
