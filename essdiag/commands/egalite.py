"""The ``essdiag egalite`` command: the gender-equality index of a workforce register.

Usage::

    essdiag egalite EFFECTIF.csv|xlsx --tranche 50-250|250+ [--mode csp|niveau]
                    [--debut AAAA-MM-JJ] [--fin AAAA-MM-JJ] [--format text|json]

It reads the register with :func:`essdiag.hr.workforce.read_workforce` (the HR
template, columns matched by name) over the period (the previous calendar
year by default) and computes :func:`essdiag.hr.egapro.equality_index`.
``--format json`` prints ``index`` (null when not calculable), ``points``,
``max_points`` and ``indicators`` keyed ``pay_gap``, ``raises``,
``promotions``, ``raises_50_250``, ``maternity``, ``top10``, each with
``points`` (null when not calculable or not applicable), ``result`` (the
final result rounded once: percentage points for the gaps, a percentage for
maternity, a count for the top ten) and ``favours`` (``women``, ``men``,
``equality``).

Exit codes: 0 the index was computed (or is not calculable) from a clean
file and is at least 75; 1 rows were set aside, or the index is below 75
(corrective measures); 2 unusable input (one French line on stderr, never a
traceback). Nothing is written to disk. Heavy imports happen inside the command.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

__all__ = ["app", "egalite"]

OK, ISSUES, UNUSABLE = 0, 1, 2
PARIS = ZoneInfo("Europe/Paris")

app = typer.Typer(add_completion=False, help="Index de l'égalité professionnelle d'un registre.")


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(UNUSABLE)


def _day(text: str | None, default: date, option: str) -> date:
    if text is None:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _fail(f"{option} invalide : « {text} » (attendu AAAA-MM-JJ).") from None


@app.command()
def egalite(  # noqa: PLR0917 - the command's options
    file: Annotated[Path, typer.Argument(help="Registre du personnel (.csv ou .xlsx).")],
    tranche: Annotated[str, typer.Option(help="Tranche d'effectif : 50-250 ou 250+.")],
    mode: Annotated[
        str, typer.Option(help="Groupes de l'écart de rémunération : csp ou niveau.")
    ] = "csp",
    debut: Annotated[str | None, typer.Option(help="Début de la période (AAAA-MM-JJ).")] = None,
    fin: Annotated[str | None, typer.Option(help="Fin de la période (AAAA-MM-JJ).")] = None,
    format: Annotated[str, typer.Option("--format", help="text ou json.")] = "text",
) -> None:
    """Calcule l'index de l'égalité professionnelle comme le simulateur Egapro."""
    from essdiag.errors import Severity
    from essdiag.hr.egapro import FAVOURS_WORDS, equality_index
    from essdiag.hr.section import EqualityMode, SizeBand
    from essdiag.hr.workforce import read_workforce
    from essdiag.i18n import translator
    from essdiag.params import param

    if tranche not in {b.value for b in SizeBand}:
        raise _fail(f"Tranche inconnue : « {tranche} » (attendu 50-250 ou 250+).")
    if mode not in {m.value for m in EqualityMode}:
        raise _fail(f"Mode inconnu : « {mode} » (attendu csp ou niveau).")
    if format not in ("text", "json"):
        raise _fail(f"Format inconnu : « {format} » (attendu text ou json).")
    last_year = datetime.now(tz=PARIS).year - 1
    start = _day(debut, date(last_year, 1, 1), "--debut")
    end = _day(fin, date(start.year, 12, 31) if debut else date(last_year, 12, 31), "--fin")
    if end < start:
        raise _fail(
            f"La fin de la période ({end.isoformat()}) précède son début ({start.isoformat()})."
        )
    if not file.is_file():
        raise _fail(f"{file} : fichier introuvable.")
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise _fail(f"{file} : fichier illisible ({exc.strerror}).") from None
    read, issues = read_workforce(raw, file=file.name, period_start=start, period_end=end)
    for issue in issues:
        where = issue.where()
        level = "erreur" if issue.severity is Severity.ERROR else "attention"
        typer.echo(
            f"{level} [{issue.code}] {issue.message}" + (f" ({where})" if where else ""), err=True
        )
    if read is None or read.frame is None:
        raise _fail(f"{file.name} : registre inutilisable ({len(issues)} problème(s)).")
    index = equality_index(
        read.frame,
        period_start=start,
        period_end=end,
        band=SizeBand(tranche),
        mode=EqualityMode(mode),
    )
    if format == "json":
        typer.echo(json.dumps(index.to_json(), ensure_ascii=False, indent=2))
    else:
        tr = translator("fr")
        for ind in index.indicators.values():
            if not ind.applicable:
                continue
            shown = (
                f"{ind.points} / {ind.max_points}" if ind.points is not None else "non calculable"
            )
            extra = f" ({tr(FAVOURS_WORDS[ind.favours])})" if ind.favours else f" ({ind.reason})"
            typer.echo(f"{tr(ind.label)} : {shown}{extra}")
        typer.echo(
            f"Index : {index.index if index.index is not None else 'non calculable'} "
            f"({index.points} points sur {index.max_points} calculables)"
        )
    set_aside = any(i.severity is Severity.ERROR for i in issues)
    corrective = int(param("egapro_corrective_below", end).value)
    low = index.index is not None and index.index < corrective
    raise typer.Exit(ISSUES if set_aside or low else OK)
