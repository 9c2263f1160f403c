"""``essdiag validate-fec``: every issue of a FEC with its line and column, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from essdiag.cli import app

runner = CliRunner()
CASE = Path(__file__).resolve().parents[2] / "sample_data" / "recyclerie"
CORPUS = Path(__file__).parents[1] / "data" / "ledger"


def test_validate_fec_exit_codes() -> None:
    good = runner.invoke(app, ["validate-fec", str(CASE / "FEC_2025.txt"), "--year", "2025"])
    assert good.exit_code == 0
    assert "3494 ligne(s) importable(s) sur 3494" in good.output
    issues = runner.invoke(app, ["validate-fec", str(CORPUS / "bad_dates.txt")])
    assert issues.exit_code == 1
    assert "ERREUR [fec_date] Date invalide « 20261345 »" in issues.output
    assert "ligne 4, colonne EcritureDate" in issues.output
    unusable = runner.invoke(app, ["validate-fec", str(CORPUS / "missing_comptenum.txt")])
    assert unusable.exit_code == 2
    missing = runner.invoke(app, ["validate-fec", "/nonexistent/fec.txt"])
    assert missing.exit_code == 2


def test_validate_fec_reports_dates_outside_the_year_and_unbalanced_entries() -> None:
    result = runner.invoke(
        app, ["validate-fec", str(CORPUS / "outside_year.txt"), "--year", "2026"]
    )
    assert result.exit_code == 1
    text = result.output.replace("\u202f", " ")
    assert "ATTENTION [fec_outside_year]" in text
    assert "hors de l'exercice 01/01/2026 – 31/12/2026" in text
    unbalanced = runner.invoke(app, ["validate-fec", str(CORPUS / "unbalanced_entry.txt")])
    assert "ATTENTION [fec_unbalanced]" in unbalanced.output
    assert "déséquilibrée : débit" in unbalanced.output


def test_validate_fec_as_json_locates_each_issue() -> None:
    result = runner.invoke(app, ["validate-fec", str(CORPUS / "bad_dates.txt"), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["usable"] is True and report["file"] == "bad_dates.txt"
    dates = [i for i in report["issues"] if i["code"] == "fec_date"]
    assert dates[0]["line"] == 4 and dates[0]["column"] == "EcritureDate"
    assert dates[0]["message"].startswith("Date invalide « 20261345 »")
    good = json.loads(
        runner.invoke(app, ["validate-fec", str(CASE / "FEC_2025.txt"), "--format", "json"]).output
    )
    assert (good["lines_read"], good["lines_kept"], good["issues"]) == (3494, 3494, [])
