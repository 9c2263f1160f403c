"""The « Ressources humaines » screen on both sample cases, in French and English."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from essdiag.hr.section import SizeBand
from essdiag.store import Workspace
from tests.app.apptest import open_sample, start

HEADCOUNT = {"recyclerie": "25", "scic-energie": "6"}  # the cases' README: 25 and 6 employees


def open_tab(at: AppTest, label: str) -> AppTest:
    """Open a tab of the screen (only the open tab is drawn)."""
    at.session_state["hr_tab"] = label
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_a_copy_of_a_case_opens_with_its_register_and_survey(case: str, db_url: str) -> None:
    at = start()
    open_sample(at, case)
    at.switch_page("pages/hr.py").run()
    assert not at.exception
    assert at.title[0].value == "Ressources humaines"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Effectif en fin de période"] == HEADCOUNT[case]
    assert at.get("plotly_chart")
    opened = at.session_state["dossier_current"]
    assert opened.dossier.hr.workforce is not None and opened.dossier.hr.survey is not None
    # the case's own files are held: no button to import them again, and it says so
    keys = {b.key for b in at.button}
    assert f"hr_sample_{case}" not in keys
    assert any("sont déjà importés" in c.value for c in at.caption)
    kinds = [a.kind for a in Workspace(db_url).attachments(opened.id)]
    assert kinds.count("hr-workforce-parquet") == 1 and kinds.count("hr-survey-parquet") == 1


def test_figures_that_cannot_be_computed_say_why(db_url: str) -> None:
    at = start()
    open_sample(at, "recyclerie")
    at.switch_page("pages/hr.py").run()
    open_tab(at, "Égalité")
    captions = [c.value for c in at.caption]
    # 25 people: the pay gap is not calculable (no group of 3 women and 3 men covers 40 %),
    # so 35 + 15 + 10 = 60 points are calculable, fewer than 75: no index.
    assert "Non calculable : moins de 75 points sont calculables" in captions
    # men's median variable pay is 0 (most get none): the median gap has no divisor
    assert any(c.startswith("Non calculable : la médiane des hommes est nulle") for c in captions)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Écart médian de rémunération de base"] == "0,0\xa0%"  # not « −0,0 % »


def test_importing_another_case_replaces_the_register_once(db_url: str) -> None:
    at = start()
    open_sample(at, "recyclerie")
    at.switch_page("pages/hr.py").run()
    at.button(key="hr_sample_scic-energie").click().run()
    assert not at.exception
    assert any("Enregistré" in s.value for s in at.success)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Effectif en fin de période"] == HEADCOUNT["scic-energie"]
    assert "hr_sample_scic-energie" not in {b.key for b in at.button}
    assert "hr_sample_recyclerie" in {b.key for b in at.button}


def test_key_person_risks_go_to_the_risk_register(db_url: str) -> None:
    at = start()
    open_sample(at, "recyclerie")
    at.switch_page("pages/hr.py").run()
    open_tab(at, "Compétences")
    before = len(at.session_state["dossier_current"].dossier.risks.risks)
    at.button(key="hr_send_risks").click().run()
    assert not at.exception
    risks = at.session_state["dossier_current"].dossier.risks.risks
    added = risks[before:]
    assert len(added) == 5 and all(r.category.value == "human" and r.skill for r in added)
    assert any("Paie" in r.title for r in added)
    assert "hr_send_risks" not in {b.key for b in at.button}  # sent once


def test_english_hr_screen(db_url: str) -> None:
    at = start("en")
    open_sample(at, "recyclerie")
    at.switch_page("pages/hr.py").run()
    assert not at.exception
    assert at.title[0].value == "Human resources"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Headcount at the end of the period"] == "25"
    open_tab(at, "Equality")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Median gap, base pay"] == "0.0%"
    captions = [c.value for c in at.caption]
    assert "Cannot be computed: fewer than 75 points can be calculated" in captions
    assert not any("Non calculable" in c or "déjà importés" in c for c in captions)


def test_only_the_open_tab_is_drawn_and_each_tab_opens(db_url: str) -> None:
    at = start()
    open_sample(at, "recyclerie")
    at.switch_page("pages/hr.py").run()
    labels = {m.label for m in at.metric}
    assert "Rémunération médiane (ETP)" not in labels  # the Pay tab is closed
    expected = {
        "Rémunérations": "Rémunération médiane (ETP)",
        "Égalité": "Écart moyen de rémunération de base",
        "Handicap (OETH)": "Bénéficiaires à employer",
        "Compétences": "Niveaux requis atteints",
        "Social et QVT": "Taux de rotation",
    }
    for tab, metric in expected.items():
        open_tab(at, tab)
        assert metric in {m.label for m in at.metric}, tab
    open_tab(at, "Exports")
    assert {b.label for b in at.get("download_button")} >= {
        "Télécharger le classeur (XLSX)",
        "Télécharger la synthèse (DOCX)",
    }


def test_uploading_a_register_with_bad_rows_keeps_the_good_ones_and_names_the_bad(
    db_url: str,
) -> None:
    from pathlib import Path

    raw = (Path(__file__).resolve().parents[1] / "data" / "hr" / "bad_rows.csv").read_bytes()
    at = start()
    open_sample(at, "scic-energie")
    at.switch_page("pages/hr.py").run()
    at.file_uploader(key="hr_register_file").set_value(("bad_rows.csv", raw, "text/csv")).run()
    assert not at.exception
    submit = next(b for b in at.button if b.proto.form_id == "hr_register_form")
    submit.click().run()
    assert not at.exception
    # shown after the save's rerun, under its confirmation: the rows set aside and why
    shown = "\n".join(e.value for e in at.error)
    assert "Contrat « stage » inconnu" in shown and "ligne 2" in shown
    stored = at.session_state["dossier_current"].dossier.hr.workforce
    assert stored is not None and stored.name == "bad_rows.csv"
    confirmation = f"{stored.rows_kept} ligne(s) retenue(s) sur {stored.rows_read}."
    assert any(s.value.endswith(confirmation) for s in at.success), [s.value for s in at.success]
    assert stored.rows_kept < stored.rows_read
    at.run()  # shown once
    assert not any("Contrat « stage » inconnu" in e.value for e in at.error)


def test_a_dossier_without_a_register_says_where_to_start_on_every_tab(db_url: str) -> None:
    at = start()
    open_sample(at, "blank")
    at.switch_page("pages/hr.py").run()
    assert not at.exception
    assert any("Aucun registre du personnel n'est encore importé" in i.value for i in at.info)
    assert {"hr_sample_recyclerie", "hr_sample_scic-energie"} <= {b.key for b in at.button}
    assert not at.metric  # no figure before a register: nothing to show as « – »
    for tab in ("Rémunérations", "Égalité", "Handicap (OETH)", "Compétences", "Social et QVT"):
        open_tab(at, tab)
        assert [i.value for i in at.info][-1] == (
            "Importez d'abord le registre du personnel (onglet « Effectif »)."
        ), tab


def test_choosing_another_size_band_shows_that_bands_indicators(db_url: str) -> None:
    at = start()
    open_sample(at, "recyclerie")
    at.switch_page("pages/hr.py").run()
    open_tab(at, "Égalité")

    def indicators() -> set[str]:
        return {e.label.split(" — ")[0] for e in at.expander if " — " in e.label}

    # 21,5 average headcount: the section's band is 50–250, its raises count promotions in
    combined = "Écart de taux d'augmentations (promotions comprises)"
    assert combined in indicators()
    at.selectbox(key="hr_eq_band").set_value(SizeBand.OVER_250).run()
    assert not at.exception
    # 250+: raises without promotions and promotions apart (Décret n° 2019-15, annexe I)
    assert {
        "Écart de taux d'augmentations (hors promotions)",
        "Écart de taux de promotions",
    } <= indicators()
    assert combined not in indicators()
    at.selectbox(key="hr_eq_band").set_value(SizeBand.FROM_50_TO_250).run()
    assert combined in indicators()
