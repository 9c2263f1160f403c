"""Scores and bands of the register's risks, the points to check, the next free identifiers.

Where it sits: layer 2, over :mod:`essdiag.risks.section` and the matrix
computations of :mod:`essdiag.risks.matrix`. A risk is scored on the matrix
version it was assessed with (:func:`risk_score`): inherent score before
controls, residual score after, and the *net* score that counts now (residual
when assessed, else inherent). :func:`score_figure` is the net score with its
working and its reading (the band); :func:`register_warnings` lists what the
user should look at, as warnings that never block a save.

Notes:
    score = probabilité × gravité; band = the first band whose highest score
    is at least the score.

References:
    ISO 31000:2018, §6.4 (appréciation) to §6.6 (surveillance et revue);
    IEC 31010:2019, annexe B.10.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from essdiag.errors import Issue, Severity
from essdiag.figures import Figure, Input, Tone
from essdiag.i18n import N_
from essdiag.risks.matrix import (
    band_for,
    band_rank,
    current_matrix,
    matrices_of,
    matrix_by_version,
)
from essdiag.risks.section import Risk, RiskMatrix, RiskSection, Treatment

__all__ = [
    "RiskScore",
    "band_tone",
    "next_risk_id",
    "register_warnings",
    "risk_score",
    "score_figure",
]


class RiskScore(BaseModel):
    """Scores and bands of a risk on the matrix version it was assessed with.

    Attributes:
        risk_id: the risk.
        matrix_version: version used.
        size: size of that matrix.
        inherent: inherent score; inherent_band its band's word; inherent_colour its colour.
        residual: residual score (None when not assessed); residual_band, residual_colour.
        band_rank: rank of the residual band (inherent when no residual), 0 = lowest.
        current: True when assessed on the current matrix version.
    """

    model_config = ConfigDict(frozen=True)

    risk_id: str
    matrix_version: int
    size: int
    inherent: int
    inherent_band: str
    inherent_colour: str
    residual: int | None
    residual_band: str | None
    residual_colour: str | None
    band_rank: int
    current: bool

    @property
    def net(self) -> int:
        """The score that counts now: residual when assessed, else inherent."""
        return self.residual if self.residual is not None else self.inherent

    @property
    def net_band(self) -> str:
        """The word of the net score's band."""
        return self.residual_band or self.inherent_band


def risk_score(risk: Risk, section: RiskSection) -> RiskScore:
    """Scores and bands of a risk (the section validated its matrix version).

    Example:
        >>> from essdiag.risks.section import Assessment
        >>> r = Risk(id="R1", title="Retard", category="financial",
        ...          inherent=Assessment(likelihood=4, impact=4),
        ...          residual=Assessment(likelihood=2, impact=4))
        >>> s = risk_score(r, RiskSection(risks=[r]))
        >>> (s.inherent, s.inherent_band, s.residual, s.residual_band)
        (16, 'Élevé', 8, 'Modéré')
    """
    versions = matrices_of(section)
    latest = max(versions, key=lambda m: m.version)
    matrix = next((m for m in versions if m.version == risk.inherent.matrix_version), latest)
    inherent = risk.inherent.score
    ib = band_for(inherent, matrix)
    residual = risk.residual.score if risk.residual else None
    rb = band_for(residual, matrix) if residual is not None else None
    net = residual if residual is not None else inherent
    return RiskScore(
        risk_id=risk.id,
        matrix_version=matrix.version,
        size=matrix.size,
        inherent=inherent,
        inherent_band=ib.label,
        inherent_colour=ib.colour,
        residual=residual,
        residual_band=rb.label if rb else None,
        residual_colour=rb.colour if rb else None,
        band_rank=band_rank(net, matrix),
        current=matrix.version == latest.version,
    )


def band_tone(rank: int, matrix: RiskMatrix) -> Tone:
    """How a band reads: the lowest is fine, the highest calls for action, the one below it
    is to watch, those between are neither.

    >>> from essdiag.risks.matrix import default_matrix
    >>> [band_tone(i, default_matrix(4)) for i in range(4)]
    ['good', 'neutral', 'watch', 'alert']
    >>> [band_tone(i, default_matrix(3)) for i in range(3)]
    ['good', 'watch', 'alert']
    """
    top = len(matrix.bands) - 1
    if rank >= top:
        return "alert"
    if rank == 0:
        return "good"
    return "watch" if rank == top - 1 else "neutral"


_OUT_OF: dict[int, str] = {3: N_("sur 3"), 4: N_("sur 4"), 5: N_("sur 5")}
"""The unit of a level on a matrix of each size (``3 sur 5``)."""


def score_figure(risk: Risk, section: RiskSection) -> Figure:
    """The net score of a risk with its working (levels, band ceiling) and its band.

    Every text is a message of the library (the risk, the matrix and its
    version are the figure's scope, with raw parameters), so the working reads
    in the reader's language.

    Notes:
        score = probabilité × gravité, on the matrix version the risk was assessed with;
        the reading is the word of the first band whose ceiling is at least the score.

    Example:
        >>> from essdiag.risks.section import Assessment
        >>> r = Risk(id="R1", title="x", category="human", inherent=Assessment(likelihood=3, impact=4))
        >>> f = score_figure(r, RiskSection(risks=[r]))
        >>> f.steps()[:3], f.read(), f.tone
        (['Score brut = probabilité × gravité', 'probabilité = 3 sur 5 — source : Possible', \
'gravité = 4 sur 5 — source : Majeur'], 'Élevé', 'watch')
        >>> f.scope_text()
        'risque R1, matrice 5×5, version 1'
    """
    s = risk_score(risk, section)
    matrix = matrix_by_version(section, s.matrix_version) or current_matrix(section)
    assessed = risk.residual or risk.inherent
    band = band_for(s.net, matrix)
    unit = _OUT_OF.get(matrix.size, "")
    return Figure.of(
        N_("Score résiduel") if risk.residual else N_("Score brut"),
        s.net,
        "points",
        N_("probabilité × gravité"),
        [
            Input.of(
                N_("probabilité"),
                assessed.likelihood,
                unit,
                matrix.likelihood_label(assessed.likelihood),
            ),
            Input.of(N_("gravité"), assessed.impact, unit, matrix.impact_label(assessed.impact)),
            Input.of(N_("plafond de la zone retenue"), band.max_score, "points", band.label),
        ],
        references=(N_("ISO 31000:2018, §6.4 ; IEC 31010:2019, annexe B.10"),),
        reading=band.label,
        tone=band_tone(s.band_rank, matrix),
        scope=N_("risque {risk}, matrice {size}×{size}, version {version}"),
        scope_params={"risk": risk.id, "size": matrix.size, "version": matrix.version},
    )


def register_warnings(section: RiskSection) -> list[Issue]:
    """What the user should look at, as warnings (never an error, never a crash).

    * ``residual_above_inherent``: residual score above the inherent one with no
      justification written;
    * ``risk_matrix_outdated``: assessed on an older matrix version (offer migration);
    * ``risk_reduce_without_action``: treatment « réduire » without any open action.
    """
    issues: list[Issue] = []
    latest = current_matrix(section).version
    # The message names the risk: no dotted path of the dossier is shown to the reader.
    for risk in section.risks:
        if (
            risk.residual is not None
            and risk.residual.score > risk.inherent.score
            and not risk.residual_reason.strip()
        ):
            issues.append(
                Issue(
                    code="residual_above_inherent",
                    template=N_(
                        "Le risque résiduel de « {risk} » ({residual}) dépasse le risque brut "
                        "({inherent}) : les mesures l'aggravent-elles ? Écrivez pourquoi dans "
                        "« Justification du risque résiduel », ou corrigez l'évaluation."
                    ),
                    params={
                        "risk": risk.id,
                        "residual": risk.residual.score,
                        "inherent": risk.inherent.score,
                    },
                    severity=Severity.WARNING,
                )
            )
        if risk.inherent.matrix_version != latest:
            issues.append(
                Issue(
                    code="risk_matrix_outdated",
                    template=N_(
                        "Le risque « {risk} » est évalué sur la version {old} de la matrice ; "
                        "la version en vigueur est la {new} : proposez la migration."
                    ),
                    params={"risk": risk.id, "old": risk.inherent.matrix_version, "new": latest},
                    severity=Severity.WARNING,
                )
            )
        if risk.treatment is Treatment.REDUCE and not risk.open_actions and not risk.closed:
            issues.append(
                Issue(
                    code="risk_reduce_without_action",
                    template=N_(
                        "Le risque « {risk} » doit être réduit mais n'a aucune action en cours."
                    ),
                    params={"risk": risk.id},
                    severity=Severity.INFO,
                )
            )
    return issues


def next_risk_id(existing: Iterable[str], prefix: str = "R") -> str:
    """The next free identifier ``R01``, ``R02``…

    >>> next_risk_id(["R01", "R02", "X"])
    'R03'
    """
    taken = set(existing)
    n = 1
    while f"{prefix}{n:02d}" in taken:
        n += 1
    return f"{prefix}{n:02d}"
