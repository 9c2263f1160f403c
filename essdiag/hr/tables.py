"""Read a small user table (CSV or XLSX) as text cells, and parse French cell values.

Where it sits: the first step of the HR readers (:mod:`essdiag.hr.workforce`,
:mod:`essdiag.hr.qvt`). A file becomes a header and rows of text, with every
problem as an :class:`~essdiag.errors.Issue`: the kind of file is sniffed
(:func:`essdiag.guards.sniff`), its size checked against
:data:`~essdiag.guards.FORM_LIMITS`, a workbook opened and read bounded by
:mod:`essdiag.guards`. Cells are then parsed by the helpers below (numbers with
a decimal comma, yes/no words, French dates), each returning None when the
text is not a value of that kind, so the reader can say which row is wrong.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from datetime import date, datetime, timedelta

from essdiag.errors import Issue, Severity
from essdiag.guards import (
    FORM_LIMITS,
    FileKind,
    Limits,
    kind_issue,
    open_workbook,
    sheet_rows,
    size_issue,
    sniff,
)
from essdiag.i18n import N_

__all__ = [
    "Table",
    "normalise",
    "parse_bool",
    "parse_date",
    "parse_number",
    "read_cells",
]

Row = tuple[int, list[str]]
"""A row's 1-based line in the file (a sheet's row number) and its text cells."""
Table = tuple[list[str], list[Row]]
"""A header and its rows of text cells (each row as long as the header)."""

_TRUE = frozenset({"oui", "o", "yes", "y", "1", "x", "vrai", "true"})
_FALSE = frozenset({"non", "n", "no", "0", "", "faux", "false", "-"})
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_EXCEL_EPOCH = date(1899, 12, 30)


def normalise(text: str) -> str:
    """A header as a key: lower case, no accents, words joined by ``_``.

    Example:
        >>> normalise(" Salaire de base annuel (€) ")
        'salaire_de_base_annuel'
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "_".join(re.findall(r"[a-z0-9]+", plain))


def parse_number(text: str) -> float | None:
    """A number written the French or the English way (``1 234,5``, ``1234.5``, ``12 %``→12).

    Example:
        >>> parse_number("1 234,50 €"), parse_number("0.8"), parse_number("abc")
        (1234.5, 0.8, None)
    """
    raw = _SPACES.sub("", text).replace("€", "").replace("%", "").replace("\u2212", "-")
    if not raw:
        return None
    if "," in raw and "." in raw:
        raw = raw.replace(".", "").replace(",", ".")
    else:
        raw = raw.replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_bool(text: str) -> bool | None:
    """``oui``/``non`` (and ``1``/``0``, ``x``/empty, true/false); None when neither.

    Example:
        >>> parse_bool("Oui"), parse_bool(""), parse_bool("peut-être")
        (True, False, None)
    """
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


def parse_date(text: str) -> date | None:
    """A date ``JJ/MM/AAAA``, ``AAAA-MM-JJ`` or an Excel serial number; None otherwise.

    Example:
        >>> parse_date("31/12/2025"), parse_date("2025-12-31"), parse_date("46022")
        (datetime.date(2025, 12, 31), datetime.date(2025, 12, 31), datetime.date(2025, 12, 31))
    """
    raw = text.strip()
    if not raw:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(raw, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    number = parse_number(raw)
    if number is not None and number.is_integer() and 1 <= number <= 2_958_465:
        return _EXCEL_EPOCH + timedelta(days=int(number))
    return None


def _cell_text(value: object) -> str:
    """A workbook cell as text (dates as ISO, integral floats without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decode(raw: bytes, file: str | None) -> tuple[str | None, list[Issue]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding), []
        except UnicodeDecodeError:
            continue
    return None, [  # pragma: no cover - cp1252 decodes nearly every byte
        Issue(
            code="table_encoding", template=N_("Le fichier n'est pas un texte lisible."), file=file
        )
    ]


def _csv_rows(text: str, file: str | None, limits: Limits) -> tuple[list[Row], list[Issue]]:
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (";", "\t", ",", "|")}
    sep = max(counts, key=lambda s: counts[s])
    if counts[sep] == 0:
        return [], [
            Issue(
                code="table_separator",
                template=N_(
                    "Séparateur de colonnes introuvable dans la première ligne "
                    "(attendu ; , tabulation ou |)."
                ),
                file=file,
                line=1,
            )
        ]
    rows: list[Row] = []
    issues: list[Issue] = []
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        for row in reader:
            if len(rows) > limits.max_rows:
                issues.append(
                    Issue(
                        code="table_too_many_rows",
                        template=N_("Le fichier a plus de {limit} lignes : il est refusé."),
                        params={"limit": limits.max_rows},
                        file=file,
                    )
                )
                return [], issues
            rows.append((reader.line_num, [c.strip() for c in row[: limits.max_columns]]))
    except csv.Error as exc:
        issues.append(
            Issue(
                code="table_unreadable",
                template=N_("Le fichier ne se lit pas comme un tableau (ligne {line})."),
                params={"line": len(rows) + 1, "error": str(exc)[:120]},
                file=file,
                line=len(rows) + 1,
            )
        )
        return [], issues
    return rows, issues


def read_cells(  # noqa: PLR0911 - a return per kind of file
    raw: bytes, *, file: str | None, limits: Limits = FORM_LIMITS
) -> tuple[Table | None, list[Issue]]:
    """The header and rows of a CSV (``;``, ``,``, tab or ``|``) or XLSX file (first sheet).

    Blank rows are dropped; each row is padded or cut to the header's length.
    Returns None and the issues when no header can be read.

    Example:
        >>> read_cells("id;sexe\\n\\nA1;F\\n".encode(), file="t.csv")
        ((['id', 'sexe'], [(3, ['A1', 'F'])]), [])
    """
    issue = size_issue(len(raw), limits, file=file)
    if issue is not None:
        return None, [issue]
    kind = sniff(raw)
    if kind is FileKind.EMPTY or not raw.strip():
        return None, [Issue(code="table_empty", template=N_("Le fichier est vide."), file=file)]
    if kind is FileKind.ZIP:
        wb, issues = open_workbook(raw, limits, file=file)
        if wb is None:
            return None, issues
        try:
            if not wb.worksheets:
                return None, [
                    Issue(
                        code="table_no_sheet",
                        template=N_(
                            "Le classeur ne contient aucune feuille de calcul : enregistrez-le de "
                            "nouveau depuis votre tableur (fichier .xlsx avec une feuille)."
                        ),
                        file=file,
                    )
                ]
            values, issues = sheet_rows(wb.worksheets[0], limits, file=file)
        finally:
            wb.close()
        rows = [(n, [_cell_text(v) for v in row]) for n, row in enumerate(values, start=1)]
    elif kind is FileKind.TEXT:
        text, issues = _decode(raw, file)
        if text is None:
            return None, issues
        rows, issues = _csv_rows(text, file, limits)
    else:
        return None, [kind_issue(kind, N_("un tableau CSV ou un classeur Excel .xlsx"), file=file)]
    rows = [(n, r) for n, r in rows if any(c.strip() for c in r)]
    if not rows and any(i.severity is Severity.ERROR for i in issues):
        return None, issues  # refused (too many rows…): not also "empty"
    if not rows:
        return None, [
            *issues,
            Issue(code="table_empty", template=N_("Le fichier est vide."), file=file),
        ]
    header = [h.strip() for h in rows[0][1]]
    width = len(header)
    body = [(n, (r + [""] * width)[:width]) for n, r in rows[1:]]
    return (header, body), issues
