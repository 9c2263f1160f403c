"""Registers and surveys kept as Parquet: read back alike by the HR reader and by a generic one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pandas.testing import assert_frame_equal

from essdiag.hr.qvt import read_survey
from essdiag.hr.storage import canonical_table, table_from_parquet, table_to_parquet
from essdiag.hr.workforce import read_workforce
from tests.hr.people import END, START

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


def _generic(data: bytes) -> pd.DataFrame:
    """What the screens' cache reads (``essdiag.ui.cache.attachment_frame``)."""
    return pq.read_table(pa.BufferReader(data)).to_pandas()


def test_a_register_reads_back_the_same_through_either_reader() -> None:
    raw = (SAMPLES / "recyclerie" / "effectif_2025.csv").read_bytes()
    read, issues = read_workforce(raw, file="e.csv", period_start=START, period_end=END)
    assert issues == [] and read.frame is not None
    data = table_to_parquet(read.frame)
    assert_frame_equal(canonical_table(_generic(data)), table_from_parquet(data))
    assert_frame_equal(table_from_parquet(data), read.frame, check_dtype=False)


def test_a_survey_reads_back_the_same_through_either_reader() -> None:
    answers, _issues = read_survey((SAMPLES / "recyclerie" / "qvt_2025.csv").read_bytes())
    assert answers is not None
    data = table_to_parquet(answers)
    assert_frame_equal(canonical_table(_generic(data)), table_from_parquet(data))


def test_missing_text_reads_as_empty_and_missing_dates_as_none() -> None:
    frame = pd.DataFrame({"level": ["3", None], "entry_date": [START, None]})
    out = canonical_table(_generic(table_to_parquet(frame)))
    assert out["level"].tolist() == ["3", ""]
    assert out["entry_date"].tolist() == [START, None]
