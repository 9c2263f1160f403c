"""The impact section's rules at the door, and the sample cases' section files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from essdiag.dossier import Dossier
from essdiag.impact.section import (
    ChangeElement,
    Computation,
    ComputeKind,
    ImpactSection,
    Indicator,
    Level,
    Measure,
    SroiCase,
    SroiInput,
    SroiOutcome,
    Survey,
    SurveyQuestion,
    period_sort_key,
)
from essdiag.validation import validate_as

REPO = Path(__file__).resolve().parents[2]


def codes(model: type, data: dict) -> list[str]:  # type: ignore[type-arg]
    value, issues = validate_as(model, data)
    assert value is None
    return [i.code for i in issues]


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_the_sample_section_files_validate_against_the_model(case: str) -> None:
    data = json.loads((REPO / "sample_data" / case / "dossier" / "impact.json").read_text("utf-8"))
    section, issues = validate_as(ImpactSection, data)
    assert issues == [] and section is not None
    assert section.theory and len(section.indicators) >= 9 and section.sroi and section.surveys
    assert {e.level for e in section.theory} == set(Level)
    assert all(s.file and not s.answers_id for s in section.surveys)  # answers are attached on copy


def test_an_empty_section_still_reads_and_old_dossiers_too() -> None:
    assert ImpactSection() == ImpactSection.model_validate({})
    dossier = Dossier.model_validate({"identity": {"name": "x"}})
    assert dossier.impact == ImpactSection()


def test_periods_are_keyed_and_ordered() -> None:
    assert Measure(period="2026-T2", value=1).period == "2026-T2"
    assert codes(Measure, {"period": "2026-T5", "value": 1}) == ["string_pattern_mismatch"]
    assert codes(Measure, {"period": "2026", "value": float("nan")}) == ["finite_number"]
    assert sorted(["2026-T2", "2026", "2025-12", "2026-S1"], key=period_sort_key) == [
        "2025-12",
        "2026",
        "2026-S1",
        "2026-T2",
    ]


def test_an_indicator_has_one_value_per_period_and_a_valid_sdg() -> None:
    assert codes(
        Indicator,
        {
            "id": "a",
            "name": "x",
            "actuals": [{"period": "2025", "value": 1}, {"period": "2025", "value": 2}],
        },
    ) == ["impact_indicator_period_twice"]
    assert codes(Indicator, {"id": "a", "name": "x", "sdg": 18}) == ["less_than_equal"]
    assert codes(Indicator, {"id": "a b", "name": "x"}) == ["string_pattern_mismatch"]


def test_computation_rules_are_complete() -> None:
    assert codes(Computation, {"kind": "ledger", "accounts": ["708"]}) == [
        "impact_ledger_rule_incomplete"
    ]
    assert codes(Computation, {"kind": "survey_nps", "survey": "s"}) == [
        "impact_survey_rule_incomplete"
    ]
    assert Computation(kind=ComputeKind.SURVEY_RESPONDENTS, survey="s").question == ""
    assert codes(
        Computation,
        {"kind": "ledger", "accounts": ["70A"], "unit_value": 1, "unit_value_source": "s"},
    ) == ["string_pattern_mismatch"]


def test_the_chain_links_forward_to_existing_elements() -> None:
    need = ChangeElement(id="B1", level=Level.NEED, title="Besoin", leads_to=["A1"])
    activity = ChangeElement(id="A1", level=Level.ACTIVITY, title="Activité")
    assert ImpactSection(theory=[need, activity]).element("A1") == activity
    back = activity.model_copy(update={"leads_to": ["B1"]})
    assert codes(ImpactSection, {"theory": [need.model_dump(), back.model_dump()]}) == [
        "impact_element_link_backwards"
    ]
    lost = need.model_copy(update={"leads_to": ["X9"]})
    assert codes(ImpactSection, {"theory": [lost.model_dump()]}) == ["impact_element_unknown_link"]
    assert codes(ImpactSection, {"theory": [need.model_dump(), need.model_dump()]}) == [
        "impact_element_id_twice"
    ]


def test_indicators_point_to_elements_of_their_level_and_to_existing_surveys() -> None:
    activity = ChangeElement(id="A1", level=Level.ACTIVITY, title="Activité")
    ind = Indicator(id="i", name="x", level=Level.OUTCOME, element="A1")
    assert codes(
        ImpactSection, {"theory": [activity.model_dump()], "indicators": [ind.model_dump()]}
    ) == ["impact_indicator_level_mismatch"]
    lost = Indicator(
        id="i", name="x", computed=Computation(kind=ComputeKind.SURVEY_RESPONDENTS, survey="nope")
    )
    assert codes(ImpactSection, {"indicators": [lost.model_dump()]}) == [
        "impact_indicator_unknown_survey"
    ]


def test_sroi_rows_refuse_rates_outside_0_1_negative_quantities_and_missing_sources() -> None:
    base = {"name": "a", "stakeholder": "b", "quantity": 1, "proxy": 1, "proxy_source": "s"}
    assert codes(SroiOutcome, {**base, "deadweight": 1.01}) == ["less_than_equal"]
    assert codes(SroiOutcome, {**base, "drop_off": -0.01}) == ["greater_than_equal"]
    assert codes(SroiOutcome, {**base, "quantity": -1}) == ["greater_than_equal"]
    assert codes(SroiOutcome, {k: v for k, v in base.items() if k != "proxy_source"}) == ["missing"]
    assert codes(SroiOutcome, {**base, "proxy_source": " "}) == ["string_too_short"]
    assert (
        SroiOutcome.model_validate({**base, "deadweight": 1.0, "drop_off": 0.0}).deadweight == 1.0
    )
    assert codes(SroiInput, {"stakeholder": "x"}) == ["sroi_input_value_or_hours"]
    assert codes(SroiInput, {"stakeholder": "x", "value": 1, "hourly_rate": 12}) == [
        "sroi_input_rate_without_hours"
    ]
    assert codes(SroiInput, {"stakeholder": "x", "value": 1, "hours": 12}) == [
        "sroi_input_value_or_hours"
    ]
    two = [SroiOutcome.model_validate(base).model_dump()] * 2
    assert codes(SroiCase, {"outcomes": two}) == ["sroi_outcome_name_twice"]
    assert codes(SroiCase, {"discount_rate": 1.5}) == ["less_than_equal"]


def test_survey_questions_have_unique_keys_and_real_scales() -> None:
    q = SurveyQuestion(key="q1", column="A", kind="likert")
    assert codes(
        Survey, {"id": "s", "title": "t", "questions": [q.model_dump(), q.model_dump()]}
    ) == ["survey_question_key_twice"]
    assert codes(
        SurveyQuestion,
        {"key": "q1", "column": "A", "kind": "likert", "scale_min": 1, "scale_max": 2},
    ) == ["survey_scale_too_short"]
