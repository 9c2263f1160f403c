"""The "Trésorerie" screen: the plan against the bank, the gap explained, Monte Carlo, scenarios.

Two set-ups: the sample cases as shipped (accounts imported: the plan's first
ten months are the bank's) and as typed in by hand (no accounts: the plan
starts from the typed-in cash), plus an empty dossier that has nothing to plan.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from essdiag.store import Workspace
from tests.app.apptest import frame_with, open_sample, plain, start
from tests.app.test_funding import db_url, open_case

__all__ = ["db_url"]  # the fixture of the funding screen tests: samples typed in by hand

PAGE = "pages/treasury.py"


@pytest.fixture
def with_accounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A workspace seeded with the sample cases as shipped: FEC and budget imported."""
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    monkeypatch.setenv("ESSDIAG_DATABASE_URL", url)
    return url


def metrics_of(at) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Metric label (without its period) → value as shown."""
    return {m.label.split(" (")[0]: plain(m.value) for m in at.metric}


def test_treasury_page_needs_a_dossier(db_url: str) -> None:
    at = start()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value == "Trésorerie"


def test_the_plan_starts_from_the_bank_when_the_accounts_are_imported(with_accounts: str) -> None:
    at = open_case(page=PAGE)
    labels = [m.label for m in at.metric]
    # The FEC's cash accounts at 31/10/2026 (issue #9), named with their date.
    assert "Trésorerie en banque (au 31/10/2026)" in labels
    # One figure, one value (issue #11): the card reads to the cent, as the sentence above it
    # (« la prévision part du solde de fin octobre 2026 : 168 028,63 € ») and its working.
    assert metrics_of(at)["Trésorerie en banque"] == "168 028,63 €"
    working = " ".join(plain(m.value) for m in at.markdown)
    assert "Solde au centime = 168 028,63 €" in working
    assert "Résultat : 168 028,63 €" in working
    money = [v for v in metrics_of(at).values() if v.endswith("€")]
    assert len(money) >= 3 and all(re.search(r",\d\d €$", v) for v in money)  # no card rounded
    # The alerts count the months ahead only: the scope says where they start.
    assert "Trésorerie au plus bas (de novembre 2026 à fin décembre 2027)" in labels
    assert "Mois sous le seuil (de novembre 2026 à fin décembre 2027)" in labels
    infos = [plain(i.value) for i in at.info]
    assert any("à jour au 31/10/2026" in i and "168 028,63 €" in i for i in infos)
    plan = frame_with(at, "Réalisé ou prévision")
    assert plan.iloc[9]["Mois"] == "octobre 2026" and plan.iloc[9]["Réalisé ou prévision"] == (
        "Réalisé"
    )
    # The bank balance of the line above, to the cent.
    assert plain(plan.iloc[9]["Fin de mois"]) == "168 028,63 €"
    assert plan.iloc[10]["Réalisé ou prévision"] == "Prévision"
    # Plan against bank: the gap, its flows, both with their table.
    assert "Écart au plan initial" in metrics_of(at)
    flows = frame_with(at, "Effet sur la trésorerie")
    assert "Salaires et charges sociales" in set(flows["Flux"])
    # The simulation and the scenarios start from the last actual balance.
    fan = frame_with(at, "5ᵉ centile")
    assert fan.iloc[0]["Mois"] == "novembre 2026"
    assert frame_with(at, "Scénario").shape[0] == 3
    assert (
        len(at.get("plotly_chart")) >= 6
    )  # plan, plan vs bank, flows, fan, probability, scenarios
    assert not at.exception


def test_recyclerie_typed_in_plan_alerts_and_monte_carlo(db_url: str) -> None:
    at = open_case(page=PAGE)
    metrics = metrics_of(at)
    # No accounts: the plan starts from the typed-in 209 134,86 €; February 2026 is the low
    # point before the Département's advance and the EPCI's first instalment arrive in March.
    assert metrics["Trésorerie au plus bas"].endswith("€")
    assert "Trésorerie en banque" not in metrics
    assert int(metrics["Mois sous le seuil"]) >= 1
    assert any("seuil" in plain(w.value) for w in at.warning)
    assert "Ligne de crédit nécessaire à 95 %" in metrics
    plan = frame_with(at, "Début de mois")
    assert plan.iloc[0]["Mois"] == "janvier 2026"
    assert set(plan["Réalisé ou prévision"]) == {"Prévision"}
    assert any("Aucun mois réel" in plain(i.value) for i in at.info)
    assert frame_with(at, "Scénario").shape[0] == 3


def test_an_empty_dossier_says_there_is_nothing_to_plan(db_url: str) -> None:
    at = open_sample(start(), "blank")
    at.switch_page(PAGE).run()
    assert not at.exception
    assert any("rien à planifier" in i.value for i in at.info)
    assert not at.success  # never « reste au-dessus du seuil » over an empty chart
    assert not at.get("plotly_chart") and not at.metric
    # Every tab says what it lacks (no tab left blank), and there is no workbook of nothing.
    infos = " ".join(plain(i.value) for i in at.info)
    assert "Aucun mois réel" in infos
    assert "Aucun versement à venir" in infos
    assert "Les scénarios portent sur les versements à venir" in infos
    assert not [b for b in at.get("download_button") if "Excel" in str(b.proto.label)]


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


def test_the_screen_reads_in_english(with_accounts: str) -> None:
    at = open_case("recyclerie", lang="en", page=PAGE)
    assert at.title[0].value == "Treasury"
    labels = [m.label for m in at.metric]
    assert "Cash in the bank (at 31/10/2026)" in labels or any(
        label.startswith("Cash in the bank") for label in labels
    )
    texts = " ".join(plain(x.value) for x in (*at.info, *at.caption, *at.markdown))
    for french in ("Trésorerie", "prévision", "Salaires", "surtout", "réalisé"):
        assert french not in texts, french
    flows = frame_with(at, "Effect on cash")
    assert "Salaries and social contributions" in set(flows["Flow"])
    assert not at.exception


def test_scic_plan_runs_in_english(db_url: str) -> None:
    at = open_case("scic-energie", lang="en", page=PAGE)
    assert at.title[0].value == "Treasury"
    assert not at.exception


def test_the_simulation_runs_once_per_revision_and_assumptions(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import essdiag.ui.treasury.montecarlo as screen_part

    calls: list[int] = []
    real = screen_part.simulate_forecast

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(screen_part, "simulate_forecast", counted)
    at = open_case(page=PAGE)
    assert calls == [1]
    at.run()  # a rerun (a click elsewhere on the screen)
    at.switch_page("pages/funding.py").run()
    at.switch_page(PAGE).run()  # another visit
    assert not at.exception
    assert calls == [1]
    at.select_slider(key="treasury_mc_scenarios").set_value(5000)
    at.button(key="FormSubmitter:treasury_mc_form-Lancer la simulation").click().run()
    assert calls == [1, 1]  # new assumptions: drawn again
