"""The risk section's models and the rules at their door: French messages, raw parameters."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from essdiag.figures.issues import issue_message
from essdiag.i18n import translator
from essdiag.risks import Risk, RiskSection, default_matrix, register_warnings
from essdiag.risks.section import (
    CATEGORY_CODES,
    CATEGORY_WORDS,
    STATUS_WORDS,
    TREATMENT_WORDS,
    ActionStatus,
    Axis,
    RiskCategory,
    Treatment,
    validate_matrix,
    validate_section,
)
from essdiag.samples import load_sample

CORPUS = Path(__file__).parents[1] / "data" / "risks"


def _risk(rid: str, lik: int, i: int, **kw: object) -> Risk:
    return Risk.model_validate(
        {
            "id": rid,
            "title": f"Risque {rid}",
            "category": "financial",
            "inherent": {"likelihood": lik, "impact": i},
            **kw,
        }
    )


def test_choices_carry_their_french_label_and_keep_their_value() -> None:
    assert (RiskCategory.HUMAN.value, RiskCategory.HUMAN.label) == ("human", "Humain et bénévolat")
    assert [t.label for t in Treatment] == ["Réduire", "Accepter", "Transférer", "Éviter"]
    assert ActionStatus("done").label == "Faite"
    en = translator("en")
    assert en(RiskCategory.DIGITAL.label) != RiskCategory.DIGITAL.label  # translated where shown


# ---------------------------------------------------------------- matrix rules


def test_matrix_with_bands_short_of_the_top_is_refused_in_french() -> None:
    data = json.loads((CORPUS / "section_bad_bands.json").read_text("utf-8"))
    section, issues = validate_section(data)
    assert section is None
    assert [i.code for i in issues] == ["risk_matrix_bands_cover"]
    assert issues[0].message == "La dernière zone doit aller jusqu'au score 16 (4×4), pas 9."


def test_matrix_with_wrong_number_of_levels_is_refused() -> None:
    data = default_matrix(4).model_dump()
    data["impact"] = data["impact"][:3]
    matrix, issues = validate_matrix(data)
    assert matrix is None
    assert issues[0].message == ("Une matrice 4×4 doit avoir 4 niveaux de gravité (elle en a 3).")
    # The axis is a raw choice in the parameters: the English reader reads its English word.
    assert issues[0].params["axis"] is Axis.IMPACT
    assert issue_message(issues[0], translator("en")) == (
        "A 4×4 matrix must have 4 levels of impact (it has 3)."
    )


@pytest.mark.parametrize(
    ("words", "choices"),
    [(CATEGORY_WORDS, RiskCategory), (TREATMENT_WORDS, Treatment), (STATUS_WORDS, ActionStatus)],
)
def test_the_lists_of_allowed_words_are_the_choices_labels(words: str, choices: type) -> None:
    """The lists messages give are one message each: they must say the enums' labels, in both
    languages (the English list is the list of the English labels)."""
    for lang in ("fr", "en"):
        tr = translator(lang)
        assert tr(words) == ", ".join(tr(m.label) for m in choices)


def test_the_list_of_category_codes_is_the_enums() -> None:
    for lang in ("fr", "en"):
        tr = translator(lang)
        assert tr(CATEGORY_CODES) == ", ".join(f"{m.value} ({tr(m.label)})" for m in RiskCategory)


def test_bands_out_of_order_are_refused() -> None:
    data = default_matrix(3).model_dump()
    data["bands"][0]["max_score"], data["bands"][1]["max_score"] = 4, 2
    matrix, issues = validate_matrix(data)
    assert matrix is None
    assert issues[0].code == "risk_matrix_bands_order"
    assert "(reçu : 4, 2, 9)" in issues[0].message


# ---------------------------------------------------------------- rules at the door


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        (
            "section_unknown_category.json",
            "risk_unknown_category",
            "Catégorie inconnue « climate » : valeurs admises financial (Financier), human (Humain "
            "et bénévolat), governance (Gouvernance et institutionnel), legal (Juridique et "
            "conformité), operational (Opérationnel et continuité), reputational (Image et "
            "réputation), environmental (Environnemental), digital (Numérique et données).",
        ),
        (
            "section_likelihood_outside.json",
            "risk_level_outside_matrix",
            "L'évaluation brute du risque « R01 » (probabilité 5, gravité 2) sort de la matrice "
            "4×4 : choisissez des niveaux de 1 à 4.",
        ),
        (
            "section_due_before_creation.json",
            "risk_action_due_before_creation",
            "L'échéance de l'action « Recruter » (01/02/2026) précède sa date de création "
            "(01/03/2026) : choisissez une échéance postérieure.",
        ),
        (
            "section_unknown_matrix_version.json",
            "risk_matrix_version_unknown",
            "L'évaluation brute du risque « R01 » renvoie à une version 3 de la matrice qui "
            "n'existe pas.",
        ),
        (
            "section_continuity_unknown_risk.json",
            "continuity_unknown_risk",
            "La fiche de continuité « C01 » renvoie à des risques absents du registre : R99.",
        ),
    ],
)
def test_bad_sections_get_clear_french_messages(name: str, code: str, message: str) -> None:
    data = json.loads((CORPUS / name).read_text("utf-8"))
    section, issues = validate_section(data)
    assert section is None
    assert [(i.code, i.message) for i in issues] == [(code, message)]
    assert all(i.field and i.field.startswith("risks") for i in issues)


def test_dates_in_a_refusal_stay_dates_for_the_readers_translator() -> None:
    data = json.loads((CORPUS / "section_due_before_creation.json").read_text("utf-8"))
    _section, issues = validate_section(data)
    assert issues[0].params["due"] == date(2026, 2, 1)
    assert issues[0].params["created"] == date(2026, 3, 1)
    english = translator("en").fill(issues[0].template, issues[0].params)
    assert "(01/02/2026)" in english and "Recruter" in english


def test_likelihood_above_five_is_refused_by_the_field() -> None:
    section, issues = validate_section(
        {"risks": [_risk("R1", 1, 1).model_dump() | {"inherent": {"likelihood": 6, "impact": 1}}]}
    )
    assert section is None
    assert issues[0].code == "less_than_equal"
    assert issues[0].message == "« Probabilité » doit être inférieur ou égal à 5 (reçu : 6)."


def test_action_due_before_the_risk_was_identified_is_refused() -> None:
    with pytest.raises(ValueError, match="précède sa date de création"):
        Risk.model_validate(
            {
                "id": "R1",
                "title": "x",
                "category": "human",
                "created_on": "2026-05-01",
                "inherent": {"likelihood": 1, "impact": 1},
                "actions": [{"title": "a", "due_on": "2026-04-30"}],
            }
        )


def test_review_before_identification_and_duplicate_ids_are_refused() -> None:
    base = _risk("R1", 1, 1, created_on="2026-05-01").model_dump(mode="json")
    _, issues = validate_section({"risks": [base | {"review_on": "2026-04-01"}]})
    assert issues and issues[0].code == "risk_review_before_creation"
    assert issues[0].message == (
        "La date de revue du risque « R1 » (01/04/2026) précède sa date d'identification "
        "(01/05/2026)."
    )
    _, issues = validate_section(
        {"risks": [_risk("R1", 1, 1).model_dump(), _risk("R1", 2, 2).model_dump()]}
    )
    assert [i.message for i in issues] == ["L'identifiant de risque « R1 » est utilisé deux fois."]


def test_blank_controls_are_dropped_so_the_spreadsheet_round_trip_is_lossless() -> None:
    r = Risk.model_validate(
        {
            "id": " R1 ",
            "title": "x",
            "category": "human",
            "inherent": {"likelihood": 1, "impact": 1},
            "controls": ["a", "", None, " b "],
        }
    )
    assert r.id == "R1" and r.controls == ["a", "b"]


def test_a_section_without_matrix_uses_the_5x5_house_matrix_version_1() -> None:
    assert RiskSection().matrix_sizes() == {1: 5}
    _, issues = validate_section({"risks": [_risk("R1", 5, 5).model_dump()]})
    assert issues == []
    bad = _risk("R1", 1, 1).model_dump() | {
        "inherent": {"likelihood": 1, "impact": 1, "matrix_version": 2}
    }
    _, issues = validate_section({"risks": [bad]})
    assert [i.code for i in issues] == ["risk_matrix_version_unknown"]


def test_active_risks_leave_the_closed_ones_out() -> None:
    section = RiskSection(risks=[_risk("R1", 1, 1), _risk("R2", 1, 1, closed=True)])
    assert [r.id for r in section.active_risks()] == ["R1"]
    assert section.risk("R2") is not None and section.risk("R3") is None


# ---------------------------------------------------------------- the samples and the files


def test_samples_validate_and_have_the_expected_risks(rec: RiskSection, scic: RiskSection) -> None:
    assert 11 <= len(rec.risks) <= 14 and 7 <= len(scic.risks) <= 9
    rec_titles = " ".join(r.title.lower() for r in rec.risks)
    for word in ("aide au poste", "fse+", "accident du travail", "bénévoles", "énergie"):
        assert word in rec_titles
    scic_titles = " ".join(r.title.lower() for r in scic.risks)
    for word in ("production", "taux", "raccordement", "sociétaires"):
        assert word in scic_titles
    assert rec.continuity and scic.continuity
    assert load_sample("blank").risks == RiskSection()
    # No unexplained residual above inherent in the shipped samples.
    for s in (rec, scic):
        assert not [w for w in register_warnings(s) if w.code == "residual_above_inherent"]


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_the_risk_section_round_trips_through_dossier_json_and_xlsx(case: str) -> None:
    from essdiag.dossier import new_dossier, read_dossier_json
    from essdiag.dossier_files import read_dossier_xlsx, write_dossier_xlsx

    dossier = new_dossier("Cas").model_copy(update={"risks": load_sample(case).risks})
    from_json, issues = read_dossier_json(dossier.to_json().encode("utf-8"))
    assert issues == [] and from_json is not None and from_json.risks == dossier.risks
    from_xlsx, issues = read_dossier_xlsx(write_dossier_xlsx(dossier))
    assert issues == [] and from_xlsx is not None and from_xlsx.risks == dossier.risks


def test_an_older_dossier_without_risks_still_validates() -> None:
    section, issues = validate_section({})
    assert issues == [] and section == RiskSection()
