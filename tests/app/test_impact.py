"""The « Utilité sociale et impact » screen end to end (AppTest, no browser)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from streamlit.testing.v1 import AppTest

from essdiag.store import Workspace
from tests.app.apptest import frame_with, open_sample, plain, start

PAGE = "pages/impact.py"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "impact"
SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


def on_impact(case: str = "recyclerie", lang: str = "fr") -> AppTest:
    at = start(lang)
    open_sample(at, case)
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    return plain(next(m.value for m in at.metric if m.label == label))


def test_without_a_dossier_the_screen_leads_home(db_url: str) -> None:
    at = start()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert "Aucun dossier n'est ouvert" in at.info[0].value


def test_the_sample_shows_its_headline_dashboard_and_sroi(db_url: str) -> None:
    at = on_impact()
    assert at.title[0].value == "Utilité sociale et impact"
    assert metric(at, "Ratio SROI") == "0,92"
    assert metric(at, "Indicateurs calculés par le dossier") == "7"
    assert metric(at, "Valeur actuelle des effets") == "653 158,16 €"  # to the cent, as its working
    board = frame_with(at, "Progression")
    assert "Sorties vers l'emploi ou la formation" in set(board["Indicateur"])
    chain = frame_with(at, "Conduit à")
    assert len(chain) == 22
    assert len(frame_with(at, "Ratio (valeur basse)")) > 10  # the tornado's table beside its chart
    assert at.get("plotly_chart")


def _scic_volunteer_hours_2025() -> Decimal:
    """Hours from the SCIC's 2025 FEC, read here independently of the library.

    Σ debits of 864 « Personnel bénévole » (12 830,40 + 8 553,60 = 21 384,00 €) over the
    hourly SMIC in force on 31/12/2025 (11,88 € since 01/11/2024, décret 2024-951):
    21 384,00 / 11,88 = 1 800 h — the entry's own label says « 1 800 h au SMIC horaire ».
    """
    text = (SAMPLES / "scic-energie" / "FEC_2025.txt").read_text("utf-8-sig")
    rows = [line.split("\t") for line in text.splitlines()[1:]]
    debits = sum(
        (Decimal(r[11].replace(",", ".")) for r in rows if r[4].startswith("864")), Decimal(0)
    )
    assert debits == Decimal("21384.00")
    return debits / Decimal("11.88")


def test_the_scic_case_computes_volunteer_hours_from_its_accounts(db_url: str) -> None:
    at = on_impact("scic-energie")
    assert metric(at, "Ratio SROI") == "1,50"  # 104 299 € / 69 384 €
    board = frame_with(at, "Progression").set_index("Indicateur")
    # its FEC carries 864/875 contributions in kind: hours are computed, and are a whole count
    hours = _scic_volunteer_hours_2025()
    assert hours == 1800
    assert plain(board.loc["Heures de bénévolat", "Valeur"]) == "1 800"
    assert board.loc["Heures de bénévolat", "Période"] == "2025"
    assert board.loc["Heures de bénévolat", "Calculé par le dossier"] == "Oui"
    # no HR register: local jobs read the declared 5,2 FTE
    assert plain(board.loc["Emplois locaux (ETP)", "Valeur"]) == "5,20"


def test_english_interface(db_url: str) -> None:
    at = on_impact(lang="en")
    assert at.title[0].value == "Social utility and impact"
    assert metric(at, "SROI ratio") == "0.92"
    assert "Outcomes" in set(frame_with(at, "Leads to")["Level"])


def test_an_unchanged_theory_saves_nothing(db_url: str) -> None:
    at = on_impact()
    head = Workspace(db_url).list_dossiers()[0].head
    at.button(key="impact_theory_save").click().run()
    assert not at.exception
    assert any("Aucune modification à enregistrer" in i.value for i in at.info)
    assert Workspace(db_url).list_dossiers()[0].head == head


def test_indicators_are_added_from_the_library(db_url: str) -> None:
    at = on_impact()
    at.multiselect(key="impact_library_choice").set_value(["training_hours", "co2_avoided"])
    at.button(key="FormSubmitter:impact_library_form-Ajouter au tableau de bord").click().run()
    assert not at.exception
    assert any("Enregistré (version 3)" in s.value for s in at.success)
    ws = Workspace(db_url)
    dossier, _ = ws.load(ws.list_dossiers()[0].id)
    assert [i.id for i in dossier.impact.indicators[-2:]] == ["training_hours", "co2_avoided"]


def test_an_sroi_file_replaces_the_case_and_a_bad_one_is_refused(db_url: str) -> None:
    at = on_impact()
    raw = (CORPUS / "sroi_truncated.json").read_bytes()
    at.file_uploader(key="impact_sroi_upload").set_value(("x.json", raw, "application/json")).run()
    assert not at.exception
    assert any("l'analyse en place est conservée" in e.value for e in at.error)
    raw = (CORPUS / "sroi_good.json").read_bytes()
    at.file_uploader(key="impact_sroi_upload").set_value(
        ("cas.json", raw, "application/json")
    ).run()
    at.button(key="impact_sroi_replace").click().run()
    assert not at.exception
    assert metric(at, "Ratio SROI") == "2,38"  # 142 709,35 / 60 000 (tests/impact/test_sroi.py)


def test_a_what_if_recomputes_without_saving(db_url: str) -> None:
    at = on_impact()
    head = Workspace(db_url).list_dossiers()[0].head
    at.selectbox(key="impact_what_if_outcome").set_value("Équipement à petit prix")
    at.selectbox(key="impact_what_if_field").set_value("proxy")
    at.number_input(key="impact_what_if_value").set_value(25.0)
    at.button(key="FormSubmitter:impact_what_if-Recalculer").click().run()
    assert not at.exception
    # proxy 20 → 25: the shop's outcome grows by a quarter, 207 768 → 259 710 €: 705 100 / 711 401
    assert metric(at, "Ratio SROI du scénario") == "0,99"
    assert Workspace(db_url).list_dossiers()[0].head == head


def test_the_report_is_prepared_and_offered_for_download(db_url: str) -> None:
    at = on_impact()
    at.button(key="impact_report_docx_make").click().run()
    assert not at.exception
    assert any(b.label == "Télécharger le rapport (DOCX)" for b in at.get("download_button"))
