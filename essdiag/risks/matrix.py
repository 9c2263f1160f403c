"""Risk matrices at work: the house matrices, the versions of a section, bands, rescaling.

Where it sits: layer 2, over the matrix model of :mod:`essdiag.risks.section`
(:class:`~essdiag.risks.section.RiskMatrix`, its levels and bands). The score
of a cell is likelihood × impact, from 1 to n², and a *band* (word + colour)
is read from the score (:func:`band_for`). :func:`default_matrix` gives the
house matrix of each size with its French words; a section that saved no
matrix uses the 5×5 one, version 1 (:func:`matrices_of`).

Notes:
    moving a level from an n-level scale to an m-level scale keeps its
    position on [0, 1]: new = ⌈(old − ½) × m / n⌉ (middle of the old level's
    interval, read on the new scale).

References:
    ISO 31000:2018 Management du risque — Lignes directrices, §6.4;
    IEC 31010:2019, annexe B.10 (matrice conséquence/vraisemblance).

Example:
    >>> from essdiag.risks.section import score
    >>> m = default_matrix(5)
    >>> score(4, 3), band_for(12, m).label
    (12, 'Élevé')
    >>> [rescale_level(level, 5, 3) for level in range(1, 6)]
    [1, 1, 2, 3, 3]
"""

from __future__ import annotations

from functools import cache

from essdiag.i18n import N_
from essdiag.risks.section import (
    HOUSE_MATRIX_SIZE,
    HOUSE_MATRIX_VERSION,
    Band,
    Level,
    RiskMatrix,
    RiskSection,
)

__all__ = [
    "band_for",
    "band_ranges",
    "band_rank",
    "current_matrix",
    "default_matrix",
    "house_matrix",
    "matrices_of",
    "matrix_by_version",
    "rescale_level",
]


def band_rank(value: int, matrix: RiskMatrix) -> int:
    """0-based rank of a score's band (0 = lowest band; scores outside 1..n² go to the ends).

    >>> band_rank(5, default_matrix(3)), band_rank(99, default_matrix(3))
    (2, 2)
    """
    for rank, band in enumerate(matrix.bands):
        if value <= band.max_score:
            return rank
    return len(matrix.bands) - 1


def band_for(value: int, matrix: RiskMatrix) -> Band:
    """The band a score falls in (scores outside 1..n² are clamped to the ends).

    >>> band_for(5, default_matrix(3)).label
    'Élevé'
    """
    return matrix.bands[band_rank(value, matrix)]


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


# --------------------------------------------------------------------------- versions


@cache
def house_matrix() -> RiskMatrix:
    """The 5×5 house matrix, version 1, built once (read-only: never mutate it)."""
    return default_matrix(HOUSE_MATRIX_SIZE, version=HOUSE_MATRIX_VERSION)


def matrices_of(section: RiskSection) -> list[RiskMatrix]:
    """The matrix versions of a section; the 5×5 house matrix when none was saved."""
    return list(section.matrices) or [house_matrix()]


def current_matrix(section: RiskSection) -> RiskMatrix:
    """The latest matrix version: the one new assessments use."""
    return max(matrices_of(section), key=lambda m: m.version)


def matrix_by_version(section: RiskSection, version: int) -> RiskMatrix | None:
    """One version of the matrix, or None."""
    return next((m for m in matrices_of(section) if m.version == version), None)


# --------------------------------------------------------------------------- house matrices

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
