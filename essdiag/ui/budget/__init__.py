"""The budget screen (``pages/budget.py``): one module per tab, and the version they share.

* :mod:`~essdiag.ui.budget.summary` — the version chosen (year, status, reason), its totals;
* :mod:`~essdiag.ui.budget.lines` — its lines in an editable table (drafts only);
* :mod:`~essdiag.ui.budget.phasing` — the monthly spread of a line, the months of the budget;
* :mod:`~essdiag.ui.budget.balance` — the balance check and the totals by heading;
* :mod:`~essdiag.ui.budget.versions` — adopt, revise, prepare next year, delete a draft;
* :mod:`~essdiag.ui.budget.files` — the template out, any spreadsheet in (column mapping).

The computations and views are in :mod:`essdiag.budget`.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.section import BudgetSection, BudgetVersion
from essdiag.periods import FiscalYear
from essdiag.ui.screen import Screen

__all__ = [
    "SHOW_KEY",
    "VERSION_KEY",
    "YEAR_KEY",
    "budget_year",
    "chosen",
    "start_month",
    "take_version_to_show",
    "version_title",
]

VERSION_KEY = "budget_version"
"""Session key of the version chosen on the summary (its id): the picker's own key."""
SHOW_KEY = "budget_version_next"
"""Session key a save leaves for the next run: the version to show ("" for the reference).

A widget's key cannot be set once the widget is drawn in a run, so a tab that
saves puts its wish here and :func:`take_version_to_show` hands it to the
picker at the top of the next run.
"""
YEAR_KEY = "budget_year"
"""Session key of the year of a first budget (no version yet)."""


def start_month(screen: Screen[Any]) -> int:
    """First month of the budgeted year: the version's own, or the organisation's for a new one."""
    version = chosen(screen)
    return version.start_month if version else screen.dossier.identity.fiscal_year_start_month


def take_version_to_show() -> None:
    """Before the picker is drawn: the version a save asked to show becomes the one chosen."""
    if SHOW_KEY not in st.session_state:
        return
    wanted = st.session_state.pop(SHOW_KEY)
    if wanted:
        st.session_state[VERSION_KEY] = wanted
    else:
        st.session_state.pop(VERSION_KEY, None)


def chosen(screen: Screen[Any]) -> BudgetVersion | None:
    """The version the screen shows (the reference of the current year by default)."""
    section: BudgetSection = screen.section
    wanted = st.session_state.get(VERSION_KEY)
    found = section.version(str(wanted)) if wanted else None
    return found or section.reference()


def budget_year(screen: Screen[Any]) -> FiscalYear:
    """The fiscal year of the version shown (or of the first budget to make)."""
    version = chosen(screen)
    if version is not None and version.fiscal_year is not None:
        return FiscalYear(label_year=version.fiscal_year, start_month=version.start_month)
    label = st.session_state.get(YEAR_KEY) or screen.today.year
    return FiscalYear(
        label_year=int(label), start_month=screen.dossier.identity.fiscal_year_start_month
    )


def version_title(screen: Screen[Any], version: BudgetVersion) -> str:
    """« Budget initial 2026 — adopté le 11 déc. 2025 » / « … — brouillon » in the reader's language."""
    _ = screen.tr
    name = _.fill(version.name, version.name_params)
    status = _(version.status.label).lower()
    if version.date is not None:
        return _("{name} — {status}, {date}", name=name, status=status, date=_.date(version.date))
    return _("{name} — {status}", name=name, status=status)
