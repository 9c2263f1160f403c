"""What the HR tabs read: the register and the survey from their attachments, and the report.

Attachments never change once stored and revisions never change once saved,
so the frames are cached on their attachment ids and the report on (dossier
id, revision, options) — never on a model or on uploaded bytes.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from essdiag.hr.report import HRReport, hr_report
from essdiag.hr.section import EqualityMode, HRSection, SizeBand
from essdiag.hr.storage import table_from_parquet
from essdiag.ui import cache, state
from essdiag.ui.screen import Screen

__all__ = ["report", "table"]


@st.cache_data(show_spinner=False, max_entries=16)
def table(parquet_id: str) -> pd.DataFrame:
    """A stored HR table (register or survey answers), by its attachment id."""
    return table_from_parquet(state.workspace().attachment_bytes(parquet_id))


@st.cache_data(show_spinner=False, max_entries=16)
def _report(dossier_id: str, revision: int, band: str | None, mode: str | None) -> HRReport | None:
    dossier = cache.dossier_at(dossier_id, revision)
    hr = dossier.hr
    if hr.workforce is None:
        return None
    answers = table(hr.survey.parquet_id) if hr.survey is not None else None
    return hr_report(
        hr,
        dossier.identity,
        table(hr.workforce.parquet_id),
        answers,
        band=SizeBand(band) if band else None,
        mode=EqualityMode(mode) if mode else None,
    )


def report(
    screen: Screen[HRSection], *, band: str | None = None, mode: str | None = None
) -> HRReport | None:
    """The HR report of the open revision (None until a register is imported)."""
    return _report(screen.opened.id, screen.opened.revision, band, mode)
