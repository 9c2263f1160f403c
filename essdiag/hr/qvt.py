"""Working-life quality and psychosocial risks: the survey, its reader and its anonymous results.

Where it sits: a CSV or XLSX of answers (one row per respondent) →
:func:`read_survey` (long frame: one row per answer) →
:mod:`essdiag.hr.storage` (Parquet attachment) → :func:`theme_view` and
:func:`group_view` → the « Social et QVT » tab and the exports.

Survey file: an optional ``groupe`` column (team, service or category), an
optional ``sexe`` column, then one column per question whose header starts
with the key of its theme — ``intensite_1``, ``autonomie : je peux organiser
mon travail``. The six themes are the six axes of psychosocial risk factors
of the Gollac report (Collège d'expertise sur le suivi des risques
psychosociaux au travail, 2011). Answers run 1 to 5, 5 the most favourable
(questions are worded so that agreeing is favourable); a blank is no answer.

Anonymity: no result is shown for a group of fewer than :data:`MIN_GROUP`
respondents (the figure is replaced by « moins de 5 réponses »), and the
whole survey is not shown below that number.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from essdiag.errors import Issue, Severity
from essdiag.figures import Column, View
from essdiag.guards import reader
from essdiag.hr.section import Sex
from essdiag.hr.tables import normalise, parse_number, read_cells
from essdiag.i18n import N_, LabelledEnum

__all__ = [
    "MIN_GROUP",
    "SURVEY_COLUMNS",
    "Theme",
    "group_view",
    "has_results",
    "read_survey",
    "theme_view",
]

MIN_GROUP = 5
"""Fewest respondents a result is shown for (the issue's anonymity threshold)."""

SURVEY_COLUMNS = ("respondent", "group", "sex", "theme", "item", "score", "line")
"""Columns of the long survey frame."""


class Theme(LabelledEnum):
    """The six axes of psychosocial risk factors (Gollac report, 2011)."""

    INTENSITY = "intensite", N_("Intensité et temps de travail")
    EMOTIONS = "emotions", N_("Exigences émotionnelles")
    AUTONOMY = "autonomie", N_("Autonomie et marges de manœuvre")
    RELATIONS = "relations", N_("Rapports sociaux et reconnaissance")
    VALUES = "valeurs", N_("Conflits de valeurs et sens du travail")
    SECURITY = "insecurite", N_("Sécurité de l'emploi et du travail")


def _theme_of(header: str) -> Theme | None:
    key = normalise(header)
    for theme in Theme:
        if re.match(rf"{theme.value}(_|$)", key):
            return theme
    return None


@reader
def read_survey(raw: bytes, *, file: str | None = None) -> tuple[pd.DataFrame | None, list[Issue]]:
    """The answers of a survey file as a long frame; never raises on bad bytes.

    A row with an answer outside 1–5 is set aside with a message naming its
    line; columns that are neither ``groupe``, ``sexe`` nor a theme's question
    are ignored with a warning.

    Example:
        >>> raw = "groupe;autonomie_1;relations_1\\nA;4;5\\nA;2;\\n".encode()
        >>> frame, issues = read_survey(raw, file="q.csv")
        >>> frame[["respondent", "theme", "score"]].values.tolist(), issues
        ([[1, 'autonomie', 4], [1, 'relations', 5], [2, 'autonomie', 2]], [])
    """
    table, issues = read_cells(raw, file=file)
    if table is None:
        return None, issues
    headers, rows = table
    keys = [normalise(h) for h in headers]
    group_at = keys.index("groupe") if "groupe" in keys else None
    sex_at = keys.index("sexe") if "sexe" in keys else None
    items = [(i, h, _theme_of(h)) for i, h in enumerate(headers) if i not in (group_at, sex_at)]
    ignored = [h for _i, h, t in items if t is None]
    if ignored:
        issues.append(
            Issue(
                code="hr_survey_column_ignored",
                template=N_(
                    "Colonnes ignorées (ni groupe, ni sexe, ni question d'un thème) : {columns}."
                ),
                params={"columns": ", ".join(ignored)[:300]},
                severity=Severity.WARNING,
                file=file,
                line=1,
            )
        )
    questions = [(i, h, t) for i, h, t in items if t is not None]
    if not questions:
        return None, [
            *issues,
            Issue(
                code="hr_survey_no_question",
                template=N_(
                    "Aucune question reconnue : chaque colonne de question commence par le code "
                    "de son thème (intensite, emotions, autonomie, relations, valeurs, insecurite)."
                ),
                file=file,
                line=1,
            ),
        ]
    answers: list[dict[str, Any]] = []
    respondent = 0
    for line, cells in rows:
        found: list[dict[str, Any]] = []
        bad = False
        for i, header, theme in questions:
            text = cells[i].strip()
            if not text:
                continue
            score = parse_number(text)
            if score is None or not score.is_integer() or not 1 <= score <= 5:
                issues.append(
                    Issue(
                        code="hr_survey_score",
                        template=N_(
                            "Réponse « {value} » hors de l'échelle 1 à 5 : la ligne est mise de côté."
                        ),
                        params={"value": text[:40]},
                        file=file,
                        line=line,
                        column=header,
                    )
                )
                bad = True
                break
            assert theme is not None
            found.append({"theme": theme.value, "item": header, "score": int(score)})
        if bad or not found:
            continue
        respondent += 1
        group = cells[group_at].strip() if group_at is not None else ""
        sex = cells[sex_at].strip().upper()[:1] if sex_at is not None else ""
        for a in found:
            answers.append(
                {"respondent": respondent, "group": group, "sex": sex, **a, "line": line}
            )
    if not answers:
        return None, [
            *issues,
            Issue(code="hr_survey_empty", template=N_("Aucune réponse utilisable."), file=file),
        ]
    frame = pd.DataFrame(answers, columns=list(SURVEY_COLUMNS))
    for key in ("group", "sex", "theme", "item"):
        frame[key] = frame[key].astype(str)
    return frame, issues


def _aggregate(part: pd.DataFrame, respondents: int) -> dict[str, Any]:
    if respondents < MIN_GROUP:
        return {
            "respondents": respondents,
            "mean": None,
            "favourable": None,
            "note": N_("moins de 5 réponses : résultat non affiché"),
        }
    return {
        "respondents": respondents,
        "mean": float(part["score"].mean()) if len(part) else None,
        "favourable": float((part["score"] >= 4).mean()) if len(part) else None,
        "note": "",
    }


def theme_view(answers: pd.DataFrame) -> View:
    """Mean score and favourable share (4 or 5) by theme over all respondents (masked under 5)."""
    total = int(answers["respondent"].nunique()) if len(answers) else 0
    rows = []
    for theme in Theme:
        part = answers[answers["theme"] == theme.value] if len(answers) else answers
        n = int(part["respondent"].nunique()) if len(part) else 0
        if n == 0:
            continue
        rows.append({"theme": theme.label, **_aggregate(part, min(n, total))})
    return View(
        (
            Column("theme", N_("Thème"), "label"),
            Column("respondents", N_("Répondants"), "count"),
            Column("mean", N_("Score moyen (1 à 5)"), "ratio", digits=1),
            Column("favourable", N_("Réponses favorables (4 ou 5)"), "%"),
            Column("note", N_("Remarque"), "label"),
        ),
        pd.DataFrame(rows, columns=["theme", "respondents", "mean", "favourable", "note"]),
        title=N_("Qualité de vie au travail par thème"),
    )


def group_view(answers: pd.DataFrame, by: str = "group") -> View:
    """Mean score by group (or by sex) and theme; a group of fewer than 5 respondents is masked."""
    rows = []
    if len(answers):
        for group in sorted(set(answers[by])):
            in_group = answers[answers[by] == group]
            n = int(in_group["respondent"].nunique())
            for theme in Theme:
                part = in_group[in_group["theme"] == theme.value]
                if part.empty:
                    continue
                rows.append(
                    {
                        "group": group or N_("non renseigné"),
                        "theme": theme.label,
                        **_aggregate(part, n),
                    }
                )
    return View(
        (
            Column(
                "group",
                N_("Groupe") if by == "group" else N_("Sexe"),
                "label",
                choices=None if by == "group" else Sex,
            ),
            Column("theme", N_("Thème"), "label"),
            Column("respondents", N_("Répondants du groupe"), "count"),
            Column("mean", N_("Score moyen (1 à 5)"), "ratio", digits=1),
            Column("favourable", N_("Réponses favorables (4 ou 5)"), "%"),
            Column("note", N_("Remarque"), "label"),
        ),
        pd.DataFrame(rows, columns=["group", "theme", "respondents", "mean", "favourable", "note"]),
        title=N_("Qualité de vie au travail par groupe")
        if by == "group"
        else N_("Qualité de vie au travail par sexe"),
    )


def has_results(view: View) -> bool:
    """True when a group view shows at least one result (not every group under 5 respondents).

    Example:
        >>> raw = "sexe;autonomie_1\\nF;4\\nH;2\\n".encode()
        >>> has_results(group_view(read_survey(raw)[0], "sex"))
        False
    """
    return bool(view.frame["mean"].notna().any()) if len(view) else False


def respondents(answers: pd.DataFrame) -> int:
    """Number of respondents."""
    return int(answers["respondent"].nunique()) if len(answers) else 0
