"""The tabs of the "Financements" screen (``pages/funding.py``).

One module per tab, each with ``show(screen)``: :mod:`.register` (the
register and its payment schedules), :mod:`.mix` (the mix, its trend, the
three levers), :mod:`.stress` (a funder stops, cuts or pays late),
:mod:`.gifts` (what a gift costs its donor); :mod:`.export` is the workbook
under the tabs. The mix and the stress test read the year chosen above the
tabs (:func:`with_year`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

import streamlit as st

from essdiag.errors import Issue
from essdiag.funding.section import FundingSection
from essdiag.i18n import Translator
from essdiag.ui.screen import Screen

__all__ = ["FundingScreen", "located", "with_year"]

_AMOUNT_COLUMN = re.compile(r"Montant (\d{4}) \(€\)")


def located(found: Iterable[Issue], tr: Translator) -> list[Issue]:
    """Issues of the screens' tables with their table and column named in the reader's language.

    The library locates an issue by the French names of the table and column
    the user edited (« Registre des financements », « Montant 2026 (€) »);
    an English reader sees the English headers of the same tables.
    """
    out = []
    for issue in found:
        column = issue.column
        if column and (match := _AMOUNT_COLUMN.fullmatch(column)):
            column = tr("Montant {year} (€)", year=match.group(1))
        elif column:
            column = tr(column)
        file = tr(issue.file) if issue.file else issue.file
        out.append(issue.model_copy(update={"file": file, "column": column}))
    return out


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
