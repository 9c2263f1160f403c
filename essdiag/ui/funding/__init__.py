"""The tabs of the "Financements" screen (``pages/funding.py``).

One module per tab, each with ``show(screen)``: :mod:`.register` (the
register and its payment schedules), :mod:`.mix` (the mix, its trend, the
three levers), :mod:`.stress` (a funder stops, cuts or pays late),
:mod:`.gifts` (what a gift costs its donor); :mod:`.export` is the workbook
under the tabs. The mix and the stress test read the year chosen above the
tabs (:func:`with_year`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import streamlit as st

from essdiag.funding.section import FundingSection
from essdiag.ui.screen import Screen

__all__ = ["FundingScreen", "with_year"]


@dataclass(frozen=True)
class FundingScreen(Screen[FundingSection]):
    """The screen context with the fiscal year whose mix and stress the tabs show."""

    year: int = 0


def with_year(screen: Screen[Any]) -> FundingScreen:
    """The year selector above the tabs (the register's years and this year), and the context."""
    _ = screen.tr
    section: FundingSection = screen.section
    years = sorted(set(section.years()) | {screen.today.year})
    year = st.selectbox(
        _("Exercice analysé"),
        options=years,
        index=years.index(screen.today.year),
        key="funding_year",
        help=_(
            "Les indicateurs du mix portent sur les ressources de fonctionnement de cet exercice."
        ),
    )
    base = {f.name: getattr(screen, f.name) for f in fields(screen)}
    return FundingScreen(**base, year=int(year))
