"""``essdiag params`` and ``essdiag version``: the legal parameters in force at a date."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from essdiag import __version__
from essdiag.cli import app

runner = CliRunner()


def test_params_on_a_date() -> None:
    result = runner.invoke(app, ["params", "--on", "2026-02-01"])
    assert result.exit_code == 0
    assert "smic_hourly\t12.02\tEUR/h\t2026-01-01" in result.output
    assert runner.invoke(app, ["params", "--on", "hier"]).exit_code == 2


def test_version() -> None:
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.output.strip() == __version__


def test_params_as_json() -> None:
    result = runner.invoke(app, ["params", "--on", "2026-02-01", "--format", "json"])
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["on"] == "2026-02-01"
    smic = {p["name"]: p for p in report["parameters"]}["smic_hourly"]
    # SMIC of 1 January 2026: 12,02 €/h (décret 2025-1228), as the text output says above
    assert (smic["value"], smic["unit"], smic["effective"]) == (12.02, "EUR/h", "2026-01-01")
