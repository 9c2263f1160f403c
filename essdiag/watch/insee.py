"""Reader of INSEE CSV extracts (comparateur de territoires, census bases), with a column check.

Where it sits: layer 2, a reader of user files: it returns ``(InseeImport,
issues)`` and never raises on bad bytes (:func:`essdiag.guards.reader` is its
safety net). What it reads is what the Insee website and its « statistiques
locales » give:

* a header line naming ``CODGEO`` (the geographic code) and ``LIBGEO`` (its
  name), maybe after a few title lines;
* one column per variable, the year in its prefix or suffix: ``P21_POP``
  (population of the 2021 census), ``C21_FAMMONO`` (single-parent families,
  complementary exploitation), ``MED21`` (median disposable income per
  consumption unit, Filosofi 2021), ``TP6021`` (poverty rate at 60 %);
* a semicolon separator and a decimal comma (a decimal point is accepted),
  empty cells or ``s``/``nd`` for values under statistical secrecy;
* codes of communes (5 characters), EPCI (9 digits), départements (2 or 3
  characters) or régions (give ``level``), possibly prefixed ``COM-``,
  ``EPCI-``, ``DEP-``, ``REG-``.

The column check (:attr:`InseeImport.columns`) says which indicator of
:mod:`essdiag.watch.territory` each column feeds, for which year, and which
columns were not recognised. A row with a bad code is set aside; a cell that
is not a number is reported with its line and column and left out (the other
indicators of the row are kept).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from essdiag.errors import Issue, Severity
from essdiag.figures import Column, View
from essdiag.guards import FORM_LIMITS, FileKind, kind_issue, reader, size_issue, sniff
from essdiag.i18n import N_
from essdiag.watch.section import GeoLevel, Observation, WatchSection
from essdiag.watch.territory import FRANCE_CODE, Indicator, catalogue

__all__ = [
    "ColumnCheck",
    "InseeImport",
    "columns_view",
    "merge_observations",
    "read_insee_csv",
]

_MISSING = frozenset({"", "s", "nd", "n.d.", "na", "nc", "-", "secret"})
_HEADER_SCAN = 20
_MAX_ECHO = 40
_MAX_LINE = 100_000
_MAX_CODE = 20
"""Characters of a geographic code at most (``Observation.code``)."""
INSEE_LIMITS = FORM_LIMITS.but(max_rows=40_000)
"""An extract of every commune of France has about 35 000 lines, with its EPCI,
départements and régions about 36 500: the rows beyond 40 000 are not read (and the
reader says so), which bounds the import to a few seconds."""
_SPACES = str.maketrans("", "", " \t\n\r\f\v\u00a0\u202f")
"""Characters of one line at most (the csv module refuses a cell over 131 072)."""


@dataclass(frozen=True)
class ColumnCheck:
    """What the reader made of one column of the header.

    Attributes:
        column: the column name as written.
        status: ``identity`` (CODGEO, LIBGEO), ``feeds`` or ``ignored``.
        indicators: the indicator keys it feeds.
        year: the year its name says.
    """

    column: str
    status: str
    indicators: tuple[str, ...] = ()
    year: int | None = None


@dataclass(frozen=True)
class InseeImport:
    """What an INSEE extract gave.

    Attributes:
        observations: one per (territory, indicator) computed.
        columns: the column check, in the header's order.
        rows_read: data rows read.
        rows_set_aside: rows left out (bad code, wrong width).
    """

    observations: tuple[Observation, ...]
    columns: tuple[ColumnCheck, ...]
    rows_read: int
    rows_set_aside: int


def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(pattern).replace(r"\{yy\}", r"(\d{2})") + "$")


def _column_roles(
    header: Sequence[str], indicators: dict[str, Indicator]
) -> dict[int, list[tuple[str, str, int]]]:
    """column index → [(indicator, role, year)] for every column an indicator reads."""
    out: dict[int, list[tuple[str, str, int]]] = {}
    for index, name in enumerate(header):
        for ind in indicators.values():
            for role, patterns in (("num", ind.numerator), ("den", ind.denominator)):
                for pattern in patterns:
                    m = _regex(pattern).match(name)
                    if m:
                        out.setdefault(index, []).append((ind.key, role, 2000 + int(m.group(1))))
    return out


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _level_of(code: str, default_short: GeoLevel) -> tuple[GeoLevel, str] | None:  # noqa: PLR0911 - a return per kind of code
    """The level and the bare code of a CODGEO value; None when it is not a code."""
    prefixes = {
        "COM-": GeoLevel.COMMUNE,
        "EPCI-": GeoLevel.EPCI,
        "DEP-": GeoLevel.DEPARTEMENT,
        "REG-": GeoLevel.REGION,
    }
    upper = code.strip().upper()
    if upper in ("FR", "FE", "FM", "FE-1", "FRANCE", "METRO", "FXX"):
        return GeoLevel.FRANCE, FRANCE_CODE
    for prefix, level in prefixes.items():
        if upper.startswith(prefix):
            bare = upper[len(prefix) :]
            return (level, bare) if 0 < len(bare) <= _MAX_CODE else None
    if re.fullmatch(r"\d{5}|2[AB]\d{3}", upper):
        return GeoLevel.COMMUNE, upper
    if re.fullmatch(r"\d{9}", upper):
        return GeoLevel.EPCI, upper
    if re.fullmatch(r"\d{2}|2[AB]|97\d", upper):
        if default_short is GeoLevel.REGION and re.fullmatch(r"\d{2}", upper):
            return GeoLevel.REGION, upper
        return GeoLevel.DEPARTEMENT, upper
    return None


def _number(text: str) -> float | None:
    """A number written the French or the English way; None for a secret or empty cell.

    Raises ValueError when the text is not a number.
    """
    cleaned = text.translate(_SPACES)
    if cleaned.lower() in _MISSING:
        return None
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "")
    value = float(cleaned.replace(",", "."))
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _issue(code: str, template: str, file: str | None, **kw: object) -> Issue:
    line = kw.pop("line", None)
    column = kw.pop("column", None)
    severity = kw.pop("severity", Severity.ERROR)
    assert isinstance(severity, Severity)
    params = dict(kw)
    if line is not None:
        params["line"] = line
    if column is not None:
        params["column"] = str(column)
    return Issue(
        code=code,
        template=template,
        params=params,
        file=file,
        line=line if isinstance(line, int) else None,
        column=str(column) if column is not None else None,
        severity=severity,
    )


def _table(
    lines: list[str], header_at: int, file: str | None
) -> tuple[list[list[str]], Issue | None]:
    """The CSV rows from the header on, or the issue that refuses them.

    A line longer than :data:`_MAX_LINE` is refused (the csv module would stop on
    it), and so is a header without a column named exactly ``CODGEO``.
    """
    too_long = next(
        (i for i, line in enumerate(lines[header_at:], start=header_at) if len(line) > _MAX_LINE),
        None,
    )
    if too_long is not None:
        return [], _issue(
            "insee_line_too_long",
            N_(
                "La ligne {line} compte plus de {limit} caractères : ce n'est pas un extrait "
                "de l'Insee lisible (fichier abîmé ?). Téléchargez de nouveau l'extrait."
            ),
            file,
            limit=_MAX_LINE,
            line=too_long + 1,
        )
    rows = list(csv.reader(io.StringIO("\n".join(lines[header_at:])), delimiter=";"))
    if "CODGEO" not in (h.strip().upper() for h in rows[0]):
        return [], _issue(
            "insee_no_codgeo_column",
            N_(
                "La ligne {line} cite CODGEO mais aucune colonne ne s'appelle exactement "
                "CODGEO une fois l'en-tête découpé aux points-virgules : vérifiez que "
                "chaque nom de colonne est séparé par « ; »."
            ),
            file,
            line=header_at + 1,
            column="CODGEO",
        )
    return rows, None


@reader
def read_insee_csv(  # noqa: PLR0911 - a return per refusal
    raw: bytes,
    *,
    file: str | None = None,
    section: WatchSection | None = None,
    level: GeoLevel = GeoLevel.DEPARTEMENT,
) -> tuple[InseeImport | None, list[Issue]]:
    """Read an INSEE CSV extract into observations, with the column check.

    Parameters:
        raw: the file's bytes.
        file: its name, for the messages.
        section: the watch section (its own indicators are recognised too).
        level: the level of two-digit codes (départements unless « region »).

    Returns:
        The import (None when nothing usable was found) and every issue, each
        with its line and column.
    """
    too_big = size_issue(len(raw), FORM_LIMITS, file=file)
    if too_big is not None:
        return None, [too_big]
    kind = sniff(raw)
    if kind is not FileKind.TEXT:
        return None, [kind_issue(kind, N_("un extrait Insee au format CSV (texte)"), file=file)]
    text = _decode(raw)
    lines = text.splitlines()
    header_at = next(
        (i for i, line in enumerate(lines[:_HEADER_SCAN]) if "CODGEO" in line.upper()), None
    )
    if header_at is None:
        return None, [
            _issue(
                "insee_no_codgeo",
                N_(
                    "Aucune ligne d'en-tête ne contient la colonne CODGEO dans les {n} premières "
                    "lignes : est-ce bien un extrait de l'Insee (comparateur de territoires, bases "
                    "du recensement) ?"
                ),
                file,
                n=_HEADER_SCAN,
            )
        ]
    head_line = lines[header_at]
    if ";" not in head_line:
        found = "," if "," in head_line else "\\t" if "\t" in head_line else "?"
        return None, [
            _issue(
                "insee_separator",
                N_(
                    "L'en-tête n'est pas séparé par des points-virgules (séparateur trouvé : "
                    "« {found} ») : enregistrez l'extrait au format CSV avec « ; » comme "
                    "séparateur et la virgule comme marque décimale, comme le donne l'Insee."
                ),
                file,
                found=found,
                line=header_at + 1,
            )
        ]
    rows, refused = _table(lines, header_at, file)
    if refused is not None:
        return None, [refused]
    header = [h.strip().upper() for h in rows[0]]
    if len(header) > FORM_LIMITS.max_columns:
        return None, [
            _issue(
                "insee_too_many_columns",
                N_("L'extrait a {n} colonnes (au plus {limit}) : choisissez moins de variables."),
                file,
                n=len(header),
                limit=FORM_LIMITS.max_columns,
            )
        ]
    indicators = catalogue(section)
    roles = _column_roles(header, indicators)
    columns, plan = tuple(roles), _plan(roles, indicators)
    source = f"Insee, extrait importé « {file or 'CSV'} »"[:300]
    code_at = header.index("CODGEO")
    name_at = header.index("LIBGEO") if "LIBGEO" in header else None
    checks, issues = _check_columns(
        rows[0], header, roles, indicators, file=file, line=header_at + 1
    )
    observations: list[Observation] = []
    set_aside = 0
    data = rows[1 : INSEE_LIMITS.max_rows + 1]
    for k, row in enumerate(data, start=header_at + 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            set_aside += 1
            issues.append(
                _issue(
                    "insee_row_width",
                    N_(
                        "La ligne {line} a {n} cellules au lieu de {expected} : elle est écartée "
                        "(un point-virgule en trop ou manquant ?)."
                    ),
                    file,
                    n=len(row),
                    expected=len(header),
                    line=k,
                )
            )
            continue
        geo = _level_of(row[code_at], level)
        if geo is None:
            set_aside += 1
            issues.append(
                _issue(
                    "insee_bad_code",
                    N_(
                        "Ligne {line} : « {geo} » n'est pas un code géographique (commune, EPCI, "
                        "département ou région) : la ligne est écartée."
                    ),
                    file,
                    geo=row[code_at].strip()[:_MAX_ECHO],
                    line=k,
                    column="CODGEO",
                )
            )
            continue
        geo_level, code = geo
        name = row[name_at].strip()[:200] if name_at is not None else ""
        observations += _row_observations(
            row,
            header,
            columns,
            plan,
            indicators,
            level=geo_level,
            code=code,
            name=name,
            file=file,
            source=source,
            line=k,
            issues=issues,
        )
    if len(rows) - 1 > INSEE_LIMITS.max_rows:
        issues.append(
            _issue(
                "table_too_many_rows",
                N_("L'extrait a plus de {limit} lignes : seules les {limit} premières sont lues."),
                file,
                limit=INSEE_LIMITS.max_rows,
                severity=Severity.WARNING,
            )
        )
    if not observations:
        issues.append(
            _issue(
                "insee_nothing",
                N_(
                    "Aucun indicateur n'a pu être calculé à partir de cet extrait : rien n'a été "
                    "importé."
                ),
                file,
            )
        )
        return None, issues
    result = InseeImport(
        observations=tuple(observations),
        columns=tuple(checks),
        rows_read=len(data),
        rows_set_aside=set_aside,
    )
    return result, issues


def _check_columns(
    raw_header: Sequence[str],
    header: Sequence[str],
    roles: dict[int, list[tuple[str, str, int]]],
    indicators: dict[str, Indicator],
    *,
    file: str | None,
    line: int,
) -> tuple[list[ColumnCheck], list[Issue]]:
    """The column check, and the issues it raises (unknown columns, incomplete shares)."""
    checks = []
    ignored = []
    for i, name in enumerate(header):
        shown = raw_header[i].strip()
        if name in ("CODGEO", "LIBGEO"):
            checks.append(ColumnCheck(shown, "identity"))
        elif i in roles:
            keys = tuple(dict.fromkeys(k for k, _role, _y in roles[i]))
            checks.append(ColumnCheck(shown, "feeds", keys, roles[i][0][2]))
        else:
            checks.append(ColumnCheck(shown, "ignored"))
            ignored.append(shown[:_MAX_ECHO])
    issues = []
    if ignored:
        issues.append(
            _issue(
                "insee_unknown_columns",
                N_(
                    "{n} colonne(s) non reconnue(s), non importée(s) : {columns}. Ajoutez un "
                    "indicateur si vous en avez besoin."
                ),
                file,
                n=len(ignored),
                columns=", ".join(ignored[:15]) + (" …" if len(ignored) > 15 else ""),
                line=line,
                severity=Severity.WARNING,
            )
        )
    present = {(k, role, y) for rs in roles.values() for k, role, y in rs}
    for key, role, year in sorted(present):
        ind = indicators[key]
        if role != "num" or not ind.denominator:
            continue
        yy = f"{year % 100:02d}"
        missing = [
            p.replace("{yy}", yy) for p in ind.denominator if p.replace("{yy}", yy) not in header
        ]
        if missing:
            issues.append(
                _issue(
                    "insee_partial",
                    N_(
                        "« {label} » ne peut pas être calculé pour {year} : il manque la "
                        "colonne {columns}."
                    ),
                    file,
                    label=ind.label,
                    year=year,
                    columns=", ".join(missing),
                    line=line,
                    severity=Severity.WARNING,
                )
            )
    return checks, issues


_Plan = list[tuple[str, int, tuple[int, ...], tuple[int, ...]]]
"""(indicator, year, numerator columns, denominator columns) for every complete indicator."""


def _plan(roles: dict[int, list[tuple[str, str, int]]], indicators: dict[str, Indicator]) -> _Plan:
    """The indicators the header can give, and the columns of each, worked out once."""
    parts: dict[tuple[str, int], dict[str, list[int]]] = {}
    for i, found in roles.items():
        for key, role, year in found:
            parts.setdefault((key, year), {"num": [], "den": []})[role].append(i)
    return [
        (key, year, tuple(p["num"]), tuple(p["den"]))
        for (key, year), p in parts.items()
        if len(p["num"]) == len(indicators[key].numerator)
        and len(p["den"]) == len(indicators[key].denominator)
    ]


def _row_observations(
    row: Sequence[str],
    header: Sequence[str],
    columns: Sequence[int],
    plan: _Plan,
    indicators: dict[str, Indicator],
    *,
    level: GeoLevel,
    code: str,
    name: str,
    file: str | None,
    source: str,
    line: int,
    issues: list[Issue],
) -> list[Observation]:
    """The indicators one row gives (bad cells reported and left out)."""
    values: dict[int, float | None] = {}
    for i in columns:
        try:
            values[i] = _number(row[i])
        except ValueError:
            issues.append(
                _issue(
                    "insee_not_number",
                    N_(
                        "Ligne {line}, colonne {column} : « {value} » n'est pas un nombre ; la "
                        "valeur est ignorée (le reste de la ligne est importé)."
                    ),
                    file,
                    value=row[i].strip()[:_MAX_ECHO],
                    line=line,
                    column=header[i],
                )
            )
            values[i] = math.nan
    out = []
    for key, year, num_at, den_at in plan:
        nums = [values[i] for i in num_at]
        dens = [values[i] for i in den_at]
        if any(v is None or math.isnan(v) for v in (*nums, *dens)):
            continue
        ind = indicators[key]
        num = math.fsum(v for v in nums if v is not None)
        value = num * ind.scale
        if den_at:
            den = math.fsum(v for v in dens if v is not None)
            if den <= 0:
                continue
            value = num / den * ind.scale
        if not math.isfinite(value):
            continue
        out.append(
            Observation(
                indicator=key,
                level=level,
                code=code,
                name=name,
                year=year,
                value=value,
                source=source,
            )
        )
    return out


def columns_view(result: InseeImport) -> View:
    """The column check as a table: column, what it feeds, year."""
    statuses = {
        "identity": N_("identifiant du territoire"),
        "feeds": N_("alimente un indicateur"),
        "ignored": N_("non reconnue, ignorée"),
    }
    indicators = catalogue()
    frame = pd.DataFrame(
        [
            {
                "column": c.column,
                "status": statuses[c.status],
                "indicators": ", ".join(
                    indicators[k].label if k in indicators else k for k in c.indicators
                ),
                "year": str(c.year) if c.year else "",
            }
            for c in result.columns
        ],
        columns=["column", "status", "indicators", "year"],
    )
    return View(
        (
            Column("column", N_("Colonne")),
            Column("status", N_("Lecture"), "label"),
            Column("indicators", N_("Indicateur alimenté")),
            Column("year", N_("Année")),
        ),
        frame,
        title=N_("Contrôle des colonnes"),
    )


def merge_observations(section: WatchSection, new: Sequence[Observation]) -> WatchSection:
    """The section with ``new`` observations, replacing those of the same territory, indicator and year."""
    keys = {(o.indicator, o.level, o.code, o.year) for o in new}
    kept = [o for o in section.observations if (o.indicator, o.level, o.code, o.year) not in keys]
    return section.model_copy(update={"observations": [*kept, *new]})
