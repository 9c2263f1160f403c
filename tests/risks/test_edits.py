"""Edits of the register as the screen makes them (essdiag.risks.edits)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from essdiag.risks import ActionStatus, RiskSection, default_matrix
from essdiag.risks.edits import (
    actions_from_rows,
    add_library_risks,
    matrix_from_rows,
    put_risk,
    put_sheet,
    remove_risk,
    same_scales,
    selected_migrations,
)
from essdiag.risks.migration import migration_proposals, revise_matrix
from essdiag.risks.section import validate_section


def test_actions_from_edited_rows_drop_blank_titles_and_read_status_words() -> None:
    words = {"À faire": ActionStatus.TODO, "Faite": ActionStatus.DONE}
    rows = [
        {
            "title": " Relancer la DREETS ",
            "owner": None,
            "due_on": pd.Timestamp("2026-12-15"),
            "created_on": float("nan"),
            "status": "Faite",
            "note": float("nan"),
        },
        {"title": float("nan"), "status": "Faite"},
        {"title": "Former un suppléant", "status": None, "due_on": pd.NaT},
    ]
    actions = actions_from_rows(rows, words)
    assert [(a["title"], a["status"], a["due_on"], a["owner"]) for a in actions] == [
        ("Relancer la DREETS", ActionStatus.DONE, date(2026, 12, 15), ""),
        ("Former un suppléant", ActionStatus.TODO, None, ""),
    ]
    assert actions[0]["created_on"] is None and actions[0]["note"] == ""


def test_renaming_a_risk_renames_it_in_the_continuity_sheets(scic: RiskSection) -> None:
    linked = next(c for c in scic.continuity if c.risk_ids)
    old = linked.risk_ids[0]
    risk = scic.risk(old)
    assert risk is not None
    entry = risk.model_dump() | {"id": "Z99"}
    section, issues = validate_section(put_risk(scic, entry, old))
    assert issues == [] and section is not None
    assert section.risk(old) is None and section.risk("Z99") is not None
    sheet = next(c for c in section.continuity if c.id == linked.id)
    assert "Z99" in sheet.risk_ids and old not in sheet.risk_ids


def test_removing_a_risk_removes_it_from_the_sheets(scic: RiskSection) -> None:
    linked = next(c for c in scic.continuity if c.risk_ids)
    old = linked.risk_ids[0]
    section, issues = validate_section(remove_risk(scic, old))
    assert issues == [] and section is not None
    assert section.risk(old) is None
    assert all(old not in c.risk_ids for c in section.continuity)
    assert len(section.risks) == len(scic.risks) - 1


def test_a_new_risk_on_an_empty_section_writes_the_house_matrix_out() -> None:
    entry = {
        "id": "R01",
        "title": "x",
        "category": "human",
        "inherent": {"likelihood": 2, "impact": 3, "matrix_version": 1},
    }
    section, issues = validate_section(put_risk(RiskSection(), entry, None))
    assert issues == [] and section is not None
    assert section.matrices == [default_matrix(5)]


def test_sheets_are_added_or_replaced(scic: RiskSection) -> None:
    first = scic.continuity[0]
    replaced = put_sheet(scic, first.model_dump() | {"activity": "Astreinte"}, first.id)
    assert replaced["continuity"][0]["activity"] == "Astreinte"
    assert len(replaced["continuity"]) == len(scic.continuity)
    added = put_sheet(scic, {"id": "C09", "activity": "Accueil"}, None)
    assert [c["id"] for c in added["continuity"]][-1] == "C09"


def test_library_risks_take_the_next_identifiers_in_library_order() -> None:
    data = add_library_risks(
        RiskSection(),
        ["energy_costs", "funder_dependence"],
        default_matrix(3),
        owner=" Directrice ",
        on=date(2026, 11, 27),
        with_actions=False,
    )
    section, issues = validate_section(data)
    assert issues == [] and section is not None
    assert [(r.id, r.library_key, r.owner) for r in section.risks] == [
        ("R01", "funder_dependence", "Directrice"),
        ("R02", "energy_costs", "Directrice"),
    ]
    assert all(not r.actions for r in section.risks)


def test_selected_migrations_keep_ticked_rows_and_user_corrections(scic: RiskSection) -> None:
    revised = revise_matrix(scic, default_matrix(5))
    proposals = migration_proposals(revised)
    rows = [
        {
            "risk_id": p.risk_id,
            "kind": p.kind,
            "accept": i == 0,
            "new_likelihood": 1 if i == 0 else p.new_likelihood,
            "new_impact": float("nan"),
        }
        for i, p in enumerate(proposals)
    ]
    accepted = selected_migrations(proposals, rows)
    assert len(accepted) == 1
    assert accepted[0].new_likelihood == 1 and accepted[0].new_impact == proposals[0].new_impact


def test_matrix_from_edited_rows_refuses_bands_that_stop_short_in_french() -> None:
    m = default_matrix(3)
    levels = [{"label": lv.label, "description": lv.description} for lv in m.likelihood]
    bands = [b.model_dump() for b in m.bands]
    bands[-1]["max_score"] = 8
    bands.append({"label": None, "max_score": None})  # an empty row added in the editor
    matrix, issues = matrix_from_rows(
        version=2, size=3, likelihood=levels, impact=levels, bands=bands, note=" essai "
    )
    assert matrix is None
    assert [i.message for i in issues] == [
        "La dernière zone doit aller jusqu'au score 9 (3×3), pas 8."
    ]
    bands[-2]["max_score"] = 9
    matrix, issues = matrix_from_rows(
        version=2, size=3, likelihood=levels, impact=levels, bands=bands, note=" essai "
    )
    assert issues == [] and matrix is not None and matrix.note == "essai"
    assert not same_scales(matrix, m)  # impact levels now read like likelihood levels
    assert same_scales(m.model_copy(update={"version": 7}), m)
