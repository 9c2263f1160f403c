"""``essdiag params`` and ``essdiag version``: the legal parameters in force at a date."""

from __future__ import annotations

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
