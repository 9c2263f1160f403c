"""Views of the funding mix: the tables the screen, the charts and the export share."""

from __future__ import annotations

import math

import pytest

from essdiag.funding import FundingSection
from essdiag.funding.mix import shares_by, trend
from essdiag.funding.section import FundingFamily
from essdiag.funding.views import (
    TREND_SHOWN,
    family_view,
    funder_view,
    levers_view,
    trend_view,
)
from essdiag.i18n import translator
from tests.funding.samples import sample


@pytest.fixture(scope="module")
def recyclerie() -> FundingSection:
    return sample("recyclerie")


def test_family_view_holds_the_shares_and_shows_the_labels(recyclerie: FundingSection) -> None:
    view = family_view(recyclerie.sources, 2025)
    raw = shares_by(recyclerie.sources, 2025)
    assert [f.value for f in view.frame["family"]] == list(raw["key"])
    assert view.values("amount") == list(raw["amount"])
    shown = view.display(translator("fr"))
    assert list(shown.columns) == ["Famille", "Montant", "Part"]
    # Public 626 000 € of 1 040 900 € (register 2025): 60,1 %.
    assert shown.iloc[0].tolist() == ["Financements publics", "626\u202f000\xa0€", "60,1\xa0%"]
    assert view.display(translator("en")).iloc[0, 0] == "Public funding"
    csv = view.csv(translator("fr")).decode("utf-8-sig").splitlines()
    assert csv[0] == "Famille;Montant (€);Part (%)"
    assert csv[1].startswith("Financements publics;626000;60,1")


def test_funder_view_puts_the_largest_first(recyclerie: FundingSection) -> None:
    view = funder_view(recyclerie.sources, 2025)
    assert view.frame["funder"].iloc[0] == "État – Ministère du Travail"
    assert view.frame["share"].sum() == pytest.approx(1.0)


def test_trend_view_shows_some_columns_and_exports_all(recyclerie: FundingSection) -> None:
    view = trend_view(recyclerie.sources, recyclerie.years())
    assert view.frame.equals(trend(recyclerie.sources, recyclerie.years()))
    fr = translator("fr")
    assert view.select(TREND_SHOWN).headers(fr) == [
        "Exercice",
        "Financements publics",
        "Financements privés",
        "Ressources d'activité",
        "Dépendance publique",
        "HHI",
    ]
    assert len(view.headers(fr)) == 9
    first = view.select(TREND_SHOWN).display(fr).iloc[0].tolist()
    assert first[0] == "2025" and first[-1].count(",") == 1 and len(first[-1]) == 5  # 0,xxx
    cells = view.cells(fr)[0]
    assert cells[0] == 2025 and isinstance(cells[1], float)


def test_levers_view_gives_each_column_one_unit(recyclerie: FundingSection) -> None:
    view = levers_view(
        recyclerie.sources, 2025, employees=25, fte=21.5, volunteers=45, alliances=["a", "b"]
    )
    fr = translator("fr")
    shown = view.display(fr).set_index("Indicateur")
    assert shown.loc["Bénévoles par salarié", "Valeur"] == "1,80"
    assert shown.loc["Bénévoles par salarié", "Montant"] == "–"
    assert shown.loc["Contributions en nature valorisées", "Montant"] == "64\u202f806\xa0€"
    assert shown.loc["Partenariats et réseaux déclarés", "Valeur"] == "2"
    assert set(shown["Levier"]) == {"Richesses humaines", "Ressources financières", "Alliances"}
    row = view.frame.set_index("indicator").loc["Nombre de financeurs"]
    assert row["number"] > 0 and math.isnan(row["amount"])


def test_views_of_an_empty_register_are_empty() -> None:
    assert family_view([], 2026).empty and funder_view([], 2026).empty
    assert FundingFamily.PUBLIC.label == trend_view([], []).column("public").label
