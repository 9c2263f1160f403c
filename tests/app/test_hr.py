"""The « Ressources humaines » screen on both sample cases, in French and English."""

from __future__ import annotations

import pytest

from essdiag.store import Workspace
from tests.app.apptest import open_sample, start


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_hr_screen_end_to_end(case: str, db_url: str) -> None:
    at = start()
    open_sample(at, case)
    at.switch_page("pages/hr.py").run()
    assert not at.exception
    assert at.title[0].value == "Ressources humaines"
    at.button(key=f"hr_sample_{case}").click().run()
    assert not at.exception
    assert any("Enregistré" in s.value for s in at.success)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Effectif au dernier jour de la période"] == (
        "25" if case == "recyclerie" else "6"
    )
    assert at.get("plotly_chart")
    dossier = at.session_state["dossier_current"].dossier
    assert dossier.hr.workforce is not None and dossier.hr.survey is not None
    ws = Workspace(db_url)
    kinds = {a.kind for a in ws.attachments(at.session_state["dossier_current"].id)}
    assert {"hr-workforce-parquet", "hr-survey-parquet", "hr-original"} <= kinds


def test_key_person_risks_go_to_the_risk_register(db_url: str) -> None:
    at = start()
    open_sample(at, "recyclerie")
    at.switch_page("pages/hr.py").run()
    at.button(key="hr_sample_recyclerie").click().run()
    before = len(at.session_state["dossier_current"].dossier.risks.risks)
    at.button(key="hr_send_risks").click().run()
    assert not at.exception
    risks = at.session_state["dossier_current"].dossier.risks.risks
    added = risks[before:]
    assert len(added) == 5 and all(r.category.value == "human" and r.skill for r in added)
    assert any("Paie" in r.title for r in added)


def test_english_hr_screen(db_url: str) -> None:
    at = start("en")
    open_sample(at, "recyclerie")
    at.switch_page("pages/hr.py").run()
    at.button(key="hr_sample_recyclerie").click().run()
    assert not at.exception
    assert at.title[0].value == "Human resources"
