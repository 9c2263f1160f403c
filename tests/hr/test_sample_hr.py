"""The sample cases' HR files: the section validates, the registers and surveys read cleanly."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from essdiag.hr.qvt import read_survey
from essdiag.hr.section import HRSection
from essdiag.hr.workforce import headcount_figures, read_workforce

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
START, END = date(2025, 1, 1), date(2025, 12, 31)


@pytest.mark.parametrize(
    ("case", "headcount", "fte"), [("recyclerie", 25, 21.5), ("scic-energie", 6, 5.2)]
)
def test_sample_register_matches_the_case_story(case: str, headcount: int, fte: float) -> None:
    section = HRSection.model_validate(
        json.loads((SAMPLES / case / "dossier" / "hr.json").read_text("utf-8"))
    )
    read, issues = read_workforce(
        (SAMPLES / case / "effectif_2025.csv").read_bytes(),
        file="effectif_2025.csv",
        period_start=START,
        period_end=END,
    )
    assert issues == []
    figs = headcount_figures(read.frame, START, END)
    assert (figs["headcount"].value, figs["fte"].value) == (
        headcount,
        fte,
    )  # README: salariés (ETP)
    people = set(read.frame["id"])
    assert {p.person_id for p in section.people} <= people
    assert set(read.frame["job_id"]) <= {j.id for j in section.jobs}
    answers, found = read_survey(
        (SAMPLES / case / "qvt_2025.csv").read_bytes(), file="qvt_2025.csv"
    )
    assert found == [] and answers is not None
