"""Properties of the risk register: scores stay in the matrix, warnings never crash."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from essdiag.risks import RiskSection, current_matrix, default_matrix, register_warnings, risk_score
from essdiag.risks.importer import read_register_xlsx
from essdiag.risks.matrix import band_for, band_rank, rescale_level, score
from essdiag.risks.model import apply_migration, migration_proposals, revise_matrix
from essdiag.risks.views import heatmap_cells, top_risks
from tests.strategies_risks import risk_sections, sizes


@given(sizes, st.data())
def test_a_score_always_falls_in_the_matrix_and_in_one_band(size: int, data: st.DataObject) -> None:
    m = default_matrix(size)
    likelihood = data.draw(st.integers(1, size))
    impact = data.draw(st.integers(1, size))
    value = score(likelihood, impact)
    assert 1 <= value <= size * size
    band = band_for(value, m)
    rank = band_rank(value, m)
    low = m.bands[rank - 1].max_score if rank else 0
    assert low < value <= band.max_score


@given(st.integers(2, 10), st.integers(2, 10), st.data())
def test_rescaled_levels_stay_on_the_scale_and_keep_their_order(
    n: int, m: int, data: st.DataObject
) -> None:
    a = data.draw(st.integers(1, n))
    b = data.draw(st.integers(1, n))
    ra, rb = rescale_level(a, n, m), rescale_level(b, n, m)
    assert 1 <= ra <= m
    if a <= b:
        assert ra <= rb
    if m >= n:  # a finer scale loses nothing: going back gives the same level
        assert rescale_level(ra, m, n) == a


@given(risk_sections())
def test_residual_above_inherent_warns_unless_explained_and_never_crashes(
    section: RiskSection,
) -> None:
    warnings = register_warnings(section)
    flagged = {w.params["risk"] for w in warnings if w.code == "residual_above_inherent"}
    expected = {
        r.id
        for r in section.risks
        if r.residual is not None
        and r.residual.score > r.inherent.score
        and not r.residual_reason.strip()
    }
    assert flagged == expected
    assert all(w.severity != "error" for w in warnings)


@given(risk_sections())
def test_every_risk_score_is_inside_its_matrix(section: RiskSection) -> None:
    n = current_matrix(section).size
    for r in section.risks:
        s = risk_score(r, section)
        assert 1 <= s.inherent <= n * n
        assert s.residual is None or 1 <= s.residual <= n * n
        assert 0 <= s.band_rank < len(current_matrix(section).bands)
    cells = heatmap_cells(section)
    assert len(cells) == n * n
    assert cells["count"].sum() == sum(1 for r in section.risks if not r.closed)
    assert len(top_risks(section, 100)) == sum(1 for r in section.risks if not r.closed)


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


@given(st.binary(max_size=3000))
def test_register_import_never_crashes_on_arbitrary_bytes(raw: bytes) -> None:
    risks, issues = read_register_xlsx(raw, default_matrix(5), file="x.xlsx")
    assert risks is None and issues
