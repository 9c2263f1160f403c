"""The accounts screen: imported files listed, a FEC's issues with line and column, a CSV mapped."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app.apptest import frame_with, open_sample, start

REPO = Path(__file__).resolve().parents[2]


def opened_sample() -> AppTest:
    """The app with a copy of the recyclerie sample open (its FEC and budget imported)."""
    return open_sample(start())


def test_ledger_page_lists_the_imported_fec(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/ledger.py").run()
    assert not at.exception
    imports = frame_with(at, "Lignes importées")
    assert sorted(imports.iloc[:, 0]) == ["FEC_2025.txt", "FEC_2026_01-10.txt"]


def test_fec_upload_lists_issues_with_line_and_column(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/ledger.py").run()
    bad = (REPO / "tests" / "data" / "ledger" / "bad_dates.txt").read_bytes()
    at.file_uploader(key="ledger_fec_upload").set_value(("bad_dates.txt", bad, "text/plain")).run()
    assert not at.exception, at.exception
    text = " ".join(e.value for e in at.error)
    assert "Date invalide « 20261345 »" in text
    assert "ligne 4, colonne EcritureDate" in text


def test_csv_actuals_with_a_mapping_remembered_for_the_dossier(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/ledger.py").run()
    csv = (
        "Jour;N° compte;Intitulé;Montant;Activité\n"
        "15/11/2026;606110;Électricité novembre;1200,50;RECY\n"
        "20/11/2026;707100;Ventes boutique;-800,00;RECY\n"
    ).encode()
    at.file_uploader(key="ledger_table_upload").set_value(("reel.csv", csv, "text/csv")).run()
    assert not at.exception, at.exception
    for field, column in (("date", "Jour"), ("account", "N° compte"), ("label", "Intitulé"),
                          ("amount", "Montant"), ("analytic", "Activité")):  # fmt: skip
        at.selectbox(key=f"ledger_map_{field}").set_value(column)
    at.selectbox(key="ledger_map_sign").set_value("debit_positive")
    at.button(key="FormSubmitter:ledger_mapping-Contrôler et importer").click().run()
    assert not at.exception, at.exception
    section = at.session_state["dossier_current"].dossier.ledger
    assert section.mapping is not None
    assert (section.mapping.date, section.mapping.amount, section.mapping.sign) == (
        "Jour",
        "Montant",
        "debit_positive",
    )
    assert section.imports[-1].name == "reel.csv" and section.imports[-1].kind == "table"
    assert section.imports[-1].lines_kept == 2 and section.imports[-1].original_id


def test_ledger_page_in_english(db_url: str) -> None:
    at = opened_sample()
    at.session_state["app_lang"] = "en"
    at.switch_page("pages/ledger.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Accounting: import the actuals"
    assert "Lines imported" in frame_with(at, "Lines imported").columns
