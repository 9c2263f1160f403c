"""New matrix versions and the migration of older assessments, worked by hand.

Rescaling: new = ⌈(old − ½) × m / n⌉ from an n-level to an m-level scale.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given

from essdiag.i18n import translator
from essdiag.risks import Risk, RiskSection, current_matrix, default_matrix, register_warnings
from essdiag.risks.migration import (
    apply_migration,
    migration_proposals,
    migration_table,
    revise_matrix,
)
from essdiag.risks.scoring import risk_score
from essdiag.risks.views import heatmap_view, to_migrate_view
from tests.risks.strategies import risk_sections, sizes


def _risk(rid: str, lik: int, i: int, res: tuple[int, int]) -> Risk:
    return Risk.model_validate(
        {
            "id": rid,
            "title": f"Risque {rid}",
            "category": "financial",
            "inherent": {"likelihood": lik, "impact": i},
            "residual": {"likelihood": res[0], "impact": res[1]},
        }
    )


def test_revising_the_matrix_keeps_old_assessments_and_offers_migration() -> None:
    r = _risk("R1", 3, 2, res=(2, 2))
    section = RiskSection(risks=[r])
    revised = revise_matrix(section, default_matrix(3), on=date(2026, 3, 1))
    # The implicit 5×5 version 1 is written out, the new 3×3 is version 2.
    assert [(m.version, m.size) for m in revised.matrices] == [(1, 5), (2, 3)]
    assert revised.matrices[1].created_on == date(2026, 3, 1)
    assert revised.risks == section.risks  # nothing rescored silently
    assert risk_score(revised.risks[0], revised).inherent_band == "Modéré"  # still 5×5: 6 ≤ 9
    assert to_migrate_view(revised).values("id") == ["R1"]
    assert [i.code for i in register_warnings(revised)] == ["risk_matrix_outdated"]
    # not placed on a scale it was not assessed on
    assert heatmap_view(revised).frame["count"].sum() == 0


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


def test_migration_of_the_recyclerie_sample_4x4_to_5x5(rec: RiskSection) -> None:
    # R13 was assessed on the 2025 4×4 (v1): inherent (3, 2), residual (2, 2).
    # 4→5: 3 → ⌈2.5 × 5 / 4⌉ = ⌈3.125⌉ = 4 ; 2 → ⌈1.5 × 5 / 4⌉ = ⌈1.875⌉ = 2.
    proposals = migration_proposals(rec)
    assert {(p.risk_id, p.kind): (p.new_likelihood, p.new_impact) for p in proposals} == {
        ("R13", "inherent"): (4, 2),
        ("R13", "residual"): (2, 2),
    }
    by_kind = {p.kind: p for p in proposals}
    assert (by_kind["inherent"].new_score, by_kind["inherent"].new_band) == (8, "Modéré")
    # The user corrects a proposal before accepting it: the correction is what is stored.
    edited = [by_kind["inherent"].model_copy(update={"new_likelihood": 3}), by_kind["residual"]]
    migrated = apply_migration(rec, edited)
    r13 = migrated.risk("R13")
    assert r13 is not None and r13.inherent.likelihood == 3 and r13.inherent.matrix_version == 2
    assert to_migrate_view(migrated).empty


def test_migration_of_unaccepted_risks_leaves_them_alone(rec: RiskSection) -> None:
    assert apply_migration(rec, []) == rec


def test_the_migration_table_is_ticked_and_in_the_readers_words(rec: RiskSection) -> None:
    table = migration_table(migration_proposals(rec), translator("en"))
    assert list(table.columns[:4]) == ["accept", "risk_id", "kind_label", "kind"]
    assert table["accept"].all()
    assert list(table["kind_label"]) == ["inherent", "residual"]
    assert list(table["new_band"]) == ["Moderate", "Low"]  # 4×2 = 8 ≤ 9, 2×2 = 4 ≤ 4 on the 5×5
    assert migration_table([], translator("fr")).empty


@given(risk_sections(), sizes)
def test_migration_lands_every_assessment_inside_the_new_matrix(
    section: RiskSection, size: int
) -> None:
    revised = revise_matrix(section, default_matrix(size))
    migrated = apply_migration(revised, migration_proposals(revised))
    target = current_matrix(migrated)
    assert target.size == size
    for r in migrated.risks:
        assert r.inherent.matrix_version == target.version
        assert target.contains(r.inherent.likelihood, r.inherent.impact)
