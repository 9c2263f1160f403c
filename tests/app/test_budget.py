"""The budget screen: lines, phasing, balance check, on the recyclerie sample."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]


def test_budget_page_shows_the_sample_budget_balanced(db_url: str) -> None:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.button(key="home_sample_recyclerie").click().run()
    at.switch_page("pages/budget.py").run()
    assert not at.exception, at.exception
    assert any("Le budget est équilibré." in s.value for s in at.success)
    monthly = [d.value for d in at.dataframe if "Mois" in d.value.columns]
    assert monthly
    assert all(len(m) == 12 for m in monthly)


def test_budget_page_without_dossier(db_url: str) -> None:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/budget.py").run()
    assert not at.exception
    assert any("Aucun dossier" in i.value for i in at.info)


def test_even_phasing_of_a_line_is_saved(db_url: str) -> None:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.button(key="home_sample_recyclerie").click().run()
    at.switch_page("pages/budget.py").run()
    at.selectbox(key="budget_phasing_line").set_value(0)
    at.radio(key="budget_phasing_method").set_value("even")
    at.number_input(key="budget_phasing_total").set_value(1200.0)
    at.button(key="FormSubmitter:budget_phasing-Appliquer la répartition").click().run()
    assert not at.exception, at.exception
    line = at.session_state["dossier_current"].dossier.budget.lines[0]
    assert line.months == [100.0] * 12
    assert line.phasing == "even"
    # The budget is no longer balanced, and the page says by how much.
    assert any("n'est pas équilibré" in w.value for w in at.warning)


def test_seasonal_phasing_follows_last_years_actuals(db_url: str) -> None:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.button(key="home_sample_recyclerie").click().run()
    at.switch_page("pages/budget.py").run()
    # Line 3: 606120 gas, RECY. 2025 gas (FEC_2025.txt, plain sum of 606120 by month)
    # is zero in July and August: the seasonal spread puts nothing there.
    at.selectbox(key="budget_phasing_line").set_value(3)
    at.radio(key="budget_phasing_method").set_value("seasonal")
    at.number_input(key="budget_phasing_total").set_value(4264.0)
    at.button(key="FormSubmitter:budget_phasing-Appliquer la répartition").click().run()
    assert not at.exception, at.exception
    line = at.session_state["dossier_current"].dossier.budget.lines[3]
    assert line.account == "606120" and line.phasing == "seasonal"
    assert round(sum(line.months), 2) == 4264.0
    assert line.months[6] == line.months[7] == 0.0
    assert line.months[0] > line.months[4] > 0.0


def test_budget_page_in_english(db_url: str) -> None:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.button(key="home_sample_recyclerie").click().run()
    at.session_state["app_lang"] = "en"
    at.switch_page("pages/budget.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Forecast budget"
    assert any("balanced" in s.value for s in at.success)
