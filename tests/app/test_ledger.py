"""The accounts screen: imported files listed, a FEC's issues with line and column, a CSV mapped."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app.apptest import frame_with, open_sample, plain, start

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
    # What will be kept and what the import replaces, before anything is imported.
    assert any("Toutes les lignes (2) seront importées." in s.value for s in at.success)
    replace = at.checkbox(key="ledger_table_replace")
    # November beside the FEC of January–October: added, not replacing, by default.
    assert "FEC_2026_01-10.txt" in replace.label and not replace.value
    at.button(key="ledger_table_import").click().run()
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
    assert "FEC_2026_01-10.txt" in [i.name for i in section.for_year(2026)]  # kept beside
    flash = " ".join(plain(s.value) for s in at.success)
    assert "importé (version" in flash and "2 ligne(s) importée(s) sur 2 lue(s)" in flash


def test_ledger_page_in_english(db_url: str) -> None:
    at = open_sample(start("en"))
    at.switch_page("pages/ledger.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Accounting: import the actuals"
    assert "Lines imported" in frame_with(at, "Lines imported").columns
    at.session_state["ledger_tab_en"] = "Trial balance and cash"
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="ledger_overview_year_en").value == 2026
    assert "fiscal year 2026" in at.selectbox(key="ledger_overview_year_en").options
    classes = frame_with(at, "Jan 2026")  # months named the one way, in English
    assert "7 – Income" in set(classes["Class"])
    cash = frame_with(at, "Cash at the end of the month")
    assert cash.iloc[-1, 0] == "October 2026" and cash.iloc[-1, 1] == "€168,028.63"


def test_balance_tab_shows_the_result_and_the_bank_of_the_fec(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/ledger.py").run()
    assert not at.metric  # the balance tab is drawn only when open
    at.session_state["ledger_tab_fr"] = "Balance et trésorerie"
    at.run()
    assert not at.exception, at.exception
    values = {plain(m.label): plain(m.value) for m in at.metric}
    # The sample FEC's own class 5 balance on 31/10/2026 (tests/ledger/test_balances.py
    # recomputes it from the FEC text) and its result to date, named with their period.
    assert values["Trésorerie (au 31/10/2026)"] == "168 028,63 €"
    # The span of months as Period.title writes it, the year once (issue #11); −57 391,47 € is
    # recomputed from the FEC text by tests/ledger/test_balances.py.
    result = values["Résultat à date (janvier – octobre 2026, toute la structure)"]
    assert result == "−57 391,47 €"
    cash = frame_with(at, "Trésorerie en fin de mois")
    assert plain(cash.iloc[-1, 1]) == "168 028,63 €" and cash.iloc[-1, 0] == "octobre 2026"
    classes = frame_with(at, "janv. 2026")
    assert "7 – Produits" in set(classes.iloc[:, 0])
    at.toggle(key="ledger_trial_shown").set_value(True).run()
    trial = frame_with(at, "Solde (débit − crédit)")
    assert "512000" in set(trial["Compte"])


def test_removing_an_import_asks_first_and_keeps_the_other_year(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/ledger.py").run()
    section = at.session_state["dossier_current"].dossier.ledger
    first = section.imports[0]
    at.selectbox(key="ledger_remove_which").set_value(first.parquet_id).run()
    assert at.button(key="ledger_remove").disabled  # not before the confirmation
    at.checkbox(key="ledger_remove_sure_0").check().run()
    at.button(key="ledger_remove").click().run()
    assert not at.exception, at.exception
    after = at.session_state["dossier_current"].dossier.ledger
    assert [i.name for i in after.imports] == [i.name for i in section.imports[1:]]
    assert any("retiré (version" in plain(s.value) for s in at.success)
    assert not at.checkbox(key="ledger_remove_sure_1").value  # asked again for the next one


def test_reimporting_a_year_says_what_it_replaces(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/ledger.py").run()
    fec = (REPO / "sample_data" / "recyclerie" / "FEC_2026_01-10.txt").read_bytes()
    at.file_uploader(key="ledger_fec_upload").set_value(("FEC_bis.txt", fec, "text/plain")).run()
    assert not at.exception, at.exception
    text = " ".join(plain(i.value) for i in at.info)
    assert "Cet import remplace pour l'exercice 2026 : FEC_2026_01-10.txt." in text
    assert any("Toutes les lignes (2 884) seront importées." in plain(s.value) for s in at.success)
