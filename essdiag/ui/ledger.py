"""Cached ledger and variance computations for the pages (keyed on bytes, ids and JSON text).

Attachments never change once stored, so a ledger is cached by its
attachment ids; the budget section enters the cache key as its JSON text,
never as a pydantic model.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from essdiag.budget.analysis import PeriodKind, VarianceReport, analyse
from essdiag.budget.section import BudgetSection
from essdiag.budget.variance import Level
from essdiag.ledger import combine_ledgers, ledger_from_parquet
from essdiag.ledger.fec import FecResult, read_fec
from essdiag.ledger.section import LedgerSection
from essdiag.periods import FiscalYear
from essdiag.ui import state

__all__ = [
    "dossier_ledger",
    "ledger_ids",
    "read_fec_cached",
    "variance_report",
]


@st.cache_data(show_spinner=False, max_entries=8)
def _ledger(parquet_ids: tuple[str, ...]) -> pd.DataFrame:
    ws = state.workspace()
    return combine_ledgers([ledger_from_parquet(ws.attachment_bytes(i)) for i in parquet_ids])


def ledger_ids(section: LedgerSection, label_year: int) -> tuple[str, ...]:
    """Attachment ids of the ledgers of a fiscal year."""
    return tuple(i.parquet_id for i in section.for_year(label_year))


def dossier_ledger(section: LedgerSection, label_year: int) -> pd.DataFrame:
    """The canonical ledger of a fiscal year (all its imports)."""
    return _ledger(ledger_ids(section, label_year))


@st.cache_data(show_spinner=False, max_entries=4)
def read_fec_cached(data: bytes, name: str, label_year: int | None, start_month: int) -> FecResult:
    """:func:`essdiag.ledger.read_fec` cached on the file's bytes."""
    fy = FiscalYear(label_year=label_year, start_month=start_month) if label_year else None
    return read_fec(data, file=name, fiscal_year=fy)


@st.cache_data(show_spinner=False, max_entries=16)
def _report(
    budget_json: str,
    label_year: int,
    start_month: int,
    *,
    ids: tuple[str, ...],
    last_ids: tuple[str, ...],
    through: str | None,
    period: PeriodKind,
    level: Level,
) -> VarianceReport:
    section = BudgetSection.model_validate_json(budget_json)
    fy = FiscalYear(label_year=label_year, start_month=start_month)
    last = _ledger(last_ids) if last_ids else None
    return analyse(
        section,
        fy,
        _ledger(ids),
        through=through,
        period_kind=period,
        level=level,
        last_year_ledger=last,
    )


def variance_report(
    budget: BudgetSection,
    ledger: LedgerSection,
    fiscal_year: FiscalYear,
    *,
    through: str | None,
    period: PeriodKind,
    level: Level,
) -> VarianceReport:
    """The variance report of the open dossier (cached)."""
    return _report(
        budget.model_dump_json(),
        fiscal_year.label_year,
        fiscal_year.start_month,
        ids=ledger_ids(ledger, fiscal_year.label_year),
        last_ids=ledger_ids(ledger, fiscal_year.label_year - 1),
        through=through,
        period=period,
        level=level,
    )
