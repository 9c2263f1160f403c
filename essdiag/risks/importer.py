"""Import of a risk register from a spreadsheet, every problem a located French issue.

Where it sits: a director who already keeps a register in Excel brings it in
here. :mod:`essdiag.risks.template` gives the template to fill (in the
reader's language) and says which headers and words are accepted;
:func:`read_register_xlsx` reads it back into
:class:`~essdiag.risks.section.Risk` records on the matrix in force,
reporting every problem as an :class:`~essdiag.errors.Issue` (sheet, line,
column, French message with raw parameters). A line with an error is set
aside; the others are kept. :func:`merge_register` then puts them in the
section (same identifier: replaced; new: added) and :func:`replaced_ids`
says which ones would replace a risk already there.

Bad files never raise and never half-import: the workbook is checked and
opened by :mod:`essdiag.guards` (file kind, size, zip bombs, damaged archives,
a declared dimension that lies, at most :data:`MAX_RISKS` lines); a sheet
that cannot be read to its end gives no risk at all, only the reasons, and
:func:`essdiag.guards.reader` turns anything unforeseen into one issue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from essdiag.errors import Issue, Severity
from essdiag.guards import FORM_LIMITS, open_workbook, reader, sheet_rows
from essdiag.i18n import N_, LabelledEnum
from essdiag.risks.section import (
    CATEGORY_WORDS,
    STATUS_WORDS,
    TREATMENT_WORDS,
    ActionStatus,
    Risk,
    RiskCategory,
    RiskMatrix,
    RiskSection,
    Treatment,
    rule_issues,
    validate_section,
)
from essdiag.risks.template import (
    ACTION_COLUMNS,
    ACTIONS,
    ACTIONS_SHEET,
    REGISTER,
    REGISTER_COLUMNS,
    REGISTER_SHEET,
    TemplateColumn,
    choice_table,
    header_table,
    norm,
    register_template_xlsx,
    sheet_names,
)

__all__ = [
    "ACTION_COLUMNS",
    "MAX_ACTIONS",
    "MAX_REGISTER_BYTES",
    "MAX_RISKS",
    "REGISTER_COLUMNS",
    "REGISTER_LIMITS",
    "merge_register",
    "read_register_xlsx",
    "register_template_xlsx",
    "replaced_ids",
]

MAX_RISKS = 2_000
"""Most lines of the sheet « Registre » (a federation's register holds a few hundred)."""
MAX_ACTIONS = 10_000
"""Most lines of the sheet « Actions »."""
REGISTER_LIMITS = FORM_LIMITS.but(max_rows=MAX_RISKS + 1)
"""What the reader accepts: a form-sized workbook (:data:`essdiag.guards.FORM_LIMITS`)."""
MAX_REGISTER_BYTES = REGISTER_LIMITS.max_bytes
"""Largest register workbook accepted (the screen's uploader says it)."""
_ACTION_LIMITS = FORM_LIMITS.but(max_rows=MAX_ACTIONS + 1)
_MESSAGE_CHARS = 80
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value: Any) -> str:
    """A cell as text: integral numbers without ``.0``, control characters removed, trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _CONTROL.sub("", str(value)).strip()


def _short(text: str) -> str:
    """A cell's text for a message (a long one is cut)."""
    return text if len(text) <= _MESSAGE_CHARS else text[: _MESSAGE_CHARS - 1] + "…"


def _issue(
    code: str,
    template: str,
    *,
    file: str | None,
    sheet: str,
    line: int | None = None,
    column: str | None = None,
    severity: Severity = Severity.ERROR,
    **params: Any,
) -> Issue:
    return Issue(
        code=code,
        template=template,
        params={"sheet": sheet, **params},
        file=f"{file} [{sheet}]" if file else sheet,
        line=line,
        column=column,
        severity=severity,
    )


class _RowError(Exception):
    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.code)
        self.issue = issue


class _Sheet:
    """One sheet read: its title, the header's columns found, and its lines of values."""

    def __init__(self, title: str, columns: Sequence[TemplateColumn], rows: list[tuple[Any, ...]]):
        self.title = title
        self.index: dict[str, int] = {}
        self.headers: dict[str, str] = {}
        self.duplicates: list[tuple[TemplateColumn, str]] = []
        table = header_table(tuple(columns))
        for i, cell in enumerate(rows[0] if rows else ()):
            text = _text(cell)
            found = table.get(norm(text))
            if found is None:
                continue
            if found.key in self.index:
                self.duplicates.append((found, text))
                continue
            self.index[found.key] = i
            self.headers[found.key] = text
        self.lines = [
            (number, row)
            for number, row in enumerate(rows[1:], start=2)
            if any(_text(v) for v in row)
        ]

    def missing(self, columns: Sequence[TemplateColumn]) -> list[TemplateColumn]:
        return [c for c in columns if c.required and c.key not in self.index]


class _Line:
    """The cells of one line, by column key, with where each one is."""

    def __init__(self, sheet: _Sheet, number: int, values: tuple[Any, ...], file: str | None):
        self.sheet, self.number, self.values, self.file = sheet, number, values, file

    def raw(self, key: str) -> Any:
        i = self.sheet.index.get(key)
        return self.values[i] if i is not None and i < len(self.values) else None

    def text(self, key: str) -> str:
        return _text(self.raw(key))

    def where(self, key: str) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet.title,
            "line": self.number,
            "column": self.sheet.headers.get(key),
        }

    def date(self, key: str) -> date | None:
        value = self.raw(key)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = _text(value)
        if not text:
            return None
        for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
            try:
                return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar day
            except ValueError:
                continue
        raise _RowError(
            _issue(
                "risk_import_date",
                N_("« {value} » n'est pas une date : écrivez JJ/MM/AAAA."),
                value=_short(text),
                **self.where(key),
            )
        )

    def level(self, key: str, matrix: RiskMatrix) -> int | None:
        text = self.text(key)
        if not text:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            number = float("nan")
        if not number.is_integer() or not 1 <= number <= matrix.size:
            raise _RowError(
                _issue(
                    "risk_level_outside_matrix",
                    N_(
                        "Le niveau « {value} » sort de la matrice {size}×{size} en vigueur : "
                        "écrivez un entier de 1 à {size}."
                    ),
                    value=_short(text),
                    size=matrix.size,
                    **self.where(key),
                )
            )
        return int(number)

    def choice(
        self, key: str, choices: type[LabelledEnum], code: str, template: str, expected: str
    ) -> Any:
        text = self.text(key)
        if not text:
            return None
        found = choice_table(choices).get(norm(text))
        if found is None:
            raise _RowError(
                _issue(code, template, value=_short(text), expected=expected, **self.where(key))
            )
        return found

    def required(self, columns: Sequence[TemplateColumn]) -> None:
        for column in columns:
            if column.required and not self.text(column.key):
                raise _RowError(
                    _issue(
                        "risk_import_missing",
                        N_("« {label} » est obligatoire et manque : ligne écartée."),
                        label=column.label,
                        **self.where(column.key),
                    )
                )


def _find_sheet(wb: Any, message: str) -> str | None:
    """The title of the workbook's sheet named ``message`` in some language, or None."""
    wanted = sheet_names(message)
    return next((name for name in wb.sheetnames if norm(str(name)) in wanted), None)


def _read_sheet(
    wb: Any, title: str, columns: Sequence[TemplateColumn], limit: int, file: str | None
) -> tuple[_Sheet | None, list[Issue]]:
    """A sheet read whole, or None and why (damaged part-way, too long, required columns missing)."""
    limits = FORM_LIMITS.but(max_rows=limit + 1)
    rows, found = sheet_rows(wb[title], limits, file=file, sheet=title)
    issues = [i for i in found if i.code != "table_too_many_rows"]
    if len(rows) - 1 > limit or any(i.code == "table_too_many_rows" for i in found):
        issues.append(
            _issue(
                "risk_import_too_many_rows",
                N_(
                    "La feuille « {sheet} » a plus de {limit} lignes : un registre en compte au "
                    "plus {limit}. Rien n'a été importé ; découpez le fichier."
                ),
                file=file,
                sheet=title,
                limit=limit,
            )
        )
        return None, issues
    if any(i.code == "xlsx_sheet_damaged" for i in found):
        issues.append(
            _issue(
                "risk_import_sheet_unread",
                N_(
                    "La feuille « {sheet} » n'a pas pu être lue jusqu'au bout : rien n'a été "
                    "importé, pour ne pas garder un registre à moitié lu."
                ),
                file=file,
                sheet=title,
            )
        )
        return None, issues
    sheet = _Sheet(title, columns, rows)
    missing = sheet.missing(columns)
    if missing:
        return None, issues + [
            _issue(
                "risk_import_columns",
                N_("Colonne obligatoire absente de la feuille « {sheet} » : « {label} »."),
                file=file,
                sheet=title,
                label=c.label,
            )
            for c in missing
        ]
    issues += [
        _issue(
            "risk_import_duplicate_column",
            N_(
                "La colonne « {label} » apparaît deux fois dans la feuille « {sheet} » : seule la "
                "première est lue."
            ),
            file=file,
            sheet=title,
            column=header,
            severity=Severity.WARNING,
            label=column.label,
        )
        for column, header in sheet.duplicates
    ]
    return sheet, issues


@reader
def read_register_xlsx(
    raw: bytes, matrix: RiskMatrix, *, file: str | None = None
) -> tuple[list[Risk] | None, list[Issue]]:
    """Risks read from a filled template, on ``matrix``; never raises on bad bytes.

    Returns None and the reasons when the workbook or one of its sheets cannot
    be used whole; otherwise the valid risks and the issues of the lines set aside.
    """
    wb, issues = open_workbook(raw, REGISTER_LIMITS, file=file)
    if wb is None:
        return None, issues
    try:
        return _read_workbook(wb, matrix, file)
    finally:
        wb.close()


def _read_workbook(
    wb: Any, matrix: RiskMatrix, file: str | None
) -> tuple[list[Risk] | None, list[Issue]]:
    title = _find_sheet(wb, REGISTER_SHEET)
    if title is None:
        return None, [
            Issue(
                code="risk_import_no_sheet",
                template=N_(
                    "Le classeur n'a pas de feuille « {label} » : partez du modèle téléchargeable."
                ),
                params={"label": REGISTER_SHEET},
                file=file,
            )
        ]
    register, issues = _read_sheet(wb, title, REGISTER, MAX_RISKS, file)
    if register is None:
        return None, issues
    actions: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    actions_title = _find_sheet(wb, ACTIONS_SHEET)
    if actions_title is not None:
        sheet, found = _read_sheet(wb, actions_title, ACTIONS, MAX_ACTIONS, file)
        issues += found
        if sheet is None:
            if any(
                i.code in ("risk_import_too_many_rows", "risk_import_sheet_unread") for i in found
            ):
                return None, issues
        else:
            actions = _read_actions(sheet, file, issues)
    risks = _read_risks(
        register, matrix, actions, file, issues, actions_sheet=actions_title or ACTIONS_SHEET
    )
    known = {r.id for r in risks}
    for risk_id, items in actions.items():
        if risk_id not in known:
            issues.append(
                _issue(
                    "risk_import_action_orphan",
                    N_(
                        "Des actions renvoient au risque « {risk} », absent ou écarté de la "
                        "feuille Registre : elles sont ignorées."
                    ),
                    file=file,
                    sheet=actions_title or ACTIONS_SHEET,
                    line=items[0][0],
                    severity=Severity.WARNING,
                    risk=_short(risk_id),
                )
            )
    return risks, issues


def _read_actions(
    sheet: _Sheet, file: str | None, issues: list[Issue]
) -> dict[str, list[tuple[int, dict[str, Any]]]]:
    """The actions of the sheet « Actions » by risk identifier, with their line."""
    out: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for number, values in sheet.lines:
        line = _Line(sheet, number, values, file)
        try:
            line.required(ACTIONS)
            status = line.choice(
                "status",
                ActionStatus,
                "risk_import_status",
                N_("Statut inconnu « {value} » : choisissez parmi {expected}."),
                STATUS_WORDS,
            )
            action: dict[str, Any] = {
                "title": line.text("title"),
                "owner": line.text("owner"),
                "created_on": line.date("created_on"),
                "due_on": line.date("due_on"),
            }
            if status is not None:
                action["status"] = status
        except _RowError as exc:
            issues.append(exc.issue)
            continue
        out.setdefault(line.text("risk_id"), []).append((number, action))
    return out


def _read_risks(
    sheet: _Sheet,
    matrix: RiskMatrix,
    actions: dict[str, list[tuple[int, dict[str, Any]]]],
    file: str | None,
    issues: list[Issue],
    *,
    actions_sheet: str = ACTIONS_SHEET,
) -> list[Risk]:
    risks: list[Risk] = []
    seen: set[str] = set()
    for number, values in sheet.lines:
        line = _Line(sheet, number, values, file)
        try:
            data = _risk_data(line, matrix, seen, actions)
        except _RowError as exc:
            issues.append(exc.issue)
            continue
        try:
            risk = Risk.model_validate(data)
        except ValidationError as exc:
            # A rule of one action is located on its line of the sheet « Actions ».
            own = actions.get(str(data["id"]), [])
            for err, issue in zip(
                exc.errors(include_url=False), rule_issues(exc, Risk), strict=True
            ):
                at, title = number, sheet.title
                loc = err["loc"]
                if len(loc) > 1 and loc[0] == "actions" and isinstance(loc[1], int):
                    index: int | None = loc[1]
                elif err["type"] == "risk_action_due_before_creation":  # a rule of the risk
                    named = (err.get("ctx") or {}).get("action")
                    index = next((k for k, (_n, a) in enumerate(own) if a["title"] == named), None)
                else:
                    index = None
                if index is not None and index < len(own):
                    at, title = own[index][0], actions_sheet
                issues.append(
                    issue.model_copy(
                        update={"file": f"{file} [{title}]" if file else title, "line": at}
                    )
                )
            continue
        seen.add(risk.id)
        risks.append(risk)
    return risks


def _risk_data(
    line: _Line,
    matrix: RiskMatrix,
    seen: set[str],
    actions: dict[str, list[tuple[int, dict[str, Any]]]],
) -> dict[str, Any]:
    """The fields of one risk from its line, or :class:`_RowError` for the first problem."""
    line.required(REGISTER)
    risk_id = line.text("id")
    if risk_id in seen:
        raise _RowError(
            _issue(
                "risk_duplicate_id",
                N_("L'identifiant « {risk} » apparaît déjà plus haut : ligne écartée."),
                risk=_short(risk_id),
                **line.where("id"),
            )
        )
    category = line.choice(
        "category",
        RiskCategory,
        "risk_import_category",
        N_("Catégorie inconnue « {value} » : choisissez parmi {expected}."),
        CATEGORY_WORDS,
    )
    treatment = line.choice(
        "treatment",
        Treatment,
        "risk_import_treatment",
        N_("Traitement inconnu « {value} » : choisissez parmi {expected}, ou laissez vide."),
        TREATMENT_WORDS,
    )
    il = line.level("inherent_likelihood", matrix)
    ii = line.level("inherent_impact", matrix)
    rl = line.level("residual_likelihood", matrix)
    ri = line.level("residual_impact", matrix)
    if (rl is None) != (ri is None):
        raise _RowError(
            _issue(
                "risk_import_residual_pair",
                N_(
                    "Remplissez la probabilité et la gravité résiduelles ensemble, ou laissez "
                    "les deux vides : ligne écartée."
                ),
                **line.where("residual_likelihood" if rl is None else "residual_impact"),
            )
        )
    controls = [c.strip() for c in re.split(r"[;\n]", line.text("controls")) if c.strip()]
    return {
        "id": risk_id,
        "title": line.text("title"),
        "category": category,
        "cause": line.text("cause"),
        "consequence": line.text("consequence"),
        "owner": line.text("owner"),
        "created_on": line.date("created_on"),
        "inherent": {"likelihood": il, "impact": ii, "matrix_version": matrix.version},
        "controls": controls,
        "residual": None
        if rl is None
        else {"likelihood": rl, "impact": ri, "matrix_version": matrix.version},
        "residual_reason": line.text("residual_reason"),
        "treatment": treatment,
        "treatment_note": line.text("treatment_note"),
        "review_on": line.date("review_on"),
        "funder": line.text("funder"),
        "skill": line.text("skill"),
        "actions": [action for _line, action in actions.get(risk_id, [])],
    }


def replaced_ids(section: RiskSection, risks: Sequence[Risk]) -> list[str]:
    """The identifiers of imported risks that would replace a risk of the section."""
    present = {r.id for r in section.risks}
    return [r.id for r in risks if r.id in present]


def merge_register(
    section: RiskSection, risks: Sequence[Risk]
) -> tuple[RiskSection | None, list[Issue]]:
    """The section with imported risks: same identifier replaced, new ones added.

    Continuity sheets keep their links. Returns None and the issues when the
    result would not validate (the section is then left unchanged).
    """
    incoming = {r.id: r for r in risks}
    kept = [incoming.pop(r.id, r) for r in section.risks]
    data = section.model_dump()
    data["risks"] = [r.model_dump() for r in [*kept, *incoming.values()]]
    return validate_section(data)
