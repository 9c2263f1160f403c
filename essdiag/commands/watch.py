"""The ``essdiag watch`` commands: gap analysis of a dossier's territory, check of an INSEE extract.

Usage::

    essdiag watch gaps DOSSIER.json [--threshold 0.10] [--format text|json]
    essdiag watch insee EXTRAIT.csv [--level departement|region] [--format text|json]

``gaps`` compares each indicator of the dossier's territory (its own values,
then essdiag's illustrative dataset for the sample territories, then the
national references) with the references its watch section chooses, and
lists the candidate needs. ``--format json`` prints ``threshold``,
``gaps`` (each ``indicator``, ``label``, ``unit``, ``worse``, ``territory``,
``year``, ``value``, ``ref_level``, ``ref_name``, ``ref_year``,
``ref_value``, ``gap``, ``relative`` — null when the reference is 0 —,
``unfavourable``, ``beyond``, ``illustrative``) and ``candidate_needs``
(each ``indicator``, ``ref_level``, ``rule``, ``evidence``). Numbers are not
rounded; shares are fractions.

``insee`` reads an INSEE CSV extract and prints its column check (what each
column feeds) and the values it gives, with every issue.

Exit codes: 0 nothing to report (no gap beyond the threshold; a clean
extract); 1 reported (candidate needs found; issues in the extract); 2
unusable input (a missing or unreadable file, a bad option): one French line
on stderr, never a traceback. Nothing is written to disk.

Mount it in ``essdiag/cli.py`` with ``app.add_typer(watch.app, name="watch")``.
"""

from __future__ import annotations

import json
import math
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from essdiag.commands import args

__all__ = ["app"]

OK, REPORTED, UNUSABLE = 0, 1, 2

app = typer.Typer(
    add_completion=False, help="Veille territoriale : écarts du territoire, extraits Insee."
)


class Format(StrEnum):
    """Output format."""

    TEXT = "text"
    JSON = "json"


class TwoDigits(StrEnum):
    """What the two-digit codes of an extract are."""

    DEPARTEMENT = "departement"
    REGION = "region"


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(UNUSABLE)


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise _fail(f"{path} : fichier introuvable.")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _fail(f"{path} : fichier illisible ({exc.strerror}).") from None


def _number(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@app.command()
def gaps(
    file: Annotated[Path, typer.Argument(help="Dossier essdiag (.json).")],
    threshold: Annotated[
        float | None,
        typer.Option(help="Seuil d'écart relatif (0,10 pour 10 %) ; celui du dossier sinon."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Sortie : text ou json.")] = Format.TEXT,
) -> None:
    """Écarts des indicateurs du territoire aux références, et besoins candidats."""
    from essdiag.dossier import read_dossier_json
    from essdiag.i18n import translator
    from essdiag.watch.territory import candidate_needs, gap_table

    if threshold is not None and not 0 < threshold <= 5:
        raise _fail(f"Seuil invalide : {threshold} (attendu entre 0 et 5, par exemple 0.1).")
    dossier, issues = read_dossier_json(_read(file), file=file.name)
    if dossier is None:
        raise _fail(
            f"{file.name} : dossier inutilisable ({issues[0].message if issues else 'illisible'})."
        )
    limit = dossier.watch.settings.threshold if threshold is None else threshold
    table = gap_table(dossier.watch, dossier.identity.territory, threshold=limit)
    fr = translator("fr")
    needs = [(c, c.to_need("B", fr)) for c in candidate_needs(table, limit)]
    if fmt is Format.JSON:
        rows = [
            {
                k: _number(v.item() if hasattr(v, "item") else v)
                for k, v in r.items()
                if k not in ("source", "ref_source", "level")
            }
            for r in table.to_dict("records")
        ]
        out = {
            "threshold": limit,
            "gaps": rows,
            "candidate_needs": [
                {
                    "indicator": c.indicator,
                    "ref_level": c.ref_level.value,
                    "rule": n.rule,
                    "evidence": n.evidence,
                }
                for c, n in needs
            ],
        }
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        typer.echo(
            f"{dossier.identity.name} : {len(table)} comparaison(s), seuil {fr.percent(limit, 0)}."
        )
        for r in table.itertuples():
            rel = "–" if math.isnan(r.relative) else fr.percent(r.relative, 1)
            mark = " ⚠" if r.beyond else ""
            typer.echo(f"{r.label} — {r.ref_name} : écart relatif {rel}{mark}")
        for _c, n in needs:
            typer.echo(f"Besoin candidat : {n.evidence} ({n.rule})")
    raise typer.Exit(REPORTED if needs else OK)


@app.command()
def insee(
    file: Annotated[
        Path, typer.Argument(help="Extrait Insee au format CSV (« ; », virgule décimale).")
    ],
    level: Annotated[
        TwoDigits, typer.Option(help="Niveau des codes à deux chiffres.")
    ] = TwoDigits.DEPARTEMENT,
    fmt: Annotated[Format, typer.Option("--format", help="Sortie : text ou json.")] = Format.TEXT,
) -> None:
    """Contrôle des colonnes d'un extrait Insee et valeurs qu'il donne."""
    from essdiag.watch.insee import read_insee_csv
    from essdiag.watch.section import GeoLevel

    result, issues = read_insee_csv(_read(file), file=file.name, level=GeoLevel(level.value))
    if fmt is Format.JSON:
        out = {
            "columns": [
                {
                    "column": c.column,
                    "status": c.status,
                    "indicators": list(c.indicators),
                    "year": c.year,
                }
                for c in (result.columns if result else ())
            ],
            "observations": [
                o.model_dump(mode="json") for o in (result.observations if result else ())
            ],
            "issues": [args.issue_json(i) for i in issues],
        }
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for c in result.columns if result else ():
            feeds = ", ".join(c.indicators) if c.indicators else c.status
            typer.echo(f"{c.column}\t{feeds}\t{c.year or ''}")
        for i in issues:
            where = i.where()
            typer.echo(f"[{i.code}] {i.message}" + (f" ({where})" if where else ""))
    if result is None:
        raise _fail(f"{file.name} : extrait inutilisable ({len(issues)} problème(s)).")
    raise typer.Exit(REPORTED if issues else OK)
