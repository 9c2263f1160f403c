"""A sample case's register and survey: imported once, never twice, into the HR section."""

from __future__ import annotations

from pathlib import Path

from essdiag.hr.imports import case_files_to_import, hr_names, import_case_files
from essdiag.hr.section import HRSection
from essdiag.hr.storage import ORIGINAL_KIND, SURVEY_KIND, WORKFORCE_KIND
from essdiag.samples import load_sample
from essdiag.store import Workspace

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


def _files(case: str) -> dict[str, bytes]:
    folder = SAMPLES / case
    return {n: (folder / n).read_bytes() for n in hr_names(p.name for p in folder.iterdir())}


def test_hr_names_are_the_register_and_the_survey_of_a_year() -> None:
    names = ["FEC_2025.txt", "effectif_2025.csv", "qvt_2025.csv", "enquete_satisfaction_2026.csv"]
    assert hr_names(names) == ["effectif_2025.csv", "qvt_2025.csv"]
    assert hr_names(["effectif.csv"]) == []  # no year in the name: no period to give it


def test_a_case_imported_twice_is_stored_once(workspace: Workspace) -> None:
    dossier = load_sample("recyclerie").model_copy(update={"hr": HRSection()})
    info = workspace.create(dossier, author="t", message="m", name="Copie")
    files = _files("recyclerie")
    assert set(case_files_to_import(workspace, HRSection(), files)) == {
        "effectif_2025.csv",
        "qvt_2025.csv",
    }
    section, issues = import_case_files(workspace, info.id, HRSection(), files)
    assert issues == []
    assert section.workforce is not None and section.survey is not None
    assert (
        section.workforce.period_start.isoformat(),
        section.workforce.period_end.isoformat(),
    ) == (
        "2025-01-01",
        "2025-12-31",
    )
    kinds = sorted(a.kind for a in workspace.attachments(info.id))
    assert kinds == sorted([WORKFORCE_KIND, SURVEY_KIND, ORIGINAL_KIND, ORIGINAL_KIND])
    # the same files again: nothing left to import, the section and the attachments unchanged
    assert case_files_to_import(workspace, section, files) == {}
    again, issues = import_case_files(workspace, info.id, section, files)
    assert again == section and issues == []
    assert len(workspace.attachments(info.id)) == 4


def test_another_register_is_still_offered(workspace: Workspace) -> None:
    dossier = load_sample("recyclerie").model_copy(update={"hr": HRSection()})
    info = workspace.create(dossier, author="t", message="m", name="Copie")
    section, _issues = import_case_files(workspace, info.id, HRSection(), _files("recyclerie"))
    other = _files("scic-energie")
    assert set(case_files_to_import(workspace, section, other)) == set(other)
    replaced, issues = import_case_files(workspace, info.id, section, other)
    assert issues == []
    assert replaced.workforce is not None and section.workforce is not None
    assert replaced.workforce.parquet_id != section.workforce.parquet_id
