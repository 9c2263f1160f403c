"""The ``essdiag sroi`` command: the SROI of a case file, its break-even values, what-if variants.

Usage::

    essdiag sroi CASE.json [--what-if "OUTCOME:FIELD=VALUE"]... [--format text|json]
                 [--on AAAA-MM-JJ]

The case file is the JSON of :func:`essdiag.impact.sroi.read_sroi_json`
(``discount_rate``, ``inputs``, ``outcomes``; the screen « Utilité sociale et
impact » exports the same file). ``--what-if`` (repeatable) changes an
assumption before computing: ``"Retour à l'emploi:deadweight=0.3"``, or
``discount_rate=0.05`` for the case. ``--on`` is the date at which volunteer
hours without a rate are valued (the hourly SMIC in force then) when the case
has no ``valuation_date`` (today in Paris by default).

``--format json`` prints ``present_value``, ``net_present_value``,
``sroi_ratio``, ``net_sroi_ratio``, ``payback_months``,
``total_undiscounted_value``, ``inputs_value``, ``discount_rate``,
``outcomes`` (each ``name``, ``stakeholder``, ``impact``, ``year_values``,
``present_value``), ``break_even`` (each ``outcome`` — null for the discount
rate —, ``field``, ``current``, ``value`` or null with ``reason``),
``what_if`` (the changes applied) and ``issues`` (each ``code``,
``severity``, ``message``, ``line``, ``field``). Numbers are not rounded.

Exit codes: 0 computed from a clean file; 1 computed, but rows of the file
were set aside; 2 unusable input (a missing or unreadable file, no valid
outcome, a bad ``--what-if`` or ``--on``): one French line on stderr, never a
traceback. Nothing is written to disk.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

import typer

from essdiag.commands import args

__all__ = ["app", "sroi"]

OK, ISSUES, UNUSABLE = 0, 1, 2
PARIS = ZoneInfo("Europe/Paris")

app = typer.Typer(add_completion=False, help="Retour social sur investissement (SROI) d'un cas.")


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(UNUSABLE)


def _text_report(result: Any, points: list[Any], fr: Any) -> list[str]:
    from essdiag.impact.sroi import FIELD_LABELS

    lines = [
        f"Ressources mobilisées : {fr.money(result.inputs_value)}",
        f"Valeur actuelle des effets : {fr.money(result.present_value)}",
        f"Valeur actuelle nette : {fr.money(result.net_present_value)}",
        f"Ratio SROI : {fr.number(result.sroi_ratio, 2)}",
        f"Ratio SROI net : {fr.number(result.net_sroi_ratio, 2)}",
        f"Délai de retour : {fr.number(result.payback_months, 1)} mois",
        f"Valeur totale non actualisée : {fr.money(result.total_undiscounted_value)}",
        f"Taux d'actualisation : {fr.percent(result.discount_rate, 1)}",
        "",
        "Effets :",
    ]
    for o in result.outcomes:
        years = " ; ".join(fr.money(v) for v in o.year_values)
        lines.append(
            f"- {o.name} ({o.stakeholder}) : impact année 1 {fr.money(o.impact)}, "
            f"valeur actuelle {fr.money(o.present_value)} (années : {years})"
        )
    lines += ["", "Points morts (valeur qui ramène le ratio à 1) :"]
    for p in points:
        who = p.outcome or "analyse"
        what = FIELD_LABELS[p.field]
        found = fr.number(p.value, 4) if p.value is not None else f"aucune ({p.reason})"
        lines.append(f"- {who} — {what} : {found}")
    return lines


def _payload(
    result: Any, points: list[Any], changes: list[Any], issues: list[Any]
) -> dict[str, Any]:
    """The JSON output (see the module docstring)."""
    return {
        "present_value": result.present_value,
        "net_present_value": result.net_present_value,
        "sroi_ratio": result.sroi_ratio,
        "net_sroi_ratio": result.net_sroi_ratio,
        "payback_months": result.payback_months,
        "total_undiscounted_value": result.total_undiscounted_value,
        "inputs_value": result.inputs_value,
        "discount_rate": result.discount_rate,
        "outcomes": [
            {
                "name": o.name,
                "stakeholder": o.stakeholder,
                "impact": o.impact,
                "year_values": list(o.year_values),
                "present_value": o.present_value,
            }
            for o in result.outcomes
        ],
        "break_even": [
            {
                "outcome": p.outcome,
                "field": p.field,
                "current": p.current,
                "value": p.value,
                "reason": p.reason,
            }
            for p in points
        ],
        "what_if": [{"outcome": o, "field": f, "value": v} for o, f, v in changes],
        "issues": [args.issue_json(i) for i in issues],
    }


def _read_case(file: Path) -> tuple[Any, list[Any]]:
    """The case of the file and its issues; exits with code 2 when it is unusable."""
    from essdiag.errors import Severity
    from essdiag.impact.sroi import read_sroi_json

    if not file.is_file():
        raise _fail(f"{file} : fichier introuvable.")
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise _fail(f"{file} : lecture impossible ({exc.strerror or exc}).") from None
    case, issues = read_sroi_json(raw, file=file.name)
    if case is None:
        first = next((i for i in issues if i.severity is Severity.ERROR), None)
        reason = first.message if first else "aucun effet utilisable"
        raise _fail(f"{file.name} : analyse inutilisable ({reason}).")
    return case, issues


@app.command()
def sroi(
    file: Annotated[Path, typer.Argument(help="Analyse SROI au format JSON.")],
    what_if: Annotated[
        list[str] | None,
        typer.Option(
            "--what-if",
            help="Hypothèse modifiée : « EFFET:CHAMP=VALEUR » ou « discount_rate=VALEUR » (répétable).",
        ),
    ] = None,
    output: Annotated[
        Literal["text", "json"], typer.Option("--format", help="Sortie : text ou json.")
    ] = "text",
    on: Annotated[
        str | None,
        typer.Option(
            help="Date AAAA-MM-JJ de valorisation des heures sans taux (aujourd'hui par défaut)."
        ),
    ] = None,
) -> None:
    """Calcule le SROI d'un cas : valeur actuelle, ratios, délai de retour et points morts."""
    from essdiag.errors import Severity, UnknownParameterError
    from essdiag.i18n import translator
    from essdiag.impact.sroi import (
        apply_what_if,
        break_even,
        evaluate,
        parse_what_if,
    )

    fr = translator("fr")
    try:
        day = date.fromisoformat(on) if on else datetime.now(PARIS).date()
    except ValueError:
        raise _fail(f"--on invalide : « {on} » (attendu AAAA-MM-JJ).") from None
    case, issues = _read_case(file)
    changes = []
    for text in what_if or []:
        change, found = parse_what_if(text)
        if change is None:
            raise _fail(found[0].message)
        changes.append(change)
    if changes:
        changed, found = apply_what_if(case, changes)
        if changed is None:
            raise _fail("Hypothèse refusée : " + found[0].message)
        case = changed
    try:
        result = evaluate(case, on=day)
        points = break_even(case, on=day)
    except UnknownParameterError as exc:
        raise _fail(
            f"Aucun SMIC horaire connu pour valoriser les heures de bénévolat : {exc}"
        ) from None
    if output == "json":
        typer.echo(
            json.dumps(_payload(result, points, changes, issues), ensure_ascii=False, indent=2)
        )
    else:
        for line in _text_report(result, points, fr):
            typer.echo(line)
    for issue in issues:
        where = issue.where()
        typer.echo(f"[{issue.code}] {issue.message}" + (f" ({where})" if where else ""), err=True)
    raise typer.Exit(ISSUES if any(i.severity is Severity.ERROR for i in issues) else OK)
