"""Survey answers: read a form tool's export, map its columns, keep the answers as an attachment.

Where it sits: bytes of a CSV or XLSX export (Google Forms, Microsoft Forms,
LimeSurvey, Framaforms…) → :func:`read_survey_file` (every cell as text,
bounded, with the problems met) → :func:`suggest_questions` (a first guess
of what each column is) → the user checks the mapping → :func:`answers_frame`
(the canonical answers, every bad answer reported and left out) →
:func:`store_answers` (Parquet attachment + original file, ids in the
:class:`~essdiag.impact.section.Survey`) → :func:`load_answers` →
:mod:`essdiag.impact.survey_views` (distributions, means, NPS).

The canonical answers frame has one row per respondent:

==============  ========  ====================================================
column          dtype     meaning
==============  ========  ====================================================
``respondent``  int64     line of the answer in the imported file (1 = header)
``public``      str       :class:`~essdiag.impact.section.Public` value, or ``""``
``period``      str       period key (``2026``, ``2026-S1``, ``2026-T2``, ``2026-03``)
``<key>``       float64   a Likert or NPS question: the score (NaN when unanswered)
``<key>``       str       a free-text or choice question (``""`` when unanswered)
==============  ========  ====================================================

Columns read as « ignorée » (names, e-mail addresses) are never stored.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, Final

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel, ConfigDict

from essdiag.errors import EssdiagError, Issue, Severity
from essdiag.guards import (
    FORM_LIMITS,
    FileKind,
    Limits,
    kind_issue,
    open_workbook,
    reader,
    sheet_rows,
    size_issue,
    sniff,
)
from essdiag.i18n import N_
from essdiag.impact.section import (
    ImpactSection,
    PeriodUnit,
    Public,
    QuestionKind,
    Survey,
    SurveyQuestion,
)
from essdiag.ledger.storage import AttachmentStore

__all__ = [
    "SURVEY_LIMITS",
    "SURVEY_ORIGINAL_KIND",
    "SURVEY_PARQUET_KIND",
    "SurveyTable",
    "answers_frame",
    "answers_from_parquet",
    "answers_to_parquet",
    "attach_case_surveys",
    "guess_public",
    "import_survey",
    "load_answers",
    "parse_likert",
    "read_survey_file",
    "store_answers",
    "suggest_questions",
]

SURVEY_LIMITS: Final = FORM_LIMITS.but(max_rows=50_000)
"""A survey export: 20 MiB, 50 000 answers, 200 columns at most."""

SURVEY_PARQUET_KIND: Final = "survey-parquet"
SURVEY_ORIGINAL_KIND: Final = "survey-original"

MAX_ISSUES_PER_CODE: Final = 30
"""Problems listed one by one per kind; the rest are counted in one summary line."""


class SurveyTable(BaseModel):
    """The cells of a survey file, as text.

    Attributes:
        headers: column headers (unique; empty ones named « Colonne n »).
        rows: data rows, each as long as ``headers``.
        lines: the line (CSV) or row (XLSX) of each data row in the file (1-based).
        file: the file's name.
    """

    model_config = ConfigDict(frozen=True)

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    file: str | None = None

    def column(self, name: str) -> list[str]:
        """The cells of a column, by header."""
        i = self.headers.index(name)
        return [r[i] for r in self.rows]


# --------------------------------------------------------------------------- reading


def _norm(text: str) -> str:
    """Lower case, no accents, single spaces, typographic apostrophes as plain ones."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _headers(raw: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for n, h in enumerate(raw, start=1):
        name = " ".join(str(h).split()) or f"Colonne {n}"
        base, k = name, 2
        while name in out:
            name = f"{base} ({k})"
            k += 1
        out.append(name[:300])
    return tuple(out)


def _decode(raw: bytes, kind: FileKind) -> str:
    if kind is FileKind.UTF16:
        # A file cut short leaves half a character at its end: it becomes « \ufffd »,
        # and the survey_utf16_damaged issue says so (the rest of the file is read).
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _csv_rows(
    raw: bytes, kind: FileKind, limits: Limits, file: str | None
) -> tuple[list[tuple[int, list[str]]], list[Issue]]:
    text = _decode(raw, kind)
    issues: list[Issue] = []
    if kind is FileKind.UTF16 and "\ufffd" in text:
        damaged_at = text.count("\n", 0, text.index("\ufffd")) + 1
        issues.append(
            Issue(
                code="survey_utf16_damaged",
                template=N_(
                    "Le fichier (texte Unicode UTF-16) est abîmé à la ligne {line} : des "
                    "caractères illisibles y sont remplacés par « \ufffd ». Enregistrez de "
                    "nouveau l'export depuis votre outil d'enquête."
                ),
                params={"line": damaged_at},
                file=file,
                line=damaged_at,
                severity=Severity.WARNING,
            )
        )
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    sep = max(counts, key=lambda s: counts[s])
    if counts[sep] == 0:
        sep = ";"
    rows: list[tuple[int, list[str]]] = []
    reader_ = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    start = 1
    try:
        for record in reader_:
            if len(rows) > limits.max_rows:
                issues.append(
                    Issue(
                        code="table_too_many_rows",
                        template=N_(
                            "Le fichier a plus de {limit} lignes : seules les {limit} premières sont lues."
                        ),
                        params={"limit": limits.max_rows},
                        file=file,
                        severity=Severity.WARNING,
                    )
                )
                rows.pop()
                break
            rows.append((start, [c.strip() for c in record[: limits.max_columns]]))
            start = reader_.line_num + 1
    except csv.Error as exc:
        issues.append(
            Issue(
                code="survey_csv_damaged",
                template=N_(
                    "Le fichier est illisible à partir de la ligne {line} ({reason}) : les lignes "
                    "suivantes ne sont pas lues."
                ),
                params={"line": start, "reason": _csv_reason(exc)},
                file=file,
                line=start,
            )
        )
    return rows, issues


def _csv_reason(exc: csv.Error) -> str:
    """What the csv module stumbled on, in French words of the library (its own text is English)."""
    text = str(exc)
    if "NUL" in text:
        return N_("un caractère nul (octet 0) s'y trouve")
    if "field larger than field limit" in text:
        return N_("une cellule dépasse la taille permise")
    if "new-line character" in text:
        return N_("un retour à la ligne coupe une cellule sans guillemets")
    return N_("le découpage en colonnes échoue")


def _xlsx_rows(
    raw: bytes, limits: Limits, file: str | None
) -> tuple[list[tuple[int, list[str]]], list[Issue]]:
    wb, issues = open_workbook(raw, limits, file=file)
    if wb is None:
        return [], issues
    try:
        names = list(wb.sheetnames)
        chosen = next(
            (n for n in names if _norm(n) in ("reponses", "responses", "answers")), names[0]
        )
        cells, found = sheet_rows(wb[chosen], limits, file=file, sheet=chosen)
    finally:
        wb.close()
    return [
        (n, [_cell_text(v) for v in row]) for n, row in enumerate(cells, start=1)
    ], issues + found


@reader
def read_survey_file(
    raw: bytes, *, file: str | None = None, limits: Limits = SURVEY_LIMITS
) -> tuple[SurveyTable | None, list[Issue]]:
    """The cells of a survey export (CSV in UTF-8 or Windows-1252, ``;`` ``,`` or tab, or XLSX).

    The first non-empty row is the header; empty rows are skipped; a row
    longer than the header loses its extra cells (with a warning). Never
    raises on bad bytes: returns None and the issues when nothing is usable.
    """
    issue = size_issue(len(raw), limits, file=file)
    if issue is not None:
        return None, [issue]
    kind = sniff(raw)
    if kind is FileKind.ZIP:
        rows, issues = _xlsx_rows(raw, limits, file)
    elif kind in (FileKind.TEXT, FileKind.UTF16):
        rows, issues = _csv_rows(raw, kind, limits, file)
    else:
        return None, [
            kind_issue(kind, N_("un export CSV ou un classeur Excel .xlsx de réponses"), file=file)
        ]
    rows = [(n, r) for n, r in rows if any(c.strip() for c in r)]
    if not rows:
        return None, [
            *issues,
            Issue(
                code="survey_empty", template=N_("Le fichier ne contient aucune ligne."), file=file
            ),
        ]
    header_line, header = rows[0]
    headers = _headers(header)
    width = len(headers)
    data: list[tuple[str, ...]] = []
    lines: list[int] = []
    for n, r in rows[1:]:
        if len(r) > width and any(c for c in r[width:]):
            issues.append(
                Issue(
                    code="survey_extra_cells",
                    template=N_(
                        "Ligne {line} : {count} cellule(s) au-delà des colonnes de l'en-tête, ignorée(s)."
                    ),
                    params={"line": n, "count": sum(1 for c in r[width:] if c)},
                    file=file,
                    line=n,
                    severity=Severity.WARNING,
                )
            )
        data.append(tuple((r + [""] * width)[:width]))
        lines.append(n)
    if not data:
        return None, [
            *issues,
            Issue(
                code="survey_no_answer",
                template=N_(
                    "Le fichier n'a qu'une ligne d'en-tête (ligne {line}) : aucune réponse à importer."
                ),
                params={"line": header_line},
                file=file,
                line=header_line,
            ),
        ]
    return SurveyTable(headers=headers, rows=tuple(data), lines=tuple(lines), file=file), _capped(
        issues
    )


# --------------------------------------------------------------------------- guessing the mapping

_LIKERT_WORDS: Final[tuple[tuple[str, float], ...]] = (
    # longest phrases first: « ni satisfait ni insatisfait » before « satisfait »
    ("ni satisfait ni insatisfait", 3),
    ("ni d'accord ni pas d'accord", 3),
    ("pas du tout satisfait", 1),
    ("pas du tout d'accord", 1),
    ("plutot pas satisfait", 2),
    ("plutot insatisfait", 2),
    ("plutot pas d'accord", 2),
    ("moyennement satisfait", 3),
    ("tout a fait satisfait", 5),
    ("tout a fait d'accord", 5),
    ("plutot satisfait", 4),
    ("plutot d'accord", 4),
    ("tres insatisfait", 1),
    ("tres satisfait", 5),
    ("peu satisfait", 2),
    ("pas satisfait", 2),
    ("pas d'accord", 2),
    ("insatisfait", 2),
    ("satisfait", 4),
    ("d'accord", 4),
    ("neutre", 3),
    ("tres mauvais", 1),
    ("mauvais", 2),
    ("moyen", 3),
    ("bon", 4),
    ("tres bon", 5),
    ("excellent", 5),
)
"""Usual French labels of a 5-level scale and their score."""

_LIKERT_ORDER: Final = tuple(sorted(_LIKERT_WORDS, key=lambda w: -len(w[0])))
"""The labels, longest first: « très bon » is tried before « bon »."""

_NO_OPINION: Final = frozenset(
    {
        "ne sait pas",
        "nsp",
        "sans opinion",
        "non concerne",
        "non concernee",
        "je ne sais pas",
        "n/a",
        "na",
        "-",
    }
)
"""Answers that mean « no answer » rather than a score."""

_LEADING_NUMBER = re.compile(r"^\s*(\d{1,2})(?:[.,]0+)?(?:\s*(?:[-–—:/)]|\b).*)?$")

_PUBLIC_WORDS: Final[tuple[tuple[str, Public], ...]] = (
    ("adherent", Public.MEMBERS),
    ("societaire", Public.MEMBERS),
    ("membre", Public.MEMBERS),
    ("benevole", Public.MEMBERS),
    ("beneficiaire", Public.BENEFICIARIES),
    ("usager", Public.BENEFICIARIES),
    ("parcours", Public.BENEFICIARIES),
    ("insertion", Public.BENEFICIARIES),
    ("accompagne", Public.BENEFICIARIES),
    ("client", Public.CLIENTS),
    ("acheteur", Public.CLIENTS),
    ("consommateur", Public.CLIENTS),
    ("partenaire", Public.PARTNERS),
    ("financeur", Public.PARTNERS),
    ("collectivite", Public.PARTNERS),
    ("entreprise", Public.PARTNERS),
    ("fournisseur", Public.PARTNERS),
)


def guess_public(answer: str) -> Public | None:
    """The public an answer of the « vous êtes » column names, or None.

    Example:
        >>> guess_public("Client(e) de la boutique"), guess_public("Salarié en parcours d'insertion")
        (<Public.CLIENTS: 'clients'>, <Public.BENEFICIARIES: 'beneficiaries'>)
    """
    text = _norm(answer)
    for word, public in _PUBLIC_WORDS:
        if word in text:
            return public
    return None


def parse_likert(answer: str, scale_min: int = 1, scale_max: int = 5) -> tuple[float | None, bool]:
    """The score of a Likert answer, and whether the answer was understood.

    A number (``4``, ``4 - Plutôt satisfait``) is read as it is; on a 1–5
    scale the usual French labels are understood too. « Ne sait pas » and an
    empty cell are no answer (None, True). An answer that is neither gives
    (None, False); a number outside the scale gives (that number, False).

    Example:
        >>> parse_likert("Plutôt satisfait"), parse_likert("5 - Très satisfait"), parse_likert("7")
        ((4.0, True), (5.0, True), (7.0, False))
        >>> parse_likert("Ne sait pas"), parse_likert("bof")
        ((None, True), (None, False))
    """
    text = _norm(answer)
    if not text or text in _NO_OPINION:
        return None, True
    m = _LEADING_NUMBER.match(text)
    if m:
        value = float(m.group(1))
        return value, scale_min <= value <= scale_max
    if (scale_min, scale_max) == (1, 5):
        for words, score in _LIKERT_ORDER:
            if text == words or text.startswith(words + " ") or text.endswith(" " + words):
                return float(score), True
    return None, False


def _parse_nps(answer: str) -> tuple[float | None, bool]:
    text = _norm(answer)
    if not text or text in _NO_OPINION:
        return None, True
    m = _LEADING_NUMBER.match(text)
    if not m:
        return None, False
    value = float(m.group(1))
    return value, 0 <= value <= 10


_PERIOD_WORDS: Final = (
    "horodat",
    "timestamp",
    "date",
    "envoye le",
    "soumis le",
    "periode",
    "heure de debut",
    "start time",
)
_PUBLIC_HEADERS: Final = ("vous etes", "public", "profil", "en tant que", "categorie de repondant")
_TECHNICAL: Final = ("id", "numero", "n°", "heure de fin", "completion time", "adresse ip")
_NPS_HEADERS: Final = ("recommand",)
_PERSONAL: Final = ("e-mail", "email", "courriel", "adresse", "telephone", "nom", "prenom", "mail")


def suggest_questions(table: SurveyTable) -> list[SurveyQuestion]:
    """A first guess of what each column is, from its header and its answers.

    Dates (« Horodateur ») give the period, « Vous êtes… » the public, a
    question on recommendation the NPS; columns whose answers are mostly
    scale labels or numbers 1–5 (up to 1–10) are Likert items, 0–10 NPS;
    few distinct short answers are choices; names and e-mail addresses are
    ignored (they are personal data and never stored); the rest is free text.

    Example:
        >>> t = SurveyTable(headers=("Horodateur", "Vous êtes", "Accueil", "Recommanderiez-vous ?"),
        ...                 rows=(("2026-03-01 10:00:00", "Client", "Très satisfait", "9"),), lines=(2,))
        >>> [q.kind.value for q in suggest_questions(t)]
        ['period', 'public', 'likert', 'nps']
    """
    questions = []
    for n, header in enumerate(table.headers, start=1):
        values = [v for v in table.column(header) if v.strip()]
        questions.append(_guess(f"q{n}", header, values))
    return questions


def _guess(key: str, header: str, values: list[str]) -> SurveyQuestion:  # noqa: PLR0911 - a return per kind of column
    head = _norm(header)
    words = set(re.findall(r"[a-z@'-]+", head))

    def question(kind: QuestionKind, low: int = 1, high: int = 5) -> SurveyQuestion:
        return SurveyQuestion(
            key=key, column=header, text=header, kind=kind, scale_min=low, scale_max=high
        )

    if any(w in head for w in _PERIOD_WORDS) and _mostly(values, lambda v: _to_date(v) is not None):
        return question(QuestionKind.PERIOD)
    if any(w in head for w in _PUBLIC_HEADERS):
        return question(QuestionKind.PUBLIC)
    technical = head in _TECHNICAL or head.startswith("heure de fin")
    if technical or any(p in words for p in _PERSONAL) or "@" in "".join(values[:20]):
        return question(QuestionKind.IGNORE)
    if any(w in head for w in _NPS_HEADERS) and _mostly(values, lambda v: _parse_nps(v)[1]):
        return question(QuestionKind.NPS, 0, 10)
    numbers = [s for s in (parse_likert(v, 0, 10)[0] for v in values) if s is not None]
    if values and _mostly(values, lambda v: parse_likert(v)[1]):
        return question(QuestionKind.LIKERT)
    if values and len(numbers) >= 0.8 * len(values):
        low, high = min(numbers), max(numbers)
        if low == 0 and high > 5:
            return question(QuestionKind.NPS, 0, 10)
        if low >= 1 and high <= 10:
            return question(QuestionKind.LIKERT, 1, 7 if high <= 7 else 10)
    distinct = {_norm(v) for v in values}
    if (
        values
        and len(distinct) <= 8
        and len(values) >= 2 * len(distinct)
        and max(len(v) for v in values) <= 60
    ):
        return question(QuestionKind.CHOICE)
    return question(QuestionKind.TEXT)


def _mostly(values: list[str], test: Any) -> bool:
    return bool(values) and sum(1 for v in values if test(v)) >= 0.8 * len(values)


# --------------------------------------------------------------------------- the canonical answers

_DATE_FORMATS: Final = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %I:%M:%S %p",
    "%d-%m-%Y",
)


def _to_date(text: str) -> date | None:
    value = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a calendar date, no time zone
        except ValueError:
            continue
    return None


_PERIOD_KEY = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]|T[1-4]|S[12]))?$")


def period_of(day: date, unit: PeriodUnit) -> str:
    """The period key of a date for a grouping unit.

    Example:
        >>> period_of(date(2026, 8, 3), PeriodUnit.HALF), period_of(date(2026, 8, 3), PeriodUnit.QUARTER)
        ('2026-S2', '2026-T3')
    """
    if unit is PeriodUnit.YEAR:
        return str(day.year)
    if unit is PeriodUnit.HALF:
        return f"{day.year}-S{1 if day.month <= 6 else 2}"
    if unit is PeriodUnit.QUARTER:
        return f"{day.year}-T{(day.month - 1) // 3 + 1}"
    from essdiag.periods import month_of

    return month_of(day)


def _capped(issues: list[Issue]) -> list[Issue]:
    out: list[Issue] = []
    counts: dict[str, int] = {}
    for i in issues:
        counts[i.code] = counts.get(i.code, 0) + 1
        if counts[i.code] <= MAX_ISSUES_PER_CODE:
            out.append(i)
    for code, n in counts.items():
        if n > MAX_ISSUES_PER_CODE:
            out.append(
                Issue(
                    code=f"{code}_more",
                    template=N_("… et {count} autre(s) problème(s) du même type."),
                    params={"count": n - MAX_ISSUES_PER_CODE},
                    severity=Severity.WARNING,
                )
            )
    return out


def _used_questions(table: SurveyTable, survey: Survey) -> tuple[list[SurveyQuestion], list[Issue]]:
    """The questions to read (not ignored, their column present) and the missing columns."""
    used, issues = [], []
    for q in survey.questions:
        if q.kind is QuestionKind.IGNORE:
            continue
        if q.column not in table.headers:
            issues.append(
                Issue(
                    code="survey_column_missing",
                    template=N_(
                        "La colonne « {column} » de la question « {question} » est absente du fichier."
                    ),
                    params={"column": q.column, "question": q.label},
                    file=table.file,
                    column=q.column,
                )
            )
            continue
        used.append(q)
    return used, issues


class _Reading:
    """The state of one import: the survey, the file, the issues met and the publics seen."""

    def __init__(self, table: SurveyTable, survey: Survey) -> None:
        self.table = table
        self.survey = survey
        self.issues: list[Issue] = []
        self.unknown_publics: set[str] = set()

    def public(self, raw: str, line: int, column: str) -> str:
        found = self.survey.public_values.get(raw) or (guess_public(raw) if raw else None)
        if found is not None:
            return found.value
        if not raw:
            return self.survey.public.value if self.survey.public else ""
        if raw not in self.unknown_publics:
            self.unknown_publics.add(raw)
            self.issues.append(
                Issue(
                    code="survey_public_unknown",
                    template=N_(
                        "Ligne {line} : le public « {answer} » n'est pas reconnu ; il est "
                        "compté dans « Autres » (précisez la correspondance des publics)."
                    ),
                    params={"line": line, "answer": raw[:80]},
                    file=self.table.file,
                    line=line,
                    column=column,
                    severity=Severity.WARNING,
                )
            )
        return Public.OTHER.value

    def period(self, raw: str, line: int, column: str) -> str:
        raw = raw.strip()
        day = _to_date(raw)
        if day is not None:
            return period_of(day, self.survey.period_unit)
        if _PERIOD_KEY.match(raw):
            return raw
        if raw:
            self.issues.append(
                Issue(
                    code="survey_date_unreadable",
                    template=N_(
                        "Ligne {line} : la date « {answer} » n'est pas lue (attendu JJ/MM/AAAA "
                        "ou AAAA-MM-JJ) ; la période de l'enquête est retenue."
                    ),
                    params={"line": line, "answer": raw[:40]},
                    file=self.table.file,
                    line=line,
                    column=column,
                    severity=Severity.WARNING,
                )
            )
        return self.survey.period

    def score(self, q: SurveyQuestion, raw: str, line: int) -> float | None:
        likert = q.kind is QuestionKind.LIKERT
        score, ok = parse_likert(raw, q.scale_min, q.scale_max) if likert else _parse_nps(raw)
        if ok:
            return score
        low, high = (q.scale_min, q.scale_max) if likert else (0, 10)
        outside = score is not None
        self.issues.append(
            Issue(
                code="survey_answer_out_of_scale" if outside else "survey_answer_unreadable",
                template=N_(
                    "Ligne {line} : la réponse « {answer} » à « {question} » sort de "
                    "l'échelle {low}–{high} ; elle n'est pas comptée."
                )
                if outside
                else N_(
                    "Ligne {line} : la réponse « {answer} » à « {question} » n'est pas "
                    "un niveau de l'échelle {low}–{high} ; elle n'est pas comptée."
                ),
                params={
                    "line": line,
                    "answer": raw[:80],
                    "question": q.label[:120],
                    "low": low,
                    "high": high,
                },
                file=self.table.file,
                line=line,
                column=q.column,
            )
        )
        return None


def _answered(value: Any) -> bool:
    """True for a score (not NaN) or a non-empty text."""
    if isinstance(value, float):
        return not math.isnan(value)
    return bool(value)


def answers_frame(table: SurveyTable, survey: Survey) -> tuple[pd.DataFrame, list[Issue]]:
    """The canonical answers (see the module docstring) and every answer left out, with its line.

    A Likert answer outside its scale, an NPS answer outside 0–10 or an
    answer that is not understood is reported (line, column, the answer) and
    not counted; the respondent's other answers are kept. A public that is
    not recognised is kept as « Autres » with a warning, once per value. A
    row with no answer at all is skipped.
    """
    used, missing = _used_questions(table, survey)
    reading = _Reading(table, survey)
    index = {h: i for i, h in enumerate(table.headers)}
    public_q = next((q for q in used if q.kind is QuestionKind.PUBLIC), None)
    period_q = next((q for q in used if q.kind is QuestionKind.PERIOD), None)
    answered = [q for q in used if q.kind not in (QuestionKind.PUBLIC, QuestionKind.PERIOD)]
    scored = {q.key for q in answered if q.kind in (QuestionKind.LIKERT, QuestionKind.NPS)}
    out: dict[str, list[Any]] = {"respondent": [], "public": [], "period": []}
    out.update({q.key: [] for q in answered})
    for line, row in zip(table.lines, table.rows, strict=True):
        values: dict[str, Any] = {}
        for q in answered:
            raw = row[index[q.column]]
            if q.key in scored:
                score = reading.score(q, raw, line)
                values[q.key] = float("nan") if score is None else score
            else:
                values[q.key] = raw.strip()
        if not any(_answered(v) for v in values.values()):
            continue
        out["respondent"].append(line)
        out["public"].append(
            reading.public(row[index[public_q.column]], line, public_q.column)
            if public_q
            else (survey.public.value if survey.public else "")
        )
        out["period"].append(
            reading.period(row[index[period_q.column]], line, period_q.column)
            if period_q
            else survey.period
        )
        for key, value in values.items():
            out[key].append(value)
    frame = pd.DataFrame(
        {
            "respondent": pd.Series(out["respondent"], dtype="int64"),
            "public": pd.Series(out["public"], dtype="str"),
            "period": pd.Series(out["period"], dtype="str"),
            **{
                q.key: pd.Series(out[q.key], dtype="float64" if q.key in scored else "str")
                for q in answered
            },
        }
    )
    return frame, _capped(missing + reading.issues)


# --------------------------------------------------------------------------- storage


def answers_to_parquet(frame: pd.DataFrame) -> bytes:
    """The answers as Parquet bytes (zstd)."""
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), buf, compression="zstd")
    return buf.getvalue()


def answers_from_parquet(data: bytes) -> pd.DataFrame:
    """The answers from Parquet bytes written by :func:`answers_to_parquet`."""
    try:
        table = pq.read_table(pa.py_buffer(data))
    except (pa.ArrowException, OSError) as exc:
        raise EssdiagError("Les réponses enregistrées de l'enquête sont illisibles.") from exc
    frame: pd.DataFrame = table.to_pandas()
    return frame


def store_answers(
    store: AttachmentStore,
    dossier_id: str,
    section: ImpactSection,
    survey: Survey,
    frame: pd.DataFrame,
    *,
    original: bytes,
    name: str,
    rows_read: int,
    issues: int,
) -> ImpactSection:
    """Attach the answers and the original file; the section with the survey (replaced by id)."""
    answers = store.attach(
        dossier_id,
        f"{name}.parquet",
        answers_to_parquet(frame),
        media_type="application/vnd.apache.parquet",
        kind=SURVEY_PARQUET_KIND,
    )
    source = store.attach(
        dossier_id, name, original, media_type="application/octet-stream", kind=SURVEY_ORIGINAL_KIND
    )
    record = survey.model_copy(
        update={
            "answers_id": answers.id,
            "original_id": source.id,
            "file": name[:300],
            "rows_read": rows_read,
            "rows_kept": len(frame),
            "issues": issues,
        }
    )
    kept = [s for s in section.surveys if s.id != survey.id]
    return section.model_copy(update={"surveys": [*kept, record]})


def load_answers(store: AttachmentStore, survey: Survey) -> pd.DataFrame | None:
    """The stored answers of a survey, or None when it has none."""
    if not survey.answers_id:
        return None
    return answers_from_parquet(store.attachment_bytes(survey.answers_id))


def import_survey(
    raw: bytes, survey: Survey, *, file: str | None
) -> tuple[pd.DataFrame | None, SurveyTable | None, list[Issue]]:
    """Read a file and apply a survey's questions: the answers, the table read, every issue."""
    table, issues = read_survey_file(raw, file=file)
    if table is None:
        return None, None, issues
    frame, found = answers_frame(table, survey)
    return frame, table, issues + found


def attach_case_surveys(
    store: AttachmentStore, dossier_id: str, section: ImpactSection, files: Mapping[str, bytes]
) -> tuple[ImpactSection, list[Issue]]:
    """Attach the answers of a sample case's surveys, named by their ``file``, when not attached yet.

    For :func:`essdiag.samples.copy_sample`: the case's ``impact.json``
    describes each survey and names its answers file; this reads the file
    from the case folder, stores the answers and returns the section with
    their attachment ids (the issues, if any, say what could not be read).
    """
    issues: list[Issue] = []
    for survey in section.surveys:
        if survey.answers_id or survey.file not in files:
            continue
        frame, table, found = import_survey(files[survey.file], survey, file=survey.file)
        issues += found
        if frame is None or table is None or frame.empty:
            continue
        section = store_answers(
            store,
            dossier_id,
            section,
            survey,
            frame,
            original=files[survey.file],
            name=survey.file,
            rows_read=len(table.rows),
            issues=len(found),
        )
    return section, issues
