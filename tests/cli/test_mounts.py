"""The capability commands mounted under ``essdiag``: each answers ``--help`` and runs once.

The commands are run through the main application (``essdiag esus …``), so
the mounting itself is what is tested; their own results are tested in
``tests/commands/``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from essdiag.cli import app
from essdiag.commands import command_modules

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data" / "recyclerie"
RUNNER = CliRunner()


def test_every_command_module_is_mounted() -> None:
    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    assert set(command_modules()) <= names
    assert {"esus", "sroi", "egalite", "watch"} <= set(command_modules())


@pytest.mark.parametrize(
    ("words", "says"),
    [
        (["esus"], "ESUS"),
        (["sroi"], "SROI"),
        (["egalite"], "égalité"),
        (["watch"], "Veille"),
        (["watch", "gaps"], "écarts"),
        (["watch", "insee"], "Insee"),
    ],
)
def test_each_mounted_command_has_its_french_help(words: list[str], says: str) -> None:
    result = RUNNER.invoke(app, [*words, "--help"])
    assert result.exit_code == 0, result.output
    assert says.lower() in result.output.lower()


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from essdiag.samples import load_sample

    path = tmp_path_factory.mktemp("d") / "recyclerie.json"
    path.write_text(load_sample("recyclerie").to_json(), "utf-8")
    return path


def test_esus_runs_through_essdiag(dossier: Path) -> None:
    result = RUNNER.invoke(
        app,
        ["esus", str(dossier), "--workforce", str(SAMPLE / "effectif_2025.csv"),
         "--on", "2026-12-01", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)


def test_sroi_runs_through_essdiag() -> None:
    result = RUNNER.invoke(app, ["sroi", str(SAMPLE / "sroi.json"), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["sroi_ratio"] > 0


def test_egalite_runs_through_essdiag() -> None:
    result = RUNNER.invoke(
        app,
        ["egalite", str(SAMPLE / "effectif_2025.csv"), "--tranche", "50-250",
         "--debut", "2025-01-01", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["max_points"] == 60  # same as tests/commands/test_egalite.py


def test_watch_runs_through_essdiag() -> None:
    extract = SAMPLE / "veille" / "extrait_insee_illustratif.csv"
    result = RUNNER.invoke(app, ["watch", "insee", str(extract), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)


def test_the_command_line_writes_no_bytecode(tmp_path: Path) -> None:
    """Importing the command line and running a command writes no ``.pyc`` of essdiag's modules.

    ``PYTHONPYCACHEPREFIX`` sends any bytecode to ``tmp_path`` instead of beside
    the code, so the test sees what would have been written without writing it.
    """
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp_path))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    code = "import sys; sys.argv = ['essdiag', 'version']; from essdiag.cli import app; app()"
    done = subprocess.run(
        [sys.executable, "-c", code], check=False, env=env, cwd=REPO, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    written = sorted(
        str(p.relative_to(tmp_path / REPO.relative_to("/")))
        for p in tmp_path.rglob("*.pyc")
        if (tmp_path / REPO.relative_to("/") / "essdiag") in p.parents
    )
    # Python compiles a module before running it: the package, the command line and the
    # package that turns bytecode off are the three it cannot keep from writing. Nothing else
    # (the readers, pandas' users, the reports) is written.
    tag = sys.implementation.cache_tag
    assert written == [
        f"essdiag/__init__.{tag}.pyc",
        f"essdiag/cli.{tag}.pyc",
        f"essdiag/commands/__init__.{tag}.pyc",
    ]
