"""The watch section: rules at the door, and SWOT items that keep their links through JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from essdiag.dossier import Dossier, read_dossier_json
from essdiag.identity import Identity
from essdiag.validation import validate_as
from essdiag.watch.section import (
    Diagnosis,
    JournalItem,
    Need,
    Orientation,
    Origin,
    SwotItem,
    WatchSection,
)

SAMPLE = Path(__file__).parents[2] / "sample_data"


def test_swot_origins_and_orientation_links_survive_a_json_round_trip() -> None:
    section = WatchSection(
        needs=[
            Need(id="B01", title="Mobilité", rule="écart relatif 25 %", evidence="0,20 contre 0,16")
        ],
        journal=[
            JournalItem(
                id="V001",
                date=date(2026, 3, 1),
                title="Ligne de car supprimée",
                link="need",
                need_id="B01",
            )
        ],
        diagnosis=Diagnosis(
            swot=[
                SwotItem(
                    id="O1",
                    quadrant="O",
                    text="Besoin",
                    origin=Origin(kind="need", ref="B01", detail="0,20 contre 0,16"),
                ),
                SwotItem(
                    id="W1",
                    quadrant="W",
                    text="Dépendance",
                    origin=Origin(kind="risk", ref="R01", detail="score 16"),
                ),
            ],
            orientations=[
                Orientation(
                    id="OR1",
                    kind="WO",
                    title="Mobilité solidaire",
                    item_ids=["W1", "O1"],
                    jobs_created=1.5,
                    actions=["Étudier"],
                )
            ],
        ),
    )
    dossier = Dossier(identity=Identity(name="Test"), watch=section)
    back, issues = read_dossier_json(dossier.to_json().encode())
    assert issues == [] and back is not None
    assert back.watch == section
    swot = {i.id: i.origin for i in back.watch.diagnosis.swot}
    assert (swot["O1"].kind.value, swot["O1"].ref, swot["O1"].detail) == (
        "need",
        "B01",
        "0,20 contre 0,16",
    )
    assert back.watch.diagnosis.orientations[0].item_ids == ["W1", "O1"]
    assert back.watch.journal[0].need_id == "B01"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            {"needs": [{"id": "B1", "title": "a"}, {"id": "B1", "title": "b"}]},
            "watch_need_id_twice",
        ),
        (
            {"journal": [{"id": "V1", "date": "2026-01-01", "title": "t", "need_id": "B9"}]},
            "watch_item_unknown_need",
        ),
        (
            {
                "diagnosis": {
                    "orientations": [{"id": "OR1", "kind": "SO", "title": "t", "item_ids": ["S9"]}]
                }
            },
            "watch_orientation_unknown_item",
        ),
        ({"actors": [{"id": "A1", "name": "x", "type": "ess", "influence": 6}]}, "less_than_equal"),
        ({"diagnosis": {"bodies": [{"name": "CA", "attendance": 1.2}]}}, "less_than_equal"),
    ],
)
def test_rules_at_the_door_give_french_issues(data: dict, code: str) -> None:  # type: ignore[type-arg]
    section, issues = validate_as(WatchSection, data, prefix=("watch",))
    assert section is None
    assert issues[0].code == code
    assert issues[0].message


def test_tags_are_normalised() -> None:
    item = JournalItem(
        id="V1", date=date(2026, 1, 1), title="t", tags="Énergie, énergie , ,Précarité"
    )
    assert item.tags == ["énergie", "précarité"]


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_the_sample_watch_files_validate_and_teach(case: str) -> None:
    raw = json.loads((SAMPLE / case / "dossier" / "watch.json").read_text("utf-8"))
    section = WatchSection.model_validate(raw)
    assert section.model_dump(mode="json") == raw  # no field the model does not know, nothing lost
    assert len(section.journal) == 15 and len(section.actors) == 12
    assert len(section.needs) >= 3 and all(n.rule and n.evidence for n in section.needs)
    kinds = {o.kind.value for o in section.diagnosis.orientations}
    assert kinds == {"SO", "ST", "WO", "WT"}
    origins = {i.origin.kind.value for i in section.diagnosis.swot}
    assert {"typed", "watch", "need", "risk", "governance", "actor"} <= origins
