"""Edits from the screens' tables: rows back to models, refusals naming the row, library additions."""

from __future__ import annotations

import math

from essdiag.i18n import translator
from essdiag.impact.edits import (
    actuals_from_rows,
    actuals_rows,
    add_from_library,
    elements_from_rows,
    elements_rows,
    enum_from_label,
    indicators_from_rows,
    indicators_rows,
    next_indicator_id,
    sroi_from_rows,
    sroi_rows,
)
from essdiag.impact.indicators import library
from essdiag.impact.section import ImpactSection, Level
from essdiag.samples import load_sample

FR, EN = translator("fr"), translator("en")


def test_elements_round_trip_in_both_languages() -> None:
    section = load_sample("recyclerie").impact
    for tr in (FR, EN):
        elements, issues = elements_from_rows(elements_rows(section, tr), tr)
        assert issues == [] and elements is not None
        assert sorted(e.id for e in elements) == sorted(e.id for e in section.theory)
        assert {e.id: e.leads_to for e in elements} == {e.id: e.leads_to for e in section.theory}


def test_a_refused_element_row_is_named() -> None:
    rows = [
        {"id": "B1", "level": "Besoins", "title": "Chômage", "leads_to": "A1; A2"},
        {"id": "", "level": "", "title": "", "leads_to": None},  # an empty row is dropped
        {"id": "A1", "level": "Niveau inconnu", "title": "ACI", "leads_to": ""},
    ]
    elements, issues = elements_from_rows(rows, FR)
    assert elements is None
    assert issues[0].line == 3 and issues[0].message.startswith(
        "Théorie du changement, ligne 3 : « Niveau »"
    )


def test_indicators_round_trip_and_keep_their_values_and_rules() -> None:
    section = load_sample("recyclerie").impact
    indicators, issues = indicators_from_rows(indicators_rows(section, EN), section, EN)
    assert issues == [] and indicators == section.indicators
    rows = indicators_rows(section, FR)
    rows[0]["target"] = float("nan")  # a cleared cell
    rows[1]["sdg"] = 19
    indicators, issues = indicators_from_rows(rows, section, FR)
    assert indicators is None and [i.line for i in issues] == [2]


def test_values_round_trip_and_name_their_row() -> None:
    section = load_sample("recyclerie").impact
    rows = actuals_rows(section)
    indicators, issues = actuals_from_rows(rows, section.indicators)
    assert issues == [] and indicators == section.indicators
    bad = [
        *rows,
        {"indicator": "inconnu", "period": "2025", "value": 1},
        {"indicator": "sorties", "period": "25", "value": 2},
    ]
    indicators, issues = actuals_from_rows(bad, section.indicators)
    assert indicators is None
    assert [i.line for i in issues] == [len(rows) + 1, len(rows) + 2]
    assert "« inconnu » n'existe pas" in issues[0].message


def test_sroi_rows_round_trip_and_bad_rows_refuse_the_save() -> None:
    case = load_sample("recyclerie").impact.sroi
    assert case is not None
    inputs, outcomes = sroi_rows(case)
    head = {
        "title": case.title,
        "discount_rate": case.discount_rate,
        "valuation_date": case.valuation_date,
    }
    again, issues = sroi_from_rows(head, inputs, outcomes)
    assert issues == [] and again == case
    outcomes[0]["attribution"] = 1.2
    outcomes.append(dict.fromkeys(outcomes[0], math.nan))  # an empty row of the editor
    refused, issues = sroi_from_rows(head, inputs, outcomes)
    assert refused is None
    assert issues[0].message.startswith(
        "Effet n° 1 « Emploi durable après le parcours » mis de côté"
    )


def test_library_additions_get_fresh_ids() -> None:
    entry = next(e for e in library() if e.key == "volunteer_hours")
    section = add_from_library(ImpactSection(), [entry, entry])
    assert [i.id for i in section.indicators] == ["volunteer_hours", "volunteer_hours-2"]
    assert next_indicator_id(section, "volunteer_hours") == "volunteer_hours-3"


def test_labels_in_either_language() -> None:
    assert enum_from_label("Outcomes", Level, EN) is Level.OUTCOME
    assert enum_from_label("Effets", Level, FR) is Level.OUTCOME
    assert enum_from_label("outcome", Level, FR) is Level.OUTCOME
    assert enum_from_label("???", Level, FR) == "???"
