"""The HR report of a sample case, from its shipped register and survey (for charts and exports)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from essdiag.hr.qvt import read_survey
from essdiag.hr.report import HRReport, hr_report
from essdiag.hr.section import StoredTable
from essdiag.hr.workforce import read_workforce
from essdiag.samples import load_sample
from tests.hr.people import END, START

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


@cache
def sample_report(case: str = "recyclerie") -> HRReport:
    """The report the screen shows once the case's ``effectif_2025`` and ``qvt_2025`` are imported."""
    dossier = load_sample(case)
    raw = (SAMPLES / case / "effectif_2025.csv").read_bytes()
    read, _issues = read_workforce(
        raw, file="effectif_2025.csv", period_start=START, period_end=END
    )
    answers, _found = read_survey((SAMPLES / case / "qvt_2025.csv").read_bytes())
    assert read.frame is not None
    stored = StoredTable(
        name="effectif_2025.csv", parquet_id="-", period_start=START, period_end=END
    )
    section = dossier.hr.model_copy(update={"workforce": stored})
    return hr_report(section, dossier.identity, read.frame, answers)
