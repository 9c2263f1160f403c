"""The "Financements" screen on the sample cases: register, mix, stress, health, plan, gifts.

The sample folders are copied to a temporary directory with the funding and
treasury sections of ``sample_data/sections`` filled in, so the screen is
tested on the narrative's figures whether or not the shipped dossier.json has
been regenerated yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from essdiag.store import Workspace
from tests.app.apptest import frame_with, plain, samples_without_accounts

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_url(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A workspace seeded with the sample cases as typed in by hand (no accounts imported)."""
    monkeypatch.setenv("ESSDIAG_SAMPLES_DIR", str(samples_without_accounts(tmp_path / "samples")))
    return db_url


def open_case(case: str = "recyclerie", lang: str = "fr") -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.session_state["app_lang"] = lang
    at.run()
    at.button(key=f"home_sample_{case}").click().run()
    assert not at.exception
    at.switch_page("pages/funding.py").run()
    assert not at.exception
    return at


def test_funding_page_needs_a_dossier(db_url: str) -> None:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
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


def test_stress_a_funder_that_stops(db_url: str) -> None:
    at = open_case()
    at.selectbox(key="funding_year").set_value(2026).run()
    at.selectbox(key="funding_stress_source").set_value("departement")
    at.slider(key="funding_stress_cut").set_value(100)
    at.button(key="FormSubmitter:funding_stress_form-Calculer le choc").click().run()
    assert not at.exception
    metrics = {m.label: plain(m.value) for m in at.metric}
    # 2026 agreement: 85 500 € (signed at 90 % of the request), lost entirely.
    assert metrics["Effet sur le résultat 2026"] == "−85 500 €"


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


def test_scic_financing_plan_and_loans(db_url: str) -> None:
    at = open_case("scic-energie")
    at.selectbox(key="funding_plan_choice").set_value(0).run()
    assert not at.exception
    metrics = {m.label: plain(m.value) for m in at.metric}
    assert metrics["Équilibre ressources − besoins"] == "0 €"
    assert "Échéance après différé" in metrics
    assert at.get("plotly_chart")


def test_health_tab_reads_the_hand_entered_balance_sheet(db_url: str) -> None:
    at = open_case()
    table = frame_with(at, "FRNG")
    # Recyclerie 2025, from FEC_2025 balances: FRNG 273 665 €, BFR 64 530 €, cash 209 135 €.
    row = table.iloc[-1]
    assert plain(row["FRNG"]) == "273 665 €"
    assert plain(row["BFR"]) == "64 530 €"
    assert plain(row["Trésorerie nette"]) == "209 135 €"


def test_english_funding_page(db_url: str) -> None:
    at = open_case(lang="en")
    assert at.title[0].value == "Funding"


def test_health_tab_reads_an_imported_fec(db_url: str) -> None:
    from essdiag.ledger import read_fec, store_ledger
    from essdiag.periods import FiscalYear

    at = open_case()
    opened = at.session_state["dossier_current"]
    ws = Workspace(db_url)
    raw = (REPO / "sample_data" / "recyclerie" / "FEC_2025.txt").read_bytes()
    fec = read_fec(raw, file="FEC_2025.txt", fiscal_year=FiscalYear(label_year=2025))
    assert fec.ledger is not None
    ledger = store_ledger(
        ws,
        opened.id,
        opened.dossier.ledger,
        fec.ledger,
        original=raw,
        name="FEC_2025.txt",
        kind="fec",
        fiscal_year=2025,
        lines_read=fec.lines_read,
        issues=len(fec.issues),
    )
    ws.save(
        opened.id,
        opened.dossier.model_copy(
            update={
                "ledger": ledger,
                "funding": opened.dossier.funding.model_copy(update={"accounts": []}),
            }
        ),
        base=opened.revision,
        author="test",
        message="FEC 2025",
    )
    at.switch_page("pages/home.py").run()
    at.selectbox(key="home_open_choice").set_value(opened.id)
    at.button(key="FormSubmitter:home_open_form-Ouvrir").click().run()
    at.switch_page("pages/funding.py").run()
    assert not at.exception
    assert any("balance des comptes importés" in c.value for c in at.caption)
    row = frame_with(at, "FRNG").iloc[-1]
    assert plain(row["FRNG"]) == "273 665 €"
    assert plain(row["Trésorerie nette"]) == "209 135 €"


def test_recyclerie_empty_plan_and_stress_notes_guide_the_user(db_url: str) -> None:
    at = open_case()
    infos = [plain(i.value) for i in at.info]
    # The recyclerie has no financing plan: the tab says what to enter.
    assert any(i.startswith("Aucun plan de financement pour l'instant.") for i in infos)
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
