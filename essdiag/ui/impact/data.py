"""What the impact and publics tabs read: attachments by id, the dashboard, the SROI analysis.

Attachments never change once stored and revisions never change once saved:
survey answers and the HR register are cached on their attachment ids, the
SROI analysis and the dashboard once per (dossier id, revision, options)
through :func:`essdiag.ui.kept.kept` (kept as computed, not copied on
each rerun). The dashboard is gathered by
:func:`essdiag.impact.indicators.indicator_board` from the cached ledgers,
register and answers.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from essdiag.errors import Issue
from essdiag.hr.storage import table_from_parquet
from essdiag.impact.indicators import Board, indicator_board
from essdiag.impact.results import SroiAnalysis, sroi_analysis
from essdiag.impact.section import ImpactSection, Survey
from essdiag.impact.surveys import answers_from_parquet
from essdiag.periods import FiscalYear
from essdiag.ui import cache, state
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen

__all__ = [
    "answers",
    "board",
    "ledger_years",
    "sroi",
    "survey_answers",
    "survey_frames",
    "workforce",
]


@st.cache_data(show_spinner=False, max_entries=16)
def answers(answers_id: str) -> pd.DataFrame:
    """A survey's stored answers, by attachment id."""
    return answers_from_parquet(state.workspace().attachment_bytes(answers_id))


@st.cache_data(show_spinner=False, max_entries=8)
def _workforce(parquet_id: str) -> pd.DataFrame:
    return table_from_parquet(state.workspace().attachment_bytes(parquet_id))


def workforce(screen: Screen[ImpactSection]) -> tuple[pd.DataFrame | None, str]:
    """The HR register when imported (screen « Ressources humaines »), and the period it covers."""
    stored = screen.dossier.hr.workforce
    if stored is None:
        fy = FiscalYear.containing(screen.today, screen.dossier.identity.fiscal_year_start_month)
        return None, str(fy.label_year)
    return _workforce(stored.parquet_id), str(stored.period_end.year)


def survey_frames(section: ImpactSection) -> dict[str, pd.DataFrame]:
    """The answers of every survey that has some, by survey id."""
    return {s.id: answers(s.answers_id) for s in section.surveys if s.answers_id}


def survey_answers(survey: Survey) -> pd.DataFrame | None:
    """One survey's answers, or None before they are imported."""
    return answers(survey.answers_id) if survey.answers_id else None


def ledger_years(screen: Screen[ImpactSection]) -> tuple[int, ...]:
    """The fiscal years whose accounts are imported."""
    return tuple(sorted({i.fiscal_year for i in screen.dossier.ledger.imports if i.fiscal_year}))


def board(screen: Screen[ImpactSection]) -> tuple[Board, list[Issue]]:
    """The indicator dashboard of the open revision, from accounts, register and surveys."""
    return kept(screen, "impact_board", lambda: _board(screen), today=screen.today)


def _board(screen: Screen[ImpactSection]) -> tuple[Board, list[Issue]]:
    ledgers = {y: cache.ledger(screen.dossier.ledger, y) for y in ledger_years(screen)}
    register, period = workforce(screen)
    return indicator_board(
        screen.section,
        screen.dossier.identity,
        ledgers=ledgers,
        workforce=register,
        workforce_period=period,
        surveys=survey_frames(screen.section),
    )


def sroi(
    screen: Screen[ImpactSection], *, step: float = 0.10, rate_step: float = 0.05
) -> SroiAnalysis | None:
    """The SROI case of the open revision with its sensitivity (None without a case)."""
    return kept(
        screen,
        "impact_sroi",
        lambda: sroi_analysis(screen.dossier, on=screen.today, step=step, rate_step=rate_step),
        on=screen.today,
        step=step,
        rate_step=rate_step,
    )
