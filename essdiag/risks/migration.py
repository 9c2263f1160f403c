"""New matrix versions, and the migration of older assessments onto them.

Where it sits: layer 2, over :mod:`essdiag.risks.section`. A matrix in use is
never changed under an assessment: :func:`revise_matrix` adds the edited
matrix as a new version and leaves every assessment on its own;
:func:`migration_proposals` proposes, for each older assessment, the levels
it would take on the new version (same relative position on the scale), and
only :func:`apply_migration`, with the proposals the user accepted (and
perhaps corrected), moves them. :func:`migration_table` is the table the
screen lets the user tick and correct.

Notes:
    new level = ⌈(old − ½) × m / n⌉ from an n-level to an m-level scale
    (:func:`essdiag.risks.matrix.rescale_level`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.i18n import N_, Translator
from essdiag.risks.matrix import (
    band_for,
    current_matrix,
    matrices_of,
    matrix_by_version,
    rescale_level,
)
from essdiag.risks.section import Assessment, RiskMatrix, RiskSection, score

__all__ = [
    "KIND_WORDS",
    "MigrationProposal",
    "apply_migration",
    "migration_proposals",
    "migration_table",
    "revise_matrix",
]

KIND_WORDS: dict[str, str] = {"inherent": N_("brute"), "residual": N_("résiduelle")}
"""The word of each kind of assessment (« évaluation brute », « évaluation résiduelle »)."""


def revise_matrix(
    section: RiskSection, matrix: RiskMatrix, *, on: date | None = None
) -> RiskSection:
    """A section with ``matrix`` added as a new version; assessments are untouched.

    The implicit house matrix (version 1) is written out first so that older
    assessments keep the exact matrix they were made with.
    """
    versions = matrices_of(section)
    new_version = max(m.version for m in versions) + 1
    added = matrix.model_copy(
        update={"version": new_version, "created_on": on or matrix.created_on}
    )
    return section.model_copy(
        update={"matrices": [*versions, RiskMatrix.model_validate(added.model_dump())]}
    )


class MigrationProposal(BaseModel):
    """How one assessment would move to another matrix version.

    Attributes:
        risk_id: the risk.
        kind: ``inherent`` or ``residual``.
        from_version, to_version: matrix versions.
        old_likelihood, old_impact, old_score, old_band: before.
        new_likelihood, new_impact, new_score, new_band: proposed.
    """

    model_config = ConfigDict(frozen=True)

    risk_id: str
    kind: str
    from_version: int
    to_version: int
    old_likelihood: int
    old_impact: int
    old_score: int
    old_band: str
    new_likelihood: int
    new_impact: int
    new_score: int
    new_band: str


def migration_proposals(
    section: RiskSection, to_version: int | None = None
) -> list[MigrationProposal]:
    """Proposed levels on ``to_version`` (default: current) for every older assessment.

    Levels are rescaled with :func:`essdiag.risks.matrix.rescale_level`; nothing
    is changed until :func:`apply_migration` is called with the accepted proposals.
    """
    target = (matrix_by_version(section, to_version) if to_version else None) or current_matrix(
        section
    )
    proposals = []
    for risk in section.risks:
        for kind, a in (("inherent", risk.inherent), ("residual", risk.residual)):
            if a is None or a.matrix_version == target.version:
                continue
            source = matrix_by_version(section, a.matrix_version)
            if source is None:
                continue
            nl = rescale_level(a.likelihood, source.size, target.size)
            ni = rescale_level(a.impact, source.size, target.size)
            proposals.append(
                MigrationProposal(
                    risk_id=risk.id,
                    kind=kind,
                    from_version=source.version,
                    to_version=target.version,
                    old_likelihood=a.likelihood,
                    old_impact=a.impact,
                    old_score=a.score,
                    old_band=band_for(a.score, source).label,
                    new_likelihood=nl,
                    new_impact=ni,
                    new_score=score(nl, ni),
                    new_band=band_for(score(nl, ni), target).label,
                )
            )
    return proposals


def apply_migration(section: RiskSection, proposals: Sequence[MigrationProposal]) -> RiskSection:
    """The section with the accepted proposals applied (both assessments of a risk move together).

    A risk is moved only when its inherent assessment is among the proposals;
    its residual one moves with it (proposed levels, or rescaled ones).
    """
    by_key = {(p.risk_id, p.kind): p for p in proposals}
    risks = []
    for risk in section.risks:
        p_in = by_key.get((risk.id, "inherent"))
        if p_in is None:
            risks.append(risk)
            continue
        inherent = Assessment(
            likelihood=p_in.new_likelihood, impact=p_in.new_impact, matrix_version=p_in.to_version
        )
        residual = risk.residual
        if residual is not None:
            p_res = by_key.get((risk.id, "residual"))
            if p_res is None:
                source = matrix_by_version(section, residual.matrix_version)
                target = matrix_by_version(section, p_in.to_version)
                assert source is not None and target is not None
                residual = Assessment(
                    likelihood=rescale_level(residual.likelihood, source.size, target.size),
                    impact=rescale_level(residual.impact, source.size, target.size),
                    matrix_version=p_in.to_version,
                )
            else:
                residual = Assessment(
                    likelihood=p_res.new_likelihood,
                    impact=p_res.new_impact,
                    matrix_version=p_res.to_version,
                )
        risks.append(risk.model_copy(update={"inherent": inherent, "residual": residual}))
    return RiskSection.model_validate(
        {**section.model_dump(), "risks": [r.model_dump() for r in risks]}
    )


def migration_table(proposals: Sequence[MigrationProposal], tr: Translator) -> pd.DataFrame:
    """The proposals as the rows the user ticks and corrects, words in the reader's language.

    Columns: ``accept`` (ticked), every field of :class:`MigrationProposal`,
    and ``kind_label`` (« brute », « résiduelle ») after ``risk_id``; bands
    are translated. :func:`essdiag.risks.edits.selected_migrations` reads the
    edited rows back.

    >>> from essdiag.i18n import translator
    >>> p = MigrationProposal(risk_id="R1", kind="residual", from_version=1, to_version=2,
    ...     old_likelihood=2, old_impact=2, old_score=4, old_band="Faible", new_likelihood=1,
    ...     new_impact=1, new_score=1, new_band="Faible")
    >>> table = migration_table([p], translator("en"))
    >>> bool(table.loc[0, "accept"]), table.loc[0, ["risk_id", "kind_label", "new_band"]].tolist()
    (True, ['R1', 'residual', 'Low'])
    """
    rows = [
        {
            "accept": True,
            "risk_id": p.risk_id,
            "kind_label": tr(KIND_WORDS[p.kind]),
            **p.model_dump(),
            "old_band": tr(p.old_band),
            "new_band": tr(p.new_band),
        }
        for p in proposals
    ]
    columns = dict.fromkeys(["accept", "risk_id", "kind_label", *MigrationProposal.model_fields])
    return pd.DataFrame(rows, columns=list(columns))
