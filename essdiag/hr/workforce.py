"""The workforce register: its template, the column mapping, the reader and the canonical frame.

Where it sits: a CSV or XLSX register (one row per person employed over the
period) → :func:`suggest_mapping` (template field → file column, which the
user may correct) → :func:`read_workforce` → the **canonical frame** below →
:mod:`essdiag.hr.storage` (Parquet attachment) → every HR computation (pay,
equality index, OETH, social indicators) and the other domains that need the
workforce (ESUS pay caps in compliance, local jobs in impact).

Canonical frame (English column names, one row per person):

=====================  ========  ===============================================
column                 type      meaning (template header)
=====================  ========  ===============================================
``id``                 str       anonymous identifier (``id``)
``sex``                str       ``"F"`` or ``"H"`` (``sexe``)
``category``           str       ``ouv``, ``emp``, ``tam``, ``ic`` (``categorie``)
``level``              str       level or coefficient of the agreement, ``""`` if none (``niveau``)
``age``                int       age on the last day of the period (``age`` or ``date_naissance``)
``contract``           str       a :class:`~essdiag.hr.section.Contract` value (``contrat``)
``fte``                float     full-time equivalent over the period, 0 < fte ≤ 1 (``etp``):
                                 working-time rate × share of the period present
``base_pay``           float     base pay actually paid over the period, euros (``salaire_base_annuel``)
``variable_pay``       float     variable pay and bonuses paid over the period (``variable_annuel``)
``raised``             bool      individual raise in the period, promotions excluded (``augmentation``)
``promoted``           bool      promotion in the period (``promotion``)
``maternity_return``   bool      back from maternity or adoption leave in the period, raises
                                 having been given during the leave (``retour_conge_maternite``)
``raised_after_return`` bool     raised on return (``augmentee_au_retour``)
``entry_date``         date      hiring date, or None (``date_entree``)
``exit_date``          date      leaving date, or None (``date_sortie``, optional)
``disabled_worker``    bool      beneficiary of the disability obligation (RQTH…) (``rqth``)
``training_hours``     float     training hours over the period (``heures_formation``)
``absence_days``       float     calendar days of absence (sickness, accidents…) (``jours_absence``)
``job_id``             str       job id of the skills catalogue, ``""`` if none (``emploi``, optional)
``line``               int       line of the row in the imported file
=====================  ========  ===============================================

Pay is in euros as floats: it comes from a payroll export, not from the
accounts, and is only averaged and compared (ratios). Headcounts follow
Code du travail L1111-2 and L1111-3 (see :func:`headcount_figures`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from essdiag.errors import Issue, Severity
from essdiag.figures import Column, Figure, Input, View
from essdiag.guards import FORM_LIMITS, FileKind, open_workbook, reader, sniff
from essdiag.hr.section import Category, Contract
from essdiag.hr.tables import normalise, parse_bool, parse_date, parse_number, read_cells
from essdiag.i18n import N_

__all__ = [
    "COLUMNS",
    "FIELDS",
    "Field",
    "WorkforceRead",
    "egapro_population",
    "empty_workforce",
    "headcount_figures",
    "headcount_view",
    "presence_days",
    "read_workforce",
    "suggest_mapping",
    "template_csv",
    "template_view",
]


@dataclass(frozen=True)
class Field:
    """A column of the register's template.

    Attributes:
        header: the template's French header.
        key: the canonical frame's column.
        label: what it holds, in French (the template's help).
        required: the import refuses a file without it.
        synonyms: other headers recognised for it (normalised).
    """

    header: str
    key: str
    label: str
    required: bool = False
    synonyms: tuple[str, ...] = ()


FIELDS: tuple[Field, ...] = (
    Field(
        "id",
        "id",
        N_("Identifiant anonyme (matricule codé, jamais le nom)"),
        True,
        ("matricule", "identifiant", "code"),
    ),
    Field("sexe", "sex", N_("F ou H"), True, ("genre", "sex")),
    Field(
        "categorie",
        "category",
        N_("ouv, emp, tam ou ic (catégorie socioprofessionnelle)"),
        True,
        ("csp", "categorie_socioprofessionnelle", "categorie_de_poste"),
    ),
    Field(
        "niveau",
        "level",
        N_("Niveau ou coefficient de la convention collective (facultatif)"),
        False,
        ("coefficient", "niveau_conventionnel", "echelon"),
    ),
    Field(
        "age",
        "age",
        N_("Âge au dernier jour de la période (ou la date de naissance)"),
        False,
        ("age_au_31_12",),
    ),
    Field(
        "date_naissance",
        "birth_date",
        N_("Date de naissance JJ/MM/AAAA (si l'âge manque)"),
        False,
        ("date_de_naissance", "naissance", "ne_le"),
    ),
    Field(
        "contrat",
        "contract",
        N_("CDI, CDD, CDDI, PEC, apprentissage ou professionnalisation"),
        True,
        ("type_de_contrat", "nature_du_contrat"),
    ),
    Field(
        "etp",
        "fte",
        N_(
            "Équivalent temps plein sur la période, de 0 à 1 (0,8 : 80 % toute "
            "l'année ; 0,5 : temps plein la moitié de l'année)"
        ),
        True,
        ("equivalent_temps_plein", "quotite"),
    ),
    Field(
        "salaire_base_annuel",
        "base_pay",
        N_("Salaire de base brut versé sur la période (€)"),
        True,
        ("salaire_de_base", "salaire_annuel", "brut_annuel", "remuneration_de_base"),
    ),
    Field(
        "variable_annuel",
        "variable_pay",
        N_("Primes et rémunération variable brutes versées sur la période (€)"),
        False,
        ("variable", "primes", "remuneration_variable"),
    ),
    Field(
        "augmentation",
        "raised",
        N_("oui si augmentation individuelle sur la période (hors promotion)"),
        False,
        ("augmentation_individuelle", "augmente"),
    ),
    Field("promotion", "promoted", N_("oui si promotion sur la période"), False, ("promu",)),
    Field(
        "retour_conge_maternite",
        "maternity_return",
        N_(
            "oui si retour de congé maternité ou d'adoption sur la période, des augmentations "
            "ayant eu lieu pendant le congé"
        ),
        False,
        ("retour_maternite",),
    ),
    Field(
        "augmentee_au_retour",
        "raised_after_return",
        N_("oui si augmentée à son retour de congé"),
        False,
        ("augmentation_au_retour",),
    ),
    Field(
        "date_entree",
        "entry_date",
        N_("Date d'entrée JJ/MM/AAAA"),
        False,
        ("date_d_entree", "entree", "date_embauche"),
    ),
    Field(
        "date_sortie",
        "exit_date",
        N_("Date de sortie JJ/MM/AAAA (facultatif)"),
        False,
        ("date_de_sortie", "sortie"),
    ),
    Field(
        "rqth",
        "disabled_worker",
        N_("oui si bénéficiaire de l'obligation d'emploi (RQTH ou équivalent)"),
        False,
        ("boeth", "travailleur_handicape", "th"),
    ),
    Field(
        "heures_formation",
        "training_hours",
        N_("Heures de formation suivies sur la période"),
        False,
        ("formation_heures", "heures_de_formation"),
    ),
    Field(
        "jours_absence",
        "absence_days",
        N_("Jours calendaires d'absence (maladie, accident…), congés payés exclus"),
        False,
        ("absences", "jours_d_absence"),
    ),
    Field(
        "emploi",
        "job_id",
        N_("Identifiant de l'emploi du référentiel de compétences (facultatif)"),
        False,
        ("poste", "job"),
    ),
)
"""The template's columns, in order."""

COLUMNS: tuple[str, ...] = (
    "id",
    "sex",
    "category",
    "level",
    "age",
    "contract",
    "fte",
    "base_pay",
    "variable_pay",
    "raised",
    "promoted",
    "maternity_return",
    "raised_after_return",
    "entry_date",
    "exit_date",
    "disabled_worker",
    "training_hours",
    "absence_days",
    "job_id",
    "line",
)
"""Columns of the canonical frame, in order."""

_BOOL_KEYS = ("raised", "promoted", "maternity_return", "raised_after_return", "disabled_worker")

_SEX = {"f": "F", "femme": "F", "feminin": "F", "h": "H", "homme": "H", "masculin": "H"}
_CATEGORY = {
    "ouv": "ouv",
    "ouvrier": "ouv",
    "ouvriers": "ouv",
    "ouvriere": "ouv",
    "emp": "emp",
    "employe": "emp",
    "employes": "emp",
    "employee": "emp",
    "tam": "tam",
    "technicien": "tam",
    "techniciens": "tam",
    "agent_de_maitrise": "tam",
    "techniciens_et_agents_de_maitrise": "tam",
    "maitrise": "tam",
    "ic": "ic",
    "cadre": "ic",
    "cadres": "ic",
    "ingenieur": "ic",
    "ingenieurs_et_cadres": "ic",
}
_CONTRACT = {
    "cdi": "cdi",
    "cdd": "cdd",
    "cddi": "cddi",
    "cdd_insertion": "cddi",
    "cdd_d_insertion": "cddi",
    "pec": "pec",
    "cui": "pec",
    "cui_cae": "pec",
    "cae": "pec",
    "parcours_emploi_competences": "pec",
    "apprentissage": "apprentissage",
    "apprenti": "apprentissage",
    "contrat_d_apprentissage": "apprentissage",
    "professionnalisation": "professionnalisation",
    "contrat_pro": "professionnalisation",
    "contrat_de_professionnalisation": "professionnalisation",
}


def empty_workforce() -> pd.DataFrame:
    """A canonical frame with no row."""
    return _typed(pd.DataFrame({c: [] for c in COLUMNS}))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame[list(COLUMNS)].copy()
    for key in ("id", "sex", "category", "level", "contract", "job_id"):
        out[key] = out[key].astype(object).where(out[key].notna(), "").astype(str)
    out["age"] = out["age"].astype("int64")
    out["line"] = out["line"].astype("int64")
    for key in ("fte", "base_pay", "variable_pay", "training_hours", "absence_days"):
        out[key] = out[key].astype("float64")
    for key in _BOOL_KEYS:
        out[key] = out[key].astype(bool)
    for key in ("entry_date", "exit_date"):
        out[key] = out[key].astype(object).where(out[key].notna(), None)
    return out.reset_index(drop=True)


def suggest_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Template header → the file's column that holds it (None when none matches).

    A column matches by its normalised name or one of the field's synonyms.

    Example:
        >>> m = suggest_mapping(["Matricule", "Genre", "CSP", "ETP", "Salaire de base"])
        >>> m["id"], m["sexe"], m["categorie"], m["etp"], m["salaire_base_annuel"], m["age"]
        ('Matricule', 'Genre', 'CSP', 'ETP', 'Salaire de base', None)
    """
    by_key = {normalise(h): h for h in reversed(list(headers)) if h.strip()}
    found: dict[str, str | None] = {}
    taken: set[str] = set()
    for f in FIELDS:
        match = None
        for name in (normalise(f.header), *f.synonyms):
            header = by_key.get(name)
            if header is not None and header not in taken:
                match = header
                break
        found[f.header] = match
        if match is not None:
            taken.add(match)
    return found


def template_view() -> View:
    """The template's columns with what each holds (the help table and the downloadable template)."""
    frame = pd.DataFrame(
        {
            "header": [f.header for f in FIELDS],
            "label": [f.label for f in FIELDS],
            "required": [f.required for f in FIELDS],
        }
    )
    return View(
        (
            Column("header", N_("Colonne"), "text"),
            Column("label", N_("Contenu attendu"), "label"),
            Column("required", N_("Obligatoire"), "bool"),
        ),
        frame,
        title=N_("Modèle du registre du personnel"),
    )


def template_csv() -> bytes:
    """An empty register with the template's headers and two example rows (French CSV)."""
    rows = [
        [f.header for f in FIELDS],
        ["S001", "F", "emp", "", "34", "", "CDI", "1", "24500", "600", "oui", "non", "non",
         "non", "01/03/2019", "", "non", "14", "3", ""],
        ["S002", "H", "ouv", "", "52", "", "CDDI", "0,8", "17800", "0", "non", "non", "non",
         "non", "15/09/2025", "", "oui", "35", "12", ""],
    ]  # fmt: skip
    return ("\r\n".join(";".join(r) for r in rows) + "\r\n").encode("utf-8-sig")


@dataclass(frozen=True)
class WorkforceRead:
    """What the reader made of a register.

    Attributes:
        frame: the canonical frame of the rows kept (None when the file is unusable).
        issues: every problem found, each naming its row.
        rows_read: data rows in the file.
        mapping: the mapping used (template header → file column).
    """

    frame: pd.DataFrame | None
    issues: tuple[Issue, ...]
    rows_read: int
    mapping: Mapping[str, str | None]


def _issue(
    code: str, template: str, line: int, column: str | None, file: str | None, **params: Any
) -> Issue:
    return Issue(code=code, template=template, params=params, file=file, line=line, column=column)


class _Row:
    """Parsing of one row: values by canonical key, and the problems met."""

    def __init__(
        self,
        cells: Mapping[str, str],
        line: int,
        file: str | None,
        mapping: Mapping[str, str | None],
    ) -> None:
        self.cells = cells
        self.line = line
        self.file = file
        self.mapping = mapping
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []

    def text(self, header: str) -> str:
        return self.cells.get(header, "").strip()

    def column(self, header: str) -> str | None:
        return self.mapping.get(header)

    def fail(self, code: str, template: str, where: str, **params: Any) -> None:
        self.errors.append(
            _issue(code, template, self.line, self.column(where), self.file, **params)
        )

    def warn(self, code: str, template: str, where: str, **params: Any) -> None:
        issue = _issue(code, template, self.line, self.column(where), self.file, **params)
        self.warnings.append(issue.model_copy(update={"severity": Severity.WARNING}))

    def number(self, header: str, *, default: float | None = 0.0) -> float | None:
        raw = self.text(header)
        if not raw:
            return default
        value = parse_number(raw)
        if value is None:
            self.fail(
                "hr_number",
                N_("« {value} » n'est pas un nombre (colonne {header})."),
                header,
                value=raw,
                header=header,
            )
        return value

    def flag(self, header: str) -> bool:
        raw = self.text(header)
        value = parse_bool(raw)
        if value is None:
            self.fail(
                "hr_bool",
                N_("« {value} » n'est pas « oui » ou « non » (colonne {header})."),
                header,
                value=raw,
                header=header,
            )
            return False
        return value

    def day(self, header: str) -> date | None:
        raw = self.text(header)
        if not raw:
            return None
        value = parse_date(raw)
        if value is None:
            self.fail(
                "hr_date",
                N_("« {value} » n'est pas une date JJ/MM/AAAA (colonne {header})."),
                header,
                value=raw,
                header=header,
            )
        return value


def _age(row: _Row, period_end: date) -> int | None:
    raw = row.text("age")
    if raw:
        value = parse_number(raw)
        if value is None or not value.is_integer() or not 14 <= value <= 99:
            row.fail(
                "hr_age",
                N_("L'âge « {value} » n'est pas un âge entre 14 et 99 ans."),
                "age",
                value=raw,
            )
            return None
        return int(value)
    born = row.day("date_naissance")
    if born is None:
        if not row.errors:
            row.fail(
                "hr_age_missing",
                N_("L'âge et la date de naissance manquent : l'un des deux est nécessaire."),
                "age",
            )
        return None
    age = (
        period_end.year - born.year - ((period_end.month, period_end.day) < (born.month, born.day))
    )
    if not 14 <= age <= 99:
        row.fail(
            "hr_age",
            N_("L'âge « {value} » n'est pas un âge entre 14 et 99 ans."),
            "date_naissance",
            value=str(age),
        )
        return None
    return age


def _choice(
    row: _Row, header: str, table: Mapping[str, str], code: str, template: str
) -> str | None:
    raw = row.text(header)
    value = table.get(normalise(raw))
    if value is None:
        row.fail(code, template, header, value=raw)
    return value


def _parse_row(row: _Row, period_end: date) -> dict[str, Any]:  # noqa: PLR0912 - one check per column
    values: dict[str, Any] = {"line": row.line}
    person = row.text("id")
    if not person:
        row.fail("hr_id_missing", N_("L'identifiant de la personne manque."), "id")
    values["id"] = person
    if row.text("sexe").upper() == "M":
        row.fail(
            "hr_sex_ambiguous",
            N_("« M » est ambigu (masculin ou madame ?) : écrivez F ou H."),
            "sexe",
        )
        values["sex"] = None
    elif not row.text("sexe"):
        row.fail("hr_sex_missing", N_("Le sexe manque (F ou H)."), "sexe")
        values["sex"] = None
    else:
        values["sex"] = _choice(
            row, "sexe", _SEX, "hr_sex", N_("Sexe « {value} » inconnu : écrivez F ou H.")
        )
    values["category"] = _choice(
        row,
        "categorie",
        _CATEGORY,
        "hr_category",
        N_("Catégorie « {value} » inconnue : écrivez ouv, emp, tam ou ic."),
    )
    values["level"] = row.text("niveau")
    values["age"] = _age(row, period_end)
    values["contract"] = _choice(
        row,
        "contrat",
        _CONTRACT,
        "hr_contract",
        N_(
            "Contrat « {value} » inconnu : écrivez CDI, CDD, CDDI, PEC, apprentissage ou "
            "professionnalisation."
        ),
    )
    raw_fte = row.text("etp")
    fte = parse_number(raw_fte)
    if fte is not None and "%" in raw_fte:
        fte /= 100
    if fte is None or not 0 < fte <= 1:
        row.fail(
            "hr_fte",
            N_("L'ETP « {value} » doit être un nombre supérieur à 0 et au plus égal à 1."),
            "etp",
            value=raw_fte,
        )
    values["fte"] = fte
    for header, key in (("salaire_base_annuel", "base_pay"), ("variable_annuel", "variable_pay")):
        amount = row.number(header, default=None if header == "salaire_base_annuel" else 0.0)
        if amount is None and header == "salaire_base_annuel" and not row.text(header):
            row.fail("hr_pay_missing", N_("Le salaire de base manque."), header)
        if amount is not None and amount < 0:
            row.fail(
                "hr_pay_negative",
                N_("La rémunération « {value} » est négative (colonne {header})."),
                header,
                value=row.text(header),
                header=header,
            )
        values[key] = amount
    for f in FIELDS:
        if f.key in _BOOL_KEYS:
            values[f.key] = row.flag(f.header)
    values["entry_date"] = row.day("date_entree")
    values["exit_date"] = row.day("date_sortie")
    values["training_hours"] = row.number("heures_formation")
    values["absence_days"] = row.number("jours_absence")
    for key, header in (("training_hours", "heures_formation"), ("absence_days", "jours_absence")):
        if values[key] is not None and values[key] < 0:
            row.fail(
                "hr_negative",
                N_("« {value} » ne peut pas être négatif (colonne {header})."),
                header,
                value=row.text(header),
                header=header,
            )
    values["job_id"] = row.text("emploi")
    if values["maternity_return"] and values["sex"] == "H":
        row.warn(
            "hr_maternity_man",
            N_("Un retour de congé maternité est indiqué pour un homme : il n'est pas compté."),
            "retour_conge_maternite",
        )
        values["maternity_return"] = False
    if values["raised_after_return"] and not values["maternity_return"]:
        row.warn(
            "hr_raised_without_return",
            N_("« augmentee_au_retour » est indiqué sans retour de congé maternité : ignoré."),
            "augmentee_au_retour",
        )
        values["raised_after_return"] = False
    entry, leave = values["entry_date"], values["exit_date"]
    if entry and leave and leave < entry:
        row.fail(
            "hr_dates_order",
            N_("La date de sortie ({exit}) précède la date d'entrée ({entry})."),
            "date_sortie",
            exit=leave,
            entry=entry,
        )
    return values


WORKFORCE_LIMITS = FORM_LIMITS.but(max_rows=50_000)
"""A register of 50 000 people covers the largest ESS employers; the rows beyond are
not read (the reader says so), which bounds the import to a few seconds."""


def _no_sheet_issue(raw: bytes, file: str | None) -> Issue | None:
    """The issue of a workbook without any sheet, which ``read_cells`` does not expect.

    A local guard: the root fix belongs in ``essdiag.hr.tables.read_cells``
    (``wb.worksheets[0]`` on a workbook whose list of sheets is empty).
    """
    if sniff(raw) is not FileKind.ZIP:
        return None
    wb, _issues = open_workbook(raw, WORKFORCE_LIMITS, file=file)
    if wb is None:
        return None  # read_cells says what is wrong with it
    try:
        empty = not wb.worksheets
    finally:
        wb.close()
    if not empty:
        return None
    return Issue(
        code="workforce_no_sheet",
        template=N_(
            "Le classeur ne contient aucune feuille de calcul : enregistrez de nouveau le "
            "registre depuis votre tableur (fichier .xlsx avec une feuille)."
        ),
        file=file,
    )


@reader
def read_workforce(
    raw: bytes,
    *,
    file: str | None = None,
    period_start: date,
    period_end: date,
    mapping: Mapping[str, str | None] | None = None,
) -> tuple[WorkforceRead | None, list[Issue]]:
    """Read a register (CSV or XLSX) into the canonical frame; never raises on bad bytes.

    ``mapping`` says which file column holds each template field (template
    header → column); without it, :func:`suggest_mapping` decides. A row with
    a problem (unknown contract or category, FTE above 1, negative pay, missing
    sex…) is set aside with a message naming its line; the other rows are kept.
    A file without a required column, or whose every row is set aside, gives
    ``frame=None``.

    Example:
        >>> raw = "id;sexe;categorie;age;contrat;etp;salaire_base_annuel\\nA;F;emp;30;CDI;1;24000\\n"
        >>> read, issues = read_workforce(raw.encode(), file="r.csv",
        ...     period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
        >>> read.frame[["id", "sex", "fte", "base_pay"]].values.tolist(), issues
        ([['A', 'F', 1.0, 24000.0]], [])
    """
    no_sheet = _no_sheet_issue(raw, file)
    if no_sheet is not None:
        return WorkforceRead(None, (no_sheet,), 0, dict(mapping or {})), [no_sheet]
    table, issues = read_cells(raw, file=file, limits=WORKFORCE_LIMITS)
    if table is None:
        return WorkforceRead(None, tuple(issues), 0, dict(mapping or {})), issues
    headers, rows = table
    used = dict(mapping) if mapping is not None else suggest_mapping(headers)
    missing = [
        f.header
        for f in FIELDS
        if f.required and (used.get(f.header) is None or used.get(f.header) not in headers)
    ]
    if used.get("age") not in headers and used.get("date_naissance") not in headers:
        missing.append("age")
    if missing:
        issues.append(
            Issue(
                code="hr_columns_missing",
                template=N_(
                    "Colonnes obligatoires introuvables : {columns}. Associez-les aux colonnes "
                    "du fichier ou partez du modèle."
                ),
                params={"columns": ", ".join(missing)},
                file=file,
                line=1,
            )
        )
        return WorkforceRead(None, tuple(issues), len(rows), used), issues
    index = {h: i for i, h in reversed(list(enumerate(headers)))}
    kept: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        by_field = {
            f.header: cells[index[col]]
            for f in FIELDS
            if (col := used.get(f.header)) is not None and col in index
        }
        row = _Row(by_field, line, file, used)
        values = _parse_row(row, period_end)
        person = values["id"]
        if person and person in seen:
            row.fail(
                "hr_id_duplicate",
                N_("L'identifiant « {id} » figure déjà à la ligne {first_line}."),
                "id",
                id=person,
                first_line=seen[person],
            )
        issues.extend(row.errors + row.warnings)
        if row.errors:
            continue
        seen[person] = line
        kept.append(values)
    if rows and not kept:
        issues.append(
            Issue(
                code="hr_no_row_kept",
                template=N_("Aucune ligne n'a pu être retenue : rien n'a été importé."),
                file=file,
            )
        )
        return WorkforceRead(None, tuple(issues), len(rows), used), issues
    frame = _typed(pd.DataFrame(kept, columns=list(COLUMNS))) if kept else empty_workforce()
    return WorkforceRead(frame, tuple(issues), len(rows), used), issues


# -- headcounts --------------------------------------------------------------------------


def presence_days(frame: pd.DataFrame, start: date, end: date) -> pd.Series:
    """Calendar days each person was employed within [start, end] (entry and exit dates)."""
    days = []
    for entry, leave in zip(frame["entry_date"], frame["exit_date"], strict=True):
        first = max(entry, start) if entry else start
        last = min(leave, end) if leave else end
        days.append(max((last - first).days + 1, 0))
    return pd.Series(days, index=frame.index, dtype="int64")


def egapro_population(frame: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """The people the equality index counts.

    Apprentices and professionalisation contracts are left out, and so are
    people absent more than half of the period: employed fewer days than
    half of it, or absent (``absence_days``) more than half of it (décret
    n° 2019-15, annexes I and II, 2).
    """
    if frame.empty:
        return frame
    half = ((end - start).days + 1) / 2
    contracts = frame["contract"].map(lambda c: Contract(c).excluded_from_equality_index)
    present = presence_days(frame, start, end)
    keep = ~contracts & (present >= half) & (frame["absence_days"] <= half)
    return frame[keep.to_numpy()].reset_index(drop=True)


def _present_at(frame: pd.DataFrame, day: date) -> pd.Series:
    entered = frame["entry_date"].map(lambda d: d is None or d <= day)
    still = frame["exit_date"].map(lambda d: d is None or d >= day)
    return entered & still


def headcount_figures(frame: pd.DataFrame, start: date, end: date) -> dict[str, Figure]:
    """Headcount at the end of the period, FTE, headcount by the rules of the field, women's share.

    * ``headcount``: people under contract on the last day of the period;
    * ``fte``: Σ FTE of everyone employed over the period (average FTE);
    * ``legal``: Σ FTE of contracts counted by Code du travail L1111-2 (part-time and
      fixed-term prorated by time and presence) and L1111-3 (apprentices, PEC and
      professionalisation contracts left out) — the annual average headcount of
      the thresholds (OETH, equality index);
    * ``women_share``: share of women in the headcount.
    """
    present = frame[_present_at(frame, end).to_numpy()] if not frame.empty else frame
    counted = frame[~frame["contract"].map(lambda c: Contract(c).excluded_from_headcount)]
    legal = float(counted["fte"].sum()) if not frame.empty else 0.0
    fte = float(frame["fte"].sum()) if not frame.empty else 0.0
    women = int((present["sex"] == "F").sum()) if not present.empty else 0
    n = len(present)
    return {
        "headcount": Figure.of(
            N_("Effectif au dernier jour de la période"),
            n,
            "count",
            N_("personnes sous contrat au dernier jour"),
            [Input.of(N_("personnes employées sur la période"), len(frame), "count")],
        ),
        "fte": Figure.of(
            N_("Équivalents temps plein"),
            round(fte, 2),
            "count",
            "Σ ETP",
            [Input.of(N_("personnes employées sur la période"), len(frame), "count")],
            digits=2,
        ),
        "legal": Figure.of(
            N_("Effectif moyen annuel (règles du Code du travail)"),
            round(legal, 2),
            "count",
            N_("Σ ETP des contrats décomptés (hors apprentis, PEC, professionnalisation)"),
            [
                Input.of(N_("contrats décomptés"), len(counted), "count"),
                Input.of(N_("contrats exclus"), len(frame) - len(counted), "count"),
            ],
            references=[N_("Code du travail L1111-2 et L1111-3 ; CSS L130-1")],
            digits=2,
        ),
        "women_share": Figure.of(
            N_("Part des femmes"),
            women / n if n else None,
            "%",
            N_("femmes / effectif"),
            [Input.of(N_("femmes"), women, "count"), Input.of(N_("effectif"), n, "count")],
            reason=None if n else N_("personne dans l'effectif"),
        ),
    }


def headcount_view(frame: pd.DataFrame) -> View:
    """Headcount and FTE by category and sex (every category, even empty)."""
    rows = []
    for cat in Category:
        part = frame[frame["category"] == cat.value]
        rows.append(
            {
                "category": cat.label,
                "women": int((part["sex"] == "F").sum()),
                "men": int((part["sex"] == "H").sum()),
                "fte": float(part["fte"].sum()),
            }
        )
    table = pd.DataFrame(rows)
    table["total"] = table["women"] + table["men"]
    return View(
        (
            Column("category", N_("Catégorie"), "label"),
            Column("women", N_("Femmes"), "count"),
            Column("men", N_("Hommes"), "count"),
            Column("total", N_("Total"), "count"),
            Column("fte", N_("ETP"), "count", digits=2),
        ),
        table,
        title=N_("Effectif par catégorie et par sexe"),
    )


def contract_view(frame: pd.DataFrame) -> View:
    """People and FTE by kind of contract, with whether the headcount counts them."""
    rows = []
    for c in Contract:
        part = frame[frame["contract"] == c.value]
        if part.empty:
            continue
        rows.append(
            {
                "contract": c.label,
                "people": len(part),
                "fte": float(part["fte"].sum()),
                "counted": not c.excluded_from_headcount,
            }
        )
    return View(
        (
            Column("contract", N_("Contrat"), "label"),
            Column("people", N_("Personnes"), "count"),
            Column("fte", N_("ETP"), "count", digits=2),
            Column("counted", N_("Décompté dans l'effectif"), "bool"),
        ),
        pd.DataFrame(rows, columns=["contract", "people", "fte", "counted"]),
        title=N_("Effectif par type de contrat"),
    )


def fte_pay(frame: pd.DataFrame) -> pd.Series:
    """Each person's pay converted to full time over the period: (base + variable) ÷ FTE."""
    return (frame["base_pay"] + frame["variable_pay"]) / frame["fte"]


def is_finite(value: float | None) -> bool:
    """True for a usable number."""
    return value is not None and math.isfinite(value)
