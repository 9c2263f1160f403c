"""The SCIC sample case on the screens that read accounts and a budget.

« Ouvrir une copie de ce cas » on Argoat Énergies Citoyennes imports its two
FEC files (with their analytic column) and brings its 2026 budget: the
variance, treasury, funding and finance screens then show the case's story
(README of sample_data/scic-energie: a sunny summer, an inverter replaced,
the Région's investment grant still due).
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.apptest import frame_with, open_sample, plain, start


def on_scic(page: str, lang: str = "fr", *, figures: bool = True) -> AppTest:
    """The app with a copy of the SCIC case open, on a screen, with no exception."""
    at = open_sample(start(lang), "scic-energie")
    opened = at.session_state["dossier_current"].dossier
    assert [i.name for i in opened.ledger.imports] == ["FEC_2025.txt", "FEC_2026_01-10.txt"]
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.metric or not figures, "the screen shows figures"
    return at


def test_the_variance_screen_tells_the_summer_and_the_inverter(db_url: str) -> None:
    at = on_scic("pages/variance.py")
    assert at.selectbox(key="variance_through").value == "2026-10"
    assert at.selectbox(key="variance_period").value == "ytd"
    at.selectbox(key="variance_level").set_value("account").run()
    assert not at.exception
    flagged = at.dataframe[0].value  # flagged lines first
    assert set(flagged["À expliquer"]) == {"Oui"}
    assert set(flagged["Clé"]) == {"701100", "615500"}  # above 5 000 € and 5 % of the budget
    inverter = flagged[flagged["Clé"] == "615500"]
    assert inverter["Explication"].iloc[0].startswith("Remplacement de l'onduleur central")
    assert at.get("plotly_chart")


def test_the_variance_screen_by_activity(db_url: str) -> None:
    at = on_scic("pages/variance.py")
    at.selectbox(key="variance_level").set_value("analytic").run()
    assert not at.exception, at.exception
    keys = set().union(*(set(df.value.get("Clé", [])) for df in at.dataframe))
    assert {"PROD", "SOBRIETE", "EOLIEN"} <= keys
    # PROD carries a charge gap and an income gap: one box each, one explanation each
    boxes = {t.key: t for t in at.text_area if "PROD" in str(t.key)}
    assert set(boxes) == {
        "variance_comment_analytic_charge_PROD",
        "variance_comment_analytic_income_PROD",
    }
    boxes["variance_comment_analytic_income_PROD"].input("Été très ensoleillé : ventes EDF OA.")
    at.button(key="FormSubmitter:variance_comments-Enregistrer les explications").click().run()
    assert not at.exception, at.exception
    after = {t.key: t.value for t in at.text_area if "PROD" in str(t.key)}
    assert after == {
        "variance_comment_analytic_charge_PROD": "",
        "variance_comment_analytic_income_PROD": "Été très ensoleillé : ventes EDF OA.",
    }


def test_the_treasury_plan_runs_on_the_budget_from_the_2025_closing_cash(db_url: str) -> None:
    at = on_scic("pages/treasury.py")
    assert at.number_input(key="treasury_opening").value == pytest.approx(104_713.35)
    infos = " ".join(i.value for i in at.info)
    assert "n'a pas encore de budget" not in infos  # the plan reads the budget
    metrics = {m.label: plain(m.value) for m in at.metric}
    # the bank (512000 + 512200) on 31 October 2026, read in FEC_2026_01-10.txt
    assert metrics["Trésorerie en banque (au 31/10/2026)"] == "110 933,19 €"  # as the sentence
    assert metrics["Écart au plan initial (fin octobre 2026)"].startswith("−")
    bank = frame_with(at, "Réalisé (banque)").set_index("Mois")
    # README: the farm roofs paid in June (114 000 € TTC) before the Région's grant came
    assert plain(bank.loc["juin 2026", "Réalisé (banque)"]) == "28 977 €"
    assert at.get("plotly_chart")


def test_the_funding_screen_reads_the_register_and_the_accounts(db_url: str) -> None:
    at = on_scic("pages/funding.py")
    register = frame_with(at, "funder")
    assert "Ventes d'électricité solaire (obligation d'achat)" in set(register["name"])
    metrics = {m.label: plain(m.value) for m in at.metric}
    # sales and services 442 267 € of 2025 income: the own-activity share is high, and EDF OA
    # (solar and wind purchase obligation) is the first « funder »
    assert metrics["Part des ressources d'activité"].endswith("%")
    assert metrics["Part du premier financeur"].endswith("%")
    assert at.get("plotly_chart")


def test_the_finance_screen_reads_the_imported_balance_sheet(db_url: str) -> None:
    at = on_scic("pages/finance.py")
    assert any("balance des comptes importés" in c.value for c in at.caption)
    table = frame_with(at, "FRNG")
    row = table[table.iloc[:, 0].astype(str) == "2025"].iloc[0]
    # README « Bilan 2025 » : FRNG = 744 055,54 + 8 000 + 912 712,64 − 1 518 300 = 146 468,18 €
    assert plain(row["FRNG"]) == "146 468 €"
    assert plain(row["Trésorerie nette"]) == "104 713 €"


@pytest.mark.parametrize("page", ["pages/budget.py", "pages/compliance.py"])
def test_the_other_screens_of_the_accounts_work_on_the_scic(page: str, db_url: str) -> None:
    on_scic(page)


def test_the_ledger_screen_lists_both_fec(db_url: str) -> None:
    at = on_scic("pages/ledger.py", figures=False)
    files = frame_with(at, "Fichier")
    assert list(files["Fichier"]) == ["FEC_2025.txt", "FEC_2026_01-10.txt"]
    assert set(files["Problèmes"].astype(str)) == {"0"}


def test_the_variance_screen_reads_in_english(db_url: str) -> None:
    at = on_scic("pages/variance.py", lang="en")
    assert at.title[0].value.startswith("Budget")
    assert not at.exception
