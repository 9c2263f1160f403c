"""``essdiag variance``: flagged lines printed, report files, exit codes."""

from __future__ import annotations

import io
import json
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
    assert "Nature;Clé;Libellé;Budget (€);Réalisé (€);Écart (€);Écart relatif (%)" in ok.output
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


def test_the_direction_word_follows_the_sign_of_the_effect_on_the_result(tmp_path: Path) -> None:
    # Budget by month: 74 = 10 000 €, 60 = 5 000 €, 61 = 4 000 €. January in the FEC below:
    # 74 received 20 000 € (+10 000 €, +100 %: income above budget, favourable), 60 spent
    # 12 000 € (+7 000 €, +140 %: a charge above budget, unfavourable), 61 spent 4 000 € (0 €).
    months = ";".join(["Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août",
                       "Septembre", "Octobre", "Novembre", "Décembre"])  # fmt: skip
    budget = tmp_path / "budget.csv"
    budget.write_text(
        f"Compte;Libellé;{months}\n"
        + "74;Subvention;"
        + ";".join(["10000"] * 12)
        + "\n"
        + "60;Achats;"
        + ";".join(["5000"] * 12)
        + "\n"
        + "61;Services;"
        + ";".join(["4000"] * 12)
        + "\n",
        "utf-8",
    )
    head = ("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t"
            "CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t"
            "ValidDate\tMontantdevise\tIdevise")  # fmt: skip

    def row(num: str, account: str, debit: str, credit: str) -> str:
        return (f"BQ\tBanque\t{num}\t20260131\t{account}\tX\t\t\tP{num}\t20260131\tLib\t{debit}\t"
                f"{credit}\t\t\t20260131\t\t")  # fmt: skip

    fec = tmp_path / "123456789FEC20261231.txt"
    fec.write_text(
        "\n".join([head,
                   row("1", "512000", "20000,00", "0,00"), row("1", "741000", "0,00", "20000,00"),
                   row("2", "601000", "12000,00", "0,00"), row("2", "512000", "0,00", "12000,00"),
                   row("3", "611000", "4000,00", "0,00"), row("3", "512000", "0,00", "4000,00")])
        + "\n",
        "utf-8",
    )  # fmt: skip
    result = runner.invoke(
        app,
        ["variance", "--budget", str(budget), "--actuals", str(fec), "--through", "2026-01",
         "--period", "month", "--level", "heading"],
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    words = {
        ln.split("\t")[0]: ln.split("\t")[-1] for ln in result.output.splitlines() if "\t" in ln
    }
    assert words == {"74": "favorable", "60": "défavorable"}


def test_a_zero_variance_is_neither_favourable_nor_unfavourable() -> None:
    import numpy as np
    import pandas as pd

    from essdiag.cli import _direction

    assert [_direction(v) for v in (np.True_, True, np.False_, False, pd.NA, None)] == [
        "favorable", "favorable", "défavorable", "défavorable", "", ""
    ]  # fmt: skip


OCTOBER_BY_ACCOUNT = [
    "variance", "--budget", str(CASE / "budget_2026.xlsx"), "--actuals",
    str(CASE / "FEC_2026_01-10.txt"), "--through", "2026-10", "--level", "account",
]  # fmt: skip
"""The sample's monthly check at the end of October, by account."""


def test_variance_as_json_for_a_script() -> None:
    result = runner.invoke(app, [*OCTOBER_BY_ACCOUNT, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)  # nothing but the JSON document on stdout
    assert report["period"] == {"key": "2026-YTD-10", "title": "janvier – octobre 2026"}
    lines = {(line["kind"], line["key"]): line for line in report["lines"]}
    grant = lines["income", "741310"]
    # Département grant: 76 000 € budgeted, 68 400 € received (sample README, deliberate −10 %).
    assert (grant["budget"], grant["actual"], grant["variance"]) == (76000.0, 68400.0, -7600.0)
    assert grant["flagged"] is True and grant["direction"] == "défavorable"
    assert sum(line["flagged"] for line in report["lines"]) == 2  # as the text report says
    # Actual to date + remaining budget, computed independently in tests/budget/test_variance_reference.py.
    landing = [r for r in report["results"].values() if r["label"] == "Réalisé + budget restant"]
    assert [round(r["value"], 2) for r in landing] == [-12299.10]
