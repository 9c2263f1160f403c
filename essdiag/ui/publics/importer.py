"""« Importer » tab: a form tool's export (CSV or XLSX), its columns mapped, the answers attached.

The file is read and each column's meaning guessed (:func:`essdiag.impact.surveys.suggest_questions`);
the user checks the mapping and the publics, then the answers are stored as a
Parquet attachment named by the survey in the dossier. Bad answers are
reported with their line and left out; nothing is saved when no answer is usable.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from essdiag.i18n import Translator
from essdiag.impact.edits import enum_from_label
from essdiag.impact.section import (
    ImpactSection,
    PeriodUnit,
    Public,
    QuestionKind,
    Survey,
    SurveyKind,
)
from essdiag.impact.surveys import (
    SURVEY_LIMITS,
    SurveyTable,
    answers_frame,
    attach_case_surveys,
    guess_public,
    read_survey_file,
    store_answers,
    suggest_questions,
)
from essdiag.samples import case_files, sample_cases
from essdiag.ui import state, widgets
from essdiag.ui.screen import Screen, save_section
from essdiag.ui.uploads import file_uploader
from essdiag.validation import validate_as

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """Answers shipped with a sample case, then the upload, the mapping and the import."""
    _ = screen.tr
    _sample_answers(screen, _)
    upload = file_uploader(
        _("Export des réponses (CSV ou XLSX)"),
        types=["csv", "xlsx", "txt"],
        key="publics_upload",
        limit_mb=SURVEY_LIMITS.max_bytes >> 20,
        help=_(
            "L'export de Google Forms, Microsoft Forms, LimeSurvey, Framaforms… : une ligne par répondant."
        ),
    )
    if upload is None:
        st.caption(
            _(
                "Le fichier est lu sur place ; rien n'est enregistré avant le bouton « Importer les réponses »."
            )
        )
        return
    raw = upload.getvalue()
    table, issues = read_survey_file(raw, file=upload.name)
    widgets.show_issues(issues)
    if table is None:
        st.error(_("Ce fichier n'a pas été importé : aucune enquête n'a changé."))
        return
    st.success(
        _(
            "{n} ligne(s) de réponses et {c} colonne(s) lues.",
            n=len(table.rows),
            c=len(table.headers),
        )
    )
    _mapping(screen, table, raw, upload.name, _)


def _sample_answers(screen: Screen[ImpactSection], _: Translator) -> None:
    waiting = [s for s in screen.section.surveys if not s.answers_id and s.file]
    for survey in waiting:
        case = next((c for c in sample_cases() if survey.file in c.files), None)
        if case is None:
            continue
        st.info(
            _(
                "Les réponses de l'enquête « {title} » sont fournies avec le cas d'exemple.",
                title=survey.title,
            )
        )
        if st.button(
            _("Joindre les réponses du cas d'exemple ({file})", file=survey.file),
            key=f"publics_sample_{survey.id}",
        ):
            files = {survey.file: case_files(case.key)[survey.file]}
            section, issues = attach_case_surveys(
                state.workspace(), screen.opened.id, screen.section, files
            )
            if section == screen.section:
                widgets.show_issues(issues, title=_("Les réponses n'ont pas pu être jointes :"))
                return
            save_section(screen, section, _("Réponses du cas d'exemple ({file})", file=survey.file))


def _slug(title: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:30] or "enquete"
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _mapping(
    screen: Screen[ImpactSection], table: SurveyTable, raw: bytes, name: str, _: Translator
) -> None:
    section = screen.section
    targets = {"": _("Nouvelle enquête"), **{s.id: s.title for s in section.surveys}}
    target = str(
        st.selectbox(
            _("Enquête concernée"),
            list(targets),
            format_func=targets.__getitem__,
            key="publics_import_target",
        )
    )
    previous = section.survey(target)
    questions = (
        previous.questions
        if previous and all(q.column in table.headers for q in previous.questions)
        else suggest_questions(table)
    )
    st.markdown(
        _(
            "**Lecture des colonnes** : vérifiez le type de chaque colonne (les noms et adresses sont ignorés)."
        )
    )
    kinds = [_(k.label) for k in QuestionKind]
    grid = st.data_editor(
        pd.DataFrame(
            [{**q.model_dump(), "kind": _(q.kind.label)} for q in questions],
            columns=["key", "column", "text", "kind", "scale_min", "scale_max"],
        ),
        hide_index=True,
        disabled=["key", "column"],
        key="publics_import_mapping",
        column_config={
            "key": st.column_config.TextColumn(_("Clé")),
            "column": st.column_config.TextColumn(_("Colonne du fichier")),
            "text": st.column_config.TextColumn(_("Question")),
            "kind": st.column_config.SelectboxColumn(_("Lue comme"), options=kinds, required=True),
            "scale_min": st.column_config.NumberColumn(
                _("Échelle de"), min_value=0, max_value=10, step=1
            ),
            "scale_max": st.column_config.NumberColumn(_("à"), min_value=1, max_value=11, step=1),
        },
    )
    rows = [
        {**r, "kind": enum_from_label(r["kind"], QuestionKind, _)} for r in grid.to_dict("records")
    ]
    publics = _publics(table, rows, previous, _)
    c1, c2, c3, c4 = st.columns([3, 2, 1, 1])
    title = c1.text_input(
        _("Titre de l'enquête"),
        value=previous.title if previous else name.rsplit(".", 1)[0],
        key="publics_import_title",
    )
    kind = c2.selectbox(
        _("Type d'enquête"),
        list(SurveyKind),
        format_func=lambda k: _(k.label),
        key="publics_import_kind",
    )
    period = c3.text_input(
        _("Période"),
        value=previous.period if previous else str(screen.today.year),
        key="publics_import_period",
        help=_("Par défaut, quand le fichier n'a pas de date : 2026, 2026-S1…"),
    )
    unit = c4.selectbox(
        _("Dates regroupées par"),
        list(PeriodUnit),
        format_func=lambda u: _(u.label),
        key="publics_import_unit",
    )
    if not st.button(_("Importer les réponses"), key="publics_import_go", type="primary"):
        return
    survey, issues = validate_as(
        Survey,
        {
            "id": target or _slug(title, {s.id for s in section.surveys}),
            "title": title.strip(),
            "kind": kind,
            "period": period.strip(),
            "period_unit": unit,
            "questions": rows,
            "public_values": publics,
            "keywords": previous.keywords if previous else [],
        },
    )
    if survey is None:
        widgets.show_issues(
            issues, title=_("Rien n'a été importé : corrigez la lecture des colonnes.")
        )
        return
    frame, found = answers_frame(table, survey)
    if frame.empty:
        widgets.show_issues(found, title=_("Aucune réponse utilisable : rien n'a été importé."))
        return
    new = store_answers(
        state.workspace(),
        screen.opened.id,
        section,
        survey,
        frame,
        original=raw,
        name=name,
        rows_read=len(table.rows),
        issues=len(found),
    )
    save_section(
        screen,
        new,
        _("Réponses de l'enquête « {t} » importées ({n})", t=survey.title, n=len(frame)),
    )


def _publics(
    table: SurveyTable, rows: list[dict[str, object]], previous: Survey | None, _: Translator
) -> dict[str, Public]:
    column = next((str(r["column"]) for r in rows if r["kind"] is QuestionKind.PUBLIC), None)
    if column is None:
        return {}
    values = sorted({v for v in table.column(column) if v.strip()})[:40]
    known = previous.public_values if previous else {}
    labels = [_(p.label) for p in Public]
    st.markdown(
        _(
            "**Publics** : à quel public correspond chaque réponse de la colonne « {column} » ?",
            column=column,
        )
    )
    grid = st.data_editor(
        pd.DataFrame(
            [
                {"answer": v, "public": _((known.get(v) or guess_public(v) or Public.OTHER).label)}
                for v in values
            ],
            columns=["answer", "public"],
        ),
        hide_index=True,
        disabled=["answer"],
        key="publics_import_publics",
        column_config={
            "answer": st.column_config.TextColumn(_("Réponse dans le fichier")),
            "public": st.column_config.SelectboxColumn(_("Public"), options=labels, required=True),
        },
    )
    out: dict[str, Public] = {}
    for row in grid.to_dict("records"):
        member = enum_from_label(row["public"], Public, _)
        if isinstance(member, Public):
            out[str(row["answer"])] = member
    return out
