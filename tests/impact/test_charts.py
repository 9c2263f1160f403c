"""Chart builders of the impact screens: each reads its view and carries its values as text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from essdiag.charts.impact import (
    keywords_chart,
    likert_chart,
    nps_chart,
    progress_chart,
    series_chart,
    sroi_outcomes_chart,
    theory_chart,
    tornado_chart,
)
from essdiag.i18n import translator
from essdiag.impact.indicators import board_view, indicator_board, series_view
from essdiag.impact.results import sroi_analysis
from essdiag.impact.sroi_views import outcomes_view, tornado_view
from essdiag.impact.survey_views import distribution_view, keyword_view, nps_view
from essdiag.impact.surveys import answers_frame, read_survey_file
from essdiag.impact.theory import chain_view, links_view
from essdiag.samples import load_sample

REPO = Path(__file__).resolve().parents[2]
FR, EN = translator("fr"), translator("en")


def test_theory_chart_draws_every_element_and_link() -> None:
    section = load_sample("recyclerie").impact
    fig = theory_chart(chain_view(section), links_view(section), FR)
    boxes = [a for a in fig.layout.annotations if a.bordercolor]
    assert len(boxes) == len(section.theory)
    assert len(fig.layout.shapes) == sum(len(e.leads_to) for e in section.theory)
    headers = [a.text for a in fig.layout.annotations if not a.bordercolor]
    assert "<b>Besoins</b>" in headers
    en = theory_chart(chain_view(section), links_view(section), EN)
    assert "<b>Needs</b>" in [a.text for a in en.layout.annotations if not a.bordercolor]


def test_sroi_charts() -> None:
    dossier = load_sample("recyclerie")
    analysis = sroi_analysis(dossier, on=date(2026, 1, 1))
    assert analysis is not None and analysis.result is not None and dossier.impact.sroi
    tornado = tornado_chart(tornado_view(analysis.tornado, analysis.result.sroi_ratio), FR, top=10)
    assert len(tornado.data) == 2 and len(tornado.data[0].y) == 10
    assert tornado.layout.shapes[0].x0 == 1  # the ratio of 1 marked
    bars = sroi_outcomes_chart(outcomes_view(dossier.impact.sroi, analysis.result), FR)
    assert bars.data[0].text[0].endswith("€")


def test_indicator_and_survey_charts() -> None:
    dossier = load_sample("recyclerie")
    survey = dossier.impact.surveys[0]
    table, _ = read_survey_file(
        (REPO / "sample_data/recyclerie/enquete_satisfaction_2026.csv").read_bytes(), file="x"
    )
    assert table is not None
    frame, _ = answers_frame(table, survey)
    board, _ = indicator_board(
        dossier.impact, dossier.identity, workforce_period="2026", surveys={survey.id: frame}
    )
    progress = progress_chart(board_view(board), FR)
    assert all("<br>" in t for t in progress.data[1].text)  # each bar says its status in words
    state = board.state("sorties")
    assert state is not None
    series = series_chart(series_view(state), state.indicator.name, FR)
    assert list(series.data[0].y) == [54, 57]
    likert = likert_chart(distribution_view(survey, frame, "q6", "public"), "Horaires", FR)
    assert len(likert.data) == 5 and likert.layout.barmode == "stack"
    nps = nps_chart(nps_view(survey, frame, "public"), EN)
    assert "All respondents" in list(nps.data[0].y)
    keywords = keywords_chart(keyword_view(survey, frame, "q8"), FR)
    assert keywords.data[0].y[0] == "horaires"
