"""The gender-equality index (index de l'égalité professionnelle), as the Ministry's Egapro computes it.

Where it sits: canonical workforce frame (:mod:`essdiag.hr.workforce`) →
:func:`egapro_population` (apprentices, professionalisation contracts and
people absent more than half of the period left out) → the indicators below →
:class:`EqualityIndex` (points, calculable maximum, index, every indicator
with its working), read by the screen, the ``essdiag egalite`` command and
the exports. Floats throughout: pay averages and gaps are ratios.

Method (décret n° 2019-15, annexes I and II; Egapro's computers, the
``IndicateurUnComputer`` … ``IndexComputer`` of SocialGouv/egapro):

* **Pay gap** (40 points). Each person's pay is their gross pay over the
  period, base + variable, converted to full time (÷ FTE); each person counts
  as one. Groups are CSP × age band (<30, 30–39, 40–49, 50+), or level ×
  age band in the ``niveau`` mode. A group is valid with at least 3 women and
  3 men; the indicator is calculable when valid groups hold at least 40 % of
  the people counted. Per valid group, gap = (mean men − mean women) / mean
  men × 100, brought towards 0 by the relevance threshold (5 points for CSP,
  2 for levels), weighted by the group's headcount over the valid groups'.
  The sum is rounded once, half up, to one decimal; points are read for the
  upper closed edge (a gap in (k−1, k] gets the points of k).
* **Raises, promotions excluded** (250+, 20 points) and **promotions**
  (250+, 15 points): rates by CSP (groups of at least 10 women and 10 men,
  40 % coverage), gap men − women in percentage points, weighted; not
  calculable when nobody was raised (promoted).
* **Raises, promotions included** (50–250, 35 points): one rate per sex
  (at least 5 women and 5 men, someone raised); the gap in points and the gap
  in "number of employees" (|gap| × the smaller headcount) each read on the
  scale, the better of the two kept.
* **Compensation**: when the pay gap lost points and raises (or promotions)
  favoured the sex the pay gap disadvantages, the raises (promotions) get
  their maximum.
* **Maternity return** (15 points): 15 when every woman back from maternity
  leave (raises having been given during it) was raised on return, else 0.
* **Top ten pays** (10 points): the under-represented sex among the ten
  highest pays actually received (not converted to full time).
* **Index** = points / calculable maximum × 100, rounded half up; calculable
  when the calculable maximum is at least 75 points.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import pandas as pd

from essdiag.figures import Column, Figure, Input, Tone, View
from essdiag.hr.section import Category, EqualityMode, SizeBand
from essdiag.hr.transparency import as_shown
from essdiag.hr.workforce import egapro_population
from essdiag.i18n import N_
from essdiag.params import param

__all__ = [
    "AGE_BANDS",
    "EqualityIndex",
    "Favours",
    "Indicator",
    "age_band",
    "equality_index",
    "points_for",
    "round_half_up",
    "size_band_for",
]

Favours = Literal["women", "men", "equality"]

PAY_POINTS = (40, 39, 38, 37, 36, 35, 34, 33, 31, 29, 27, 25, 23, 21, 19, 17, 14, 11, 8, 5, 2, 0)
"""Points of the pay gap for a rounded gap in (k−1, k] % (index k); 21 % and above: 0."""
RAISES_250_POINTS = (20, 20, 20, 10, 10, 10, 5, 5, 5, 5, 5, 0)
PROMOTIONS_POINTS = (15, 15, 15, 10, 10, 10, 5, 5, 5, 5, 5, 0)
RAISES_50_250_POINTS = (35, 35, 35, 25, 25, 25, 15, 15, 15, 15, 15, 0)
TOP10_POINTS = (0, 0, 5, 5, 10, 10)
MATERNITY_POINTS = 15

PAY_GROUP_MIN = 3
RATE_GROUP_MIN = 10
SMALL_BAND_MIN = 5
COVERAGE = 0.4
THRESHOLDS = {EqualityMode.CSP: 5.0, EqualityMode.LEVEL: 2.0}

AGE_BANDS: tuple[tuple[str, str], ...] = (
    ("<30", N_("moins de 30 ans")),
    ("30-39", N_("30 à 39 ans")),
    ("40-49", N_("40 à 49 ans")),
    ("50+", N_("50 ans et plus")),
)
"""Age bands of the pay-gap groups (key, French label)."""

REFERENCE = N_("Décret n° 2019-15, annexes I et II ; simulateur Egapro du ministère du Travail")
UNIT_WORDS: dict[str, str] = {"count": N_("personnes"), "points de %": N_("points de %")}
"""How the unit of an indicator's result reads in its table."""
FAVOURS_WORDS: dict[str, str] = {
    "women": N_("en faveur des femmes"),
    "men": N_("en faveur des hommes"),
    "equality": N_("égalité"),
}


def round_half_up(value: float, digits: int = 1) -> float:
    """|value| rounded half up (92.5 → 93, 2.25 → 2.3), as Egapro's ``Math.round``.

    Example:
        >>> round_half_up(2.25), round_half_up(-4.05), round_half_up(92.5, 0)
        (2.3, 4.1, 93.0)
    """
    scale = 10**digits
    return float(math.floor(abs(value) * scale + 0.5) / scale)


def points_for(result: float, table: Sequence[int]) -> int:
    """The points of a rounded result: ``table[ceil(result)]``, 0 past the table.

    Example:
        >>> points_for(0.0, PAY_POINTS), points_for(4.1, PAY_POINTS), points_for(5.0, PAY_POINTS)
        (40, 35, 35)
    """
    index = math.ceil(result)
    if index < 0 or index >= len(table):
        return 0
    return table[index]


def age_band(age: int) -> str:
    """The age band key of an age.

    Example:
        >>> [age_band(a) for a in (29, 30, 39, 40, 49, 50)]
        ['<30', '30-39', '30-39', '40-49', '40-49', '50+']
    """
    if age < 30:
        return "<30"
    if age < 40:
        return "30-39"
    if age < 50:
        return "40-49"
    return "50+"


def _sign(value: float) -> Favours:
    return "men" if value > 0 else "women" if value < 0 else "equality"


def size_band_for(legal_headcount: float, on: date) -> SizeBand:
    """The index's size band for a headcount (more than 250: the five-indicator index)."""
    over = float(param("egapro_over_250_from", on).value)
    return SizeBand.OVER_250 if legal_headcount >= over else SizeBand.FROM_50_TO_250


@dataclass(frozen=True)
class Indicator:
    """One indicator of the index, with its working.

    Attributes:
        key: ``pay_gap``, ``raises``, ``promotions``, ``raises_50_250``,
            ``maternity`` or ``top10``.
        label: French name.
        applicable: whether the size band uses it.
        points: points obtained (None when not calculable or not applicable).
        max_points: its maximum.
        result: the final result, rounded once (percentage points, or a
            percentage for maternity, a count for the top ten).
        unit: unit of ``result`` (``points de %``, ``%``, ``count``).
        favours: which sex the result favours (None when not calculable).
        reason: why it is not calculable, when it is not.
        compensated: raised to its maximum by the compensation rule.
        figure: the figure with its working.
        groups: the table of groups it was computed from, when there is one.
    """

    key: str
    label: str
    applicable: bool
    points: int | None
    max_points: int
    result: float | None
    unit: str
    favours: Favours | None
    reason: str | None
    figure: Figure
    compensated: bool = False
    groups: View | None = None

    @property
    def calculable(self) -> bool:
        """True when the indicator counts towards the index."""
        return self.applicable and self.points is not None

    def to_json(self) -> dict[str, Any]:
        """The indicator as the command's JSON prints it."""
        return {
            "applicable": self.applicable,
            "points": self.points,
            "max_points": self.max_points,
            "result": self.result,
            "favours": self.favours,
            "compensated": self.compensated,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class EqualityIndex:
    """The index and its indicators.

    Attributes:
        band: size band used.
        mode: grouping of the pay-gap indicator.
        counted, women, men: people counted by the index.
        indicators: by key, in the order of the declaration.
        points: points obtained over the calculable indicators.
        max_points: the calculable maximum.
        index: the index (None when fewer than 75 points are calculable).
        figure: the index as a figure, with its reading.
    """

    band: SizeBand
    mode: EqualityMode
    counted: int
    women: int
    men: int
    indicators: dict[str, Indicator]
    points: int
    max_points: int
    index: int | None
    figure: Figure

    def to_json(self) -> dict[str, Any]:
        """``index``, ``points``, ``max_points`` and ``indicators`` keyed by name."""
        return {
            "index": self.index,
            "points": self.points,
            "max_points": self.max_points,
            "tranche": self.band.value,
            "mode": self.mode.value,
            "counted": self.counted,
            "women": self.women,
            "men": self.men,
            "indicators": {k: i.to_json() for k, i in self.indicators.items()},
        }


def _not_applicable(key: str, label: str, max_points: int, unit: str) -> Indicator:
    reason = N_("non applicable à cette tranche d'effectif")
    return Indicator(
        key=key,
        label=label,
        applicable=False,
        points=None,
        max_points=max_points,
        result=None,
        unit=unit,
        favours=None,
        reason=reason,
        figure=Figure.of(label, None, "points", "–", reason=reason, references=[REFERENCE]),
    )


def _points_figure(  # noqa: PLR0917 - the six parts of an indicator's working
    label: str,
    points: int | None,
    max_points: int,
    formula: str,
    inputs: list[Input],
    reason: str | None,
) -> Figure:
    tone: Tone | None = None
    if points is not None:
        tone = "good" if points == max_points else "watch" if points > 0 else "alert"
    return Figure.of(
        label,
        points,
        "points",
        formula,
        inputs,
        reason=reason,
        references=[REFERENCE],
        reading=N_("{points} points sur {max}") if points is not None else None,
        reading_params={"points": points, "max": max_points},
        tone=tone,
    )


# -- indicator 1: pay gap --------------------------------------------------------------------


def _pay_groups(pop: pd.DataFrame, mode: EqualityMode) -> pd.DataFrame:
    pay = (pop["base_pay"] + pop["variable_pay"]) / pop["fte"]
    work = pd.DataFrame(
        {
            "group": pop["category"] if mode is EqualityMode.CSP else pop["level"],
            "age_band": pop["age"].map(age_band),
            "sex": pop["sex"],
            "pay": pay,
        }
    )
    rows = []
    order = (
        [c.value for c in Category]
        if mode is EqualityMode.CSP
        else sorted(set(work["group"]), key=lambda v: (_level_order(v), v))
    )
    for g in order:
        for band, _label in AGE_BANDS:
            part = work[(work["group"] == g) & (work["age_band"] == band)]
            women = part[part["sex"] == "F"]["pay"]
            men = part[part["sex"] == "H"]["pay"]
            if part.empty:
                continue
            rows.append(
                {
                    "group": Category(g).label
                    if mode is EqualityMode.CSP
                    else (g or N_("non renseigné")),
                    "age_band": dict(AGE_BANDS)[band],
                    "women": len(women),
                    "men": len(men),
                    "mean_women": float(women.mean()) if len(women) else math.nan,
                    "mean_men": float(men.mean()) if len(men) else math.nan,
                }
            )
    return pd.DataFrame(
        rows, columns=["group", "age_band", "women", "men", "mean_women", "mean_men"]
    )


def _level_order(value: str) -> float:
    try:
        return float(value.replace(",", "."))
    except ValueError:
        return math.inf


def _pay_gap(pop: pd.DataFrame, mode: EqualityMode) -> Indicator:
    """Indicator 1: the weighted gap men − women, after the relevance threshold."""
    label = N_("Écart de rémunération")
    groups = _pay_groups(pop, mode)
    threshold = THRESHOLDS[mode]
    total = int(groups["women"].sum() + groups["men"].sum()) if not groups.empty else 0
    valid = (
        (groups["women"] >= PAY_GROUP_MIN)
        & (groups["men"] >= PAY_GROUP_MIN)
        & (groups["mean_women"] > 0)
        & (groups["mean_men"] > 0)
    )
    groups["valid"] = valid
    counted = int((groups["women"] + groups["men"])[valid].sum()) if not groups.empty else 0
    gaps, kept, weights, weighted = [], [], [], []
    for row in groups.itertuples(index=False):
        if not row.valid:
            gaps.append(math.nan)
            kept.append(math.nan)
            weights.append(math.nan)
            weighted.append(math.nan)
            continue
        gap = (row.mean_men - row.mean_women) / row.mean_men * 100
        after = max(gap - threshold, 0.0) if gap > 0 else min(gap + threshold, 0.0)
        weight = (row.women + row.men) / counted
        gaps.append(gap / 100)
        kept.append(after / 100)
        weights.append(weight)
        weighted.append(after * weight / 100)
    # the table shows what was computed, a gap that rounds to zero as zero (never « −0,0 % »)
    groups["gap"] = [as_shown(g) for g in gaps]
    groups["gap_after_threshold"] = [as_shown(g) for g in kept]
    groups["weight"] = weights
    groups["weighted_gap"] = [as_shown(g, 4) for g in weighted]
    view = View(
        (
            Column("group", N_("Catégorie") if mode is EqualityMode.CSP else N_("Niveau"), "label"),
            Column("age_band", N_("Tranche d'âge"), "label"),
            Column("women", N_("Femmes"), "count"),
            Column("men", N_("Hommes"), "count"),
            Column("mean_women", N_("Rémunération moyenne des femmes (ETP)"), "EUR", digits=0),
            Column("mean_men", N_("Rémunération moyenne des hommes (ETP)"), "EUR", digits=0),
            Column("valid", N_("Groupe valide (3 F et 3 H)"), "bool"),
            Column("gap", N_("Écart (H − F) / H"), "%"),
            Column("gap_after_threshold", N_("Écart après seuil de pertinence"), "%"),
            Column("weight", N_("Poids du groupe"), "%"),
            Column("weighted_gap", N_("Écart pondéré"), "%", digits=2),
        ),
        groups,
        title=N_("Indicateur 1 : groupes de l'écart de rémunération"),
    )
    coverage = counted / total if total else 0.0
    inputs = [
        Input.of(N_("personnes comptées"), total, "count"),
        Input.of(N_("personnes dans des groupes valides"), counted, "count"),
        Input.of(N_("part de l'effectif couverte"), coverage, "%"),
        Input.of(N_("seuil de pertinence"), threshold / 100, "%"),
    ]
    formula = N_("Σ (écart du groupe après seuil × poids du groupe), arrondi à 0,1 point")
    if total == 0 or coverage < COVERAGE:
        reason = N_(
            "les groupes valides (au moins 3 femmes et 3 hommes) couvrent moins de 40 % de "
            "l'effectif compté"
        )
        return Indicator(
            key="pay_gap",
            label=label,
            applicable=True,
            points=None,
            max_points=40,
            result=None,
            unit="points de %",
            favours=None,
            reason=reason,
            figure=_points_figure(label, None, 40, formula, inputs, reason),
            groups=view,
        )
    raw = float(sum(w for w in weighted if not math.isnan(w))) * 100
    result = round_half_up(raw)
    points = points_for(result, PAY_POINTS)
    inputs.append(Input.of(N_("écart pondéré (avant arrondi)"), round(raw, 6), "points de %"))
    inputs.append(Input.of(N_("écart retenu (arrondi une fois)"), result, "points de %"))
    favours = _sign(raw) if result else "equality"  # read on the result as rounded
    return Indicator(
        key="pay_gap",
        label=label,
        applicable=True,
        points=points,
        max_points=40,
        result=result,
        unit="points de %",
        favours=favours,
        reason=None,
        figure=_points_figure(label, points, 40, formula, inputs, None),
        groups=view,
    )


# -- indicators 2 and 3 (250+): rates by CSP -------------------------------------------------


def _rate_indicator(
    pop: pd.DataFrame,
    *,
    key: str,
    label: str,
    flag: str,
    table: Sequence[int],
    pay: Indicator,
    nobody: str,
) -> Indicator:
    max_points = table[0]
    rows = []
    for cat in Category:
        part = pop[pop["category"] == cat.value]
        women = part[part["sex"] == "F"]
        men = part[part["sex"] == "H"]
        rows.append(
            {
                "group": cat.label,
                "women": len(women),
                "men": len(men),
                "rate_women": float(women[flag].mean()) if len(women) else math.nan,
                "rate_men": float(men[flag].mean()) if len(men) else math.nan,
            }
        )
    groups = pd.DataFrame(rows)
    groups["valid"] = (groups["women"] >= RATE_GROUP_MIN) & (groups["men"] >= RATE_GROUP_MIN)
    total = int(groups["women"].sum() + groups["men"].sum())
    counted = int((groups["women"] + groups["men"])[groups["valid"]].sum())
    groups["gap"] = [
        (r.rate_men - r.rate_women) if r.valid else math.nan for r in groups.itertuples()
    ]
    groups["weight"] = [
        (r.women + r.men) / counted if r.valid else math.nan for r in groups.itertuples()
    ]
    groups["weighted_gap"] = groups["gap"] * groups["weight"]
    raw = float(groups["weighted_gap"].sum(skipna=True)) * 100
    groups["gap"] = groups["gap"].map(as_shown)
    groups["weighted_gap"] = groups["weighted_gap"].map(lambda g: as_shown(g, 4))
    view = View(
        (
            Column("group", N_("Catégorie"), "label"),
            Column("women", N_("Femmes"), "count"),
            Column("men", N_("Hommes"), "count"),
            Column("rate_women", N_("Taux des femmes"), "%"),
            Column("rate_men", N_("Taux des hommes"), "%"),
            Column("valid", N_("Groupe valide (10 F et 10 H)"), "bool"),
            Column("gap", N_("Écart H − F (points)"), "%"),
            Column("weight", N_("Poids du groupe"), "%"),
            Column("weighted_gap", N_("Écart pondéré"), "%", digits=2),
        ),
        groups,
        title=label,
    )
    coverage = counted / total if total else 0.0
    inputs = [
        Input.of(N_("personnes comptées"), total, "count"),
        Input.of(N_("personnes dans des groupes valides"), counted, "count"),
        Input.of(N_("part de l'effectif couverte"), coverage, "%"),
        Input.of(N_("personnes concernées"), int(pop[flag].sum()) if len(pop) else 0, "count"),
    ]
    formula = N_("Σ ((taux H − taux F) × poids du groupe), en points de %, arrondi à 0,1")
    reason = None
    if not len(pop) or not pop[flag].any():
        reason = nobody
    elif coverage < COVERAGE:
        reason = N_(
            "les catégories valides (au moins 10 femmes et 10 hommes) couvrent moins de 40 % "
            "de l'effectif compté"
        )
    if reason is not None:
        return Indicator(
            key=key,
            label=label,
            applicable=True,
            points=None,
            max_points=max_points,
            result=None,
            unit="points de %",
            favours=None,
            reason=reason,
            figure=_points_figure(label, None, max_points, formula, inputs, reason),
            groups=view,
        )
    result = round_half_up(raw)
    points = points_for(result, table)
    favours = _sign(raw) if result else "equality"  # read on the result as rounded
    compensated = _compensates(pay, favours) and points < max_points
    if compensated:
        points = max_points
    inputs.append(Input.of(N_("écart retenu (arrondi une fois)"), result, "points de %"))
    return Indicator(
        key=key,
        label=label,
        applicable=True,
        points=points,
        max_points=max_points,
        result=result,
        unit="points de %",
        favours=favours,
        reason=None,
        compensated=compensated,
        figure=_points_figure(label, points, max_points, formula, inputs, None),
        groups=view,
    )


def _compensates(pay: Indicator, favours: Favours) -> bool:
    """Raises (promotions) favoured the sex the pay gap disadvantages, and the pay gap lost points."""
    return (
        pay.points is not None
        and pay.points < pay.max_points
        and favours != "equality"
        and pay.favours not in (None, "equality", favours)
    )


# -- indicator 2-3 (50–250) ---------------------------------------------------------------


def _raises_50_250(pop: pd.DataFrame, pay: Indicator) -> Indicator:
    label = N_("Écart de taux d'augmentations (promotions comprises)")
    women = pop[pop["sex"] == "F"]
    men = pop[pop["sex"] == "H"]
    raised_w = int((women["raised"] | women["promoted"]).sum())
    raised_m = int((men["raised"] | men["promoted"]).sum())
    inputs = [
        Input.of(N_("femmes comptées"), len(women), "count"),
        Input.of(N_("femmes augmentées"), raised_w, "count"),
        Input.of(N_("hommes comptés"), len(men), "count"),
        Input.of(N_("hommes augmentés"), raised_m, "count"),
    ]
    formula = N_(
        "meilleure note entre |taux H − taux F| (points de %) et |taux H − taux F| × plus petit "
        "effectif (nombre de salariés)"
    )
    reason = None
    if len(women) < SMALL_BAND_MIN or len(men) < SMALL_BAND_MIN:
        reason = N_("moins de 5 femmes ou moins de 5 hommes comptés")
    elif raised_w + raised_m == 0:
        reason = N_("aucune augmentation sur la période")
    if reason is not None:
        return Indicator(
            key="raises_50_250",
            label=label,
            applicable=True,
            points=None,
            max_points=35,
            result=None,
            unit="points de %",
            favours=None,
            reason=reason,
            figure=_points_figure(label, None, 35, formula, inputs, reason),
        )
    raw = raised_m / len(men) - raised_w / len(women)
    result = round_half_up(raw * 100)
    count = round_half_up(abs(raw) * min(len(women), len(men)))
    points = max(points_for(result, RAISES_50_250_POINTS), points_for(count, RAISES_50_250_POINTS))
    favours = _sign(raw) if result else "equality"  # read on the result as rounded
    compensated = _compensates(pay, favours) and points < 35
    if compensated:
        points = 35
    inputs += [
        Input.of(N_("écart de taux (arrondi)"), result, "points de %"),
        Input.of(N_("écart en nombre de salariés (arrondi)"), count, "count"),
        Input.of(
            N_("points selon l'écart de taux"), points_for(result, RAISES_50_250_POINTS), "points"
        ),
        Input.of(
            N_("points selon le nombre de salariés"),
            points_for(count, RAISES_50_250_POINTS),
            "points",
        ),
    ]
    return Indicator(
        key="raises_50_250",
        label=label,
        applicable=True,
        points=points,
        max_points=35,
        result=result,
        unit="points de %",
        favours=favours,
        reason=None,
        compensated=compensated,
        figure=_points_figure(label, points, 35, formula, inputs, None),
    )


# -- indicators 4 and 5 -------------------------------------------------------------------


def _maternity(pop: pd.DataFrame) -> Indicator:
    label = N_("Retour de congé maternité")
    back = pop[(pop["sex"] == "F") & pop["maternity_return"]]
    raised = int(back["raised_after_return"].sum())
    inputs = [
        Input.of(N_("salariées revenues de congé maternité"), len(back), "count"),
        Input.of(N_("augmentées à leur retour"), raised, "count"),
    ]
    formula = N_("15 points si toutes les salariées concernées ont été augmentées, sinon 0")
    if back.empty:
        reason = N_("aucun retour de congé maternité pendant lequel des augmentations ont eu lieu")
        return Indicator(
            key="maternity",
            label=label,
            applicable=True,
            points=None,
            max_points=MATERNITY_POINTS,
            result=None,
            unit="%",
            favours=None,
            reason=reason,
            figure=_points_figure(label, None, MATERNITY_POINTS, formula, inputs, reason),
        )
    rate = raised / len(back)
    points = MATERNITY_POINTS if raised == len(back) else 0
    return Indicator(
        key="maternity",
        label=label,
        applicable=True,
        points=points,
        max_points=MATERNITY_POINTS,
        result=round_half_up(rate * 100),
        unit="%",
        favours="women" if points else "men",
        reason=None,
        figure=_points_figure(label, points, MATERNITY_POINTS, formula, inputs, None),
    )


def _top10(pop: pd.DataFrame) -> Indicator:
    label = N_("Sexe sous-représenté parmi les 10 plus hautes rémunérations")
    formula = N_(
        "nombre de personnes du sexe sous-représenté parmi les 10 plus hautes rémunérations"
    )
    if len(pop) < 10:
        reason = N_("moins de 10 personnes comptées")
        inputs = [Input.of(N_("personnes comptées"), len(pop), "count")]
        return Indicator(
            key="top10",
            label=label,
            applicable=True,
            points=None,
            max_points=10,
            result=None,
            unit="count",
            favours=None,
            reason=reason,
            figure=_points_figure(label, None, 10, formula, inputs, reason),
        )
    ranked = pop.assign(total=pop["base_pay"] + pop["variable_pay"]).sort_values(
        ["total", "id"], ascending=[False, True], kind="stable"
    )
    top = ranked.head(10)
    women = int((top["sex"] == "F").sum())
    men = 10 - women
    under = min(women, men)
    points = points_for(under, TOP10_POINTS)
    inputs = [
        Input.of(N_("femmes parmi les 10"), women, "count"),
        Input.of(N_("hommes parmi les 10"), men, "count"),
    ]
    return Indicator(
        key="top10",
        label=label,
        applicable=True,
        points=points,
        max_points=10,
        result=float(under),
        unit="count",
        favours="men" if men > women else "women" if women > men else "equality",
        reason=None,
        figure=_points_figure(label, points, 10, formula, inputs, None),
    )


# -- the index ------------------------------------------------------------------------------


def equality_index(
    frame: pd.DataFrame,
    *,
    period_start: date,
    period_end: date,
    band: SizeBand,
    mode: EqualityMode = EqualityMode.CSP,
) -> EqualityIndex:
    """The index of a register over a period, for a size band and a grouping mode.

    Example (ten women and ten men paid alike, nobody raised):
        >>> from essdiag.hr.workforce import COLUMNS
        >>> rows = [dict(id=f"{s}{i}", sex=s, category="emp", level="", age=35,
        ...              contract="cdi", fte=1.0, base_pay=24000.0, variable_pay=0.0,
        ...              raised=False, promoted=False, maternity_return=False,
        ...              raised_after_return=False, entry_date=None, exit_date=None,
        ...              disabled_worker=False, training_hours=0.0, absence_days=0.0,
        ...              job_id="", line=i) for s in "FH" for i in range(10)]
        >>> idx = equality_index(pd.DataFrame(rows, columns=list(COLUMNS)),
        ...     period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
        ...     band=SizeBand.FROM_50_TO_250)
        >>> idx.indicators["pay_gap"].points, idx.indicators["top10"].points, idx.max_points
        (40, 0, 50)
        >>> idx.index is None
        True
    """
    pop = egapro_population(frame, period_start, period_end)
    pay = _pay_gap(pop, mode)
    indicators: dict[str, Indicator] = {"pay_gap": pay}
    if band is SizeBand.OVER_250:
        indicators["raises"] = _rate_indicator(
            pop,
            key="raises",
            label=N_("Écart de taux d'augmentations (hors promotions)"),
            flag="raised",
            table=RAISES_250_POINTS,
            pay=pay,
            nobody=N_("aucune augmentation individuelle sur la période"),
        )
        indicators["promotions"] = _rate_indicator(
            pop,
            key="promotions",
            label=N_("Écart de taux de promotions"),
            flag="promoted",
            table=PROMOTIONS_POINTS,
            pay=pay,
            nobody=N_("aucune promotion sur la période"),
        )
        indicators["raises_50_250"] = _not_applicable(
            "raises_50_250",
            N_("Écart de taux d'augmentations (promotions comprises)"),
            35,
            "points de %",
        )
    else:
        indicators["raises"] = _not_applicable(
            "raises", N_("Écart de taux d'augmentations (hors promotions)"), 20, "points de %"
        )
        indicators["promotions"] = _not_applicable(
            "promotions", N_("Écart de taux de promotions"), 15, "points de %"
        )
        indicators["raises_50_250"] = _raises_50_250(pop, pay)
    indicators["maternity"] = _maternity(pop)
    indicators["top10"] = _top10(pop)
    order = ("pay_gap", "raises", "promotions", "raises_50_250", "maternity", "top10")
    indicators = {k: indicators[k] for k in order}
    counted = [i for i in indicators.values() if i.calculable]
    points = sum(i.points or 0 for i in counted)
    max_points = sum(i.max_points for i in counted)
    minimum = int(param("egapro_calculable_min_points", period_end).value)
    index = math.floor(points * 100 / max_points + 0.5) if max_points >= minimum else None
    return EqualityIndex(
        band=band,
        mode=mode,
        counted=len(pop),
        women=int((pop["sex"] == "F").sum()) if len(pop) else 0,
        men=int((pop["sex"] == "H").sum()) if len(pop) else 0,
        indicators=indicators,
        points=points,
        max_points=max_points,
        index=index,
        figure=_index_figure(index, points, max_points, period_end, counted),
    )


def _index_figure(
    index: int | None,
    points: int,
    max_points: int,
    on: date,
    counted: Sequence[Indicator],
) -> Figure:
    objectives = param("egapro_objectives_below", on)
    corrective = param("egapro_corrective_below", on)
    inputs = [Input.of(f"{i.label}", i.points, "points") for i in counted]
    inputs += [
        Input.of(N_("points obtenus"), points, "points"),
        Input.of(N_("points calculables"), max_points, "points"),
        Input.from_param(objectives),
        Input.from_param(corrective),
    ]
    reading: str | None = None
    tone: Tone | None = None
    if index is not None:
        if index < corrective.value:
            reading = N_(
                "moins de {low} : mesures de correction à définir, à atteindre en trois ans"
            )
            tone = "alert"
        elif index < objectives.value:
            reading = N_("de {low} à {high} : objectifs de progression à fixer et publier")
            tone = "watch"
        else:
            reading = N_("au moins {high} : pas de mesure imposée, à maintenir")
            tone = "good"
    return Figure.of(
        N_("Index de l'égalité professionnelle"),
        index,
        "points",
        N_("points obtenus / points calculables × 100, arrondi à l'entier"),
        inputs,
        reason=None if index is not None else _reason(max_points),
        references=[REFERENCE, N_("Code du travail L1142-8 à L1142-10")],
        reading=reading,
        reading_params={"low": int(corrective.value), "high": int(objectives.value)},
        tone=tone,
    )


def _reason(max_points: int) -> str:
    if not max_points:
        return N_("aucun indicateur n'est calculable")
    return N_("moins de 75 points sont calculables")


def indicator_view(idx: EqualityIndex) -> View:
    """One row per indicator: points, maximum, result, whom it favours, why not calculable."""
    rows = [
        {
            "label": i.label,
            "points": i.points,
            "max_points": i.max_points if i.applicable else None,
            "result": i.result,
            "unit": UNIT_WORDS.get(i.unit, i.unit),
            "favours": FAVOURS_WORDS[i.favours] if i.favours else None,
            "compensated": i.compensated,
            "reason": i.reason or "",
        }
        for i in idx.indicators.values()
        if i.applicable
    ]
    return View(
        (
            Column("label", N_("Indicateur"), "label"),
            Column("points", N_("Points"), "count"),
            Column("max_points", N_("Maximum"), "count"),
            Column("result", N_("Résultat"), "count", digits=1),
            Column("unit", N_("Unité"), "label"),
            Column("favours", N_("En faveur de"), "label"),
            Column("compensated", N_("Compensation"), "bool"),
            Column("reason", N_("Non calculable parce que"), "label"),
        ),
        pd.DataFrame(rows),
        title=N_("Index de l'égalité professionnelle : indicateurs"),
    )
