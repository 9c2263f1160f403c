"""The « Diagnostic stratégique » screen on both sample cases."""

from __future__ import annotations

import pytest

from tests.app.apptest import frame_with, open_sample, start


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_the_screen_shows_structure_swot_and_orientations(case: str, db_url: str) -> None:
    at = start()
    open_sample(at, case)
    at.switch_page("pages/diagnosis.py").run()
    assert not at.exception
    assert at.title[0].value == "Diagnostic stratégique"
    swot = frame_with(at, "Détail de l'origine")
    assert {"Journal de veille", "Registre des risques", "Besoin du territoire"} <= set(
        swot["Origine"]
    )
    tows = frame_with(at, "Éléments du SWOT croisés")
    assert len(tows) == 4


def test_adding_a_suggested_item_keeps_its_origin(db_url: str) -> None:
    at = start()
    open_sample(at)
    at.switch_page("pages/diagnosis.py").run()
    pick = at.multiselect(key="diagnosis_candidates_pick")
    pick.select(pick.options[0])
    at.button(key="FormSubmitter:diagnosis_candidates_form-Ajouter au SWOT").click().run()
    assert not at.exception
    swot = at.session_state["dossier_current"].dossier.watch.diagnosis.swot
    assert len(swot) == 19
    assert swot[-1].origin.kind.value != "typed" and swot[-1].origin.ref


def test_english_screen(db_url: str) -> None:
    at = start("en")
    open_sample(at, "scic-energie")
    at.switch_page("pages/diagnosis.py").run()
    assert not at.exception
    assert at.title[0].value == "Strategic diagnosis"
