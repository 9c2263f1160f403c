"""The ``essdiag`` command: check dossier files and print what the library knows.

Layer 5 (beside the screens): it reads files with the library's readers and
prints the same results the screens show (:func:`essdiag.budget.analysis.analyse`,
:func:`essdiag.report.variance_xlsx.variance_xlsx`). Exit codes (shared by
every subcommand): 0 success, 1 issues found but the input is usable, 2
unusable input.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal
from zoneinfo import ZoneInfo

import typer

import essdiag.commands  # first of essdiag: no bytecode written beside the code from here on
from essdiag.budget.choices import Level, PeriodChoice
from essdiag.commands import args

if TYPE_CHECKING:
    from essdiag.errors import Issue
    from essdiag.periods import FiscalYear

# pandas, pyarrow, openpyxl, pydantic (the issues and periods models) and the report modules are
# imported inside the subcommand that needs them: ``essdiag --help`` or ``essdiag version`` start
# without them (benchmarks/cli_bench.py).

app = args.Typer(  # usage errors and bugs as one French line (essdiag/commands/args.py)
    help="essdiag : diagnostic et pilotage d'une structure de l'ESS.",
    no_args_is_help=True,
    add_completion=False,
)

OK, ISSUES, UNUSABLE = 0, 1, 2
PARIS = ZoneInfo("Europe/Paris")


@app.command()
def version() -> None:
    """Affiche la version d'essdiag."""
    typer.echo(essdiag.__version__)


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="Dossier à vérifier (.json ou .xlsx).")],
    fmt: Annotated[Output, typer.Option("--format", help="Sortie : text ou json.")] = "text",
) -> None:
    """Vérifie un fichier de dossier et liste chaque problème trouvé."""
    from essdiag.dossier_files import read_dossier_file
    from essdiag.guards import FORM_LIMITS

    # The size is checked on disk before a byte is read (a 6 GB file is refused at once).
    dossier, issues = read_dossier_file(args.read_input(file, FORM_LIMITS.max_bytes), file.name)
    code = UNUSABLE if dossier is None else ISSUES if issues else OK
    if fmt == "json":
        name = dossier.identity.name if dossier is not None else None
        report = {"file": file.name, "usable": dossier is not None, "name": name}
        typer.echo(args.json_text(report | {"issues": [args.issue_json(i) for i in issues]}))
        raise typer.Exit(code)
    args.print_issues(issues)
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
    fmt: Annotated[Output, typer.Option("--format", help="Sortie : text ou json.")] = "text",
) -> None:
    """Liste les paramètres légaux en vigueur à une date, avec leur source."""
    from essdiag.errors import UnknownParameterError
    from essdiag.params import param, parameter_names

    try:
        day = date.fromisoformat(on) if on else datetime.now(PARIS).date()
    except ValueError:
        typer.echo(f"Date invalide : {on} (attendu AAAA-MM-JJ).", err=True)
        raise typer.Exit(UNUSABLE) from None
    found = []
    for name in parameter_names():
        try:
            found.append((name, param(name, day)))
        except UnknownParameterError:
            continue
    if fmt == "json":
        rows = [
            {
                "name": n,
                "value": p.value,
                "unit": p.unit,
                "effective": p.effective,
                "source": p.source,
            }
            for n, p in found
        ]
        typer.echo(args.json_text({"on": day, "parameters": rows}))
        return
    for name, p in found:
        typer.echo(f"{name}\t{p.value}\t{p.unit}\t{p.effective.isoformat()}\t{p.source}")


def _read_file(path: Path) -> bytes:
    from essdiag.guards import TABLE_LIMITS

    return args.read_input(path, TABLE_LIMITS.max_bytes)


def _fiscal_year(text: str | None, start_month: int) -> FiscalYear | None:
    from essdiag.periods import FiscalYear

    label = args.year(text)
    if label is None:
        return None
    return FiscalYear(label_year=label, start_month=args.start_month(start_month))


def _direction(favourable: object) -> str:
    """« favorable », « défavorable », or "" for a zero variance (pandas NA, numpy or plain bool)."""
    import pandas as pd  # already loaded by the report: not a start-up cost

    if favourable is None or favourable is pd.NA:
        return ""
    return "favorable" if bool(favourable) else "défavorable"


@app.command("validate-fec")
def validate_fec(
    file: Annotated[Path, typer.Argument(help="FEC à vérifier (texte tabulé ou séparé par |).")],
    year: Annotated[
        str | None, typer.Option(help="Exercice attendu (AAAA) : signale les dates hors exercice.")
    ] = None,
    start_month: Annotated[int, typer.Option(help="Premier mois de l'exercice.")] = 1,
    fmt: Annotated[Output, typer.Option("--format", help="Sortie : text ou json.")] = "text",
) -> None:
    """Vérifie un FEC et liste chaque problème trouvé (ligne, colonne, code)."""
    from essdiag.errors import Severity
    from essdiag.guards import TABLE_LIMITS
    from essdiag.ledger import read_fec

    args.input_file(file, TABLE_LIMITS.max_bytes)
    # A path is memory-mapped by the reader: a large FEC is not copied in memory.
    result = read_fec(file, file=file.name, fiscal_year=_fiscal_year(year, start_month))
    blocking = any(i.severity is not Severity.INFO for i in result.issues)
    if fmt == "json":
        report = {
            "file": file.name,
            "usable": result.ledger is not None,
            "lines_read": result.lines_read,
            "lines_kept": result.lines_kept,
            "set_aside": result.set_aside,
            "issues": [args.issue_json(i) for i in result.issues],
        }
        typer.echo(args.json_text(report))
        raise typer.Exit(UNUSABLE if result.ledger is None else ISSUES if blocking else OK)
    args.print_issues(result.issues)
    if result.ledger is None:
        typer.echo(f"{file.name} : FEC inutilisable ({len(result.issues)} problème(s)).", err=True)
        raise typer.Exit(UNUSABLE)
    typer.echo(
        f"{file.name} : {result.lines_kept} ligne(s) importable(s) sur {result.lines_read}, "
        f"{result.set_aside} mise(s) de côté, {len(result.issues)} problème(s)."
    )
    raise typer.Exit(ISSUES if any(i.severity is not Severity.INFO for i in result.issues) else OK)


Format = Literal["table", "csv", "xlsx", "json"]
Output = Literal["text", "json"]
"""``--format`` of the checking commands: lines for a person, or one JSON document for a script."""


@app.command()
def variance(
    *,
    budget: Annotated[Path, typer.Option(help="Budget au format du modèle (XLSX ou CSV).")],
    actuals: Annotated[list[Path], typer.Option(help="FEC de l'exercice (option répétable).")],
    through: Annotated[str, typer.Option(help="Dernier mois réalisé, AAAA-MM.")],
    level: Annotated[Level, typer.Option(help="Niveau : heading, account, analytic, funder.")] = (
        Level.HEADING
    ),
    period: Annotated[
        PeriodChoice, typer.Option(help="Période : month, quarter, ytd (cumul), year.")
    ] = PeriodChoice.YTD,
    fmt: Annotated[
        Format, typer.Option("--format", help="Sortie : table, csv, xlsx ou json.")
    ] = "table",
    out: Annotated[Path | None, typer.Option(help="Fichier du rapport (csv ou xlsx).")] = None,
    last_year: Annotated[
        Path | None, typer.Option(help="FEC de l'exercice précédent (saisonnalité N−1).")
    ] = None,
    start_month: Annotated[int, typer.Option(help="Premier mois de l'exercice.")] = 1,
    force: Annotated[
        bool, typer.Option("--force", help="Remplacer le fichier du rapport s'il existe déjà.")
    ] = False,
) -> None:
    """Écarts budget / réalisé et atterrissage : affiche les lignes à expliquer, écrit le rapport."""
    from essdiag.budget.analysis import analyse
    from essdiag.budget.template import read_budget
    from essdiag.errors import Severity
    from essdiag.i18n import translator
    from essdiag.ledger import combine_ledgers, read_fec
    from essdiag.periods import FiscalYear, month_key

    year, month = args.month(through)
    fy = FiscalYear.containing(date(year, month, 1), args.start_month(start_month))
    if out is not None:  # checked before any work: a folder, a missing folder, a file to keep
        args.output_file(out, force=force)
    section, issues = read_budget(_read_file(budget), file=budget.name, fiscal_year=fy)
    ledgers = []
    for path in actuals:
        result = read_fec(_read_file(path), file=path.name, fiscal_year=fy)
        issues += result.issues
        if result.ledger is not None:
            ledgers.append(result.ledger)
    previous = None
    if last_year is not None:
        prev = read_fec(_read_file(last_year), file=last_year.name)
        issues += prev.issues
        previous = prev.ledger
    if fmt != "json":
        args.print_issues(issues)
    if section is None or not ledgers:
        if fmt == "json":
            typer.echo(
                args.json_text({"usable": False, "issues": [args.issue_json(i) for i in issues]})
            )
        typer.echo("Budget ou réalisé inutilisable : pas d'analyse.", err=True)
        raise typer.Exit(UNUSABLE)
    report = analyse(
        section,
        fy,
        combine_ledgers(ledgers),
        through=month_key(year, month),
        period_kind=period,
        level=level,
        last_year_ledger=previous,
    )
    fr = translator("fr")
    exit_code = ISSUES if any(i.severity is not Severity.INFO for i in issues) else OK
    if fmt == "json":
        typer.echo(args.json_text(_variance_json(report, section, fr, issues)))
        raise typer.Exit(exit_code)
    _print_variance(report, section, level, fr)
    _write_variance(report, fmt, out, fr, force=force)
    raise typer.Exit(exit_code)


def _print_variance(report: Any, section: Any, level: Level, fr: Any) -> None:
    """The lines to explain and the results, for a person reading the terminal."""
    flagged = report.table[report.table["flagged"]]
    typer.echo(
        f"Écarts {report.period.title(fr)}, par {fr(level.label).lower()} : "
        f"{len(flagged)} ligne(s) à expliquer (seuils "
        f"{fr.money(section.materiality.absolute, 0)} et {fr.percent(section.materiality.relative, 0)})."
    )
    for rec in flagged.itertuples(index=False):
        sens = _direction(rec.favourable)
        typer.echo(
            f"{rec.key}\t{rec.label}\tbudget {fr.money(rec.budget)}\tréalisé {fr.money(rec.actual)}"
            f"\técart {'+' if rec.variance > 0 else ''}{fr.money(rec.variance)}\t{sens}"
        )
    for fig in report.results.values():
        typer.echo(f"{fig.label} : {fig.shown(fr)}" + (f" ({fig.reason})" if fig.reason else ""))


def _write_variance(report: Any, fmt: str, out: Path | None, fr: Any, *, force: bool) -> None:
    """The report file: CSV (to ``out`` or the terminal), XLSX, or the table as text in ``out``."""
    if fmt == "csv":
        from essdiag.budget.views import variance_view

        data = variance_view(report.table, export=True).csv(fr)  # formulas neutralised
        if out:
            args.write_output(out, data, force=force)
        else:
            typer.echo(data.decode("utf-8-sig"))
    elif fmt == "xlsx":
        from essdiag.report.variance_xlsx import variance_xlsx

        target = out or Path(f"ecarts_{report.period.key}.xlsx")
        args.write_output(target, variance_xlsx(report), force=force)
        typer.echo(f"Rapport écrit : {target}")
    elif out:
        args.write_output(out, report.table.to_string(index=False).encode("utf-8"), force=force)


def _variance_json(report: Any, section: Any, fr: Any, issues: list[Issue]) -> dict[str, Any]:
    """The variance report for a script: every line (amounts in euros), the results, the issues."""
    lines = [
        {
            "kind": str(r.kind),
            "key": str(r.key),
            "label": str(r.label),
            "budget": float(r.budget),
            "actual": float(r.actual),
            "variance": float(r.variance),
            "flagged": bool(r.flagged),
            "direction": _direction(r.favourable) or None,
            "comment": str(r.comment) or None,
        }
        for r in report.table.itertuples(index=False)
    ]
    return {
        "usable": True,
        "period": {"key": report.period.key, "title": report.period.title(fr)},
        "level": str(report.level),
        "materiality": {
            "absolute": section.materiality.absolute,
            "relative": section.materiality.relative,
        },
        "lines": lines,
        "results": {
            name: {"label": fig.label, "value": fig.value, "reason": fig.reason or None}
            for name, fig in report.results.items()
        },
        "issues": [args.issue_json(i) for i in issues],
    }


essdiag.commands.mount(app)  # essdiag esus, sroi, egalite, watch… (essdiag/commands/)


def main() -> None:  # pragma: no cover - console entry point
    app()
