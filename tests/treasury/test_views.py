"""Views of the treasury: the plan, the receipts, the Monte Carlo quantiles."""

from __future__ import annotations

import math

from essdiag.i18n import translator
from essdiag.treasury import assemble, simulate
from essdiag.treasury.views import (
    FAN_SHOWN,
    PLAN_SHOWN,
    cash_plan_view,
    montecarlo_view,
    receipts_view,
)
from tests.treasury.cases import TODAY, case


def test_plan_view_names_every_series_and_shows_the_main_columns() -> None:
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    plan, _ = inputs.cash_plan()
    assert plan is not None
    view = cash_plan_view(plan)
    fr = translator("fr")
    assert len(view.columns) == len(plan.columns)  # « actual » becomes « status »
    shown = view.select(PLAN_SHOWN).display(fr)
    assert list(shown.columns) == [
        "Mois",
        "Réalisé ou prévision",
        "Début de mois",
        "Encaissements",
        "Décaissements",
        "Fin de mois",
        "Disponible",
        "Sous le seuil minimal",
    ]
    # The opening cash stated in sample_data/recyclerie/dossier/treasury.json (209 134,86 €),
    # to the cent like the card above the table.
    assert shown.iloc[0, 0] == "janvier 2026" and shown.iloc[0, 2] == "209\u202f134,86\xa0€"
    assert set(shown["Réalisé ou prévision"]) == {"Prévision"}  # no accounts: all forecast
    assert set(shown["Sous le seuil minimal"]) <= {"Oui", "Non"}
    assert view.display(translator("en")).iloc[0, 0] == "January 2026"


def test_receipts_view_leaves_months_without_payment_blank() -> None:
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    view = receipts_view(inputs, translator("fr"))
    row = view.frame.set_index("source").loc["FSE+ – accompagnement socioprofessionnel"]
    assert row["2026-11"] == 85_000 and math.isnan(row["2026-01"])
    shown = view.display(translator("fr")).set_index("Ressource")
    # Months headed as the reader writes them, a month without payment blank.
    assert shown.loc["FSE+ – accompagnement socioprofessionnel", "janv. 2026"] == "–"
    english = receipts_view(inputs, translator("en")).display(translator("en"))
    assert "Nov 2026" in english.columns


def test_receipts_view_keeps_the_months_to_come() -> None:
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    later = inputs.model_copy(update={"actual_months": 10})
    assert [c.key for c in receipts_view(later, translator("fr")).columns][1] == "2026-11"


def test_montecarlo_view_keeps_every_quantile() -> None:
    r, _ = simulate(0.0, [0.0] * 2, [10.0] * 2, [[30.0, 0.0]], months=["2026-01", "2026-02"])
    view = montecarlo_view(r)
    assert view.values("month") == ["2026-01", "2026-02"]
    assert [c.key for c in view.select(FAN_SHOWN).columns] == list(FAN_SHOWN)
    assert view.headers(translator("fr"))[4] == "Médiane"
