"""Survey answers: the reader on a small corpus, the column mapping, bad answers, storage, arbitrary bytes."""

from __future__ import annotations

import math
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.errors import EssdiagError, Severity
from essdiag.impact.section import ImpactSection, PeriodUnit, Public, QuestionKind, Survey
from essdiag.impact.survey_views import questionnaire_template_csv, questionnaire_template_xlsx
from essdiag.impact.surveys import (
    SURVEY_ORIGINAL_KIND,
    SURVEY_PARQUET_KIND,
    answers_frame,
    attach_case_surveys,
    guess_public,
    load_answers,
    parse_likert,
    read_survey_file,
    store_answers,
    suggest_questions,
)
from essdiag.samples import load_sample

CORPUS = Path(__file__).resolve().parents[1] / "data" / "impact"
REPO = Path(__file__).resolve().parents[2]


class FakeStore:
    """The two methods of the workspace that storage needs."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[str, bytes, str]] = {}

    def attach(self, dossier_id: str, name: str, data: bytes, *, media_type: str, kind: str) -> Any:
        ident = str(uuid.uuid4())
        self.files[ident] = (name, data, kind)
        return type("Info", (), {"id": ident})()

    def attachment_bytes(self, attachment_id: str) -> bytes:
        return self.files[attachment_id][1]


def limesurvey() -> tuple[Any, Survey]:
    table, issues = read_survey_file(
        (CORPUS / "survey_limesurvey.csv").read_bytes(), file="lime.csv"
    )
    assert table is not None and issues == []
    survey = Survey(id="s", title="Test", period="2026", questions=suggest_questions(table))
    return table, survey


def test_a_semicolon_windows_1252_export_is_read_and_its_columns_guessed() -> None:
    table, survey = limesurvey()
    assert table.headers[1] == "Vous êtes"  # decoded from Windows-1252
    assert len(table.rows) == 12  # the empty last row is skipped
    assert table.lines[0] == 2  # the header is line 1
    assert [q.kind for q in survey.questions] == [
        QuestionKind.PERIOD,
        QuestionKind.PUBLIC,
        QuestionKind.LIKERT,
        QuestionKind.LIKERT,
        QuestionKind.NPS,
        QuestionKind.TEXT,
    ]


def test_bad_answers_are_reported_by_line_and_left_out_the_rest_kept() -> None:
    table, survey = limesurvey()
    frame, issues = answers_frame(table, survey)
    assert len(frame) == 12
    by_code = {}
    for i in issues:
        by_code.setdefault(i.code, []).append(i)
    out = by_code["survey_answer_out_of_scale"]
    assert [(i.line, i.params["answer"]) for i in out] == [(7, "7"), (9, "12")]
    assert out[0].message == (
        "Ligne 7 : la réponse « 7 » à « Accueil (1 à 5) » sort de l'échelle 1–5 ; elle n'est pas comptée."
    )
    assert out[0].column == "Accueil (1 à 5)" and out[0].severity is Severity.ERROR
    assert [i.line for i in by_code["survey_answer_unreadable"]] == [8]  # « bof »
    assert [i.params["answer"] for i in by_code["survey_public_unknown"]] == ["Voisin"]
    assert [i.line for i in by_code["survey_date_unreadable"]] == [13]  # 31/02/2026
    row7 = frame[frame["respondent"] == 7].iloc[0]
    assert math.isnan(row7["q3"]) and row7["q4"] == 4.0  # the other answers of line 7 are kept
    assert (
        frame[frame["respondent"] == 12].iloc[0]["q3"]
        != frame[frame["respondent"] == 12].iloc[0]["q3"]
    )  # NSP
    assert list(frame["public"][:6]) == [
        "members",
        "members",
        "beneficiaries",
        "beneficiaries",
        "clients",
        "clients",
    ]
    assert frame[frame["respondent"] == 11].iloc[0]["public"] == "other"
    assert set(frame["period"]) == {"2026"}


def test_dates_are_grouped_by_the_survey_unit() -> None:
    table, survey = limesurvey()
    frame, _ = answers_frame(table, survey.model_copy(update={"period_unit": PeriodUnit.MONTH}))
    assert set(frame["period"]) == {
        "2026-03",
        "2026",
    }  # the impossible date falls back to the survey's


def test_an_explicit_public_mapping_wins_over_the_guess() -> None:
    table, survey = limesurvey()
    survey = survey.model_copy(update={"public_values": {"Voisin": Public.PARTNERS}})
    frame, issues = answers_frame(table, survey)
    assert frame[frame["respondent"] == 11].iloc[0]["public"] == "partners"
    assert "survey_public_unknown" not in [i.code for i in issues]


def test_a_column_named_in_the_survey_but_absent_from_the_file_is_reported() -> None:
    table, survey = limesurvey()
    questions = [
        *survey.questions[:2],
        survey.questions[2].model_copy(update={"column": "Absente"}),
    ]
    frame, issues = answers_frame(table, survey.model_copy(update={"questions": questions}))
    assert issues[0].code == "survey_column_missing" and "Absente" in issues[0].message
    assert "q3" not in frame.columns


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("survey_empty.csv", "file_kind"),
        ("survey_header_only.csv", "survey_no_answer"),
        ("survey_binary.csv", "file_kind"),
        ("survey_pdf.csv", "file_kind"),
        ("survey_damaged.xlsx", "xlsx_archive"),
    ],
)
def test_unusable_files_give_french_issues(name: str, code: str) -> None:
    table, issues = read_survey_file((CORPUS / name).read_bytes(), file=name)
    assert table is None
    assert code in [i.code for i in issues]
    assert all(i.message for i in issues)


def test_likert_labels_and_numbers() -> None:
    assert parse_likert("Très satisfait") == (5.0, True)
    assert parse_likert("ni satisfait ni insatisfait") == (3.0, True)
    assert parse_likert("Plutôt pas d’accord") == (2.0, True)  # typographic apostrophe
    assert parse_likert("Très bon") == (5.0, True)  # not « bon » = 4
    assert parse_likert("4 - Plutôt satisfait") == (4.0, True)
    assert parse_likert("") == (None, True)
    assert parse_likert("Sans opinion") == (None, True)
    assert parse_likert("0") == (0.0, False)
    assert parse_likert("Plutôt satisfait", 1, 7) == (None, False)  # labels only on a 1–5 scale
    assert guess_public("Sociétaire") is Public.MEMBERS and guess_public("Voisin") is None


@pytest.mark.parametrize(
    ("case", "file", "rows", "bad"),
    [
        (
            "recyclerie",
            "enquete_satisfaction_2026.csv",
            143,
            [("survey_answer_out_of_scale", 19), ("survey_answer_unreadable", 44)],
        ),
        ("scic-energie", "enquete_societaires_2026.xlsx", 92, [("survey_answer_out_of_scale", 32)]),
    ],
)
def test_the_sample_surveys_read_with_their_declared_questions(
    case: str, file: str, rows: int, bad: list[tuple[str, int]]
) -> None:
    survey = load_sample(case).impact.surveys[0]
    assert survey.file == file
    table, issues = read_survey_file((REPO / "sample_data" / case / file).read_bytes(), file=file)
    assert table is not None and issues == []
    frame, issues = answers_frame(table, survey)
    assert len(frame) == rows
    assert [(i.code, i.line) for i in issues] == bad
    assert set(frame["public"]) <= {p.value for p in Public}
    assert "q9" not in frame.columns or case != "recyclerie"  # the e-mail column is never stored


def test_stored_answers_come_back_and_the_section_names_them() -> None:
    table, survey = limesurvey()
    frame, issues = answers_frame(table, survey)
    store = FakeStore()
    raw = (CORPUS / "survey_limesurvey.csv").read_bytes()
    section = store_answers(
        store,
        "d",
        ImpactSection(),
        survey,
        frame,
        original=raw,
        name="lime.csv",
        rows_read=12,
        issues=len(issues),
    )
    stored = section.survey("s")
    assert stored is not None and stored.rows_kept == 12 and stored.file == "lime.csv"
    assert {k for _n, _d, k in store.files.values()} == {SURVEY_PARQUET_KIND, SURVEY_ORIGINAL_KIND}
    back = load_answers(store, stored)
    assert back is not None
    assert back["respondent"].tolist() == frame["respondent"].tolist()
    assert back["q3"].isna().tolist() == frame["q3"].isna().tolist()
    assert back["q6"].tolist() == frame["q6"].tolist()
    again = store_answers(
        store, "d", section, survey, frame, original=raw, name="lime2.csv", rows_read=12, issues=0
    )
    assert len(again.surveys) == 1 and again.surveys[0].file == "lime2.csv"  # replaced by id


def test_a_sample_case_gets_its_answers_attached() -> None:
    dossier = load_sample("recyclerie")
    files = {
        "enquete_satisfaction_2026.csv": (
            REPO / "sample_data/recyclerie/enquete_satisfaction_2026.csv"
        ).read_bytes()
    }
    store = FakeStore()
    section, issues = attach_case_surveys(store, "d", dossier.impact, files)
    survey = section.surveys[0]
    assert survey.answers_id and survey.rows_kept == 143 and survey.issues == 2
    assert [i.line for i in issues] == [19, 44]
    again, _ = attach_case_surveys(store, "d", section, files)
    assert again == section  # already attached: nothing to do


def test_the_questionnaire_template_reads_back_as_its_questions() -> None:
    for raw, name in (
        (questionnaire_template_xlsx(), "modele.xlsx"),
        (questionnaire_template_csv(), "modele.csv"),
    ):
        table, issues = read_survey_file(raw, file=name)
        assert table is not None and issues == []
        kinds = [q.kind for q in suggest_questions(table)]
        assert kinds[:2] == [QuestionKind.PERIOD, QuestionKind.PUBLIC]
        assert QuestionKind.NPS in kinds and kinds.count(QuestionKind.TEXT) == 2


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_issues_never_an_exception(raw: bytes) -> None:
    try:
        table, issues = read_survey_file(raw, file="x.csv")
    except EssdiagError:
        return
    assert table is not None or issues
    if table is not None:
        survey = Survey(id="s", title="t", questions=suggest_questions(table))
        frame, _ = answers_frame(table, survey)
        assert len(frame) <= len(table.rows)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=5), min_size=1, max_size=12))
def test_arbitrary_text_tables_read_and_map(cells: list[list[str]]) -> None:
    raw = "\n".join(
        ";".join(c.replace(";", ",").replace("\n", " ").replace("\r", " ") for c in row)
        for row in cells
    ).encode()
    table, issues = read_survey_file(raw, file="x.csv")
    if table is None:
        assert issues
        return
    survey = Survey(id="s", title="t", questions=suggest_questions(table))
    frame, _ = answers_frame(table, survey)
    assert len(frame) <= len(table.rows)


def test_what_the_csv_module_stumbles_on_is_said_in_french() -> None:
    import csv

    from essdiag.impact.surveys import _csv_reason

    assert _csv_reason(csv.Error("line contains NUL")) == "un caractère nul (octet 0) s'y trouve"
    assert _csv_reason(csv.Error("field larger than field limit (131072)")) == (
        "une cellule dépasse la taille permise"
    )
    assert _csv_reason(csv.Error("',' expected after '\"'")) == "le découpage en colonnes échoue"


# Fuzz regression (tests/data/fuzz/impact.surveys.read_survey_file/utf16_truncated.csv):
# a UTF-16 file cut in the middle of a character raised UnicodeDecodeError.
def test_a_utf16_file_cut_short_is_read_with_a_warning_on_the_damaged_line() -> None:
    raw = "Âge;Satisfaction\r\n30;4\r\n41;5\r\n".encode("utf-16") + b"\x6b"  # one byte too many
    table, issues = read_survey_file(raw, file="reponses.csv")
    assert table is not None
    assert [(i.code, i.line, i.severity) for i in issues] == [
        ("survey_utf16_damaged", 4, Severity.WARNING)
    ]
    assert [list(r) for r in table.rows][:2] == [["30", "4"], ["41", "5"]]
