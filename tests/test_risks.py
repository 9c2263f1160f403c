"""Risk register: scoring and banding per matrix size, versions and migration, rules, views.

Reference values are worked by hand, not computed by the code under test:
score = probabilité × gravité (ISO 31010:2019, B.10), bands read from the house
thresholds copied here by hand (3×3 ≤2/≤4/≤9, 4×4 ≤3/≤6/≤9/≤16, 5×5 ≤4/≤9/≤16/≤25,
the design of issue #5; a change there must be a deliberate change here), and for an edited matrix
from the NHS NPSA grading (« A risk matrix for risk managers », 2008).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from essdiag.errors import Severity
from essdiag.risks import (
    Risk,
    RiskSection,
    current_matrix,
    default_matrix,
    register_warnings,
    risk_score,
)
from essdiag.risks.library import library, library_entry, risk_from_library
from essdiag.risks.matrix import band_for, score
from essdiag.risks.model import (
    apply_migration,
    matrices_of,
    migration_proposals,
    next_risk_id,
    revise_matrix,
    validate_matrix,
    validate_section,
)
from essdiag.risks.views import (
    by_category,
    by_owner,
    continuity_frame,
    heatmap_cells,
    movements,
    overdue_actions,
    overdue_reviews,
    score_figure,
    score_history,
    to_migrate,
    top_risks,
)
from sample_data.sections.risks import section as sample_section

CORPUS = Path(__file__).parent / "data" / "risks"


def _risk(
    rid: str,
    lik: int,
    i: int,
    *,
    version: int = 1,
    res: tuple[int, int] | None = None,
    **kw: object,
) -> Risk:
    return Risk.model_validate(
        {
            "id": rid,
            "title": f"Risque {rid}",
            "category": kw.pop("category", "financial"),
            "inherent": {"likelihood": lik, "impact": i, "matrix_version": version},
            "residual": None
            if res is None
            else {"likelihood": res[0], "impact": res[1], "matrix_version": version},
            **kw,
        }
    )


# ---------------------------------------------------------------- scoring and banding


@pytest.mark.parametrize(
    ("size", "likelihood", "impact", "expected_score", "expected_band"),
    [
        # 3×3: Faible ≤ 2, Modéré ≤ 4, Élevé ≤ 9
        (3, 1, 2, 2, "Faible"),
        (3, 2, 2, 4, "Modéré"),
        (3, 3, 2, 6, "Élevé"),
        (3, 3, 3, 9, "Élevé"),
        # 4×4: Faible ≤ 3, Modéré ≤ 6, Élevé ≤ 9, Critique ≤ 16
        (4, 1, 3, 3, "Faible"),
        (4, 2, 3, 6, "Modéré"),
        (4, 3, 3, 9, "Élevé"),
        (4, 4, 3, 12, "Critique"),
        # 5×5: Faible ≤ 4, Modéré ≤ 9, Élevé ≤ 16, Critique ≤ 25
        (5, 2, 2, 4, "Faible"),
        (5, 1, 5, 5, "Modéré"),
        (5, 3, 3, 9, "Modéré"),
        (5, 4, 4, 16, "Élevé"),
        (5, 4, 5, 20, "Critique"),
        (5, 5, 5, 25, "Critique"),
    ],
)
def test_score_and_band_worked_examples(
    size: int, likelihood: int, impact: int, expected_score: int, expected_band: str
) -> None:
    m = default_matrix(size)
    assert score(likelihood, impact) == expected_score
    assert band_for(expected_score, m).label == expected_band


# NHS National Patient Safety Agency, « A risk matrix for risk managers » (NPSA, janvier 2008),
# §3 and table 3: 5×5, score = consequence × likelihood, graded 1–3 low, 4–6 moderate,
# 8–12 high, 15–25 extreme. An independent, published grading, entered as a user-edited matrix.
_NPSA_BANDS = [("Faible", 3), ("Modéré", 6), ("Élevé", 12), ("Extrême", 25)]


@pytest.mark.parametrize(
    ("likelihood", "impact", "expected_score", "expected_band"),
    [
        (1, 3, 3, "Faible"),  # rare × moderate
        (2, 2, 4, "Modéré"),  # unlikely × minor
        (3, 2, 6, "Modéré"),  # possible × minor
        (2, 4, 8, "Élevé"),  # unlikely × major
        (3, 4, 12, "Élevé"),  # possible × major
        (3, 5, 15, "Extrême"),  # possible × catastrophic
        (5, 5, 25, "Extrême"),  # almost certain × catastrophic
    ],
)
def test_an_edited_5x5_matrix_grades_like_the_npsa_example(
    likelihood: int, impact: int, expected_score: int, expected_band: str
) -> None:
    data = default_matrix(5).model_dump()
    data["bands"] = [
        {"label": label, "colour": colour, "max_score": top}
        for (label, top), colour in zip(
            _NPSA_BANDS, ("#56B4E9", "#F0E442", "#E69F00", "#D55E00"), strict=True
        )
    ]
    npsa, issues = validate_matrix(data)
    assert issues == [] and npsa is not None
    r = _risk("R1", likelihood, impact)
    s = risk_score(r, RiskSection(matrices=[npsa], risks=[r]))
    assert (s.inherent, s.inherent_band) == (expected_score, expected_band)


@pytest.mark.parametrize("size", [3, 4, 5])
def test_house_matrices_are_labelled_and_cover_every_score(size: int) -> None:
    m = default_matrix(size)
    assert len(m.likelihood) == len(m.impact) == size
    assert all(lv.label and lv.description for lv in [*m.likelihood, *m.impact])
    assert m.bands[-1].max_score == size * size
    assert all(b.label and b.colour.startswith("#") and b.guidance for b in m.bands)
    # Every cell of the grid falls in exactly one band.
    cells = {band_for(score(a, b), m).label for a in range(1, size + 1) for b in range(1, size + 1)}
    assert cells == {b.label for b in m.bands}


def test_risk_score_reads_the_matrix_version_of_the_assessment() -> None:
    r = _risk("R1", 4, 4, res=(2, 4))
    s = risk_score(r, RiskSection(risks=[r]))
    assert (s.inherent, s.inherent_band, s.residual, s.residual_band) == (16, "Élevé", 8, "Modéré")
    assert s.net == 8 and s.size == 5 and s.current


def test_score_figure_shows_its_working() -> None:
    r = _risk("R1", 4, 3, res=(3, 3))
    f = score_figure(r, RiskSection(risks=[r]))
    assert f.value == 9
    steps = f.steps()
    assert steps[0] == "Score résiduel de R1 = probabilité × gravité"
    assert "probabilité = 3 niveau sur 5 — source : Possible" in steps
    assert any("zone « Modéré »" in s for s in steps)


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


def test_bands_out_of_order_are_refused() -> None:
    data = default_matrix(3).model_dump()
    data["bands"][0]["max_score"], data["bands"][1]["max_score"] = 4, 2
    matrix, issues = validate_matrix(data)
    assert matrix is None
    assert issues[0].code == "risk_matrix_bands_order"
    assert "(reçu : 4, 2, 9)" in issues[0].message


# ---------------------------------------------------------------- versions and migration


def test_revising_the_matrix_keeps_old_assessments_and_offers_migration() -> None:
    r = _risk("R1", 3, 2, res=(2, 2))
    section = RiskSection(risks=[r])
    revised = revise_matrix(section, default_matrix(3), on=date(2026, 3, 1))
    # The implicit 5×5 version 1 is written out, the new 3×3 is version 2.
    assert [(m.version, m.size) for m in revised.matrices] == [(1, 5), (2, 3)]
    assert revised.matrices[1].created_on == date(2026, 3, 1)
    assert revised.risks == section.risks  # nothing rescored silently
    assert risk_score(revised.risks[0], revised).inherent_band == "Modéré"  # still 5×5: 6 ≤ 9
    assert list(to_migrate(revised)["id"]) == ["R1"]
    assert [i.code for i in register_warnings(revised)] == ["risk_matrix_outdated"]
    assert (
        heatmap_cells(revised)["count"].sum() == 0
    )  # not placed on a scale it was not assessed on


def test_migration_5x5_to_3x3_rescales_by_position() -> None:
    # 5→3: new = ⌈(old − ½) × 3 / 5⌉: 3 → ⌈1.5⌉ = 2, 2 → ⌈0.9⌉ = 1, 4 → ⌈2.1⌉ = 3.
    r = _risk("R1", 3, 2, res=(2, 4))
    revised = revise_matrix(RiskSection(risks=[r]), default_matrix(3))
    proposals = migration_proposals(revised)
    assert [
        (p.kind, p.new_likelihood, p.new_impact, p.new_score, p.new_band) for p in proposals
    ] == [
        ("inherent", 2, 1, 2, "Faible"),
        ("residual", 1, 3, 3, "Modéré"),
    ]
    assert proposals[0].old_band == "Modéré" and proposals[0].from_version == 1
    migrated = apply_migration(revised, proposals)
    m = migrated.risks[0]
    assert (m.inherent.likelihood, m.inherent.impact, m.inherent.matrix_version) == (2, 1, 2)
    assert m.residual is not None and (m.residual.likelihood, m.residual.impact) == (1, 3)
    assert migration_proposals(migrated) == []
    assert register_warnings(migrated) == [
        i for i in register_warnings(migrated) if i.code == "residual_above_inherent"
    ]


def test_migration_of_the_recyclerie_sample_4x4_to_5x5() -> None:
    # R13 was assessed on the 2025 4×4 (v1): inherent (3, 2), residual (2, 2).
    # 4→5: 3 → ⌈2.5 × 5 / 4⌉ = ⌈3.125⌉ = 4 ; 2 → ⌈1.5 × 5 / 4⌉ = ⌈1.875⌉ = 2.
    section = RiskSection.model_validate(sample_section("recyclerie"))
    proposals = migration_proposals(section)
    assert {(p.risk_id, p.kind): (p.new_likelihood, p.new_impact) for p in proposals} == {
        ("R13", "inherent"): (4, 2),
        ("R13", "residual"): (2, 2),
    }
    by_kind = {p.kind: p for p in proposals}
    assert (by_kind["inherent"].new_score, by_kind["inherent"].new_band) == (8, "Modéré")
    # The user corrects a proposal before accepting it: the correction is what is stored.
    edited = [by_kind["inherent"].model_copy(update={"new_likelihood": 3}), by_kind["residual"]]
    migrated = apply_migration(section, edited)
    r13 = migrated.risk("R13")
    assert r13 is not None and r13.inherent.likelihood == 3 and r13.inherent.matrix_version == 2
    assert to_migrate(migrated).empty


def test_migration_of_unaccepted_risks_leaves_them_alone() -> None:
    section = RiskSection.model_validate(sample_section("recyclerie"))
    assert apply_migration(section, []) == section


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
    _, issues = validate_section(
        {"risks": [_risk("R1", 1, 1).model_dump(), _risk("R1", 2, 2).model_dump()]}
    )
    assert [i.message for i in issues] == ["L'identifiant de risque « R1 » est utilisé deux fois."]


def test_residual_above_inherent_is_a_warning_until_explained() -> None:
    r = _risk("R1", 2, 2, res=(3, 3))
    warnings = register_warnings(RiskSection(risks=[r]))
    assert [(w.code, w.severity) for w in warnings] == [
        ("residual_above_inherent", Severity.WARNING)
    ]
    assert "dépasse le risque brut (4)" in warnings[0].message
    explained = r.model_copy(
        update={"residual_reason": "Nouveau site, mesures pas encore en place"}
    )
    assert register_warnings(RiskSection(risks=[explained])) == []


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


def test_an_empty_section_uses_the_5x5_house_matrix() -> None:
    assert matrices_of(RiskSection()) == [default_matrix(5)]
    assert current_matrix(RiskSection()).size == 5
    assert next_risk_id([]) == "R01"


# ---------------------------------------------------------------- library


def test_library_has_at_least_25_typical_ess_risks_in_french() -> None:
    entries = library()
    assert len(entries) >= 25
    assert len({e.key for e in entries}) == len(entries)
    titles = " ".join(e.title.lower() for e in entries)
    for expected in (
        "financeur principal",
        "retard de versement",
        "reversement",
        "esus",
        "agrément",
        "bénévoles",
        "personne clé",
        "conflit de gouvernance",
        "sans renouvellement",
        "assurance",
        "données personnelles",
        "accessibilité",
        "accident du travail",
        "fournisseur",
        "énergie",
    ):
        assert expected in titles, expected
    assert all(e.cause and e.consequence and e.controls for e in entries)
    assert {e.category for e in entries} >= {
        "financial",
        "human",
        "governance",
        "legal",
        "operational",
        "digital",
    }


@pytest.mark.parametrize(("size", "expected"), [(5, (3, 5)), (4, (2, 4)), (3, (2, 3))])
def test_library_entry_lands_on_the_matrix_in_force(size: int, expected: tuple[int, int]) -> None:
    # funder_dependence: typical (3, 5) on 5 levels. 5→4: 3 → ⌈2.5 × 4/5⌉ = 2, 5 → ⌈4.5 × 4/5⌉ = 4;
    # 5→3: 3 → ⌈2.5 × 3/5⌉ = 2, 5 → ⌈4.5 × 3/5⌉ = 3.
    entry = library_entry("funder_dependence")
    r = risk_from_library(
        entry, "R07", default_matrix(size), owner="Directeur", on=date(2026, 11, 2)
    )
    assert (r.inherent.likelihood, r.inherent.impact) == expected
    assert r.library_key == "funder_dependence" and r.owner == "Directeur"
    assert all(a.owner == "Directeur" and a.created_on == date(2026, 11, 2) for a in r.actions)


# ---------------------------------------------------------------- views on the sample


@pytest.fixture(scope="module")
def recyclerie_risks() -> RiskSection:
    return RiskSection.model_validate(sample_section("recyclerie"))


def test_samples_validate_and_have_the_expected_risks() -> None:
    rec = RiskSection.model_validate(sample_section("recyclerie"))
    scic = RiskSection.model_validate(sample_section("scic-energie"))
    assert 11 <= len(rec.risks) <= 14 and 7 <= len(scic.risks) <= 9
    rec_titles = " ".join(r.title.lower() for r in rec.risks)
    for word in ("aide au poste", "fse+", "accident du travail", "bénévoles", "énergie"):
        assert word in rec_titles
    scic_titles = " ".join(r.title.lower() for r in scic.risks)
    for word in ("production", "taux", "raccordement", "sociétaires"):
        assert word in scic_titles
    assert rec.continuity and scic.continuity
    assert sample_section("blank") is None
    # No unexplained residual above inherent in the shipped samples.
    for s in (rec, scic):
        assert not [w for w in register_warnings(s) if w.code == "residual_above_inherent"]


def test_top_risks_of_the_recyclerie(recyclerie_risks: RiskSection) -> None:
    top = top_risks(recyclerie_risks, 3)
    # R02: residual 4×4 = 16 (Élevé) is the highest; R01 and R05 follow at 12.
    assert list(top["id"]) == ["R02", "R01", "R05"]
    assert list(top["net"]) == [16, 12, 12]


def test_heatmap_cells_and_movements(recyclerie_risks: RiskSection) -> None:
    cells = heatmap_cells(recyclerie_risks, "residual")
    assert len(cells) == 25
    # 12 risks on the current 5×5 (R13 waits for migration).
    assert cells["count"].sum() == 12
    r02 = cells[(cells["likelihood"] == 4) & (cells["impact"] == 4)]
    assert "R02" in r02["risks"].iloc[0]
    inherent = heatmap_cells(recyclerie_risks, "inherent")
    assert (
        inherent.loc[(inherent["likelihood"] == 5) & (inherent["impact"] == 4), "risks"].iloc[0]
        == "R02"
    )
    moves = movements(recyclerie_risks).set_index("id")
    assert moves.loc["R03", ["inherent", "residual"]].tolist() == [15, 10]


def test_by_category_and_owner(recyclerie_risks: RiskSection) -> None:
    cats = by_category(recyclerie_risks).set_index("category")
    assert len(cats) == 8
    assert cats.loc["financial", "count"] == 4  # R01, R02, R05, R08
    assert cats.loc["financial", "max_net"] == 16
    assert cats.loc["reputational", "count"] == 0
    owners = by_owner(recyclerie_risks).set_index("owner")
    assert owners.loc["Directeur", "count"] == 5
    assert owners["count"].sum() == len(recyclerie_risks.risks)


def test_overdue_actions_and_reviews(recyclerie_risks: RiskSection) -> None:
    today = date(2026, 11, 27)
    late = overdue_actions(recyclerie_risks, today)
    # Open actions due before 27/11/2026: R12 (31/03), R06 (30/06), R02 and R05 (30/09), R04 (31/10).
    assert list(late["id"]) == ["R12", "R06", "R02", "R05", "R04"]
    assert late["days_late"].iloc[0] == (today - date(2026, 3, 31)).days
    reviews = overdue_reviews(recyclerie_risks, today)
    assert set(reviews["id"]) == {"R02", "R06", "R08", "R12", "R13"}
    assert reviews["days_late"].iloc[0] == max(reviews["days_late"])


def test_continuity_sheets_name_their_worst_risk(recyclerie_risks: RiskSection) -> None:
    cont = continuity_frame(recyclerie_risks).set_index("id")
    assert cont.loc["C01", "risk_ids"] == "R02, R06, R12"
    assert cont.loc["C01", "worst_band"] == "Élevé"  # R02 residual 16


class _Rev:
    def __init__(self, number: int, day: int) -> None:
        self.number = number
        self.created_at = datetime(2026, 11, day, tzinfo=UTC)


def test_score_history_over_revisions() -> None:
    v1 = RiskSection(risks=[_risk("R1", 4, 4)])
    v2 = RiskSection(risks=[_risk("R1", 4, 4, res=(3, 4)), _risk("R2", 2, 2)])
    v3 = RiskSection(risks=[_risk("R1", 4, 4, res=(2, 4)), _risk("R2", 2, 3)])
    history = score_history([(_Rev(3, 20), v3), (_Rev(1, 10), v1), (_Rev(2, 15), v2)])
    r1 = history[history["id"] == "R1"]
    assert list(r1["revision"]) == [1, 2, 3]
    assert list(r1["net"]) == [16, 12, 8]
    assert list(r1["band"]) == ["Élevé", "Élevé", "Modéré"]
    assert list(score_history([(_Rev(1, 10), v1), (_Rev(2, 15), v2)], "R2")["net"]) == [4]
    assert score_history([]).empty


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_the_risk_section_round_trips_through_dossier_json_and_xlsx(case: str) -> None:
    from essdiag.dossier import new_dossier, read_dossier_json
    from essdiag.dossier_files import read_dossier_xlsx, write_dossier_xlsx

    dossier = new_dossier("Cas").model_copy(
        update={"risks": RiskSection.model_validate(sample_section(case))}
    )
    from_json, issues = read_dossier_json(dossier.to_json().encode("utf-8"))
    assert issues == [] and from_json is not None and from_json.risks == dossier.risks
    from_xlsx, issues = read_dossier_xlsx(write_dossier_xlsx(dossier))
    assert issues == [] and from_xlsx is not None and from_xlsx.risks == dossier.risks


def test_an_older_dossier_without_risks_still_validates() -> None:
    section, issues = validate_section({})
    assert issues == [] and section == RiskSection()
