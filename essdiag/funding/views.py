"""Tables of the funding mix as views: by family, by funder, over the years, the three levers.

Where it sits: after :mod:`essdiag.funding.mix`. Each function returns a
:class:`~essdiag.figures.View` (raw values and their declared columns) that
the "Financements" screen shows beside its chart, the chart builders of
:mod:`essdiag.charts.funding` draw, and the XLSX export writes, so each
table is described once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import pandas as pd

from essdiag.figures import Column, View
from essdiag.funding.mix import levers, shares_by, trend
from essdiag.funding.section import FundingFamily, FundingSource
from essdiag.i18n import N_

__all__ = ["family_view", "funder_view", "levers_view", "trend_view"]

_AMOUNT = Column("amount", N_("Montant"), "EUR", digits=0)
_SHARE = Column("share", N_("Part"), "%")


def family_view(sources: Sequence[FundingSource], year: int) -> View:
    """The year's operating income by family, largest first (family, amount, share).

    Example:
        >>> from essdiag.funding.section import YearAmount
        >>> src = [FundingSource(id="r", name="Région", funder_type="region",
        ...                      amounts=[YearAmount(year=2026, amount=300)]),
        ...        FundingSource(id="v", name="Ventes", funder_type="sales",
        ...                      amounts=[YearAmount(year=2026, amount=100)])]
        >>> from essdiag.i18n import translator
        >>> family_view(src, 2026).display(translator("fr")).iloc[0].tolist()
        ['Financements publics', '300\xa0€', '75,0\xa0%']
    """
    table = shares_by(sources, year, by="family")
    frame = pd.DataFrame(
        {
            "family": pd.Series([FundingFamily(k) for k in table["key"]], dtype="object"),
            "amount": table["amount"],
            "share": table["share"],
        }
    )
    return View(
        (Column("family", N_("Famille"), "label"), _AMOUNT, _SHARE),
        frame,
        title=N_("Ressources de fonctionnement par famille"),
    )


def funder_view(sources: Sequence[FundingSource], year: int) -> View:
    """The year's operating income by funder (its name, or the resource's), largest first."""
    table = shares_by(sources, year, by="funder")
    frame = pd.DataFrame(
        {"funder": table["key"], "amount": table["amount"], "share": table["share"]}
    )
    return View(
        (Column("funder", N_("Financeur")), _AMOUNT, _SHARE),
        frame,
        title=N_("Ressources de fonctionnement par financeur"),
    )


def trend_view(sources: Sequence[FundingSource], years: Iterable[int]) -> View:
    """One row per year: income by family, total, own-activity and public shares, HHI, top share.

    The screen shows some of the columns (:meth:`View.select`); the export writes them all.
    """
    return View(
        (
            Column("year", N_("Exercice")),
            Column("public", FundingFamily.PUBLIC.label, "EUR", digits=0),
            Column("private", FundingFamily.PRIVATE.label, "EUR", digits=0),
            Column("own_activity", FundingFamily.OWN_ACTIVITY.label, "EUR", digits=0),
            Column("total", N_("Total"), "EUR", digits=0),
            Column("own_activity_share", N_("Part des ressources d'activité"), "%"),
            Column("public_share", N_("Dépendance publique"), "%"),
            Column("hhi", "HHI", "ratio", digits=3),
            Column("largest_share", N_("Part du premier financeur"), "%"),
        ),
        trend(sources, years),
        title=N_("Évolution du mix de financement"),
    )


TREND_SHOWN = ("year", "public", "private", "own_activity", "public_share", "hhi")
"""Columns of :func:`trend_view` the screen shows beside its chart."""

LEVER_NAMES = {
    "people": N_("Richesses humaines"),
    "money": N_("Ressources financières"),
    "alliances": N_("Alliances"),
}
"""French names of the three levers of the socio-economic model."""


def levers_view(
    sources: Sequence[FundingSource],
    year: int,
    *,
    employees: int,
    fte: float,
    volunteers: int,
    alliances: Sequence[str],
) -> View:
    """The three levers (:func:`~essdiag.funding.mix.levers`) as a table.

    Counts and ratios go in one column, amounts in euros in another, so that
    each column has one unit (a row leaves the other blank).
    """
    grid = levers(
        sources, year, employees=employees, fte=fte, volunteers=volunteers, alliances=alliances
    )
    money = grid["unit"] == "EUR"
    frame = pd.DataFrame(
        {
            "lever": [LEVER_NAMES[v] for v in grid["lever"]],
            "indicator": grid["indicator"],
            "number": [math.nan if m else v for v, m in zip(grid["value"], money, strict=True)],
            "amount": [v if m else math.nan for v, m in zip(grid["value"], money, strict=True)],
        }
    )
    return View(
        (
            Column("lever", N_("Levier"), "label"),
            Column("indicator", N_("Indicateur"), "label"),
            Column("number", N_("Valeur"), "count"),
            Column("amount", N_("Montant"), "EUR", digits=0),
        ),
        frame,
        title=N_("Les trois leviers du modèle socio-économique"),
    )
