"""``essdiag esus``: each criterion with value, threshold, margin and verdict; exit codes 0, 1, 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from essdiag.commands.esus import app
from essdiag.samples import load_sample

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "compliance"
RUNNER = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return RUNNER.invoke(app, list(args))


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dossiers")
    out = {}
    for case in ("recyclerie", "scic-energie"):
        path = folder / f"{case}.json"
        path.write_text(load_sample(case).to_json(), "utf-8")
        out[case] = path
    return out


def test_the_json_lists_every_criterion_with_value_threshold_margin_and_verdict(
    dossiers: dict[str, Path],
) -> None:
    result = run(
        str(dossiers["recyclerie"]),
        "--workforce",
        str(REPO / "sample_data" / "recyclerie" / "effectif_2025.csv"),
        "--on",
        "2026-12-01",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["on"], data["year"], data["verdict"]) == ("2026-12-01", 2025, "conform")
    top5 = next(c for c in data["criteria"] if c["code"] == "esus.top5_pay")
    # effectif_2025.csv: FTE pays 43 200, 37 000, 29 100, 28 200, 27 600 → mean 33 020 €;
    # cap 7 × 12 × 1 801,80 = 151 351,20 € ; margin 118 331,20 €
    assert top5["value"] == pytest.approx(33020.0)
    assert top5["threshold"] == pytest.approx(151351.20)
    assert top5["margin"] == pytest.approx(118331.20)
    assert top5["verdict"] == "conform"
    assert {p["effective"] for p in top5["parameters"]} >= {"2024-11-01"}  # SMIC in force in 2025
    assert [c["code"] for c in data["criteria"]][:4] == [
        "esus.status",
        "esus.ess",
        "esus.utility",
        "esus.charges",
    ]


def test_without_a_workforce_the_caps_cannot_be_computed_and_the_exit_is_1(
    dossiers: dict[str, Path],
) -> None:
    result = run(str(dossiers["scic-energie"]), "--on", "2026-12-01", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    top5 = next(c for c in data["criteria"] if c["code"] == "esus.top5_pay")
    assert top5["value"] is None and top5["verdict"] == "to_check"
    assert top5["reason"] == "le dossier ne contient ni effectif ni rémunération déclarée"
    charges = next(c for c in data["criteria"] if c["code"] == "esus.charges")
    assert charges["value"] == pytest.approx(404000 / 562300) and charges["verdict"] == "conform"


def test_a_pay_above_the_cap_is_not_conform(dossiers: dict[str, Path]) -> None:
    result = run(
        str(dossiers["scic-energie"]),
        "--workforce",
        str(DATA / "effectif_plafond_depasse.csv"),
        "--on",
        "2026-12-01",
    )
    assert result.exit_code == 1
    # (160 000 + 157 000 + 150 000 + 122 000 / 0,8 + 149 000) / 5 = 153 700 € > 151 351,20 €
    assert (
        "Moyenne des 5 plus hautes rémunérations (ETP) : Non conforme — valeur 153\u202f700,00\xa0€"
        in result.stdout
    )
    assert "marge −2\u202f348,80\xa0€" in result.stdout
    assert "Verdict d'ensemble : Non conforme" in result.stdout


def test_the_year_of_the_pays_sets_the_smic(dossiers: dict[str, Path]) -> None:
    common = [
        str(dossiers["scic-energie"]),
        "--workforce",
        str(DATA / "effectif_plafond_depasse.csv"),
        "--format",
        "json",
        "--on",
        "2026-12-01",
    ]
    data = json.loads(run(*common, "--year", "2026").stdout)
    top5 = next(c for c in data["criteria"] if c["code"] == "esus.top5_pay")
    # 2026: 7 × 12 × 1 823,03 = 153 134,52 € — still under 153 700 €
    assert top5["threshold"] == pytest.approx(153134.52) and top5["verdict"] == "not_conform"


def test_the_fec_of_a_closed_year_is_read(dossiers: dict[str, Path]) -> None:
    result = run(
        str(dossiers["recyclerie"]),
        "--fec",
        str(REPO / "sample_data" / "recyclerie" / "FEC_2025.txt"),
        "--on",
        "2026-12-01",
        "--format",
        "json",
    )
    data = json.loads(result.stdout)
    charges = next(c for c in data["criteria"] if c["code"] == "esus.charges")
    assert charges["verdict"] == "not_applicable"  # ESUS by right; ratio shown for information


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nulle/part.json"], "/nulle/part.json : fichier introuvable."),
        (["{dossier}", "--on", "2026-13-01"], "Date invalide : 2026-13-01 (attendu AAAA-MM-JJ)."),
        (
            ["{dossier}", "--year", "3026"],
            "Exercice invalide : 3026 (attendu AAAA, entre 1990 et 2100).",
        ),
        (
            ["{dossier}", "--workforce", "/nulle/effectif.csv"],
            "/nulle/effectif.csv : fichier introuvable.",
        ),
        (["{dossier}", "--fec", "/nulle/FEC.txt"], "/nulle/FEC.txt : fichier introuvable."),
    ],
)
def test_a_bad_argument_gives_one_french_line_and_exit_2(
    dossiers: dict[str, Path], args: list[str], message: str
) -> None:
    result = run(*[a.format(dossier=dossiers["scic-energie"]) for a in args])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == message
    assert "Traceback" not in result.output


def test_unusable_files_exit_2(dossiers: dict[str, Path]) -> None:
    bad_dossier = run(str(DATA / "dossier_invalide.json"))
    assert bad_dossier.exit_code == 2
    assert "dossier inutilisable" in bad_dossier.stderr
    bad_workforce = run(
        str(dossiers["scic-energie"]), "--workforce", str(DATA / "effectif_faux.xlsx")
    )
    assert bad_workforce.exit_code == 2
    assert "registre du personnel inutilisable" in bad_workforce.stderr
    assert "Traceback" not in bad_workforce.output
