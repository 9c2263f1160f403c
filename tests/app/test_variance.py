"""The variance screen end to end on the recyclerie sample (FEC + budget imported on opening)."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app.apptest import frame_with, open_sample, plain, start

REPO = Path(__file__).resolve().parents[2]


def opened_sample() -> AppTest:
    """The app with a copy of the recyclerie sample open (its FEC and budget imported)."""
    return open_sample(start())


def test_variance_page_on_the_recyclerie(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/variance.py").run()
    assert not at.exception, at.exception
    # Pickers are there, through defaults to the last month with entries (October 2026).
    assert at.selectbox(key="variance_through").value == "2026-10"
    assert at.selectbox(key="variance_period").value == "ytd"
    # Two charts, each with its table; flagged lines first at account level.
    at.selectbox(key="variance_level").set_value("account").run()
    assert not at.exception
    flagged = at.dataframe[0].value  # flagged lines come first on the screen
    assert set(flagged["À expliquer"]) == {"Oui"}
    assert "741310" in set(flagged.iloc[:, 1])
    charts = at.get("plotly_chart")
    assert len(charts) >= 2
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in charts]
    assert any("Résultat cumulé" in t for t in titles)
    # Landing table: the three methods side by side.
    landing = frame_with(at, "Rythme constaté")
    assert {"Réalisé + budget restant", "Rythme constaté", "Saisonnalité N−1"} <= set(
        landing.columns
    )


def test_a_comment_is_kept_in_the_dossier(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/variance.py").run()
    at.selectbox(key="variance_level").set_value("account").run()
    box = at.text_area(key="variance_comment_account_741310")
    # The gap to explain, to the cent like the table (68 400 € received − 76 000 € budgeted).
    assert plain(box.label).endswith("(−7 600,00 €)")
    box.set_value("Notification du Département réduite de 10 %.")
    at.button(key="FormSubmitter:variance_comments-Enregistrer les explications").click().run()
    assert not at.exception
    flagged = at.dataframe[0].value
    row = flagged[flagged["Clé"] == "741310"]
    assert row["Explication"].iloc[0] == "Notification du Département réduite de 10 %."
    kept = at.session_state["dossier_current"].dossier.budget.comments
    mine = [c for c in kept if (c.level, c.key, c.period) == ("account", "741310", "2026-YTD-10")]
    assert [c.text for c in mine] == ["Notification du Département réduite de 10 %."]


def test_cerfa_report_for_a_funder_keeps_its_explanation(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/variance.py").run()
    at.selectbox(key="variance_scope").set_value("funder:Département de la Drôme").run()
    assert not at.exception, at.exception
    cerfa = frame_with(at, "Prévision")
    dept = cerfa[cerfa["Intitulé"].str.strip() == "Département de la Drôme"].iloc[0]
    # Money written the French way, whatever the browser's locale.
    assert (dept["Prévision"], dept["Réalisation"]) == (
        "76\u202f000,00\xa0€",
        "68\u202f400,00\xa0€",
    )
    assert dept["À expliquer"] == "Oui"
    key = "variance_cerfa_note_funder_funder:Département de la Drôme_Département de la Drôme"
    at.text_area(key=key).set_value("Convention signée à 90 %.")
    at.button(
        key="FormSubmitter:variance_cerfa_comments_funder-"
        "Enregistrer les explications du compte rendu"
    ).click().run()
    assert not at.exception, at.exception
    kept = at.session_state["dossier_current"].dossier.budget.comments
    # One explanation per gap: kept with the variance screen's, under the report's scope.
    assert [(c.level, c.key, c.scope, c.text) for c in kept if c.scope] == [
        ("funder", "Département de la Drôme", "funder:Département de la Drôme",
         "Convention signée à 90 %."),
    ]  # fmt: skip


def test_full_year_says_the_budget_runs_ahead_of_the_actuals(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/variance.py").run()
    at.selectbox(key="variance_period").set_value("year").run()
    assert not at.exception, at.exception
    assert any("Exercice entier" in e.value for e in at.info)
    at.selectbox(key="variance_period").set_value("quarter").run()
    assert "trimestre 4 : octobre 2026" in " ".join(h.value for h in at.subheader)


def test_variance_page_in_english(db_url: str) -> None:
    at = opened_sample()
    at.session_state["app_lang"] = "en"
    at.switch_page("pages/variance.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Budget vs actual variances and landing"
    assert "Run-rate" in frame_with(at, "Run-rate").columns


def test_the_headline_reads_the_landing_against_the_budget(db_url: str) -> None:
    at = opened_sample()
    at.switch_page("pages/variance.py").run()
    assert not at.exception, at.exception
    captions = plain(" ".join(c.value for c in at.caption))
    # Actual to date + remaining budget: −12 299,10 € against a balanced budget
    # (tests/budget/test_variance_reference.py recomputes it from the FEC text).
    assert "défavorable : 12 299,10 € en dessous du résultat budgété" in captions
    assert "budget à l'équilibre" in captions


def test_the_result_card_keeps_the_typographic_minus_and_points_down(db_url: str) -> None:
    """The gap under « Résultat réalisé » reads −12 299,10 € (57 391,47 − 45 092,37, by hand)."""
    at = opened_sample()
    at.switch_page("pages/variance.py").run()
    card = next(m for m in at.metric if plain(m.label).startswith("Résultat réalisé"))
    assert plain(str(card.delta)) == "−12 299,10 €"
    assert card.proto.direction == card.proto.MetricDirection.DOWN
