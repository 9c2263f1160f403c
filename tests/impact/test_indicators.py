"""The indicator dashboard: progress, status and trend at their thresholds; values the dossier computes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from essdiag.i18n import translator
from essdiag.identity import Identity
from essdiag.impact.indicators import (
    STABLE_TOLERANCE,
    Status,
    Trend,
    board_figures,
    board_view,
    expected_progress,
    indicator_board,
    indicator_from_library,
    library,
    library_view,
    progress_of,
    series_view,
    status_of,
    trend_of,
)
from essdiag.impact.section import (
    Computation,
    ComputeKind,
    Dimension,
    Direction,
    ImpactSection,
    Indicator,
    Measure,
)
from essdiag.impact.surveys import answers_frame, read_survey_file
from essdiag.ledger import read_fec
from essdiag.samples import load_sample

REPO = Path(__file__).resolve().parents[2]
IDENTITY = Identity(name="Test", fte=21.5, headcount=25)


@pytest.fixture(scope="module")
def ledger_2025() -> pd.DataFrame:
    result = read_fec(
        (REPO / "sample_data/recyclerie/FEC_2025.txt").read_bytes(), file="FEC_2025.txt"
    )
    assert result.ledger is not None
    return result.ledger


@pytest.fixture(scope="module")
def ledger_2026() -> pd.DataFrame:
    raw = (REPO / "sample_data/recyclerie/FEC_2026_01-10.txt").read_bytes()
    result = read_fec(raw, file="FEC_2026_01-10.txt")
    assert result.ledger is not None
    return result.ledger


def test_progress_both_ways() -> None:
    assert progress_of(45, 40, 50) == 0.5
    assert progress_of(30, 40, 20) == 0.5  # lower is better: from 40 towards 20
    assert progress_of(38, 40, 50) == pytest.approx(-0.2)
    assert progress_of(5, 5, 5) is None


def test_status_at_its_thresholds() -> None:
    assert status_of(1.0, None) is Status.ACHIEVED  # exactly the target
    assert status_of(0.999, None) is Status.PROGRESSING
    assert status_of(0.0, None) is Status.PROGRESSING  # at the baseline: not moving away
    assert status_of(-0.001, None) is Status.AWAY
    assert status_of(0.5, 0.5) is Status.ON_TRACK  # exactly the progress expected
    assert status_of(0.499, 0.5) is Status.BEHIND
    assert status_of(None, None, reached=True) is Status.ACHIEVED


def test_expected_progress_is_the_time_elapsed() -> None:
    # baseline 2024 (ends 2025.0), target 2027 (ends 2028.0), latest 2025 (ends 2026.0): 1/3
    assert expected_progress("2024", "2027", "2025") == pytest.approx(1 / 3)
    assert expected_progress("2024", "2027", "2026-S1") == pytest.approx(0.5)  # ends mid-2026
    assert expected_progress("2024", "2027", "2030") == 1.0
    assert expected_progress("", "2027", "2025") is None


def test_trend_at_the_stable_band() -> None:
    assert STABLE_TOLERANCE == 0.01
    assert trend_of(100, 100.99, Direction.INCREASE) is Trend.STABLE
    assert trend_of(100, 101, Direction.INCREASE) is Trend.IMPROVING  # a 1 % move is a move
    assert trend_of(100, 99, Direction.INCREASE) is Trend.WORSENING
    assert trend_of(100, 99, Direction.DECREASE) is Trend.IMPROVING
    assert trend_of(0, 0.005, Direction.INCREASE) is Trend.STABLE  # from zero: 1 % of 1
    assert trend_of(0, 0.5, Direction.INCREASE) is Trend.IMPROVING


def typed(**changes: object) -> Indicator:
    base = {
        "id": "i",
        "name": "Sorties",
        "unit": "%",
        "baseline": 52,
        "baseline_period": "2023",
        "target": 60,
        "target_period": "2027",
        "actuals": [Measure(period="2024", value=54), Measure(period="2025", value=57)],
    }
    return Indicator.model_validate({**base, **changes})


def test_a_typed_indicator_gets_its_progress_status_and_trend_with_their_working() -> None:
    board, issues = indicator_board(
        ImpactSection(indicators=[typed()]), IDENTITY, workforce_period="2026"
    )
    state = board.states[0]
    assert issues == []
    # (57 − 52) / (60 − 52) = 0,625; expected (2026 − 2024) / (2028 − 2024) = 0,5: on track
    assert state.progress.value == pytest.approx(0.625)
    assert state.status is Status.ON_TRACK and state.progress.tone == "good"
    steps = state.progress.steps(translator("fr"))
    assert "Cible = 60,0\xa0% — source : 2027" in steps  # 60 points of % shown as 60 %
    assert (
        "Progression attendue à cette date = 50,0\xa0% — source : temps écoulé entre la référence et l'échéance"
        in steps
    )
    # trend: (57 − 54) / 54 = 5,6 %: improving
    assert state.trend is Trend.IMPROVING and state.trend_figure.value == pytest.approx(3 / 54)


def test_without_target_or_value() -> None:
    section = ImpactSection(indicators=[typed(target=None), typed(id="j", actuals=[])])
    board, _ = indicator_board(section, IDENTITY, workforce_period="2026")
    assert [s.status for s in board.states] == [Status.NO_TARGET, Status.NO_DATA]
    assert board.states[1].progress.reason == "aucune valeur mesurée"


def test_volunteer_hours_come_from_account_864_and_the_smic(
    ledger_2025: pd.DataFrame, ledger_2026: pd.DataFrame
) -> None:
    entry = next(e for e in library() if e.key == "volunteer_hours")
    ind = indicator_from_library(entry, "b").model_copy(
        update={"actuals": [Measure(period="2024", value=4600)]}
    )
    board, _ = indicator_board(
        ImpactSection(indicators=[ind]),
        IDENTITY,
        ledgers={2025: ledger_2025, 2026: ledger_2026},
        workforce_period="2026",
    )
    points = board.states[0].points
    # 2025: 864 = 58 806,00 € (FEC_2025, OD25-00022) / 11,88 €/h (SMIC at 31/12/2025) = 4 950 h;
    # 2026 has no 864 entry yet (booked at year end); 2024 stays as typed. The division is
    # exact: a whole count of hours stays whole (see the next test for a float that would not)
    assert [(p.period, p.value, p.computed) for p in points] == [
        ("2024", 4600, False),
        ("2025", 4950.0, True),
    ]
    working = points[1].working
    assert working is not None
    assert (
        "SMIC horaire brut = 11,88\xa0€ /h — source : Décret n° 2024-951 du 23 octobre 2024 (en vigueur au 01/11/2024)"
        in working.steps()
    )


def test_a_stated_valuation_rate_replaces_the_smic(ledger_2025: pd.DataFrame) -> None:
    ind = Indicator(
        id="b", name="Heures", unit="h", computed=Computation(kind=ComputeKind.VOLUNTEER_HOURS)
    )
    section = ImpactSection(indicators=[ind], volunteer_hourly_rate=14.0)
    board, _ = indicator_board(
        section, IDENTITY, ledgers={2025: ledger_2025}, workforce_period="2026"
    )
    assert board.states[0].points[0].value == pytest.approx(58806 / 14)


def test_a_ledger_rule_divides_the_booked_amount_by_the_unit_value(
    ledger_2025: pd.DataFrame, ledger_2026: pd.DataFrame
) -> None:
    rule = Computation(
        kind=ComputeKind.LEDGER, accounts=["708800"], unit_value=40, unit_value_source="contrat"
    )
    ind = Indicator(id="t", name="Tonnes soutenues", unit="t", target=400, computed=rule)
    board, _ = indicator_board(
        ImpactSection(indicators=[ind]),
        IDENTITY,
        ledgers={2025: ledger_2025, 2026: ledger_2026},
        workforce_period="2026",
    )
    state = board.states[0]
    # 708800 in 2025: 14 568,54 € of eco-organism support / 40 €/t = 364,21 t
    assert state.points[0].value == pytest.approx(14568.54 / 40)
    assert state.points[1].partial  # January–October 2026 only
    assert (
        state.latest is not None and state.latest.period == "2025"
    )  # progress reads the full year
    analytic = rule.model_copy(update={"analytic": "NOPE"})
    board, _ = indicator_board(
        ImpactSection(indicators=[ind.model_copy(update={"computed": analytic})]),
        IDENTITY,
        ledgers={2025: ledger_2025},
        workforce_period="2026",
    )
    assert board.states[0].points == () and board.states[0].computed_reason


def test_workforce_rules_read_the_hr_register_passed_in() -> None:
    register = pd.DataFrame(
        {"id": ["a", "b", "c"], "fte": [1.0, 0.8, 0.8], "contract": ["cdi", "cddi", "CDDI"]}
    )
    fte = Indicator(
        id="e", name="ETP", unit="ETP", computed=Computation(kind=ComputeKind.WORKFORCE_FTE)
    )
    cddi = Indicator(
        id="c",
        name="CDDI",
        computed=Computation(kind=ComputeKind.WORKFORCE_HEADCOUNT, contracts=["CDDI"]),
    )
    section = ImpactSection(indicators=[fte, cddi])
    board, _ = indicator_board(section, IDENTITY, workforce=register, workforce_period="2025")
    assert [(s.points[0].period, s.points[0].value) for s in board.states] == [
        ("2025", pytest.approx(2.6)),
        ("2025", 2.0),
    ]
    # without the register: the FTE declared in the identity, and no CDDI count
    board, _ = indicator_board(section, IDENTITY, workforce_period="2026")
    assert board.states[0].points[0].value == 21.5 and board.states[0].points[0].note
    assert board.states[1].points == () and "registre du personnel" in (
        board.states[1].computed_reason or ""
    )
    board, issues = indicator_board(
        section, IDENTITY, workforce=pd.DataFrame({"x": [1]}), workforce_period="2026"
    )
    assert issues[0].code == "impact_workforce_columns"


def test_survey_rules_publish_only_groups_of_five() -> None:
    dossier = load_sample("recyclerie")
    survey = dossier.impact.surveys[0]
    table, _ = read_survey_file(
        (REPO / "sample_data/recyclerie/enquete_satisfaction_2026.csv").read_bytes(), file="x.csv"
    )
    assert table is not None
    frame, _ = answers_frame(table, survey)
    board, _ = indicator_board(
        dossier.impact, dossier.identity, workforce_period="2026", surveys={survey.id: frame}
    )
    nps = board.state("nps")
    assert nps is not None and [p.period for p in nps.points] == ["2026-S1", "2026-S2"]
    respondents = board.state("repondants")
    assert respondents is not None and sum(p.value for p in respondents.points) == 143
    small = frame.head(4)
    board, _ = indicator_board(
        dossier.impact, dossier.identity, workforce_period="2026", surveys={survey.id: small}
    )
    state = board.state("nps")
    assert state is not None and state.points == ()
    assert state.computed_reason == "moins de 5 réponses par période : aucune valeur publiée"


def test_the_library_has_thirty_common_indicators_that_make_valid_indicators() -> None:
    entries = library()
    assert len(entries) >= 30
    assert len({e.key for e in entries}) == len(entries)
    assert {e.dimension for e in entries} == set(Dimension)
    for e in entries:
        ind = indicator_from_library(e, "x", unit_value=40, unit_value_source="contrat")
        assert ind.library_key == e.key and (e.sdg is None or 1 <= e.sdg <= 17)
    computed = {e.key for e in entries if e.computed}
    assert {"volunteer_hours", "local_jobs_fte", "tonnes_supported_reuse"} <= computed
    ledger = next(e for e in entries if e.key == "tonnes_supported_reuse")
    assert indicator_from_library(ledger, "x").computed is None  # no unit value: typed values
    assert len(library_view()) == len(entries)


def test_views_and_headline_figures_of_the_sample(ledger_2025: pd.DataFrame) -> None:
    dossier = load_sample("recyclerie")
    board, _ = indicator_board(
        dossier.impact, dossier.identity, ledgers={2025: ledger_2025}, workforce_period="2026"
    )
    view = board_view(board)
    assert len(view) == len(dossier.impact.indicators)
    shown = view.display(translator("en"))
    assert "Progress" in shown.columns and "on track" in set(shown["Status"])
    figures = board_figures(board)
    assert figures["computed"].value == 7
    state = board.state("sorties")
    assert state is not None and series_view(state).values("value") == [54, 57]


def test_volunteer_hours_are_divided_exactly() -> None:
    """The SCIC's 2025 FEC: 864 = 12 830,40 + 8 553,60 = 21 384,00 € (OD25-00019) / 11,88 €/h
    (SMIC at 31/12/2025, décret 2024-951) = 1 800 h exactly; floats give 1 799,999…"""
    entry = next(e for e in library() if e.key == "volunteer_hours")
    ind = indicator_from_library(entry, "b")
    raw = (REPO / "sample_data/scic-energie/FEC_2025.txt").read_bytes()
    ledger = read_fec(raw, file="FEC_2025.txt").ledger
    assert ledger is not None
    board, _ = indicator_board(
        ImpactSection(indicators=[ind]), IDENTITY, ledgers={2025: ledger}, workforce_period="2025"
    )
    assert 21384.00 / 11.88 != 1800  # what the float division gave
    assert [(p.period, p.value) for p in board.states[0].points] == [("2025", 1800.0)]
