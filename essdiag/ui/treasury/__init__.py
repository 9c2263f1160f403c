"""The parts of the "Trésorerie" screen (``pages/treasury.py``).

:mod:`.assumptions` (the plan's assumptions and where its figures come
from), :mod:`.plan` (the monthly cash plan: the bank's months, then the
forecast, its alert and the funders' receipts), :mod:`.compare` (the months
gone by, planned and actual, and the flows that explain the gap),
:mod:`.montecarlo` (funders' delays and cuts simulated), :mod:`.scenarios`
(three plans compared) and :mod:`.export` (the workbook). Each reads the
plan gathered from the open revision and its ledgers (:func:`plan_inputs`),
computed once per revision by :mod:`essdiag.ui.cache`; the plan's frame, the
charts and the written tables are kept per revision too (:func:`kept`,
:func:`kept_view`: the funding and finance screens use them as well), so that
a rerun only hands them to Streamlit again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, fields
from typing import Any

import pandas as pd
import streamlit as st

from essdiag.errors import Issue
from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.treasury.compare import CashComparison, against_initial
from essdiag.treasury.inputs import PlanInputs, dossier_inputs, plan_ledger_years
from essdiag.ui import cache, widgets
from essdiag.ui.screen import Screen

__all__ = [
    "cash_plan",
    "chart",
    "chart_over_table",
    "comparison",
    "kept",
    "kept_view",
    "plan_inputs",
    "plan_years",
]


def chart_over_table(figure: Any, view: View, *, key: str, caption: str = "") -> None:
    """A month-by-month chart across the screen, its table under it (its text alternative).

    Two years of months need the screen's width to stay readable on a laptop
    and a projector; the table keeps its CSV download.
    """
    st.plotly_chart(figure, key=f"{key}_chart", config=widgets.chart_config())
    widgets.show_view(view, key=key, caption=caption)


@st.cache_resource(max_entries=192, show_spinner=False)
def _kept(key: tuple[Hashable, ...], _build: Callable[[], Any]) -> Any:
    return _build()


def kept(screen: Screen[Any], name: str, build: Callable[[], Any], *options: Hashable) -> Any:
    """What ``build`` returns for the open revision, built once per revision, name and options.

    For what never changes once built and is only read: the plan's frame, the
    simulation, plotly figures (tens of milliseconds each: plotly validates
    every property), the screen's views. ``st.cache_resource`` keeps the
    object itself (no copy on each rerun, unlike ``st.cache_data``): callers
    must not change it. What is written in a language takes it among its options.
    """
    key = (screen.opened.id, screen.opened.revision, name, *options)
    return _kept(key, build)


def chart(screen: Screen[Any], name: str, build: Callable[[], Any], *options: Hashable) -> Any:
    """A chart of the open revision in the reader's language, built once (:func:`kept`)."""
    return kept(screen, f"chart:{name}", build, screen.tr.lang, *options)


@dataclass(frozen=True, eq=False)
class _KeptView(View):
    """A view whose table and CSV are written once per language, then reused on each rerun."""

    written: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False, compare=False)

    def display(self, tr: Translator) -> pd.DataFrame:
        key = ("display", tr.lang)
        if key not in self.written:
            self.written[key] = super().display(tr)
        return self.written[key]

    def csv(self, tr: Translator) -> bytes:
        key = ("csv", tr.lang)
        if key not in self.written:
            self.written[key] = super().csv(tr)
        return self.written[key]  # type: ignore[no-any-return]


def kept_view(
    screen: Screen[Any], name: str, build: Callable[[], View], *options: Hashable
) -> View:
    """A view of the open revision, built and written once (:func:`kept`).

    Writing every cell of a table in the reader's format (and its CSV) is
    most of a rerun's time on this screen; the written table is kept with
    the view, so a rerun only hands it to Streamlit again.
    """

    def build_kept() -> View:
        view = build()
        return _KeptView(**{f.name: getattr(view, f.name) for f in fields(View)})

    view: View = kept(screen, f"view:{name}", build_kept, screen.tr.lang, *options)
    return view


def plan_years(screen: Screen[Any]) -> tuple[int, ...]:
    """The fiscal years of the plan whose accounts are imported (they give its actual months)."""
    dossier = screen.dossier
    years = plan_ledger_years(
        dossier.treasury, dossier.identity.fiscal_year_start_month, screen.today
    )
    return tuple(y for y in years if cache.ledger_ids(dossier.ledger, y))


def plan_inputs(screen: Screen[Any]) -> tuple[PlanInputs, list[Issue]]:
    """The cash plan's inputs of the open revision (sections and imported accounts)."""
    return cache.computed(
        dossier_inputs, screen.opened, ledger_years=plan_years(screen), today=screen.today
    )


def cash_plan(screen: Screen[Any]) -> tuple[pd.DataFrame | None, list[Issue]]:
    """The month-by-month plan of the open revision (:meth:`PlanInputs.cash_plan`), built once."""
    build = plan_inputs(screen)[0].cash_plan
    plan: tuple[pd.DataFrame | None, list[Issue]] = kept(screen, "cash_plan", build, screen.today)
    return plan


def comparison(screen: Screen[Any]) -> CashComparison | None:
    """The months gone by, planned and actual (None when no account covers the plan's start).

    The initial plan is gathered without the accounts (budget and schedules
    alone: no ledger to read); the plan with its actual months is the screen's.
    """
    current, _notes = plan_inputs(screen)
    initial, _more = cache.computed(dossier_inputs, screen.opened, today=screen.today)
    found: CashComparison | None = kept(
        screen, "comparison", lambda: against_initial(current, initial), screen.today
    )
    return found
