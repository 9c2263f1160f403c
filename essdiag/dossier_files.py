"""Dossier files: JSON or a spreadsheet with one sheet per section.

:func:`read_dossier_file` picks the reader from the file name.

For people who read and edit in a spreadsheet. Each sheet lists the fields of
one section as ``Champ`` (dotted path, the key read back), ``Libellé``
(French label) and ``Valeur``; lists of records use indexed paths
(``lines.0.amount``). A blank cell leaves a field to its default (empty text or
none), so the round trip is lossless for fields whose empty value is their
default, which is the rule for every section model.

The reader checks the workbook, each sheet and each row and reports issues
with the sheet and row; it never raises on bad bytes.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from essdiag.dossier import (
    MAX_DOSSIER_BYTES,
    SECTIONS,
    Dossier,
    read_dossier_dict,
    read_dossier_json,
    too_large_issue,
)
from essdiag.errors import Issue, Severity, has_errors
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


def _set_path(target: dict[str, Any], parts: list[str], value: Any) -> None:
    node: Any = target
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        key: Any = int(part) if part.isdigit() and isinstance(node, list) else part
        if isinstance(node, list):
            while len(node) <= key:
                node.append(None)
            if last:
                node[key] = value
            else:
                if node[key] is None:
                    node[key] = [] if parts[i + 1].isdigit() else {}
                node = node[key]
        elif last:
            node[key] = value
        else:
            if key not in node or node[key] is None:
                node[key] = [] if parts[i + 1].isdigit() else {}
            node = node[key]


def _cell_value(value: Any) -> Any:
    if value == _EMPTY_LIST:
        return []
    if value == _EMPTY_DICT:
        return {}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "isoformat"):
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
        target: dict[str, Any] = data if not section else data.setdefault(section, {})
        for r, row in enumerate(wb[name].iter_rows(min_row=2, values_only=True), start=2):
            cells = [*row, None, None, None]
            path, value = cells[0], cells[2]
            if path is None or (name == INFO_SHEET and path != "schema_version"):
                continue
            if value is None:  # a blank cell leaves the field to its default ("" or none)
                where[f"{section}.{path}" if section else path] = (name, r)
                continue
            if not isinstance(path, str) or not all(path.split(".")):
                issues.append(
                    Issue(
                        code="xlsx_bad_path",
                        template=N_("Le champ « {path} » n'est pas un nom de champ valide."),
                        params={"path": path},
                        file=f"{file or 'classeur'} / {name}",
                        line=r,
                        column="Champ",
                    )
                )
                continue
            _set_path(target, path.split("."), _cell_value(value))
            where[f"{section}.{path}" if section else path] = (name, r)
    return (None if has_errors(issues) else data), where, issues


def read_dossier_xlsx(raw: bytes, *, file: str | None = None) -> tuple[Dossier | None, list[Issue]]:
    """Read a dossier written by :func:`write_dossier_xlsx` (and edited by hand)."""
    if len(raw) > MAX_DOSSIER_BYTES:
        return None, [too_large_issue(len(raw), file)]
    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        return None, [
            Issue(
                code="xlsx_unreadable",
                template=N_(
                    "Le fichier n'est pas un classeur Excel (.xlsx) lisible : il est peut-être "
                    "abîmé, tronqué, ou dans un autre format."
                ),
                file=file,
            )
        ]
    try:
        data, where, issues = _read_sheets(wb, file)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        return None, [
            Issue(
                code="xlsx_structure",
                template=N_("La structure du classeur est incohérente ({detail})."),
                params={"detail": str(exc)},
                file=file,
            ),
        ]
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
        if _FRENCH_NUMBER.fullmatch(text):
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
