"""The "Financements" screen on the sample cases: register, mix, stress tests, gifts.

The sample folders are copied to a temporary directory without their FEC and
budget files, so the screen is tested on what the narrative's dossiers hold
as typed in by hand. :func:`open_case` and the ``db_url`` fixture serve the
finance and treasury screen tests too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from essdiag.store import Workspace
from tests.app.apptest import frame_with, open_sample, plain, samples_without_accounts, start


@pytest.fixture
def db_url(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A workspace seeded with the sample cases as typed in by hand (no accounts imported)."""
    monkeypatch.setenv("ESSDIAG_SAMPLES_DIR", str(samples_without_accounts(tmp_path / "samples")))
    return db_url


def open_case(
    case: str = "recyclerie", lang: str = "fr", page: str = "pages/funding.py"
) -> AppTest:
    """The app in a language, a copy of a sample case open, on a screen."""
    at = open_sample(start(lang), case)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_funding_page_needs_a_dossier(db_url: str) -> None:
    at = start()
    at.switch_page("pages/funding.py").run()
    assert not at.exception
    assert at.title[0].value == "Financements"
    assert "Aucun dossier n'est ouvert" in at.info[0].value


def test_recyclerie_mix_shows_the_state_as_first_funder(db_url: str) -> None:
    at = open_case()
    at.selectbox(key="funding_year").set_value(2025).run()
    assert not at.exception
    metrics = {m.label: plain(m.value) for m in at.metric}
    # Narrative: the State (aide au poste + FDI) brings nearly a third of the income:
    # (314 000 + 15 000) / 1 040 900 = 31,6 % (register amounts, by hand).
    assert metrics["Part du premier financeur"] == "31,6 %"
    assert metrics["Dépendance aux financements publics"] == "60,1 %"
    funders = frame_with(at, "Financeur")
    assert funders.iloc[0]["Financeur"] == "État – Ministère du Travail"
    # The bands are the figures' readings, under their metrics and in the caption.
    captions = [plain(c.value) for c in at.caption]
    assert "dépendance marquée" in captions  # 31,6 %: between 30 and 50 %
    assert any(
        c.startswith("Lecture : un indice HHI") and "dépendance marquée" in c for c in captions
    )


def test_stress_a_funder_that_stops(db_url: str) -> None:
    at = open_case()
    at.selectbox(key="funding_year").set_value(2026).run()
    at.selectbox(key="funding_stress_source").set_value("departement")
    at.slider(key="funding_stress_cut").set_value(100)
    at.button(key="FormSubmitter:funding_stress_form-Calculer le choc").click().run()
    assert not at.exception
    metrics = {m.label: plain(m.value) for m in at.metric}
    # 2026 agreement: 85 500 € (signed at 90 % of the request), lost entirely.
    assert metrics["Effet sur le résultat 2026"] == "−85 500,00 €"
    assert frame_with(at, "Avec le choc") is not None


def test_register_refuses_a_negative_amount(db_url: str) -> None:
    at = open_case()
    ws = Workspace(db_url)
    before = ws.list_dossiers()
    # Edit through the library path the form uses, then check the page shows French messages.
    from essdiag.funding.table import register_table, schedule_table, section_from_tables

    dossier = at.session_state["dossier_current"].dossier
    table = register_table(dossier.funding, dossier.funding.years())
    table.loc[0, "y2025"] = -10.0
    rebuilt, issues = section_from_tables(dossier.funding, table, schedule_table(dossier.funding))
    assert rebuilt is None
    assert (
        "Le montant 2025 de « Aide au poste ACI (versée par l'ASP) » ne peut pas être négatif"
        in (issues[0].message)
    )
    assert issues[0].where() == "Registre des financements, ligne 1, colonne Montant 2025 (€)"
    assert [d.head for d in ws.list_dossiers()] == [d.head for d in before]


def test_saving_the_alliances_makes_a_revision_and_says_so_after_the_rerun(db_url: str) -> None:
    at = open_case()
    ws = Workspace(db_url)
    info = next(d for d in ws.list_dossiers() if d.head == 1)
    at.text_area(key="funding_alliances").set_value("Réseau A\nRéseau B")
    at.button(key="FormSubmitter:funding_alliances_form-Enregistrer les alliances").click().run()
    assert not at.exception
    assert ws.load(info.id)[0].funding.alliances == ["Réseau A", "Réseau B"]
    assert any("Enregistré (version 2)" in s.value for s in at.success)


def test_english_funding_page(db_url: str) -> None:
    at = open_case(lang="en")
    assert at.title[0].value == "Funding"
    assert not at.exception
    # The mix's readings in English (they were left in French: « → modérément concentré »).
    texts = " ".join(plain(c.value) for c in at.caption)
    assert "concentré" not in texts and "moderately concentrated" in texts


def test_recyclerie_stress_notes_and_gifts_guide_the_user(db_url: str) -> None:
    at = open_case()
    infos = [plain(i.value) for i in at.info]
    # Without a budget the stress test uses the monthly flows of the Trésorerie screen, and
    # says so (not "ci-dessous": they are not on this screen).
    basis = [i for i in infos if "budget prévisionnel" in i]
    assert all("écran Trésorerie" in i for i in basis), basis
    assert not any("ci-dessous" in i and "mensuels" in i for i in infos)
    # Donor cost: whole-euro inputs; a 1 000 € gift to a food bank by a small income.
    at.checkbox(key="funding_gift_help").check().run()
    at.number_input(key="funding_gift_individual").set_value(1000).run()
    at.number_input(key="funding_gift_income").set_value(4000).run()
    assert not at.exception
    metrics = [(m.label, plain(m.value)) for m in at.metric]
    # 75 % of 1 000 €, outside the 20 % income limit (CGI art. 200-1 ter): 750 €.
    assert ("Réduction d'impôt", "750,00 €") in metrics
    assert ("Coût net pour le donateur", "250,00 €") in metrics
