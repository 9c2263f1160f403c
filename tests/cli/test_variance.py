"""``essdiag variance``: flagged lines printed, report files, exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from essdiag.cli import app

runner = CliRunner()
CASE = Path(__file__).resolve().parents[2] / "sample_data" / "recyclerie"
CORPUS = Path(__file__).parents[1] / "data" / "ledger"


def test_variance_prints_flagged_lines_and_writes_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "ecarts.xlsx"
    result = runner.invoke(
        app,
        [
            "variance",
            "--budget", str(CASE / "budget_2026.xlsx"),
            "--actuals", str(CASE / "FEC_2026_01-10.txt"),
            "--through", "2026-10",
            "--level", "account",
            "--format", "xlsx",
            "--out", str(out),
            "--last-year", str(CASE / "FEC_2025.txt"),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "2 ligne(s) à expliquer" in result.output
    assert "741310\tSubv. Département de la Drôme" in result.output
    assert "défavorable" in result.output
    wb = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert "Comptes" in wb.sheetnames


def test_variance_csv_to_stdout_and_bad_inputs() -> None:
    ok = runner.invoke(
        app,
        [
            "variance",
            "--budget", str(CASE / "budget_2026.csv"),
            "--actuals", str(CASE / "FEC_2026_01-10.txt"),
            "--through", "2026-03",
            "--period", "quarter",
            "--format", "csv",
        ],
    )  # fmt: skip
    assert ok.exit_code == 0
    assert "kind;key;label;budget;actual;variance" in ok.output
    bad_month = runner.invoke(
        app,
        ["variance", "--budget", str(CASE / "budget_2026.csv"), "--actuals",
         str(CASE / "FEC_2026_01-10.txt"), "--through", "octobre"],
    )  # fmt: skip
    assert bad_month.exit_code == 2
    unusable = runner.invoke(
        app,
        ["variance", "--budget", str(CORPUS / "budget_missing_months.csv"), "--actuals",
         str(CASE / "FEC_2026_01-10.txt"), "--through", "2026-10"],
    )  # fmt: skip
    assert unusable.exit_code == 2
    assert "[budget_columns]" in unusable.output
    with_issues = runner.invoke(
        app,
        ["variance", "--budget", str(CASE / "budget_2026.xlsx"), "--actuals",
         str(CORPUS / "unbalanced_entry.txt"), "--through", "2026-01"],
    )  # fmt: skip
    assert with_issues.exit_code == 1
    assert "ATTENTION [fec_unbalanced]" in with_issues.output


def test_variance_speaks_french_and_says_when_seasonality_is_missing() -> None:
    result = runner.invoke(
        app,
        [
            "variance",
            "--budget", str(CASE / "budget_2026.xlsx"),
            "--actuals", str(CASE / "FEC_2026_01-10.txt"),
            "--through", "2026-10",
            "--level", "account",
        ],
    )  # fmt: skip
    text = result.output.replace("\u202f", " ").replace("\xa0", " ")
    assert "Écarts janvier – octobre 2026, par compte : 2 ligne(s)" in text
    # Département grant: 76 000 € budgeted, 68 400 € received (sample README, deliberate −10 %).
    assert "budget 76 000,00 €\tréalisé 68 400,00 €\técart −7 600,00 €" in text
    # Actual to date + remaining budget, computed independently in tests/budget/test_variance_reference.py.
    assert "Réalisé + budget restant : −12 299,10 €" in text
    assert "Saisonnalité N−1 : – (pas de réalisé de l'exercice précédent" in text
