"""``essdiag watch gaps`` and ``essdiag watch insee``: JSON output, exit codes, French errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from essdiag.commands.watch import app

REPO = Path(__file__).parents[2]
CORPUS = REPO / "tests" / "data" / "watch"
RUNNER = CliRunner()


def test_gaps_of_a_sample_case_in_json(tmp_path: Path) -> None:
    from essdiag.samples import load_sample

    path = tmp_path / "d.json"
    path.write_text(load_sample("recyclerie").to_json(), "utf-8")
    result = RUNNER.invoke(app, ["gaps", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output  # candidate needs found
    out = json.loads(result.output)
    poverty = next(
        g for g in out["gaps"] if g["indicator"] == "poverty_rate" and g["ref_level"] == "france"
    )
    # Loriol 17,5 % (illustrative) vs France 14,4 %: (0,175 − 0,144) / 0,144 = 0,2153.
    assert (
        abs(poverty["relative"] - 0.031 / 0.144) < 1e-9
        and poverty["beyond"]
        and poverty["illustrative"]
    )
    assert out["candidate_needs"] and out["threshold"] == 0.1


def test_gaps_exit_0_when_nothing_is_beyond(tmp_path: Path) -> None:
    from essdiag.dossier import new_dossier

    path = tmp_path / "d.json"
    path.write_text(new_dossier("Vide").to_json(), "utf-8")
    result = RUNNER.invoke(app, ["gaps", str(path)])
    assert result.exit_code == 0, result.output


def test_bad_arguments_give_one_french_line_and_exit_2(tmp_path: Path) -> None:
    missing = RUNNER.invoke(app, ["gaps", str(tmp_path / "absent.json")])
    assert missing.exit_code == 2 and "fichier introuvable" in missing.output
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    broken = RUNNER.invoke(app, ["gaps", str(bad)])
    assert broken.exit_code == 2 and "dossier inutilisable" in broken.output
    threshold = RUNNER.invoke(app, ["gaps", str(bad), "--threshold", "-1"])
    assert threshold.exit_code == 2 and "Seuil invalide" in threshold.output


def test_insee_check_in_json_and_exit_codes() -> None:
    good = RUNNER.invoke(app, ["insee", str(CORPUS / "insee_good.csv"), "--format", "json"])
    assert good.exit_code == 1  # two columns not recognised
    out = json.loads(good.output)
    assert {c["column"] for c in out["columns"] if c["status"] == "ignored"} == {
        "SUPERF",
        "NAIS1520",
    }
    assert out["issues"][0]["code"] == "insee_unknown_columns"
    comma = RUNNER.invoke(app, ["insee", str(CORPUS / "insee_comma_separated.csv")])
    assert comma.exit_code == 2 and "extrait inutilisable" in comma.output
