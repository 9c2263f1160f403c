"""The "Trésorerie" screen on the sample cases: plan, alert, Monte Carlo, scenarios, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from essdiag.store import Workspace
from tests.app.apptest import samples_without_accounts
from tests.app.test_funding_page import plain

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_url(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A workspace seeded with the sample cases as typed in by hand (no accounts imported)."""
    monkeypatch.setenv("ESSDIAG_SAMPLES_DIR", str(samples_without_accounts(tmp_path / "samples")))
    return db_url


def open_case(case: str = "recyclerie", lang: str = "fr") -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.session_state["app_lang"] = lang
    at.run()
    at.button(key=f"home_sample_{case}").click().run()
    at.switch_page("pages/treasury.py").run()
    assert not at.exception
    return at


def test_treasury_page_needs_a_dossier(db_url: str) -> None:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/treasury.py").run()
    assert not at.exception
    assert at.title[0].value == "Trésorerie"


def test_recyclerie_plan_alerts_and_monte_carlo(db_url: str) -> None:
    at = open_case()
    metrics = {m.label: plain(m.value) for m in at.metric}
    # Opening 209 134,86 € (FEC 2025 banks and till); February 2026 is the low point before
    # the Département's advance and the EPCI's first instalment arrive in March.
    assert metrics["Trésorerie au plus bas"].endswith("€")
    assert int(metrics["Mois sous le seuil"]) >= 0
    alerts = [plain(w.value) for w in at.warning] + [plain(s.value) for s in at.success]
    assert any("seuil" in a for a in alerts)
    assert "Ligne de crédit nécessaire à 95 %" in metrics
    assert len(at.get("plotly_chart")) >= 4  # plan, fan, probability, scenarios


def test_saving_assumptions_makes_a_revision_and_bad_month_is_refused(db_url: str) -> None:
    at = open_case()
    at.number_input(key="treasury_minimum").set_value(100000.0)
    at.button(
        key="FormSubmitter:treasury_assumptions_form-Enregistrer les hypothèses"
    ).click().run()
    assert not at.exception
    ws = Workspace(db_url)
    info = next(d for d in ws.list_dossiers() if d.head == 2)
    assert ws.load(info.id)[0].treasury.minimum_cash == 100000.0
    at.text_input(key="treasury_first_month").set_value("2026-13")
    at.button(
        key="FormSubmitter:treasury_assumptions_form-Enregistrer les hypothèses"
    ).click().run()
    assert not at.exception
    assert "Rien n'a été enregistré" in at.error[0].value
    assert ws.head(info.id) == 2


def test_scic_plan_runs_in_english(db_url: str) -> None:
    at = open_case("scic-energie", lang="en")
    assert at.title[0].value == "Treasury"
    assert not at.exception
