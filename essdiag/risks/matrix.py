"""Risk matrices: labelled likelihood and impact levels, score bands, versions.

Where it sits: the risk register (:mod:`essdiag.risks.model`) scores each
assessment on one version of a matrix. A matrix is ``n × n`` (3, 4 or 5
levels on each axis); the score of a cell is likelihood × impact, from 1 to
n², and a *band* (word + colour) is read from the score. Bands are described
by their highest score, in ascending order, the last one ending at n².

A matrix in use is never changed under an assessment: editing it makes a new
version (:func:`essdiag.risks.model.revise_matrix`), and old assessments are
moved to it only when the user accepts the proposed migration.

Notes:
    score = probabilité × gravité (ISO 31000 / ISO 31010 "consequence-likelihood
    matrix"); moving a level from an n-level scale to an m-level scale keeps its
    position on [0, 1]: new = ⌈(old − ½) × m / n⌉ (middle of the old level's
    interval, read on the new scale).

References:
    ISO 31000:2018 Management du risque — Lignes directrices, §6.4;
    IEC 31010:2019, annexe B.10 (matrice conséquence/vraisemblance).

Example:
    >>> m = default_matrix(5)
    >>> score(4, 3), band_for(12, m).label
    (12, 'Élevé')
    >>> [rescale_level(level, 5, 3) for level in range(1, 6)]
    [1, 1, 2, 3, 3]
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from essdiag.i18n import N_

__all__ = [
    "MATRIX_MESSAGES",
    "MATRIX_SIZES",
    "Band",
    "Level",
    "MatrixSize",
    "RiskMatrix",
    "band_for",
    "band_ranges",
    "band_rank",
    "default_matrix",
    "rescale_level",
    "score",
]

MatrixSize = Literal[3, 4, 5]
MATRIX_SIZES: tuple[int, ...] = (3, 4, 5)

_COLOUR = r"^#[0-9A-Fa-f]{6}$"

MATRIX_MESSAGES: dict[str, str] = {
    "risk_matrix_levels": N_(
        "Une matrice {size}×{size} doit avoir {size} niveaux de {axis} (elle en a {count})."
    ),
    "risk_matrix_bands": N_("La matrice doit avoir au moins une zone."),
    "risk_matrix_bands_order": N_(
        "Les zones doivent être rangées par score maximal croissant (reçu : {tops})."
    ),
    "risk_matrix_bands_cover": N_(
        "La dernière zone doit aller jusqu'au score {top} ({size}×{size}), pas {last}."
    ),
}
"""French templates of the matrix rules, by error code (translated by the screens)."""


def _fail(code: str, ctx: dict[str, Any]) -> PydanticCustomError:
    return PydanticCustomError(code, MATRIX_MESSAGES[code], ctx)


class Level(BaseModel):
    """One level of an axis (its value is its rank, from 1).

    Attributes:
        label: short French word (« Possible »).
        description: what it means in practice (frequency, amount at stake).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    label: str = Field(min_length=1, max_length=60, title=N_("Libellé du niveau"))
    description: str = Field(default="", max_length=300, title=N_("Description du niveau"))


class Band(BaseModel):
    """A band of scores with a word, a colour and what to do.

    Attributes:
        label: the word shown with the colour (never colour alone).
        colour: ``#RRGGBB``.
        max_score: highest score of the band (the band starts after the previous one).
        guidance: the expected response (« traiter sous 3 mois »).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    label: str = Field(min_length=1, max_length=40, title=N_("Libellé de la zone"))
    colour: str = Field(pattern=_COLOUR, title=N_("Couleur de la zone"))
    max_score: int = Field(ge=1, le=25, title=N_("Score maximal de la zone"))
    guidance: str = Field(default="", max_length=300, title=N_("Conduite à tenir"))


class RiskMatrix(BaseModel):
    """One version of the likelihood × impact matrix.

    Attributes:
        version: 1, 2, … (an assessment records the version it was made with).
        size: number of levels on each axis (3, 4 or 5).
        likelihood: the likelihood levels, lowest first.
        impact: the impact levels, lowest first.
        bands: score bands, ascending, the last ending at size².
        created_on: when this version was made.
        note: why it was changed.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    version: int = Field(default=1, ge=1, title=N_("Version de la matrice"))
    size: MatrixSize = Field(default=5, title=N_("Taille de la matrice"))
    likelihood: list[Level] = Field(title=N_("Niveaux de probabilité"))
    impact: list[Level] = Field(title=N_("Niveaux de gravité"))
    bands: list[Band] = Field(title=N_("Zones de criticité"))
    created_on: date | None = Field(default=None, title=N_("Date de la version"))
    note: str = Field(default="", max_length=500, title=N_("Motif de la version"))

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        n = self.size
        for axis, levels in (("probabilité", self.likelihood), ("gravité", self.impact)):
            if len(levels) != n:
                raise _fail("risk_matrix_levels", {"size": n, "axis": axis, "count": len(levels)})
        if not self.bands:
            raise _fail("risk_matrix_bands", {})
        tops = [b.max_score for b in self.bands]
        if any(b <= a for a, b in pairwise(tops)):
            raise _fail("risk_matrix_bands_order", {"tops": ", ".join(map(str, tops))})
        if tops[-1] != n * n:
            raise _fail("risk_matrix_bands_cover", {"top": n * n, "size": n, "last": tops[-1]})
        return self

    def likelihood_label(self, level: int) -> str:
        """Word of a likelihood level (1-based)."""
        return self.likelihood[level - 1].label

    def impact_label(self, level: int) -> str:
        """Word of an impact level (1-based)."""
        return self.impact[level - 1].label

    def contains(self, likelihood: int, impact: int) -> bool:
        """True when both levels exist on this matrix."""
        return 1 <= likelihood <= self.size and 1 <= impact <= self.size


def score(likelihood: int, impact: int) -> int:
    """Criticality of a cell: likelihood × impact.

    >>> score(3, 3)
    9
    """
    return likelihood * impact


def band_for(value: int, matrix: RiskMatrix) -> Band:
    """The band a score falls in (scores outside 1..n² are clamped to the ends).

    >>> band_for(5, default_matrix(3)).label
    'Élevé'
    """
    for band in matrix.bands:
        if value <= band.max_score:
            return band
    return matrix.bands[-1]


def band_rank(value: int, matrix: RiskMatrix) -> int:
    """0-based rank of a score's band (0 = lowest band)."""
    band = band_for(value, matrix)
    return matrix.bands.index(band)


def band_ranges(matrix: RiskMatrix) -> list[tuple[Band, int, int]]:
    """Each band with its lowest and highest score.

    >>> [(b.label, low, high) for b, low, high in band_ranges(default_matrix(3))]
    [('Faible', 1, 2), ('Modéré', 3, 4), ('Élevé', 5, 9)]
    """
    ranges = []
    low = 1
    for band in matrix.bands:
        ranges.append((band, low, band.max_score))
        low = band.max_score + 1
    return ranges


def rescale_level(level: int, from_size: int, to_size: int) -> int:
    """A level moved from an ``from_size`` scale to a ``to_size`` scale.

    Notes:
        new = ⌈(old − ½) × to / from⌉, computed in integers; the middle of the
        old level's interval lands in the new level. Same size: unchanged.

    >>> [rescale_level(level, 3, 5) for level in (1, 2, 3)]
    [1, 3, 5]
    >>> [rescale_level(level, 5, 4) for level in range(1, 6)]
    [1, 2, 2, 3, 4]
    """
    if from_size == to_size:
        return level
    numerator = (2 * level - 1) * to_size
    new = -(-numerator // (2 * from_size))
    return min(max(new, 1), to_size)


# Okabe & Ito colours, lightest to darkest meaning: sky blue, yellow, orange, vermillion.
_BAND_STYLE: tuple[tuple[str, str, str], ...] = (
    (N_("Faible"), "#56B4E9", N_("Accepter et surveiller ; revoir une fois par an.")),
    (
        N_("Modéré"),
        "#F0E442",
        N_("Maîtriser par les mesures courantes ; revoir tous les six mois."),
    ),
    (N_("Élevé"), "#E69F00", N_("Plan d'actions sous trois mois, suivi par la direction.")),
    (N_("Critique"), "#D55E00", N_("Action immédiate ; information du conseil d'administration.")),
)

# Highest score of each band, per size (scores are products, so 3×3 reaches 9).
_BAND_TOPS: dict[int, tuple[int, ...]] = {3: (2, 4, 9), 4: (3, 6, 9, 16), 5: (4, 9, 16, 25)}

_LIKELIHOOD: dict[int, tuple[tuple[str, str], ...]] = {
    3: (
        (N_("Peu probable"), N_("Ne s'est jamais produit ici ; moins d'une fois en 5 ans.")),
        (N_("Possible"), N_("S'est déjà produit dans la structure ou chez des pairs.")),
        (N_("Probable"), N_("Se produit presque chaque année.")),
    ),
    4: (
        (N_("Rare"), N_("Moins d'une fois en 10 ans.")),
        (N_("Peu probable"), N_("Une fois en 5 à 10 ans.")),
        (N_("Probable"), N_("Une fois en 1 à 5 ans.")),
        (N_("Très probable"), N_("Au moins une fois par an.")),
    ),
    5: (
        (N_("Rare"), N_("Moins d'une fois en 10 ans.")),
        (N_("Peu probable"), N_("Une fois en 5 à 10 ans.")),
        (N_("Possible"), N_("Une fois en 2 à 5 ans.")),
        (N_("Probable"), N_("Environ une fois par an.")),
        (N_("Quasi certain"), N_("Plusieurs fois par an, ou déjà en cours.")),
    ),
}

_IMPACT: dict[int, tuple[tuple[str, str], ...]] = {
    3: (
        (N_("Limité"), N_("Gêne passagère, moins de 1 % du budget, pas de blessure.")),
        (N_("Important"), N_("Activité perturbée des semaines, 1 à 5 % du budget.")),
        (N_("Grave"), N_("Activité arrêtée, plus de 5 % du budget, blessure grave ou sanction.")),
    ),
    4: (
        (N_("Mineur"), N_("Gêne passagère, moins de 1 % du budget.")),
        (N_("Significatif"), N_("Activité perturbée quelques jours, 1 à 3 % du budget.")),
        (N_("Majeur"), N_("Activité arrêtée des semaines, 3 à 10 % du budget.")),
        (
            N_("Critique"),
            N_("Survie menacée, plus de 10 % du budget, atteinte grave aux personnes."),
        ),
    ),
    5: (
        (N_("Négligeable"), N_("Sans effet notable ; moins de 0,5 % du budget.")),
        (N_("Mineur"), N_("Gêne passagère ; 0,5 à 1 % du budget.")),
        (N_("Modéré"), N_("Activité perturbée quelques jours ; 1 à 3 % du budget.")),
        (N_("Majeur"), N_("Activité arrêtée des semaines ; 3 à 10 % du budget ; blessure.")),
        (
            N_("Critique"),
            N_("Survie menacée ; plus de 10 % du budget ; atteinte grave aux personnes."),
        ),
    ),
}


def default_matrix(size: int = 5, *, version: int = 1) -> RiskMatrix:
    """The house matrix of a size (3, 4 or 5), with French levels and bands.

    >>> [b.max_score for b in default_matrix(4).bands]
    [3, 6, 9, 16]
    """
    tops = _BAND_TOPS[size]
    styles = _BAND_STYLE[: len(tops)]
    return RiskMatrix(
        version=version,
        size=size,
        likelihood=[Level(label=a, description=b) for a, b in _LIKELIHOOD[size]],
        impact=[Level(label=a, description=b) for a, b in _IMPACT[size]],
        bands=[
            Band(label=label, colour=colour, max_score=top, guidance=guidance)
            for (label, colour, guidance), top in zip(styles, tops, strict=True)
        ],
    )
