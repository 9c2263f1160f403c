"""The « Publics et satisfaction » screen end to end (AppTest, no browser)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from essdiag.store import Workspace
from tests.app.apptest import frame_with, open_sample, plain, start

PAGE = "pages/publics.py"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "impact"


def with_answers(case: str = "recyclerie", lang: str = "fr") -> AppTest:
    """The screen on a sample copy whose survey answers were attached from the case."""
    at = start(lang)
    open_sample(at, case)
    at.switch_page(PAGE).run()
    assert not at.exception
    button = next(b for b in at.button if (b.key or "").startswith("publics_sample_"))
    button.click().run()
    assert not at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    return plain(next(m.value for m in at.metric if m.label == label))


def test_without_a_dossier_the_screen_leads_home(db_url: str) -> None:
    at = start()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert "Aucun dossier n'est ouvert" in at.info[0].value


def test_a_described_survey_waits_for_its_answers(db_url: str) -> None:
    at = start()
    open_sample(at)
    at.switch_page(PAGE).run()
    assert not at.exception
    assert "ses réponses ne sont pas jointes" in at.info[0].value
    assert not at.metric


def test_the_sample_answers_are_attached_and_read(db_url: str) -> None:
    at = with_answers()
    assert any("Enregistré (version 3)" in s.value for s in at.success)
    assert metric(at, "Répondants") == "143"
    assert metric(at, "Recommandation (NPS)") == "35 points"
    means = frame_with(at, "Moyenne")
    accueil = means[means["Question"] == "Accueil et écoute"].iloc[0]
    assert (plain(accueil["Moyenne"]), plain(accueil["IC 95 % bas"])) == ("4,40", "4,26")
    by_group = [e.value for e in at.dataframe if "Remarque" in e.value.columns]
    partners = next(f for f in by_group if "Partenaires" in set(f["Groupe"]))  # 8 answers: shown
    assert plain(partners[partners["Groupe"] == "Partenaires"].iloc[0]["Réponses"]) == "8"
    assert len(frame_with(at, "Mot-clé")) == 10
    ws = Workspace(db_url)
    dossier, _ = ws.load(ws.list_dossiers()[0].id)
    assert dossier.impact.surveys[0].rows_kept == 143


def test_results_by_period(db_url: str) -> None:
    at = with_answers()
    at.radio(key="publics_group_by").set_value("period").run()
    assert not at.exception
    nps = next(
        e.value
        for e in at.dataframe
        if "NPS" in e.value.columns and "2026-S2" in set(e.value["Groupe"])
    )
    assert [plain(v) for v in nps["Réponses"]] == [
        "142",
        "69",
        "73",
    ]  # all, March wave, September wave


def test_small_groups_are_withheld(db_url: str) -> None:
    at = with_answers("scic-energie")
    tables = [e.value for e in at.dataframe if "Remarque" in e.value.columns]
    means = next(f for f in tables if "Bénéficiaires" in set(f["Groupe"]))
    row = means[
        (means["Question"] == "La rémunération de mon épargne me convient")
        & (means["Groupe"] == "Bénéficiaires")
    ]
    assert row.iloc[0]["Remarque"] == "moins de 5 réponses : résultat non publié"
    assert row.iloc[0]["Moyenne"] == "–"


def test_a_form_export_is_mapped_and_imported_with_its_bad_answers_reported(db_url: str) -> None:
    at = start()
    open_sample(at)
    at.switch_page(PAGE).run()
    raw = (CORPUS / "survey_limesurvey.csv").read_bytes()
    at.file_uploader(key="publics_upload").set_value(("lime.csv", raw, "text/csv")).run()
    assert not at.exception
    assert any("12 ligne(s) de réponses et 6 colonne(s) lues." in s.value for s in at.success)
    at.text_input(key="publics_import_title").set_value("Enquête de mars")
    at.button(key="publics_import_go").click().run()
    assert not at.exception
    ws = Workspace(db_url)
    dossier, _ = ws.load(ws.list_dossiers()[0].id)
    survey = dossier.impact.surveys[-1]
    assert (survey.title, survey.rows_kept, survey.file) == ("Enquête de mars", 12, "lime.csv")
    assert (
        survey.issues >= 4
    )  # two answers off the scale, one unreadable, an unknown public, a date


def test_a_bad_file_is_refused_and_nothing_changes(db_url: str) -> None:
    at = start()
    open_sample(at)
    at.switch_page(PAGE).run()
    head = Workspace(db_url).list_dossiers()[0].head
    raw = (CORPUS / "survey_pdf.csv").read_bytes()
    at.file_uploader(key="publics_upload").set_value(("x.csv", raw, "text/csv")).run()
    assert not at.exception
    assert any("n'a pas été importé" in e.value for e in at.error)
    assert Workspace(db_url).list_dossiers()[0].head == head


def test_english_interface_and_the_template(db_url: str) -> None:
    at = with_answers(lang="en")
    assert at.title[0].value == "Publics and satisfaction"
    assert metric(at, "Respondents") == "143"
    labels = [b.label for b in at.get("download_button")]
    assert "Download the questionnaire template (XLSX)" in labels
