"""The ``essdiag esus`` command: each ESUS criterion with its value, threshold, margin and verdict.

Usage::

    essdiag esus DOSSIER.json [--workforce EFFECTIF.csv] [--fec FEC.txt ...]
                 [--on AAAA-MM-JJ] [--year AAAA] [--format text|json]

It reads the dossier (JSON or XLSX), the workforce register (CSV or XLSX of
the HR template, read by :func:`essdiag.hr.workforce.read_workforce` over the
fiscal year of the pays) and the FEC of the closed years, then applies
:func:`essdiag.compliance.engine.compliance_report` on the date given (today
in Paris by default) and prints the ESUS frame. The pays are those of
``--year`` (default: the last fiscal year closed on that date).

Exit codes: 0 every criterion conform (or not applicable), 1 a criterion is
not conform or to check, 2 unusable input (one French line on stderr, never
a traceback). Nothing is written to disk.

Heavy imports (pandas, the engine, the readers) happen inside the command.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import ZoneInfo

import typer

from essdiag.commands import args

if TYPE_CHECKING:
    import pandas as pd

    from essdiag.periods import FiscalYear

__all__ = ["app", "esus"]

OK, ISSUES, UNUSABLE = 0, 1, 2
PARIS = ZoneInfo("Europe/Paris")


class Format(StrEnum):
    """Output of the command."""

    TEXT = "text"
    JSON = "json"


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(UNUSABLE)


def esus(
    dossier: Annotated[Path, typer.Argument(help="Dossier essdiag (.json ou .xlsx).")],
    *,
    workforce: Annotated[
        Path | None,
        typer.Option(help="Registre du personnel (CSV ou XLSX du modèle « Ressources humaines »)."),
    ] = None,
    fec: Annotated[
        list[Path] | None, typer.Option(help="FEC d'un exercice clos (option répétable).")
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(help="Date d'application des règles, AAAA-MM-JJ (aujourd'hui par défaut)."),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            help="Exercice des rémunérations (AAAA ; par défaut le dernier exercice clos)."
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Sortie : text ou json.")] = Format.TEXT,
) -> None:
    """Vérifie les critères de l'agrément ESUS : valeur, seuil, marge et verdict de chacun."""
    from essdiag.compliance.engine import compliance_report
    from essdiag.compliance.findings import Frame, Verdict, worst
    from essdiag.compliance.inputs import closed_years
    from essdiag.dossier_files import read_dossier_file
    from essdiag.i18n import translator
    from essdiag.periods import FiscalYear

    try:
        when = date.fromisoformat(on) if on else datetime.now(tz=PARIS).date()
    except ValueError:
        raise _fail(f"Date invalide : {on} (attendu AAAA-MM-JJ).") from None
    if year is not None and not 1990 <= year <= 2100:
        raise _fail(f"Exercice invalide : {year} (attendu AAAA, entre 1990 et 2100).")
    if not dossier.is_file():
        raise _fail(f"{dossier} : fichier introuvable.")
    opened, issues = read_dossier_file(dossier.read_bytes(), dossier.name)
    if opened is None:
        args.print_issues(issues, err=True)
        raise _fail(f"{dossier.name} : dossier inutilisable ({len(issues)} problème(s)).")
    start = opened.identity.fiscal_year_start_month
    pays_fy = FiscalYear(
        label_year=year if year is not None else closed_years(when, start, 1)[0], start_month=start
    )
    frame = _workforce(workforce, pays_fy)
    ledgers = _ledgers(fec or [], start)
    report, problems = compliance_report(
        opened,
        on=when,
        year=pays_fy.label_year,
        ledgers=ledgers,
        workforce=frame,
        pay_year=pays_fy.label_year,
    )
    args.print_issues(problems, err=True)
    findings = report.of(Frame.ESUS)
    verdict = worst(f.verdict for f in findings)
    fr = translator("fr")
    if fmt is Format.JSON:
        typer.echo(
            json.dumps(
                _as_json(
                    opened.identity.name, report.on, report.year, findings, verdict=verdict, tr=fr
                ),
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        typer.echo(
            f"Agrément ESUS — {opened.identity.name} : règles au {fr.date(report.on, 'short')}, "
            f"rémunérations de l'exercice {report.year}"
        )
        for f in findings:
            typer.echo(_line(f, fr))
        typer.echo(f"Verdict d'ensemble : {fr(verdict.label)}")
    ok = verdict in (Verdict.CONFORM, Verdict.NOT_APPLICABLE)
    raise typer.Exit(OK if ok else ISSUES)


def _workforce(path: Path | None, fiscal_year: FiscalYear) -> pd.DataFrame | None:
    """The register read over the fiscal year, or None when none is given; exits 2 when unusable."""
    from essdiag.hr.workforce import read_workforce

    if path is None:
        return None
    if not path.is_file():
        raise _fail(f"{path} : fichier introuvable.")
    read, found = read_workforce(
        path.read_bytes(),
        file=path.name,
        period_start=fiscal_year.start,
        period_end=fiscal_year.end,
    )
    args.print_issues(found, err=True)
    if read is None or read.frame is None:
        raise _fail(f"{path.name} : registre du personnel inutilisable ({len(found)} problème(s)).")
    frame: pd.DataFrame = read.frame
    return frame


def _ledgers(paths: list[Path], start_month: int) -> dict[int, pd.DataFrame]:
    """The canonical ledger of each fiscal year found in the FEC given; exits 2 on an unusable one."""
    from essdiag.ledger import combine_ledgers, fiscal_year_of, read_fec

    parts: dict[int, list[pd.DataFrame]] = {}
    for path in paths:
        if not path.is_file():
            raise _fail(f"{path} : fichier introuvable.")
        result = read_fec(path.read_bytes(), file=path.name)
        if result.ledger is None:
            args.print_issues(list(result.issues), err=True)
            raise _fail(f"{path.name} : FEC inutilisable ({len(result.issues)} problème(s)).")
        fy = fiscal_year_of(result.ledger, start_month)
        if fy is not None:
            parts.setdefault(fy.label_year, []).append(result.ledger)
    return {year: combine_ledgers(found) for year, found in parts.items()}


def _line(f: Any, tr: Any) -> str:
    from essdiag.figures import format_value

    head = f"- {tr(f.title)} : {tr(f.verdict.label)}"
    if f.figure is not None:
        unit = f.figure.unit
        head += f" — valeur {f.figure.shown(tr)}"
        if f.threshold is not None:
            head += f", seuil {format_value(f.threshold, unit, tr)}"
        if f.margin is not None:
            head += f", marge {format_value(f.margin, unit, tr)}"
    return f"{head}\n    {f.conclusion_text(tr)}"


def _as_json(
    name: str, on: date, year: int, findings: list[Any], *, verdict: Any, tr: Any
) -> dict[str, Any]:
    return {
        "dossier": name,
        "on": on.isoformat(),
        "year": year,
        "verdict": verdict.value,
        "criteria": [
            {
                "code": f.code,
                "title": tr(f.title),
                "verdict": f.verdict.value,
                "value": None
                if f.figure is None or not f.figure.available
                else float(f.figure.value),
                "unit": f.figure.unit if f.figure is not None else None,
                "threshold": f.threshold,
                "margin": f.margin,
                "conclusion": f.conclusion_text(tr),
                "change": f.change_text(tr),
                "reason": tr(f.figure.reason)
                if f.figure is not None and f.figure.reason and not f.figure.available
                else None,
                "references": [tr(r) for r in f.references],
                "parameters": [
                    {
                        "name": tr(p.name),
                        "value": float(p.value)
                        if isinstance(p.value, int | float | Decimal)
                        else p.value,
                        "unit": p.unit,
                        "effective": p.effective.isoformat() if p.effective else None,
                        "source": p.source,
                    }
                    for p in f.parameters
                ],
                "source": tr(f.source) if f.source else "",
            }
            for f in findings
        ],
    }


app = typer.Typer(
    help="Critères de l'agrément ESUS d'un dossier essdiag.",
    add_completion=False,
)
app.command()(esus)
