"""``essdiag sroi``: JSON keys and values against the hand-computed case, what-if, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from essdiag.commands.sroi import app

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "impact"
RUNNER = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return RUNNER.invoke(app, list(args))


def test_json_of_the_hand_computed_case() -> None:
    result = run(str(CORPUS / "sroi_good.json"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {
        "present_value",
        "net_present_value",
        "sroi_ratio",
        "net_sroi_ratio",
        "payback_months",
        "total_undiscounted_value",
        "outcomes",
        "break_even",
    }
    # the arithmetic is in tests/impact/test_sroi.py::test_worked_example_by_hand
    assert data["present_value"] == pytest.approx(142709.3485, abs=1e-3)
    assert data["net_present_value"] == pytest.approx(82709.3485, abs=1e-3)
    assert data["sroi_ratio"] == pytest.approx(2.378489, abs=1e-6)
    assert data["net_sroi_ratio"] == pytest.approx(1.378489, abs=1e-6)
    assert data["payback_months"] == pytest.approx(8.720011, abs=1e-6)
    assert data["total_undiscounted_value"] == pytest.approx(150878.7, abs=1e-6)
    emploi = data["outcomes"][0]
    assert set(emploi) >= {"name", "impact", "year_values", "present_value"}
    assert emploi["year_values"] == pytest.approx([54000, 37800, 26460])
    points = {(p["outcome"], p["field"]): p for p in data["break_even"]}
    assert points[("Emploi", "quantity")]["value"] == pytest.approx(2.570529, abs=1e-6)
    assert points[("Tonnes", "drop_off")]["value"] is None
    assert points[("Tonnes", "drop_off")]["reason"]
    assert points[(None, "discount_rate")]["value"] > 0.5


def test_what_if_recomputes_under_changed_assumptions() -> None:
    base = json.loads(run(str(CORPUS / "sroi_good.json"), "--format", "json").stdout)
    result = run(
        str(CORPUS / "sroi_good.json"),
        "--format",
        "json",
        "--what-if",
        "Emploi:deadweight=0.5",
        "--what-if",
        "discount_rate=0",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # deadweight 0.5: 90 000 × 0,5 × 0,8 = 36 000, then 25 200, 17 640; r = 0: undiscounted
    assert data["outcomes"][0]["year_values"] == pytest.approx([36000, 25200, 17640])
    assert data["present_value"] == pytest.approx(36000 + 25200 + 17640 + 20468.7 + 8100 + 4050)
    assert data["present_value"] == pytest.approx(data["total_undiscounted_value"])
    assert data["what_if"] == [
        {"outcome": "Emploi", "field": "deadweight", "value": 0.5},
        {"outcome": None, "field": "discount_rate", "value": 0.0},
    ]
    assert data["sroi_ratio"] != base["sroi_ratio"]


def test_text_output_in_french() -> None:
    result = run(str(CORPUS / "sroi_good.json"))
    assert result.exit_code == 0
    assert "Ratio SROI : 2,38" in result.stdout
    assert "Valeur actuelle des effets : 142\u202f709,35\xa0€" in result.stdout


def test_rows_set_aside_exit_1_and_are_listed_on_stderr() -> None:
    result = run(str(CORPUS / "sroi_bad_rows.json"), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [o["name"] for o in data["outcomes"]] == ["Emploi", "Champ en trop"]
    assert any(i["code"] == "sroi_outcome_set_aside" and i["line"] == 11 for i in data["issues"])
    assert "Aubaine trop forte" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["absent.json"], "absent.json : fichier introuvable."),
        ([str(CORPUS / "sroi_truncated.json")], "analyse inutilisable"),
        ([str(CORPUS / "survey_binary.csv")], "analyse inutilisable"),
        (
            [str(CORPUS / "sroi_good.json"), "--what-if", "Emploi:couleur=1"],
            "Champ « couleur » inconnu",
        ),
        (
            [str(CORPUS / "sroi_good.json"), "--what-if", "Personne:proxy=1"],
            "Aucun effet ne s'appelle « Personne »",
        ),
        (
            [str(CORPUS / "sroi_good.json"), "--what-if", "Emploi:attribution=2"],
            "inférieur ou égal à 1",
        ),
        ([str(CORPUS / "sroi_good.json"), "--what-if", "n'importe quoi"], "illisible"),
        ([str(CORPUS / "sroi_good.json"), "--on", "31/12/2025"], "--on invalide"),
        ([str(CORPUS)], "fichier introuvable"),
    ],
)
def test_unusable_input_is_one_french_line_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_hours_without_rate_before_any_known_smic(tmp_path: Path) -> None:
    raw = json.dumps(
        {
            "inputs": [{"stakeholder": "Bénévoles", "hours": 10}],
            "outcomes": [
                {"name": "a", "stakeholder": "b", "quantity": 1, "proxy": 1, "proxy_source": "s"}
            ],
        }
    )
    path = tmp_path / "ancien.json"
    path.write_text(raw, "utf-8")
    result = run(str(path), "--on", "1990-01-01")
    assert result.exit_code == 2 and "SMIC" in result.stderr
