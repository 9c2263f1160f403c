"""Hypothesis strategies for the risk register."""

from __future__ import annotations

from hypothesis import strategies as st

from essdiag.risks import RiskCategory, RiskSection, default_matrix

sizes = st.sampled_from([3, 4, 5])
text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@st.composite
def risk_sections(draw: st.DrawFn) -> RiskSection:
    """Valid sections on one house matrix, with random levels, residuals and reasons."""
    size = draw(sizes)
    matrix = default_matrix(size)
    n = draw(st.integers(0, 8))
    risks = []
    levels = st.integers(1, size)
    for i in range(n):
        residual = draw(st.none() | st.tuples(levels, levels))
        risks.append(
            {
                "id": f"R{i + 1:02d}",
                "title": draw(text.filter(lambda s: s.strip() != "")),
                "category": draw(st.sampled_from(list(RiskCategory))),
                "owner": draw(text),
                "inherent": {"likelihood": draw(levels), "impact": draw(levels)},
                "residual": None
                if residual is None
                else {"likelihood": residual[0], "impact": residual[1]},
                "residual_reason": draw(st.sampled_from(["", "  ", "Mesures pas encore en place"])),
                "closed": draw(st.booleans()),
            }
        )
    return RiskSection.model_validate({"matrices": [matrix.model_dump()], "risks": risks})
