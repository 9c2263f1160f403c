"""Import of a risk register from a spreadsheet, and its template.

Where it sits: a director who already keeps a register in Excel brings it in
here; :func:`register_template_xlsx` gives the template to fill, and
:func:`read_register_xlsx` reads it back into :class:`~essdiag.risks.section.Risk`
records on the matrix in force, reporting every problem as an
:class:`~essdiag.errors.Issue` (sheet, line, column, French message). A row
with an error is set aside; the others are kept. :func:`merge_register`
then puts them in the section (same identifier: replaced; new: added).

Template (sheet « Registre », one risk per line from line 2):

=============================  ===========================================================
Colonne                        Contenu
=============================  ===========================================================
Identifiant                    obligatoire, unique (``R01``)
Intitulé                       obligatoire
Catégorie                      Financier, Humain et bénévolat, Gouvernance et institutionnel,
                               Juridique et conformité, Opérationnel et continuité, Image et
                               réputation, Environnemental, Numérique et données
Cause, Conséquence             texte libre
Responsable                    nom ou fonction
Date d'identification          date (JJ/MM/AAAA ou cellule date)
Probabilité brute              obligatoire, entier de 1 à la taille de la matrice
Gravité brute                  obligatoire, entier de 1 à la taille de la matrice
Mesures existantes             séparées par « ; » ou par des retours à la ligne
Probabilité résiduelle         entier, ou vide si pas encore évalué
Gravité résiduelle             entier, ou vide (les deux ensemble)
Justification du résiduel      obligatoire en pratique si le résiduel dépasse le brut
Traitement                     Réduire, Accepter, Transférer, Éviter (ou vide)
Détail du traitement           texte libre
Prochaine revue                date
Financeur concerné             identifiant ou nom libre
Compétence concernée           identifiant ou nom libre
=============================  ===========================================================

Sheet « Actions » (optional), one action per line: Identifiant du risque,
Action, Responsable, Date de création, Échéance, Statut (À faire, En cours,
Faite, Abandonnée). Sheet « Aide » lists the allowed values.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

from pydantic import ValidationError

from essdiag.errors import Issue, Severity
from essdiag.i18n import N_, LabelledEnum
from essdiag.risks.section import (
    ActionStatus,
    Risk,
    RiskCategory,
    RiskMatrix,
    RiskSection,
    Treatment,
    rule_issues,
    validate_section,
)
from essdiag.xlsx import new_workbook, safe_text

__all__ = [
    "ACTION_COLUMNS",
    "MAX_REGISTER_BYTES",
    "REGISTER_COLUMNS",
    "merge_register",
    "read_register_xlsx",
    "register_template_xlsx",
]

MAX_REGISTER_BYTES = 10 * 1024 * 1024
REGISTER_SHEET = "Registre"
ACTIONS_SHEET = "Actions"
HELP_SHEET = "Aide"

REGISTER_COLUMNS: tuple[str, ...] = (
    "Identifiant",
    "Intitulé",
    "Catégorie",
    "Cause",
    "Conséquence",
    "Responsable",
    "Date d'identification",
    "Probabilité brute",
    "Gravité brute",
    "Mesures existantes",
    "Probabilité résiduelle",
    "Gravité résiduelle",
    "Justification du résiduel",
    "Traitement",
    "Détail du traitement",
    "Prochaine revue",
    "Financeur concerné",
    "Compétence concernée",
)
REQUIRED: tuple[str, ...] = (
    "Identifiant",
    "Intitulé",
    "Catégorie",
    "Probabilité brute",
    "Gravité brute",
)
ACTION_COLUMNS: tuple[str, ...] = (
    "Identifiant du risque",
    "Action",
    "Responsable",
    "Date de création",
    "Échéance",
    "Statut",
)


def _norm(text: str) -> str:
    """Lower case, no accents, single spaces: how labels are matched."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain).strip().lower()


def _by_word(choices: type[LabelledEnum]) -> dict[str, Any]:
    """A choice by its French label (matched loosely, see :func:`_norm`) or by its code."""
    return {_norm(c.label): c for c in choices} | {c.value: c for c in choices}


def _labels(choices: type[LabelledEnum]) -> list[str]:
    """The French labels of a choice, in order (the template's allowed values)."""
    return [c.label for c in choices]


_CATEGORIES = _by_word(RiskCategory)
_TREATMENTS = _by_word(Treatment)
_STATUSES = _by_word(ActionStatus)


@cache
def register_template_xlsx(example: bool = True) -> bytes:
    """The import template: « Registre », « Actions » and « Aide » sheets.

    With ``example`` the template carries one filled line per sheet, to be
    replaced by the user's own risks. It is the same for everyone: built once.
    """
    wb, buf = new_workbook()
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    reg = wb.add_worksheet(REGISTER_SHEET)
    reg.write_row(0, 0, REGISTER_COLUMNS, head)
    reg.set_column(0, len(REGISTER_COLUMNS) - 1, 20)
    reg.freeze_panes(1, 1)
    act = wb.add_worksheet(ACTIONS_SHEET)
    act.write_row(0, 0, ACTION_COLUMNS, head)
    act.set_column(0, len(ACTION_COLUMNS) - 1, 22)
    if example:
        reg.write_row(
            1,
            0,
            [
                "R01",
                "Retard de versement des subventions",
                "Financier",
                "Solde versé après contrôle du compte rendu",
                "Tension de trésorerie",
                "Trésorier",
                "15/01/2026",
                4,
                3,
                "Plan de trésorerie mensuel ; demandes d'avance",
                3,
                3,
                "",
                "Réduire",
                "Négocier une ligne de court terme",
                "30/06/2026",
                "Région",
                "",
            ],
        )
        act.write_row(
            1,
            0,
            ["R01", "Négocier un prêt relais", "Trésorier", "15/01/2026", "31/03/2026", "À faire"],
        )
    helpsheet = wb.add_worksheet(HELP_SHEET)
    helpsheet.set_column(0, 0, 30)
    helpsheet.set_column(1, 1, 90)
    lines = [
        ("Catégorie", ", ".join(_labels(RiskCategory))),
        ("Traitement", ", ".join(_labels(Treatment))),
        ("Statut (feuille Actions)", ", ".join(_labels(ActionStatus))),
        ("Probabilité, gravité", "Entiers de 1 à la taille de la matrice en vigueur (3, 4 ou 5)."),
        ("Dates", "JJ/MM/AAAA, AAAA-MM-JJ ou cellule au format date."),
        ("Mesures existantes", "Séparées par « ; » ou par des retours à la ligne."),
        ("Obligatoire", ", ".join(REQUIRED)),
    ]
    helpsheet.write_row(0, 0, ["Colonne", "Valeurs admises"], head)
    for r, (a, b) in enumerate(lines, start=1):
        helpsheet.write_string(r, 0, safe_text(a))
        helpsheet.write_string(r, 1, safe_text(b))
    wb.close()
    return buf.getvalue()


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


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _RowError(Exception):
    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def _date(value: Any, where: dict[str, Any]) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar day, no time
        except ValueError:
            continue
    raise _RowError(
        _issue(
            "risk_import_date",
            N_("« {value} » n'est pas une date : écrivez JJ/MM/AAAA."),
            value=text,
            **where,
        )
    )


def _level(value: Any, matrix: RiskMatrix, where: dict[str, Any]) -> int | None:
    if value is None or value == "":
        return None
    text = _text(value)
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
                value=text,
                size=matrix.size,
                **where,
            )
        )
    return int(number)


def _choice(
    value: Any,
    *,
    table: dict[str, Any],
    labels: Sequence[str],
    code: str,
    template: str,
    where: dict[str, Any],
) -> Any:
    text = _text(value)
    if not text:
        return None
    found = table.get(_norm(text))
    if found is None:
        raise _RowError(
            _issue(
                code,
                template,
                value=text,
                allowed=", ".join(labels),
                **where,
            )
        )
    return found


def _sheet_rows(ws: Any) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    rows = ws.iter_rows(values_only=True)
    header_row = next(rows, None) or ()
    header = [_text(h) for h in header_row]
    body = []
    for number, row in enumerate(rows, start=2):
        values = list(row)
        if all(v is None or _text(v) == "" for v in values):
            continue
        body.append((number, values))
    return header, body


def read_register_xlsx(
    raw: bytes, matrix: RiskMatrix, *, file: str | None = None
) -> tuple[list[Risk] | None, list[Issue]]:
    """Risks read from a filled template, on ``matrix``; never raises on bad bytes.

    Returns None and the reasons when the workbook or its « Registre » sheet
    cannot be used; otherwise the valid risks and the issues of the rows set aside.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if len(raw) > MAX_REGISTER_BYTES:
        return None, [
            Issue(
                code="file_too_large",
                template=N_("Le fichier dépasse {limit} Mo."),
                params={"limit": MAX_REGISTER_BYTES // 2**20},
                file=file,
            )
        ]
    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        return None, [
            Issue(
                code="xlsx_unreadable",
                template=N_(
                    "Ce fichier n'est pas un classeur Excel lisible (.xlsx) : partez du modèle "
                    "téléchargeable."
                ),
                file=file,
            )
        ]
    try:
        if REGISTER_SHEET not in wb.sheetnames:
            return None, [
                Issue(
                    code="risk_import_no_sheet",
                    template=N_(
                        "Le classeur n'a pas de feuille « {sheet} » : partez du modèle "
                        "téléchargeable."
                    ),
                    params={"sheet": REGISTER_SHEET},
                    file=file,
                )
            ]
        header, body = _sheet_rows(wb[REGISTER_SHEET])
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            return None, [
                Issue(
                    code="risk_import_columns",
                    template=N_(
                        "Colonnes obligatoires absentes de la feuille « {sheet} » : {columns}."
                    ),
                    params={"sheet": REGISTER_SHEET, "columns": ", ".join(missing)},
                    file=file,
                )
            ]
        actions: dict[str, list[dict[str, Any]]] = {}
        issues: list[Issue] = []
        if ACTIONS_SHEET in wb.sheetnames:
            actions, action_issues = _read_actions(wb[ACTIONS_SHEET], file)
            issues.extend(action_issues)
        risks = _read_risks(header, body, matrix, actions, file=file, issues=issues)
    finally:
        wb.close()
    known = {r.id for r in risks}
    for risk_id in actions:
        if risk_id not in known:
            issues.append(
                _issue(
                    "risk_import_action_orphan",
                    N_(
                        "Des actions renvoient au risque « {risk} », absent ou écarté de la "
                        "feuille Registre : elles sont ignorées."
                    ),
                    file=file,
                    sheet=ACTIONS_SHEET,
                    risk=risk_id,
                    severity=Severity.WARNING,
                )
            )
    return risks, issues


def _read_actions(ws: Any, file: str | None) -> tuple[dict[str, list[dict[str, Any]]], list[Issue]]:
    header, body = _sheet_rows(ws)
    col = {name: header.index(name) for name in ACTION_COLUMNS if name in header}
    out: dict[str, list[dict[str, Any]]] = {}
    issues: list[Issue] = []
    if "Identifiant du risque" not in col or "Action" not in col:
        issues.append(
            _issue(
                "risk_import_columns",
                N_("Colonnes obligatoires absentes de la feuille « {sheet} » : {columns}."),
                file=file,
                sheet=ACTIONS_SHEET,
                columns="Identifiant du risque, Action",
            )
        )
        return out, issues
    for line, values in body:

        def cell(name: str, values: list[Any] = values) -> Any:
            i = col.get(name)
            return values[i] if i is not None and i < len(values) else None

        try:
            status = _choice(
                cell("Statut"),
                table=_STATUSES,
                labels=_labels(ActionStatus),
                code="risk_import_status",
                template=N_("Statut inconnu « {value} » : choisissez parmi {allowed}."),
                where={"file": file, "sheet": ACTIONS_SHEET, "line": line, "column": "Statut"},
            )
            action = {
                "title": _text(cell("Action")),
                "owner": _text(cell("Responsable")),
                "created_on": _date(
                    cell("Date de création"),
                    {
                        "file": file,
                        "sheet": ACTIONS_SHEET,
                        "line": line,
                        "column": "Date de création",
                    },
                ),
                "due_on": _date(
                    cell("Échéance"),
                    {"file": file, "sheet": ACTIONS_SHEET, "line": line, "column": "Échéance"},
                ),
                "_line": line,
            }
            if status is not None:
                action["status"] = status
        except _RowError as exc:
            issues.append(exc.issue)
            continue
        out.setdefault(_text(cell("Identifiant du risque")), []).append(action)
    return out, issues


def _read_risks(
    header: list[str],
    body: list[tuple[int, list[Any]]],
    matrix: RiskMatrix,
    actions: dict[str, list[dict[str, Any]]],
    *,
    file: str | None,
    issues: list[Issue],
) -> list[Risk]:
    col = {name: header.index(name) for name in REGISTER_COLUMNS if name in header}
    risks: list[Risk] = []
    seen: set[str] = set()
    for line, values in body:

        def cell(name: str, values: list[Any] = values) -> Any:
            i = col.get(name)
            return values[i] if i is not None and i < len(values) else None

        def where(column: str, line: int = line) -> dict[str, Any]:
            return {"file": file, "sheet": REGISTER_SHEET, "line": line, "column": column}

        try:
            for name in REQUIRED:
                if _text(cell(name)) == "":
                    raise _RowError(
                        _issue(
                            "risk_import_missing",
                            N_("« {column} » est obligatoire et manque."),
                            **where(name),
                        )
                    )
            risk_id = _text(cell("Identifiant"))
            if risk_id in seen:
                raise _RowError(
                    _issue(
                        "risk_duplicate_id",
                        N_("L'identifiant « {risk} » apparaît déjà plus haut : ligne écartée."),
                        risk=risk_id,
                        **where("Identifiant"),
                    )
                )
            category = _choice(
                cell("Catégorie"),
                table=_CATEGORIES,
                labels=_labels(RiskCategory),
                code="risk_import_category",
                template=N_("Catégorie inconnue « {value} » : choisissez parmi {allowed}."),
                where=where("Catégorie"),
            )
            treatment = _choice(
                cell("Traitement"),
                table=_TREATMENTS,
                labels=_labels(Treatment),
                code="risk_import_treatment",
                template=N_("Traitement inconnu « {value} » : choisissez parmi {allowed}."),
                where=where("Traitement"),
            )
            il = _level(cell("Probabilité brute"), matrix, where("Probabilité brute"))
            ii = _level(cell("Gravité brute"), matrix, where("Gravité brute"))
            rl = _level(cell("Probabilité résiduelle"), matrix, where("Probabilité résiduelle"))
            ri = _level(cell("Gravité résiduelle"), matrix, where("Gravité résiduelle"))
            if (rl is None) != (ri is None):
                raise _RowError(
                    _issue(
                        "risk_import_residual_pair",
                        N_(
                            "Remplissez la probabilité et la gravité résiduelles ensemble, "
                            "ou laissez les deux vides."
                        ),
                        **where("Probabilité résiduelle"),
                    )
                )
            controls = [
                c.strip()
                for c in re.split(r"[;\n]", _text(cell("Mesures existantes")))
                if c.strip()
            ]
            data = {
                "id": risk_id,
                "title": _text(cell("Intitulé")),
                "category": category,
                "cause": _text(cell("Cause")),
                "consequence": _text(cell("Conséquence")),
                "owner": _text(cell("Responsable")),
                "created_on": _date(cell("Date d'identification"), where("Date d'identification")),
                "inherent": {"likelihood": il, "impact": ii, "matrix_version": matrix.version},
                "controls": controls,
                "residual": None
                if rl is None
                else {"likelihood": rl, "impact": ri, "matrix_version": matrix.version},
                "residual_reason": _text(cell("Justification du résiduel")),
                "treatment": treatment,
                "treatment_note": _text(cell("Détail du traitement")),
                "review_on": _date(cell("Prochaine revue"), where("Prochaine revue")),
                "funder": _text(cell("Financeur concerné")),
                "skill": _text(cell("Compétence concernée")),
                "actions": [
                    {k: v for k, v in a.items() if k != "_line"} for a in actions.get(risk_id, [])
                ],
            }
        except _RowError as exc:
            issues.append(exc.issue)
            continue
        try:
            risk = Risk.model_validate(data)
        except ValidationError as exc:
            for issue in rule_issues(exc, Risk):
                issues.append(
                    issue.model_copy(
                        update={
                            "file": f"{file} [{REGISTER_SHEET}]" if file else REGISTER_SHEET,
                            "line": line,
                        }
                    )
                )
            continue
        seen.add(risk_id)
        risks.append(risk)
    return risks


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
