"""The ``essdiag`` command: check dossier files and print what the library knows.

Exit codes (shared by every subcommand): 0 success, 1 issues found but the
input is usable, 2 unusable input.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from essdiag import __version__
from essdiag.dossier_files import read_dossier_file
from essdiag.errors import Severity, UnknownParameterError
from essdiag.params import param, parameter_names

app = typer.Typer(
    help="essdiag : diagnostic et pilotage d'une structure de l'ESS.",
    no_args_is_help=True,
    add_completion=False,
)

OK, ISSUES, UNUSABLE = 0, 1, 2
PARIS = ZoneInfo("Europe/Paris")


@app.command()
def version() -> None:
    """Affiche la version d'essdiag."""
    typer.echo(__version__)


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="Dossier à vérifier (.json ou .xlsx).")],
) -> None:
    """Vérifie un fichier de dossier et liste chaque problème trouvé."""
    if not file.is_file():
        typer.echo(f"{file} : fichier introuvable.", err=True)
        raise typer.Exit(UNUSABLE)
    dossier, issues = read_dossier_file(file.read_bytes(), file.name)
    for issue in issues:
        where = issue.where()
        level = "ERREUR" if issue.severity is Severity.ERROR else "ATTENTION"
        typer.echo(f"{level} [{issue.code}] {issue.message}" + (f" ({where})" if where else ""))
    if dossier is None:
        typer.echo(f"{file.name} : dossier inutilisable ({len(issues)} problème(s)).", err=True)
        raise typer.Exit(UNUSABLE)
    typer.echo(f"{file.name} : dossier « {dossier.identity.name} » valide.")
    raise typer.Exit(ISSUES if issues else OK)


@app.command()
def params(
    on: Annotated[
        str | None, typer.Option(help="Date AAAA-MM-JJ (aujourd'hui par défaut).")
    ] = None,
) -> None:
    """Liste les paramètres légaux en vigueur à une date, avec leur source."""
    try:
        day = date.fromisoformat(on) if on else datetime.now(PARIS).date()
    except ValueError:
        typer.echo(f"Date invalide : {on} (attendu AAAA-MM-JJ).", err=True)
        raise typer.Exit(UNUSABLE) from None
    for name in parameter_names():
        try:
            p = param(name, day)
        except UnknownParameterError:
            continue
        typer.echo(f"{name}\t{p.value}\t{p.unit}\t{p.effective.isoformat()}\t{p.source}")


def main() -> None:  # pragma: no cover - console entry point
    app()
