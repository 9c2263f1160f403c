"""The "Trésorerie" screen on the sample cases: plan, alert, Monte Carlo, scenarios, export."""

from __future__ import annotations

from essdiag.store import Workspace
from tests.app.apptest import frame_with, plain, start
from tests.app.test_funding import db_url, open_case

__all__ = ["db_url"]  # the fixture of the funding screen tests: samples typed in by hand

PAGE = "pages/treasury.py"


def test_treasury_page_needs_a_dossier(db_url: str) -> None:
    at = start()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value == "Trésorerie"


def test_recyclerie_plan_alerts_and_monte_carlo(db_url: str) -> None:
    at = open_case(page=PAGE)
    metrics = {m.label: plain(m.value) for m in at.metric}
    # Opening 209 134,86 € (FEC 2025 banks and till); February 2026 is the low point before
    # the Département's advance and the EPCI's first instalment arrive in March.
    assert metrics["Trésorerie au plus bas"].endswith("€")
    assert int(metrics["Mois sous le seuil"]) >= 0
    alerts = [plain(w.value) for w in at.warning] + [plain(s.value) for s in at.success]
    assert any("seuil" in a for a in alerts)
    assert "Ligne de crédit nécessaire à 95 %" in metrics
    assert len(at.get("plotly_chart")) >= 4  # plan, fan, probability, scenarios
    plan = frame_with(at, "Début de mois")
    assert plan.iloc[0]["Mois"] == "janvier 2026"
    assert frame_with(at, "Scénario").shape[0] == 3


def test_saving_assumptions_makes_a_revision_and_bad_month_is_refused(db_url: str) -> None:
    at = open_case(page=PAGE)
    at.number_input(key="treasury_minimum").set_value(100000.0)
    at.button(
        key="FormSubmitter:treasury_assumptions_form-Enregistrer les hypothèses"
    ).click().run()
    assert not at.exception
    ws = Workspace(db_url)
    info = next(d for d in ws.list_dossiers() if d.head == 2)
    assert ws.load(info.id)[0].treasury.minimum_cash == 100000.0
    # The confirmation survives the rerun that follows the save.
    assert any("Enregistré (version 2)" in s.value for s in at.success)
    at.text_input(key="treasury_first_month").set_value("2026-13")
    at.button(
        key="FormSubmitter:treasury_assumptions_form-Enregistrer les hypothèses"
    ).click().run()
    assert not at.exception
    assert "Rien n'a été enregistré" in at.error[0].value
    assert ws.head(info.id) == 2


def test_scic_plan_runs_in_english(db_url: str) -> None:
    at = open_case("scic-energie", lang="en", page=PAGE)
    assert at.title[0].value == "Treasury"
    assert not at.exception
