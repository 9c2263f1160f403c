"""Indicators of the funding mix: shares, own-activity ratio, dependency, concentration.

Where it sits: takes the register (:class:`~essdiag.funding.section.FundingSource`
list) and a year, returns tables (laid out for the screen and the exports by
:mod:`essdiag.funding.views`) and :class:`~essdiag.figures.Figure` objects
that the "Financements" screen shows with their working and their reading.

The mix is read over the operating resources of the year (purpose
``operating``, contributions in kind and repayable finance left out: loans and
capital are not income). Concentration is the Herfindahl–Hirschman index over
funders' shares, HHI = Σ sᵢ² (shares as fractions, 0–1), with bands adapted
from the U.S. DoJ/FTC Horizontal Merger Guidelines (2010 edition: below 0.15
unconcentrated, 0.15–0.25 moderately, above 0.25 highly concentrated).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import pandas as pd

from essdiag.figures import Figure, Input, Tone
from essdiag.funding.section import FunderType, FundingFamily, FundingSource, Purpose
from essdiag.i18n import N_

__all__ = [
    "HHI_BANDS",
    "LARGEST_SHARE_BANDS",
    "band",
    "band_tone",
    "concentration_figures",
    "hhi",
    "income_sources",
    "largest_share",
    "levers",
    "mix_figures",
    "shares_by",
    "trend",
]

MIX_FAMILIES = (FundingFamily.PUBLIC, FundingFamily.PRIVATE, FundingFamily.OWN_ACTIVITY)
"""Families that count as operating income in the mix."""

Band = tuple[float, str, Tone]
"""A band: its upper bound (exclusive), its French reading and how to take it."""

HHI_BANDS: tuple[Band, ...] = (
    (0.15, N_("diversifié"), "good"),
    (0.25, N_("modérément concentré"), "watch"),
    (math.inf, N_("très concentré"), "alert"),
)
"""Upper bounds (exclusive) of the HHI bands (DoJ/FTC 2010 guidelines, on 0–1 shares)."""

LARGEST_SHARE_BANDS: tuple[Band, ...] = (
    (0.30, N_("dépendance faible"), "good"),
    (0.50, N_("dépendance marquée"), "watch"),
    (math.inf, N_("dépendance forte"), "alert"),
)
"""Bands of the largest funder's share (practice of France Active / DLA diagnostics)."""

HHI_REFERENCE = N_(
    "U.S. DoJ & FTC, Horizontal Merger Guidelines (2010), § 5.3 (seuils 1 500 et 2 500 sur 10 000)"
)


def band_tone(value: float, bands: Sequence[Band]) -> tuple[str, Tone]:
    """The reading and tone of the first band whose upper bound exceeds ``value``.

    Example:
        >>> band_tone(0.15, HHI_BANDS), band_tone(0.25, HHI_BANDS)
        (('modérément concentré', 'watch'), ('très concentré', 'alert'))
    """
    for upper, label, tone in bands:
        if value < upper:
            return label, tone
    return bands[-1][1], bands[-1][2]


def band(value: float, bands: Sequence[Band]) -> str:
    """The label of the first band whose upper bound exceeds ``value``.

    Example:
        >>> band(0.2, HHI_BANDS)
        'modérément concentré'
    """
    return band_tone(value, bands)[0]


def hhi(amounts: Iterable[float]) -> float:
    """Herfindahl–Hirschman index of amounts: Σ (aᵢ / Σa)², NaN when the total is 0.

    Notes:
        Shares are fractions, so the index runs from 1/n (n equal funders) to 1
        (a single funder).

    Example:
        >>> hhi([50, 30, 20])
        0.38
    """
    values = [float(a) for a in amounts if a > 0]
    total = math.fsum(values)
    if total <= 0:
        return math.nan
    return round(math.fsum((v / total) ** 2 for v in values), 12)


def largest_share(amounts: Iterable[float]) -> float:
    """Share of the largest amount in the total; NaN when the total is 0.

    Example:
        >>> largest_share([50, 30, 20])
        0.5
    """
    values = [float(a) for a in amounts if a > 0]
    total = math.fsum(values)
    return max(values) / total if total > 0 else math.nan


def income_sources(sources: Iterable[FundingSource]) -> list[FundingSource]:
    """The operating income of the register (public, private, own activity)."""
    return [s for s in sources if s.purpose is Purpose.OPERATING and s.family in MIX_FAMILIES]


def shares_by(sources: Iterable[FundingSource], year: int, by: str = "family") -> pd.DataFrame:
    """Amounts and shares of the year's operating income, grouped.

    Parameters:
        by: ``family``, ``funder`` (the funder's name, or the resource's when
            blank) or ``funder_type``.

    Returns:
        DataFrame[key, amount, share], largest first; shares sum to 1.
    """
    rows: dict[str, float] = {}
    for s in income_sources(sources):
        amount = s.amount(year)
        if amount <= 0:
            continue
        if by == "family":
            key = str(s.family)
        elif by == "funder_type":
            key = str(s.funder_type)
        else:
            key = s.funder or s.name
        rows[key] = rows.get(key, 0.0) + amount
    table = pd.DataFrame(
        {"key": list(rows), "amount": list(rows.values())}, columns=["key", "amount"]
    )
    total = math.fsum(rows.values())
    table["share"] = table["amount"] / total if total > 0 else math.nan
    return table.sort_values(["amount", "key"], ascending=[False, True]).reset_index(drop=True)


def _total(sources: Iterable[FundingSource], year: int) -> float:
    return math.fsum(s.amount(year) for s in sources)


def mix_figures(sources: Sequence[FundingSource], year: int) -> dict[str, Figure]:
    """Own-activity ratio, public dependency and private share of the year, with their working."""
    income = income_sources(sources)
    total = _total(income, year)
    by_family = {f: _total([s for s in income if s.family is f], year) for f in MIX_FAMILIES}
    reason = None if total > 0 else N_("aucune ressource de fonctionnement pour cet exercice")
    out: dict[str, Figure] = {}
    for key, family, label, formula in (
        (
            "own_activity",
            FundingFamily.OWN_ACTIVITY,
            N_("Part des ressources d'activité"),
            N_("ventes, prestations et marchés / ressources de fonctionnement"),
        ),
        (
            "public",
            FundingFamily.PUBLIC,
            N_("Dépendance aux financements publics"),
            N_("financements publics / ressources de fonctionnement"),
        ),
        (
            "private",
            FundingFamily.PRIVATE,
            N_("Part des financements privés"),
            N_("dons, mécénat, fondations et cotisations / ressources de fonctionnement"),
        ),
    ):
        out[key] = Figure.of(
            label,
            by_family[family] / total if total > 0 else None,
            "%",
            formula,
            [
                Input.of(
                    family.label,
                    round(by_family[family], 2),
                    "EUR",
                    N_("registre des financements"),
                ),
                Input.of(
                    N_("Ressources de fonctionnement"),
                    round(total, 2),
                    "EUR",
                    N_("registre des financements"),
                ),
            ],
            reason=reason,
            references=[
                N_("Le Mouvement associatif / Le RAMEAU, modèles socio-économiques associatifs")
            ],
        )
    return out


def concentration_figures(sources: Sequence[FundingSource], year: int) -> dict[str, Figure]:
    """HHI over funders and the largest funder's share, read by their bands.

    The band is each figure's reading (« modérément concentré », tone
    ``watch``); the formula stays the formula.

    Example:
        >>> from essdiag.funding.section import YearAmount
        >>> src = [FundingSource(id=k, name=k, funder=k, funder_type="foundation",
        ...                      amounts=[YearAmount(year=2026, amount=a)])
        ...        for k, a in (("A", 50), ("B", 30), ("C", 20))]
        >>> figs = concentration_figures(src, 2026)
        >>> figs["hhi"].formula, figs["hhi"].reading, figs["hhi"].tone
        ('Σ sᵢ²', 'très concentré', 'alert')
        >>> figs["largest"].formula, figs["largest"].reading
        ('max sᵢ = s(A)', 'dépendance forte')
    """
    table = shares_by(sources, year, by="funder")
    amounts = list(table["amount"])
    index = hhi(amounts)
    top = largest_share(amounts)
    available = not math.isnan(index)
    reason = None if available else N_("aucune ressource de fonctionnement pour cet exercice")
    inputs = [
        Input.of(f"s({k})", round(float(s), 4), "%", N_("part du financeur"))
        for k, s in zip(table["key"], table["share"], strict=True)
    ]
    hhi_reading, hhi_tone = band_tone(index, HHI_BANDS) if available else (None, None)
    top_reading, top_tone = band_tone(top, LARGEST_SHARE_BANDS) if available else (None, None)
    return {
        "hhi": Figure.of(
            N_("Concentration des financeurs (HHI)"),
            index if available else None,
            "ratio",
            "Σ sᵢ²",
            inputs,
            reason=reason,
            references=[HHI_REFERENCE],
            reading=hhi_reading,
            tone=hhi_tone,
            digits=3,
        ),
        "largest": Figure.of(
            N_("Part du premier financeur"),
            top if available else None,
            "%",
            f"max sᵢ = s({table['key'].iloc[0]})" if available else "max sᵢ",
            inputs[:1],
            reason=reason,
            reading=top_reading,
            tone=top_tone,
        ),
    }


def trend(sources: Sequence[FundingSource], years: Iterable[int]) -> pd.DataFrame:
    """One row per year: amounts by family, total, own-activity and public shares, HHI.

    Returns:
        DataFrame[year, public, private, own_activity, total, own_activity_share,
        public_share, hhi, largest_share].
    """
    income = income_sources(sources)
    rows = []
    for year in sorted(set(years)):
        by_family = {
            f.value: _total([s for s in income if s.family is f], year) for f in MIX_FAMILIES
        }
        total = math.fsum(by_family.values())
        funders = shares_by(income, year, by="funder")
        rows.append(
            {
                "year": year,
                **by_family,
                "total": total,
                "own_activity_share": by_family["own_activity"] / total if total else math.nan,
                "public_share": by_family["public"] / total if total else math.nan,
                "hhi": hhi(funders["amount"]),
                "largest_share": largest_share(funders["amount"]),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "year",
            "public",
            "private",
            "own_activity",
            "total",
            "own_activity_share",
            "public_share",
            "hhi",
            "largest_share",
        ],
    )


def levers(
    sources: Sequence[FundingSource],
    year: int,
    *,
    employees: int,
    fte: float,
    volunteers: int,
    alliances: Sequence[str],
) -> pd.DataFrame:
    """The three levers of the socio-economic model: people, money, alliances.

    Returns:
        DataFrame[lever, indicator, value, unit] — a plain reading grid, not a score.

    References:
        Le RAMEAU & Le Mouvement associatif, « Modèles socio-économiques des
        associations » (2018–2021): richesses humaines, financières, alliances.
    """
    income = income_sources(sources)
    total = _total(income, year)
    in_kind = _total([s for s in sources if s.funder_type is FunderType.IN_KIND], year)
    solidarity = _total([s for s in sources if s.family is FundingFamily.SOLIDARITY_FINANCE], year)
    funders = {s.funder or s.name for s in income if s.amount(year) > 0}
    rows = [
        ("people", N_("Salariés"), float(employees), "count"),
        ("people", N_("Équivalents temps plein"), float(fte), "count"),
        ("people", N_("Bénévoles réguliers"), float(volunteers), "count"),
        (
            "people",
            N_("Bénévoles par salarié"),
            volunteers / employees if employees else math.nan,
            "ratio",
        ),
        ("money", N_("Ressources de fonctionnement"), total, "EUR"),
        ("money", N_("Nombre de financeurs"), float(len(funders)), "count"),
        ("money", N_("Finance solidaire mobilisée"), solidarity, "EUR"),
        ("money", N_("Contributions en nature valorisées"), in_kind, "EUR"),
        ("alliances", N_("Partenariats et réseaux déclarés"), float(len(alliances)), "count"),
    ]
    return pd.DataFrame(rows, columns=["lever", "indicator", "value", "unit"])
