"""``essdiag egalite``: JSON keys, exit codes, one French line for bad arguments."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from essdiag.commands.egalite import app

REPO = Path(__file__).resolve().parents[2]
RECYCLERIE = REPO / "sample_data" / "recyclerie" / "effectif_2025.csv"
RUNNER = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return RUNNER.invoke(app, list(args))


def test_json_of_the_sample_register() -> None:
    result = run(
        str(RECYCLERIE), "--tranche", "50-250", "--debut", "2025-01-01", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["index"] is None  # 60 points calculable < 75
    assert (data["points"], data["max_points"]) == (50, 60)
    assert set(data["indicators"]) == {
        "pay_gap",
        "raises",
        "promotions",
        "raises_50_250",
        "maternity",
        "top10",
    }
    assert data["indicators"]["pay_gap"]["points"] is None
    assert data["indicators"]["raises_50_250"] == {
        **data["indicators"]["raises_50_250"],
        "points": 25,
        "result": 34.0,
        "favours": "women",
    }


def test_rows_set_aside_exit_1(tmp_path: Path) -> None:
    bad = REPO / "tests" / "data" / "hr" / "bad_rows.csv"
    result = run(str(bad), "--tranche", "250+", "--debut", "2025-01-01")
    assert result.exit_code == 1
    assert "ligne 2" in result.stderr


def test_bad_arguments_exit_2_with_one_french_line(tmp_path: Path) -> None:
    for args in (
        ["missing.csv", "--tranche", "50-250"],
        [str(RECYCLERIE), "--tranche", "60"],
        [str(RECYCLERIE), "--tranche", "50-250", "--mode", "x"],
        [str(RECYCLERIE), "--tranche", "50-250", "--fin", "31/12/2025"],
    ):
        result = run(*args)
        assert result.exit_code == 2, args
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output


def test_unusable_file_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"\x00\x01")
    result = run(str(path), "--tranche", "50-250")
    assert result.exit_code == 2
    assert "inutilisable" in result.stderr
