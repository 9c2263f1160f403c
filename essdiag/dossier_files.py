"""Dossier files: JSON or a spreadsheet with one sheet per section.

:func:`read_dossier_file` picks the reader from the file name; each reader
then checks that the file is what its name says (a workbook renamed ``.json``
is named as a workbook).

For people who read and edit in a spreadsheet. Each sheet lists the fields of
one section as ``Champ`` (dotted path, the key read back), ``Libellé``
(French label) and ``Valeur``; lists of records use indexed paths
(``lines.0.amount``). A blank cell leaves a field to its default (empty text or
none), so the round trip is lossless for fields whose empty value is their
default, which is the rule for every section model.

The reader checks the workbook before opening it and reads each sheet
bounded (:mod:`essdiag.guards`), checks each row's path (a list index is
bounded by :data:`~essdiag.dossier.MAX_LIST_ITEMS`), and reports issues with
the sheet and row; it never raises on bad bytes, and the dossier it returns
keeps the bounds of :func:`~essdiag.dossier.read_dossier_dict`.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime
from typing import Any

from essdiag.dossier import (
    MAX_ABS_NUMBER,
    MAX_DOSSIER_BYTES,
    MAX_LIST_ITEMS,
    MAX_VALUES,
    SECTIONS,
    Dossier,
    read_dossier_dict,
    read_dossier_json,
    too_large_issue,
)
from essdiag.errors import Issue, Severity, has_errors
from essdiag.guards import FORM_LIMITS, open_workbook, reader, sheet_rows
from essdiag.i18n import N_
from essdiag.validation import field_label

__all__ = ["read_dossier_file", "read_dossier_xlsx", "write_dossier_xlsx"]

INFO_SHEET = "Dossier"
HEADER = ("Champ", "Libellé", "Valeur")
_EMPTY_LIST = "[]"
_EMPTY_DICT = "{}"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _flatten(value: Any, path: str, out: list[tuple[str, Any]]) -> None:
    if isinstance(value, dict):
        if not value and path:
            out.append((path, _EMPTY_DICT))
        for key, sub in value.items():
            _flatten(sub, f"{path}.{key}" if path else str(key), out)
    elif isinstance(value, list):
        if not value and path:
            out.append((path, _EMPTY_LIST))
        for i, sub in enumerate(value):
            _flatten(sub, f"{path}.{i}", out)
    else:
        out.append((path, value))


def _exact_in_excel(value: float) -> bool:
    """Excel keeps 15 significant digits: larger precision is written as text."""
    return float(f"{value:.15g}") == value and abs(value) < 2**53


def _sheet_title(section: str) -> str:
    title = Dossier.model_fields[section].title or section
    return title[:31]


def write_dossier_xlsx(dossier: Dossier) -> bytes:
    """The dossier as XLSX bytes (one sheet per section)."""
    import xlsxwriter

    data = json.loads(dossier.model_dump_json())
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False})
    bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7"})
    info = wb.add_worksheet(INFO_SHEET)
    info.write_row(0, 0, HEADER, bold)
    info.write_row(1, 0, ("schema_version", "Version du schéma", data["schema_version"]))
    info.write(
        3, 0, "Une feuille par section ; modifiez la colonne Valeur puis importez le fichier."
    )
    info.set_column(0, 0, 40)
    info.set_column(1, 2, 30)
    for section in SECTIONS:
        ws = wb.add_worksheet(_sheet_title(section))
        ws.write_row(0, 0, HEADER, bold)
        rows: list[tuple[str, Any]] = []
        _flatten(data[section], "", rows)
        for r, (path, value) in enumerate(rows, start=1):
            loc = (section, *[int(p) if p.isdigit() else p for p in path.split(".") if p])
            ws.write_string(r, 0, path)
            ws.write_string(r, 1, field_label(Dossier, loc))
            if value is None:
                ws.write_blank(r, 2, None)
            elif isinstance(value, bool):
                ws.write_boolean(r, 2, value)
            elif isinstance(value, int | float) and _exact_in_excel(value):
                ws.write_number(r, 2, value)
            elif isinstance(value, float):
                ws.write_string(r, 2, repr(value))  # more digits than Excel keeps
            else:
                ws.write_string(r, 2, str(value))
        ws.set_column(0, 0, 36)
        ws.set_column(1, 1, 36)
        ws.set_column(2, 2, 50)
    wb.close()
    return buf.getvalue()


_SHEET_LIMITS = FORM_LIMITS.but(max_columns=8, max_rows=MAX_VALUES)
"""A dossier sheet has three columns (a few more are tolerated, for notes) and at most as many
rows, all sheets together, as a dossier holds values."""
_MAX_PATH_PARTS = 16
_MAX_PATH_LENGTH = 300


def _path_problem(path: object) -> str | None:
    """Why a ``Champ`` cell is not a usable path (a French template), or None."""
    if not isinstance(path, str) or not path or len(path) > _MAX_PATH_LENGTH:
        return _BAD_PATH
    parts = path.split(".")
    if not all(parts) or len(parts) > _MAX_PATH_PARTS:
        return _BAD_PATH
    if any(p.isdigit() and (len(p) > 6 or int(p) >= MAX_LIST_ITEMS) for p in parts):
        return _BAD_INDEX
    return None


_BAD_PATH = N_("Le champ « {path} » n'est pas un nom de champ valide.")
_BAD_INDEX = N_(
    "Le champ « {path} » désigne un élément de liste au-delà du {limit}ᵉ : un dossier compte au "
    "plus {limit} éléments par liste."
)
_PATH_CONFLICT = N_(
    "Le champ « {path} » contredit une ligne précédente de la feuille (le même champ y est "
    "à la fois une valeur et un groupe de champs) : cette ligne est ignorée."
)


def _set_path(target: dict[str, Any], parts: list[str], value: Any) -> bool:
    """Set ``value`` at the dotted path inside ``target``; False when the path contradicts it.

    Lists grow to the index given (bounded by :func:`_path_problem`), holes
    left as ``None`` for the model to report.
    """
    node: Any = target
    for i, part in enumerate(parts):
        key: Any
        if isinstance(node, list):
            if not part.isdigit():
                return False
            key = int(part)
            node.extend([None] * (key + 1 - len(node)))
            current = node[key]
        elif isinstance(node, dict):
            key = part
            current = node.get(key)
        else:
            return False
        if i == len(parts) - 1:
            if isinstance(current, dict | list) and current:
                return False
            node[key] = value
            return True
        if current is None:
            current = [] if parts[i + 1].isdigit() else {}
            node[key] = current
        node = current
    return True


def _cell_value(value: Any) -> Any:
    if value == _EMPTY_LIST:
        return []
    if value == _EMPTY_DICT:
        return {}
    if isinstance(value, float) and value.is_integer() and abs(value) <= MAX_ABS_NUMBER:
        return int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return value


def _read_sheets(
    wb: Any, file: str | None
) -> tuple[dict[str, Any] | None, dict[str, tuple[str, int]], list[Issue]]:
    """Rebuild the dossier dict from the sheets, with where each field was read."""
    names = list(wb.sheetnames)
    if INFO_SHEET not in names:
        return (
            None,
            {},
            [
                Issue(
                    code="xlsx_sheet_missing",
                    template=N_(
                        "La feuille « {sheet} » manque : ce classeur n'est pas un dossier essdiag."
                    ),
                    params={"sheet": INFO_SHEET},
                    file=file,
                )
            ],
        )
    by_title = {_sheet_title(s): s for s in SECTIONS}
    issues: list[Issue] = []
    data: dict[str, Any] = {}
    where: dict[str, tuple[str, int]] = {}
    budget = MAX_VALUES  # rows left to read, all sheets together
    for name in names:
        section = "" if name == INFO_SHEET else by_title.get(name)
        if section is None:
            issues.append(
                Issue(
                    code="xlsx_sheet_unknown",
                    template=N_(
                        "La feuille « {sheet} » n'est pas une section du dossier : elle est ignorée."
                    ),
                    params={"sheet": name},
                    severity=Severity.WARNING,
                    file=file,
                )
            )
            continue
        rows, found = sheet_rows(
            wb[name], _SHEET_LIMITS.but(max_rows=budget), file=file, sheet=name
        )
        budget -= len(rows)
        issues += [_cut_short(i) for i in found]
        target: dict[str, Any] = data if not section else data.setdefault(section, {})
        for r, row in enumerate(rows[1:], start=2):
            cells = [*row, None, None, None]
            path, value = cells[0], cells[2]
            if path is None or (name == INFO_SHEET and path != "schema_version"):
                continue
            problem = _path_problem(path)
            if problem is not None:
                issues.append(
                    _located(
                        problem, "xlsx_bad_path", file=file, sheet=name, line=r, path=str(path)[:80]
                    )
                )
                continue
            key = f"{section}.{path}" if section else str(path)
            if value is None:  # a blank cell leaves the field to its default ("" or none)
                where[key] = (name, r)
                continue
            if not _set_path(target, str(path).split("."), _cell_value(value)):
                issues.append(
                    _located(
                        _PATH_CONFLICT,
                        "xlsx_path_conflict",
                        file=file,
                        sheet=name,
                        line=r,
                        path=path,
                    )
                )
                continue
            where[key] = (name, r)
        if any(i.code in _STOPS for i in issues):
            break
    return (None if has_errors(issues) else data), where, issues


_STOPS = ("dossier_too_many_rows", "xlsx_sheet_damaged")
"""Problems after which the other sheets are not read."""


def _cut_short(issue: Issue) -> Issue:
    """A sheet cut at the row limit is an error here: a dossier read in part would lose data."""
    if issue.code != "table_too_many_rows":
        return issue
    return issue.model_copy(
        update={
            "code": "dossier_too_many_rows",
            "template": N_(
                "Le classeur compte plus de {limit} lignes en tout : il est trop volumineux pour "
                "être un dossier."
            ),
            "params": {"limit": MAX_VALUES},
            "severity": Severity.ERROR,
        }
    )


def _located(
    template: str, code: str, *, file: str | None, sheet: str, line: int, **params: Any
) -> Issue:
    """An issue of the ``Champ`` cell of a row."""
    if template is _BAD_INDEX:
        params["limit"] = MAX_LIST_ITEMS
    return Issue(
        code=code,
        template=template,
        params=params,
        file=f"{file or 'classeur'} / {sheet}",
        line=line,
        column="Champ",
        severity=Severity.WARNING if template is _PATH_CONFLICT else Severity.ERROR,
    )


@reader
def read_dossier_xlsx(raw: bytes, *, file: str | None = None) -> tuple[Dossier | None, list[Issue]]:
    """Read a dossier written by :func:`write_dossier_xlsx` (and edited by hand).

    The workbook is checked before it is opened (:mod:`essdiag.guards`: a
    real XLSX, no zip bomb, no sheet declaring a million columns), each sheet
    is read bounded, and each path is checked (no list index beyond
    :data:`~essdiag.dossier.MAX_LIST_ITEMS`).
    """
    if len(raw) > MAX_DOSSIER_BYTES:
        return None, [too_large_issue(len(raw), file)]
    wb, opened = open_workbook(raw, FORM_LIMITS, file=file)
    if wb is None:
        return None, opened
    try:
        data, where, issues = _read_sheets(wb, file)
    finally:
        wb.close()
    if data is None:
        return None, issues
    dossier, found = read_dossier_dict(data, file=file)
    if dossier is None and _repair_spreadsheet_typing(data, found):
        dossier, found = read_dossier_dict(data, file=file)
    for issue in found:
        located = where.get(issue.field or "")
        update = (
            {"file": f"{file or 'classeur'} / {located[0]}", "line": located[1], "column": "Valeur"}
            if located
            else {}
        )
        issues.append(issue.model_copy(update=update))
    return dossier, issues


_YES = {"oui", "vrai", "o", "x"}
_NO = {"non", "faux", "n"}
_LONGEST_NUMBER = 40  # characters: longer digits are no amount (and Python reads at most 4,300)
_FRENCH_NUMBER = re.compile(r"-?\d{1,3}(?:[ \u00a0\u202f]?\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?")


def _retyped(code: str, value: Any) -> Any:
    """What a spreadsheet user meant, or ``_KEEP`` when the value is really wrong.

    A spreadsheet turns ``75011`` typed in a text field into a number, and
    people write ``oui``/``VRAI`` for yes and ``1 234,5`` for numbers.
    """
    if code == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if code in ("bool_parsing", "bool_type") and isinstance(value, str):
        word = value.strip().lower()
        if word in _YES or word in _NO:
            return word in _YES
    if code in ("int_parsing", "float_parsing", "decimal_parsing") and isinstance(value, str):
        text = value.strip()
        if len(text) <= _LONGEST_NUMBER and _FRENCH_NUMBER.fullmatch(text):
            number = re.sub(r"[ \u00a0\u202f]", "", text).replace(",", ".")
            return int(number) if code == "int_parsing" and "." not in number else number
    return _KEEP


_KEEP = object()


def _repair_spreadsheet_typing(data: dict[str, Any], issues: list[Issue]) -> bool:
    """Retype in place the cells a spreadsheet mistyped; True when one was changed."""
    changed = False
    for issue in issues:
        parts = (issue.field or "").split(".")
        node: Any = data
        for part in parts[:-1]:
            key: Any = int(part) if isinstance(node, list) and part.isdigit() else part
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                node = None
                break
        last: Any = parts[-1]
        if isinstance(node, list) and last.isdigit():
            last = int(last)
            present = last < len(node)
        else:
            present = isinstance(node, dict) and last in node
        if not present:
            continue
        value = _retyped(issue.code, node[last])
        if value is not _KEEP:
            node[last] = value
            changed = True
    return changed


def read_dossier_file(raw: bytes, file: str) -> tuple[Dossier | None, list[Issue]]:
    """Read a dossier from a ``.json`` or ``.xlsx`` file; other names are refused."""
    name = file.lower()
    if name.endswith(".json"):
        return read_dossier_json(raw, file=file)
    if name.endswith(".xlsx"):
        return read_dossier_xlsx(raw, file=file)
    return None, [
        Issue(
            code="file_type",
            template=N_(
                "« {file} » n'est ni un dossier JSON (.json) ni un classeur Excel (.xlsx)."
            ),
            params={"file": file},
            file=file,
        )
    ]
