"""The « Risques » screen end to end on a sample case (AppTest, no browser)."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from essdiag.risks.follow import overdue_actions
from essdiag.risks.importer import REGISTER_COLUMNS, register_template_xlsx
from essdiag.samples import load_sample
from essdiag.store import Workspace
from essdiag.ui.state import OpenDossier
from tests.app.apptest import frame_with, start

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "risks"
PAGE = "pages/risks.py"


def open_case(at: AppTest, db_url: str, case: str = "recyclerie") -> Workspace:
    """Open a copy of a sample case (its risk map comes with it), then go to the risks screen."""
    at.button(key=f"home_sample_{case}").click().run()
    assert not at.exception
    ws = Workspace(db_url)
    opened = at.session_state["dossier_current"]
    assert opened.dossier.risks == load_sample(case).risks
    at.switch_page(PAGE).run()
    assert not at.exception
    return ws


def new_blank(at: AppTest) -> None:
    at.text_input(key="home_new_name").set_value("Régie de quartier test")
    at.button(key="FormSubmitter:home_new_form-Créer le dossier").click().run()
    assert not at.exception
    at.switch_page(PAGE).run()
    assert not at.exception


def open_tab(at: AppTest, label: str, lang: str | None = None) -> AppTest:
    """Open a tab of the screen (only the open tab is drawn, and the import tab).

    AppTest does not keep the sidebar's language after a page switch: ``lang``
    sets it again for this run.
    """
    at.session_state["risks_tab"] = label
    if lang is not None:
        at.session_state["app_lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def current(at: AppTest) -> OpenDossier:
    value = at.session_state["dossier_current"]
    assert isinstance(value, OpenDossier)
    return value


def test_the_screen_shows_the_map_and_its_figures(db_url: str) -> None:
    at = start()
    open_case(at, db_url)
    assert at.title[0].value == "Risques"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Risques suivis"] == "13"
    section = current(at).dossier.risks
    today = datetime.now(tz=ZoneInfo("Europe/Paris")).date()
    assert metrics["Actions en retard"] == str(len(overdue_actions(section, today)))
    charts = at.get("plotly_chart")
    assert len(charts) >= 3  # heat map, categories, owners
    tables = [d.value for d in at.dataframe]
    movement = next(
        t for t in tables if "Probabilité brute" in t.columns and "Score résiduel" in t.columns
    )
    assert "R02" in set(movement["Identifiant"])
    assert any("ancienne version de la matrice" in w.value for w in at.warning)
    downloads = at.get("download_button")
    assert len(downloads) >= 7  # 4 CSV of the map's tables + XLSX, DOCX, template
    # Dates are written the French way on screen (« 30 avr. 2026 »), never ISO.
    open_tab(at, "Suivi")
    tables = [d.value for d in at.dataframe]
    reviews = next(
        t for t in tables if "Prochaine revue" in t.columns and "Jours de retard" in t.columns
    )
    r13 = reviews.set_index("Identifiant").loc["R13", "Prochaine revue"]
    assert r13 == "30 avr. 2026"  # R13's review was due on 2026-04-30 (sample case)


def test_english_screen(db_url: str) -> None:
    at = start()
    open_case(at, db_url, "scic-energie")
    at.session_state["app_lang"] = "en"
    at.run()
    assert at.title[0].value == "Risks"
    labels = [m.label for m in at.metric]
    assert "Risks followed" in labels
    assert "In band “High” or “Critical”" in labels  # 4×4 SCIC matrix, English quotes


def test_seed_from_the_library_on_an_empty_register(db_url: str) -> None:
    at = start()
    new_blank(at)
    assert any("Le registre est vide" in i.value for i in at.info)
    open_tab(at, "Suivi")
    assert any("Rien à suivre pour l'instant" in i.value for i in at.info)
    assert not at.success  # no « all reviews up to date » on an empty register
    open_tab(at, "Bibliothèque")
    at.multiselect(key="risks_library_pick").set_value(
        ["funder_dependence", "volunteer_burnout", "energy_costs"]
    )
    at.text_input(key="risks_library_owner").set_value("Directrice")
    at.button(key="FormSubmitter:risks_library_form-Ajouter à la cartographie").click().run()
    assert not at.exception
    opened = current(at)
    assert opened.revision == 2
    risks = opened.dossier.risks
    assert [r.id for r in risks.risks] == ["R01", "R02", "R03"]
    assert [r.library_key for r in risks.risks] == [
        "funder_dependence",  # library order
        "energy_costs",
        "volunteer_burnout",
    ]
    assert all(r.owner == "Directrice" and r.actions for r in risks.risks)
    assert [m.version for m in risks.matrices] == [1]  # the house matrix is written out
    assert any("Enregistré (version 2)" in s.value for s in at.success)
    assert {m.label: m.value for m in at.metric}["Risques suivis"] == "3"


def test_edit_a_risk_and_get_the_residual_warning(db_url: str) -> None:
    at = start()
    open_case(at, db_url)
    before = current(at).revision
    open_tab(at, "Registre")
    at.selectbox(key="risks_choice").set_value("R08").run()
    k = "R08_2"
    at.text_input(key=f"risks_owner_{k}").set_value("Trésorier")
    at.selectbox(key=f"risks_res_l_{k}").set_value(5)
    at.selectbox(key=f"risks_res_i_{k}").set_value(4)
    at.button(key=f"FormSubmitter:risks_form_{k}-Enregistrer le risque").click().run()
    assert not at.exception
    opened = current(at)
    assert opened.revision == before + 1
    r08 = opened.dossier.risks.risk("R08")
    assert r08 is not None and r08.owner == "Trésorier"
    assert r08.residual is not None and r08.residual.score == 20 > r08.inherent.score
    # Saved, but flagged: residual above inherent with no reason written.
    assert any("dépasse le risque brut (12)" in w.value for w in at.warning)


def test_a_bad_edit_is_not_saved_and_says_why(db_url: str) -> None:
    at = start()
    ws = open_case(at, db_url)
    before = current(at).revision
    k = "R01_2"
    open_tab(at, "Registre")
    at.selectbox(key="risks_choice").set_value("R01").run()
    at.date_input(key=f"risks_review_{k}").set_value(date(2024, 1, 1))
    at.button(key=f"FormSubmitter:risks_form_{k}-Enregistrer le risque").click().run()
    assert not at.exception
    assert "Rien n'a été enregistré" in at.error[0].value
    assert "précède sa date d'identification (20/01/2025)" in at.error[0].value
    assert ws.head(current(at).id) == before


def test_add_a_new_risk_and_a_continuity_sheet(db_url: str) -> None:
    at = start()
    open_case(at, db_url, "scic-energie")
    open_tab(at, "Registre")
    at.selectbox(key="risks_choice").set_value("__new__").run()
    k = "new_R01_1"
    assert at.text_input(key=f"risks_id_{k}").value == "R01"
    at.text_input(key=f"risks_id_{k}").set_value("S09")
    at.text_input(key=f"risks_title_{k}").set_value("Dépendance à quelques grosses toitures")
    at.selectbox(key=f"risks_category_{k}").set_value("operational")
    at.selectbox(key=f"risks_inh_l_{k}").set_value(2)
    at.selectbox(key=f"risks_inh_i_{k}").set_value(4)
    at.button(key=f"FormSubmitter:risks_form_{k}-Enregistrer le risque").click().run()
    assert not at.exception
    s09 = current(at).dossier.risks.risk("S09")
    assert s09 is not None and s09.inherent.score == 8
    assert at.selectbox(key="risks_choice").value == "S09"

    open_tab(at, "Continuité")
    at.selectbox(key="risks_sheet_choice").set_value("C01").run()
    at.multiselect(key="risks_links_C01").set_value(["S01", "S07", "S09"])
    at.button(key="FormSubmitter:risks_sheet_form_C01-Enregistrer la fiche").click().run()
    assert not at.exception
    sheet = current(at).dossier.risks.continuity[0]
    assert sheet.risk_ids == ["S01", "S07", "S09"]


def test_new_matrix_version_then_migration(db_url: str) -> None:
    at = start()
    open_case(at, db_url, "scic-energie")
    open_tab(at, "Matrice")
    at.selectbox(key="risks_matrix_size").set_value(5).run()
    at.text_input(key="risks_matrix_note_5").set_value("Passage au 5×5")
    at.button(key="FormSubmitter:risks_matrix_form_5-Créer la nouvelle version").click().run()
    assert not at.exception
    risks = current(at).dossier.risks
    assert [(m.version, m.size) for m in risks.matrices] == [(1, 4), (2, 5)]
    assert all(r.inherent.matrix_version == 1 for r in risks.risks)  # nothing rescored silently
    at.button(key="risks_migrate").click().run()
    assert not at.exception
    risks = current(at).dossier.risks
    assert all(r.inherent.matrix_version == 2 for r in risks.risks)
    s01 = risks.risk("S01")
    # 4→5: 3 → ⌈2.5 × 5/4⌉ = 4 ; 3 → 4 ; residual 2 → ⌈1.5 × 5/4⌉ = 2.
    assert s01 is not None and (s01.inherent.likelihood, s01.inherent.impact) == (4, 4)
    assert s01.residual is not None and (s01.residual.likelihood, s01.residual.impact) == (2, 4)


def test_import_the_template_and_refuse_a_bad_file(db_url: str) -> None:
    at = start()
    ws = open_case(at, db_url, "scic-energie")
    before = current(at).revision
    bad = (CORPUS / "unknown_category.xlsx").read_bytes()
    at.file_uploader(key="risks_import_file").set_value(
        ("bad.xlsx", bad, "application/octet-stream")
    ).run()
    assert not at.exception
    assert "Aucun risque importé depuis « bad.xlsx »" in at.error[0].value
    assert "Catégorie inconnue « Climatique »" in at.error[0].value
    assert "risks_import_go" not in _keys(at)  # nothing to import: no button
    assert ws.head(current(at).id) == before
    # The 4×4 SCIC matrix reads the template's example line (4, 3): shown first, saved on click.
    at.file_uploader(key="risks_import_file").set_value(
        ("modele.xlsx", register_template_xlsx(), "application/octet-stream")
    ).run()
    assert not at.exception
    assert any(
        "1 risque(s) lu(s), dont 1 nouveau(x) et 0 qui remplaceront" in i.value for i in at.info
    )
    assert ws.head(current(at).id) == before  # nothing changed yet
    preview = [d.value for d in at.dataframe if "Probabilité brute" in d.value.columns]
    assert any(list(t["Identifiant"]) == ["R01"] for t in preview)  # the register read
    at.button(key="risks_import_go").click().run()
    assert not at.exception
    assert current(at).revision == before + 1
    assert current(at).dossier.risks.risk("R01") is not None
    assert any(
        "1 risque(s) importé(s) : 1 nouveau(x), 0 remplacé(s)" in s.value for s in at.success
    )


def _keys(at: AppTest) -> set[str]:
    return {b.key for b in at.button if b.key}


@pytest.mark.parametrize("name", ["zlib_error.xlsx", "impossible_date.xlsx", "zip_bomb.xlsx"])
def test_a_damaged_register_is_refused_on_screen_without_a_traceback(
    db_url: str, name: str
) -> None:
    """Issue #10: the files that once raised on screen now say why, and nothing changes."""
    at = start()
    ws = open_case(at, db_url, "scic-energie")
    before = current(at).revision
    at.file_uploader(key="risks_import_file").set_value(
        (name, (CORPUS / name).read_bytes(), "application/octet-stream")
    ).run()
    assert not at.exception
    assert "Aucun risque importé" in at.error[0].value
    assert "risks_import_go" not in _keys(at)
    assert ws.head(current(at).id) == before


def test_an_import_that_replaces_risks_says_which(db_url: str) -> None:
    at = start()
    open_case(at, db_url, "scic-energie")
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Registre"
    sheet.append(list(REGISTER_COLUMNS[:9]))
    sheet.append(["S01", "Dépendance revue", "Financier", None, None, None, None, 2, 2])
    sheet.append(["S99", "Nouveau", "Numérique et données", None, None, None, None, 1, 1])
    sheet.append(["S98", "Sans gravité", "Financier", None, None, None, None, 1, None])
    buf = io.BytesIO()
    wb.save(buf)
    at.file_uploader(key="risks_import_file").set_value(
        ("registre.xlsx", buf.getvalue(), "application/octet-stream")
    ).run()
    assert not at.exception
    info = next(i.value for i in at.info if "risque(s) lu(s)" in i.value)
    assert "2 risque(s) lu(s), dont 1 nouveau(x) et 1 qui remplaceront ceux du registre ; " in info
    assert "1 ligne(s) écartée(s)" in info
    assert any("Remplacés : S01." in c.value for c in at.caption)
    assert any("« Gravité brute » est obligatoire et manque" in w.value for w in at.error)
    at.button(key="risks_import_go").click().run()
    risks = current(at).dossier.risks
    s01 = risks.risk("S01")
    assert s01 is not None and s01.title == "Dépendance revue" and risks.risk("S99") is not None
    # The lines set aside are shown again after the save.
    assert any("Lignes écartées ou à vérifier lors du dernier import" in e.value for e in at.error)


def test_the_headline_figures_show_their_working(db_url: str) -> None:
    """Learners follow every count: each headline figure has its « Comment est-ce calculé ? »."""
    at = start()
    open_case(at, db_url)
    labels = [e.label for e in at.expander]
    assert labels.count("Comment est-ce calculé ?") >= 5  # four headlines, the first risk's score
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Score résiduel (risque R02, matrice 5×5, version 2)"] == "16 points"


def test_english_screen_has_no_french_leftovers(db_url: str) -> None:
    at = start()
    open_case(at, db_url)
    open_tab(at, "Registre")
    assert at.selectbox(key="risks_category_R01_2").options[0] == "Financier"
    at.session_state["app_lang"] = "en"  # the sidebar's « Langue / Language »
    at.run()
    assert not at.exception
    # The open tab stays open in the new language; the form's choices are English words.
    assert at.session_state["risks_tab"] == "Register"
    category = at.selectbox(key="risks_category_R01_2")
    assert category.options[:2] == ["Financial", "Human and volunteers"]
    assert category.value == "financial"  # the choice kept, redrawn in English
    assert at.selectbox(key="risks_inh_l_R01_2").options[3] == "4. Likely"
    assert at.selectbox(key="risks_treatment_R01_2").options[1] == "Reduce"
    open_tab(at, "Map", "en")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Residual score (risk R02, 5×5 matrix, version 2)"] == "16 points"
    open_tab(at, "Follow-up", "en")
    late = frame_with(at, "Days late")
    assert "Action due date" in late.columns
    labels = [d.proto.label for d in at.get("download_button")]
    assert "Import template (Excel)" in labels  # the import tab is always drawn


def test_score_history_across_revisions(db_url: str) -> None:
    at = start()
    open_case(at, db_url, "scic-energie")
    k = "S02_1"
    open_tab(at, "Registre")
    at.selectbox(key="risks_choice").set_value("S02").run()
    at.selectbox(key=f"risks_res_l_{k}").set_value(1)
    at.button(key=f"FormSubmitter:risks_form_{k}-Enregistrer le risque").click().run()
    assert not at.exception
    open_tab(at, "Suivi")
    at.toggle(key="risks_history_on").set_value(True).run()
    assert not at.exception
    at.multiselect(key="risks_history_pick").set_value(["S02"]).run()
    history = next(d.value for d in at.dataframe if "Version du dossier" in d.value.columns)
    s02 = history[history["Identifiant"] == "S02"]
    # Revision 1 (the copy of the case) has no risks yet when the test injects them.
    assert list(s02["Score retenu"])[-2:] == ["6", "3"]  # residual 2×3, then 1×3 on the 4×4


def test_two_new_continuity_sheets_in_a_row(db_url: str) -> None:
    at = start()
    open_case(at, db_url, "scic-energie")
    open_tab(at, "Continuité")
    for expected in ("C03", "C04"):
        at.selectbox(key="risks_sheet_choice").set_value("__new__").run()
        sk = f"new_{expected}"
        assert at.text_input(key=f"risks_sheet_id_{sk}").value == expected
        at.text_input(key=f"risks_act_{sk}").set_value(f"Activité {expected}")
        at.button(key=f"FormSubmitter:risks_sheet_form_{sk}-Enregistrer la fiche").click().run()
        assert not at.exception
    assert [c.id for c in current(at).dossier.risks.continuity] == ["C01", "C02", "C03", "C04"]
