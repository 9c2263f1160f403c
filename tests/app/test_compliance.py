"""The « Cadre juridique et fiscal » screen on both sample cases, in French and English."""

from __future__ import annotations

import pytest

from essdiag.compliance.section import Answer
from essdiag.store import Workspace
from tests.app.apptest import frame_with, open_sample, plain, start


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_every_tab_renders_on_the_sample_cases(case: str, db_url: str) -> None:
    at = start()
    open_sample(at, case)
    at.switch_page("pages/compliance.py").run()
    assert not at.exception
    assert at.title[0].value == "Cadre juridique et fiscal"
    assert len(at.tabs) == 6
    labels = [m.label for m in at.metric]
    assert labels[:4] == ["Non conformes", "À vérifier", "Conformes", "Sans objet"]
    counts = frame_with(at, "Verdict d'ensemble")
    assert counts["Cadre"].iloc[0] == "Appartenance à l'ESS (loi ESS, art. 1)"
    assert at.get("plotly_chart")  # the verdicts chart and the CSESS radar
    downloads = [b.proto.label for b in at.get("download_button")]
    assert "Note sur le cadre juridique et fiscal (DOCX)" in downloads
    assert "Classeur des constats et des calculs (XLSX)" in downloads
    assert "Projet de rapport à l'assemblée générale (DOCX)" in downloads


def test_the_recyclerie_shows_its_shop_to_weigh_and_its_pays_from_its_register(
    db_url: str,
) -> None:
    at = start()
    open_sample(at, "recyclerie")  # the copy brings its workforce register (effectif_2025.csv)
    at.switch_page("pages/compliance.py").run()
    assert not at.exception
    attention = frame_with(at, "Raison")
    assert "Boutique solidaire" in set(attention["Critère"])
    criteria = frame_with(at, "Marge avant le seuil")
    top5 = criteria[criteria["Critère"] == "Moyenne des 5 plus hautes rémunérations (ETP)"]
    # effectif_2025.csv: (43 200 + 37 000 + 29 100 + 28 200 + 27 600) / 5 = 33 020 € ;
    # 2025 cap 7 × 21 621,60 = 151 351,20 €
    assert plain(top5["Valeur"].iloc[0]) == "33 020,00 €"
    assert plain(top5["Seuil"].iloc[0]) == "151 351,20 €"


def test_without_a_register_the_pay_caps_say_they_cannot_be_computed(db_url: str) -> None:
    at = start()
    at.button(key="home_sample_scic-energie").click().run()
    opened = at.session_state["dossier_current"]
    ws = Workspace(db_url)
    dossier, _rev = ws.load(opened.id)
    emptied = dossier.model_copy(update={"hr": type(dossier.hr)()})
    ws.save(opened.id, emptied, base=opened.revision, author="test", message="sans effectif")
    at.session_state["dossier_current"] = type(opened)(
        id=opened.id, revision=ws.head(opened.id), dossier=emptied
    )
    at.switch_page("pages/compliance.py").run()
    assert not at.exception
    criteria = frame_with(at, "Marge avant le seuil")
    top5 = criteria[criteria["Critère"] == "Moyenne des 5 plus hautes rémunérations (ETP)"]
    assert top5["Valeur"].iloc[0] == "–"  # no register: not computable, and said so


def test_a_declaration_is_saved_as_a_new_version(db_url: str) -> None:
    at = start()
    open_sample(at, "recyclerie")
    at.switch_page("pages/compliance.py").run()
    at.radio(key="compliance_grants_resources_statement").set_value(
        Answer.YES
    )  # in a form: kept until submit
    submit = next(b for b in at.button if b.proto.form_id == "compliance_grants_form")
    submit.click().run()
    assert not at.exception
    assert any("Enregistré (version 3)" in s.value for s in at.success)
    opened = at.session_state["dossier_current"]
    saved, _ = Workspace(db_url).load(opened.id)
    assert saved.compliance.grants.resources_statement is Answer.YES


def test_a_declaration_changes_the_verdicts_of_the_summary(db_url: str) -> None:
    at = start()
    open_sample(at, "scic-energie")
    at.switch_page("pages/compliance.py").run()
    at.radio(key="compliance_esus_shares").set_value(Answer.YES)
    submit = next(b for b in at.button if b.proto.form_id == "compliance_esus_form")
    submit.click().run()
    assert not at.exception
    assert any("Enregistré" in s.value for s in at.success)
    # listed shares exclude the agreement: the summary now says so
    attention = frame_with(at, "Raison")
    assert "Titres de capital non cotés" in set(attention["Critère"])
    assert "Non conforme" in set(attention["Verdict"])


def test_the_screen_reads_in_english(db_url: str) -> None:
    at = start("en")
    open_sample(at, "scic-energie")
    at.switch_page("pages/compliance.py").run()
    assert not at.exception
    assert at.title[0].value == "Legal and tax framework"
    counts = frame_with(at, "Overall verdict")
    assert set(counts["Overall verdict"]) <= {
        "Compliant",
        "To check",
        "Non-compliant",
        "Not applicable",
    }
    assert [m.label for m in at.metric][:2] == ["Non-compliant", "To check"]
