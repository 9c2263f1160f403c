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
    # The adopted initial budget is locked: its phasing changes in the June revision (a draft).
    assert any("budget rectificatif" in i.value for i in at.info)
    at.selectbox(key="budget_version").set_value("2026-1").run()
    at.selectbox(key="budget_phasing_line").set_value(0).run()
    at.radio(key="budget_phasing_method_2026-1_0").set_value("even")
    at.number_input(key="budget_phasing_total_2026-1_0").set_value(1200.0)
    at.button(key="FormSubmitter:budget_phasing-Appliquer la répartition").click().run()
    assert not at.exception, at.exception
    budget = at.session_state["dossier_current"].dossier.budget
    line = budget.version("2026-1").lines[0]
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
    at.selectbox(key="budget_version").set_value("2026-1").run()
    at.selectbox(key="budget_phasing_line").set_value(3).run()
    at.radio(key="budget_phasing_method_2026-1_3").set_value("seasonal")
    at.number_input(key="budget_phasing_total_2026-1_3").set_value(4264.0)
    at.button(key="FormSubmitter:budget_phasing-Appliquer la répartition").click().run()
    assert not at.exception, at.exception
    line = at.session_state["dossier_current"].dossier.budget.version("2026-1").lines[3]
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


def test_a_budget_laid_out_by_heading_and_month_imports_as_a_new_draft(db_url: str) -> None:
    # tests/data/budget/months_as_columns.csv: « Poste budgétaire », « Janv. 26 »… « Total annuel »,
    # comma and dot decimals, a « Total charges » row; imported without editing the file.
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.button(key="home_sample_recyclerie").click().run()
    at.switch_page("pages/budget.py").run()
    data = (REPO / "tests" / "data" / "budget" / "months_as_columns.csv").read_bytes()
    upload = next(u for u in at.get("file_uploader") if u.proto.id.endswith("budget_upload"))
    upload.set_value(("budget.csv", data, "text/csv")).run()  # type: ignore[attr-defined]
    assert not at.exception, at.exception
    assert any("3 ligne(s) lue(s) pour l'exercice 2026" in s.value for s in at.success)
    at.button(key="budget_upload_apply").click().run()
    assert not at.exception, at.exception
    budget = at.session_state["dossier_current"].dossier.budget
    # A new draft of 2026 after the adopted initial budget and the June revision: nothing replaced.
    assert [v.id for v in budget.of_year(2026)] == ["2026-0", "2026-1", "2026-2"]
    draft = budget.version("2026-2")
    assert [(ln.account, ln.total) for ln in draft.lines] == [
        ("60", 12006.0), ("64", 60000.0), ("74", 72006.0)
    ]  # fmt: skip
    assert str(draft.status) == "draft"


def _phasing_tab(case: str, lang: str = "fr") -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.session_state["app_lang"] = lang
    at.run()
    at.button(key=f"home_sample_{case}").click().run()
    at.switch_page("pages/budget.py").run()
    assert not at.exception, at.exception
    return at


def _current(at: AppTest) -> str:
    return next(c.value for c in at.caption if "cette ligne" in c.value or "this line" in c.value)


def test_a_flat_line_reads_even_and_a_seasonal_line_shows_its_weights(db_url: str) -> None:
    # The SCIC's line 2 (606300 PROD, budget_2026.csv): 12 × 221,00 € — stored as custom weights
    # by the template reader until issue #11, read from its months now.
    at = _phasing_tab("scic-energie")
    at.selectbox(key="budget_phasing_line").set_value(2).run()
    assert _current(at) == "Répartition actuelle de cette ligne : uniforme (1/12 par mois)."
    # Its adopted budget has no form: the weights are in the sentence (line 0, 606100 PROD,
    # January 213,23 €, February 198,52 €: 198,52 / 213,23 = 0,931).
    at.selectbox(key="budget_phasing_line").set_value(0).run()
    assert _current(at).startswith(
        "Répartition actuelle de cette ligne : poids personnalisés, poids des 12 mois 1 ; 0,931 ;"
    )
    # The recyclerie's draft, line 0 (606110 électricité RECY): winter 1 485,15 €, August
    # 563,33 €; each month over January's, to 3 decimals (1 382,73 / 1 485,15 = 0,931…).
    at = _phasing_tab("recyclerie")
    at.selectbox(key="budget_version").set_value("2026-1").run()
    at.selectbox(key="budget_phasing_line").set_value(0).run()
    weights = (
        "1 ; 0,931 ; 0,759 ; 0,621 ; 0,517 ; 0,469 ; 0,483 ; 0,379 ; 0,517 ; 0,655 ; 0,862 ; 1"
    )
    assert _current(at) == (
        f"Répartition actuelle de cette ligne : poids personnalisés, poids des 12 mois {weights} "
        "(le mois le plus fort vaut 1)."
    )
    assert at.radio(key="budget_phasing_method_2026-1_0").value == "custom"
    assert at.text_input(key="budget_phasing_weights_2026-1_0").value == weights
    # Line 8 (606400 ACI, 12 × 272 €): even, its method chosen, twelve weights of 1.
    at.selectbox(key="budget_phasing_line").set_value(8).run()
    assert _current(at) == "Répartition actuelle de cette ligne : uniforme (1/12 par mois)."
    assert at.radio(key="budget_phasing_method_2026-1_8").value == "even"
    assert at.text_input(key="budget_phasing_weights_2026-1_8").value == " ; ".join(["1"] * 12)


def test_the_weights_are_written_the_english_way(db_url: str) -> None:
    at = _phasing_tab("recyclerie", "en")
    at.selectbox(key="budget_version").set_value("2026-1").run()
    at.selectbox(key="budget_phasing_line").set_value(0).run()
    assert at.text_input(key="budget_phasing_weights_2026-1_0").value.startswith("1; 0.931; 0.759;")
    assert _current(at).startswith("Current spread of this line: custom weights, weights of the 12")
