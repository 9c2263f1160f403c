"""The budget screen (``pages/budget.py``): one module per tab, and the year they share.

* :mod:`~essdiag.ui.budget.summary` — the budgeted year and the headline totals;
* :mod:`~essdiag.ui.budget.lines` — the lines in an editable table;
* :mod:`~essdiag.ui.budget.phasing` — the monthly spread of a line, the months of the budget;
* :mod:`~essdiag.ui.budget.balance` — the balance check and the totals by heading;
* :mod:`~essdiag.ui.budget.files` — the template out and in, a budget from last year's actuals.

The computations and views are in :mod:`essdiag.budget`.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.periods import FiscalYear
from essdiag.ui.screen import Screen

__all__ = ["YEAR_KEY", "budget_year", "start_month"]

YEAR_KEY = "budget_year"
"""Session key of the budgeted year's input (:mod:`~essdiag.ui.budget.summary` draws it)."""


def start_month(screen: Screen[Any]) -> int:
    """First month of the budgeted year: the budget's own, or the organisation's for a new one."""
    section = screen.section
    return int(
        section.start_month if section.lines else screen.dossier.identity.fiscal_year_start_month
    )


def budget_year(screen: Screen[Any]) -> FiscalYear:
    """The fiscal year being budgeted, as chosen on the summary (after it is drawn)."""
    label = st.session_state.get(YEAR_KEY) or screen.section.fiscal_year or screen.today.year
    return FiscalYear(label_year=int(label), start_month=start_month(screen))
