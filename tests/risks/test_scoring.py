"""Scores and bands of a risk, the score with its working, warnings, identifiers.

Reference values are worked by hand, not computed by the code under test:
score = probabilité × gravité (ISO 31010:2019, B.10), bands read from the house
thresholds copied here by hand (3×3 ≤2/≤4/≤9, 4×4 ≤3/≤6/≤9/≤16, 5×5 ≤4/≤9/≤16/≤25,
the design of issue #5; a change there must be a deliberate change here), and for an edited matrix
from the NHS NPSA grading (« A risk matrix for risk managers », 2008).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from essdiag.errors import Severity
from essdiag.risks import (
    Risk,
    RiskSection,
    current_matrix,
    default_matrix,
    register_warnings,
    risk_score,
)
from essdiag.risks.scoring import band_tone, next_risk_id, score_figure
from essdiag.risks.section import validate_matrix
from essdiag.risks.views import heatmap_view, top_risks_view
from tests.risks.strategies import risk_sections


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


def test_risk_score_reads_the_matrix_version_of_the_assessment() -> None:
    r = _risk("R1", 4, 4, res=(2, 4))
    s = risk_score(r, RiskSection(risks=[r]))
    assert (s.inherent, s.inherent_band, s.residual, s.residual_band) == (16, "Élevé", 8, "Modéré")
    assert s.net == 8 and s.net_band == "Modéré" and s.size == 5 and s.current


def test_score_figure_shows_its_working() -> None:
    r = _risk("R1", 4, 3, res=(3, 3))
    f = score_figure(r, RiskSection(risks=[r]))
    assert f.value == 9
    # 5×5 house matrix: likelihood 3 « Possible », impact 3 « Modéré », 9 falls in « Modéré »
    # (scores 5 to 9, essdiag/risks/matrix.py _BAND_TOPS[5] = (4, 9, 16, 25)).
    assert f.steps() == [
        "Score résiduel = probabilité × gravité",
        "probabilité = 3 sur 5 — source : Possible",
        "gravité = 3 sur 5 — source : Modéré",
        "plafond de la zone retenue = 9 points — source : Modéré",
        "Résultat : 9 points",
        "Lecture : Modéré",
        "Référence : ISO 31000:2018, §6.4 ; IEC 31010:2019, annexe B.10",
    ]
    assert f.scope_text() == "risque R1, matrice 5×5, version 1"


def test_score_figure_reads_whole_in_english() -> None:
    """No French left in the working of the English screen (issue #11: « 4 niveau sur 5 »)."""
    from essdiag.i18n import translator

    en = translator("en")
    f = score_figure(_risk("R2", 4, 5), RiskSection())
    assert f.steps(en) == [
        "Inherent score = likelihood × impact",
        "likelihood = 4 out of 5 — source: Likely",
        "impact = 5 out of 5 — source: Critical",
        "ceiling of the band reached = 25 points — source: Critical",
        "Result: 20 points",
        "Reading: Critical",
        "Reference: ISO 31000:2018, §6.4; IEC 31010:2019, annex B.10",
    ]
    assert f.scope_text(en) == "risk R2, 5×5 matrix, version 1"


def test_score_figure_reads_its_band_in_the_readers_language() -> None:
    # 5×5 house bands: 9 ≤ 9 is « Modéré » (rank 1 of 4: neither good nor to watch).
    r = _risk("R1", 4, 3, res=(3, 3))
    f = score_figure(r, RiskSection(risks=[r]))
    assert (f.reading, f.tone) == ("Modéré", "neutral")
    assert "Lecture : Modéré" in f.steps()
    from essdiag.i18n import translator

    assert f.read(translator("en")) == "Moderate"
    # 4×5 = 20 on the 5×5 is « Critique », the highest band: act on it.
    assert score_figure(_risk("R2", 4, 5), RiskSection()).tone == "alert"


@pytest.mark.parametrize(
    ("size", "tones"),
    [
        (3, ["good", "watch", "alert"]),
        (4, ["good", "neutral", "watch", "alert"]),
        (5, ["good", "neutral", "watch", "alert"]),
    ],
)
def test_band_tones_by_rank(size: int, tones: list[str]) -> None:
    m = default_matrix(size)
    assert [band_tone(i, m) for i in range(len(m.bands))] == tones


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


def test_reduce_without_an_open_action_is_pointed_out(rec: RiskSection) -> None:
    r = _risk("R1", 2, 2, treatment="reduce")
    assert [w.code for w in register_warnings(RiskSection(risks=[r]))] == [
        "risk_reduce_without_action"
    ]
    # The recyclerie: R13 waits on the 4×4; nothing unexplained above its inherent score.
    assert {w.code for w in register_warnings(rec)} <= {
        "risk_matrix_outdated",
        "risk_reduce_without_action",
    }


def test_next_identifiers() -> None:
    assert next_risk_id([]) == "R01"
    assert next_risk_id(["C01", "C03"], "C") == "C02"


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
    # Each warning names its risk; no dotted path of the dossier (« risks.risks.3 ») is shown.
    assert all(
        w.where() == "" and w.params["risk"] in {r.id for r in section.risks} for w in warnings
    )


# No deadline: the views are built on a machine shared by several test runs.
@settings(deadline=None)
@given(risk_sections())
def test_every_risk_score_is_inside_its_matrix(section: RiskSection) -> None:
    n = current_matrix(section).size
    for r in section.risks:
        s = risk_score(r, section)
        assert 1 <= s.inherent <= n * n
        assert s.residual is None or 1 <= s.residual <= n * n
        assert 0 <= s.band_rank < len(current_matrix(section).bands)
    cells = heatmap_view(section).frame
    assert len(cells) == n * n
    assert cells["count"].sum() == sum(1 for r in section.risks if not r.closed)
    assert len(top_risks_view(section, 100)) == sum(1 for r in section.risks if not r.closed)
