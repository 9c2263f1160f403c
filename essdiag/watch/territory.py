"""Indicators of the territory beside its references, the gaps, and the needs they suggest.

Where it sits: layer 2. The first two steps of the chain « données → lecture
→ besoins → orientations »:

1. **Data.** :func:`catalogue` is the indicators essdiag knows
   (``data/indicators.toml``) plus the user's own; :func:`observations` the
   values for the dossier's territory and its references, from three sources
   in this order of priority: what the dossier holds (imported from an INSEE
   extract or typed in), the illustrative teaching dataset of the sample
   cases' territories (``data/territories_illustrative.toml``, always marked
   illustrative), the national references shipped with their source and year
   (``data/references.toml``).
2. **Reading.** :func:`gap_table` compares the territory studied with each
   reference: absolute gap ``t − r``, relative gap ``(t − r) / |r|``, and
   whether the gap is unfavourable (the indicator's direction of « worse »).
3. **Needs.** :func:`candidate_needs` turns each unfavourable gap whose
   relative size reaches the threshold into a candidate need that states the
   rule and the figures that produced it.

Values are floats (shares as fractions 0–1, incomes in euros a year): these
are statistics, not accounts.

Notes:
    relative gap = (t − r) / |r|; a gap is unfavourable when worse = higher and
    t > r, or worse = lower and t < r; it becomes a candidate need when it is
    unfavourable and |relative gap| ≥ threshold (10 % by default).

Example:
    >>> from essdiag.watch.section import Observation, WatchSection
    >>> from essdiag.identity import Territory
    >>> obs = [Observation(indicator="poverty_rate", level="commune", code="99999",
    ...                    year=2021, value=0.18)]
    >>> gaps = gap_table(WatchSection(observations=obs), Territory(commune="99999"))
    >>> row = gaps.iloc[0]
    >>> row["ref_level"], round(float(row["gap"]), 3), round(float(row["relative"]), 3), bool(row["beyond"])
    ('france', 0.036, 0.25, True)
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import pandas as pd

from essdiag.figures import Column, Figure, Input, Tone, View
from essdiag.i18n import N_, Translator
from essdiag.identity import Territory
from essdiag.watch.section import (
    GeoLevel,
    Need,
    NeedOrigin,
    Observation,
    WatchSection,
    Worse,
)

__all__ = [
    "FRANCE_CODE",
    "CandidateNeed",
    "Indicator",
    "candidate_needs",
    "catalogue",
    "gap_figure",
    "gap_table",
    "gaps_view",
    "illustrative_observations",
    "needs_view",
    "observations",
    "reference_observations",
    "relative_gaps_view",
    "territory_codes",
    "territory_views",
]

FRANCE_CODE = "FR"
"""Code of the national level in :class:`Observation` rows."""

GAP_REFERENCE = N_(
    "Méthode d'essdiag : écart relatif (t − r) / |r| au territoire de référence, sens « "
    "défavorable » propre à chaque indicateur (comparateurs de territoires de l'Insee)"
)


@dataclass(frozen=True)
class Indicator:
    """An indicator of the catalogue.

    Attributes:
        key: stable key (``poverty_rate``).
        label: French label.
        unit: ``%`` (fraction), ``EUR``, ``count`` or a unit word.
        worse: which direction is unfavourable.
        theme: its theme (« Emploi »).
        description: what it measures.
        numerator: INSEE column pattern(s) of the value (``P{yy}_POP65P``).
        denominator: INSEE column pattern(s) dividing it, for a share.
        scale: factor applied to what is read (0.01 for a rate in percent).
        custom: True for an indicator the user added.
    """

    key: str
    label: str
    unit: str
    worse: Worse
    theme: str = ""
    description: str = ""
    numerator: tuple[str, ...] = ()
    denominator: tuple[str, ...] = ()
    scale: float = 1.0
    custom: bool = False


def _patterns(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


@cache
def _builtin() -> dict[str, Indicator]:
    raw = tomllib.loads(files("essdiag.watch").joinpath("data/indicators.toml").read_text("utf-8"))
    return {
        key: Indicator(
            key=key,
            label=spec["label"],
            unit=spec["unit"],
            worse=Worse(spec["worse"]),
            theme=spec.get("theme", ""),
            description=spec.get("description", ""),
            numerator=_patterns(spec.get("numerator")),
            denominator=_patterns(spec.get("denominator")),
            scale=float(spec.get("scale", 1.0)),
        )
        for key, spec in raw.items()
    }


def catalogue(section: WatchSection | None = None) -> dict[str, Indicator]:
    """The indicators known: essdiag's, then the user's own (which cannot replace one)."""
    out = dict(_builtin())
    for c in section.indicators if section else ():
        if c.key not in out:
            out[c.key] = Indicator(
                key=c.key,
                label=c.label,
                unit=c.unit,
                worse=c.worse,
                theme=N_("Ajouté"),
                custom=True,
            )
    return out


@cache
def reference_observations() -> tuple[Observation, ...]:
    """The national references shipped with essdiag (real values, with source and year)."""
    raw = tomllib.loads(files("essdiag.watch").joinpath("data/references.toml").read_text("utf-8"))
    return tuple(
        Observation(
            indicator=r["indicator"],
            level=GeoLevel.FRANCE,
            code=FRANCE_CODE,
            name="France",
            year=r["year"],
            value=float(r["value"]),
            source=r["source"] + (f" — {r['note']}" if r.get("note") else ""),
        )
        for r in raw["reference"]
    )


@cache
def illustrative_observations() -> tuple[Observation, ...]:
    """The illustrative teaching values of the sample cases' territories (never official)."""
    raw = tomllib.loads(
        files("essdiag.watch").joinpath("data/territories_illustrative.toml").read_text("utf-8")
    )
    out = []
    for t in raw["territory"]:
        for block, values in t.items():
            if not isinstance(values, dict):
                continue
            year = int(block.rsplit("_", 1)[1])
            out += [
                Observation(
                    indicator=k,
                    level=GeoLevel(t["level"]),
                    code=t["code"],
                    name=t["name"],
                    year=year,
                    value=float(v),
                    source=raw["source"],
                    illustrative=True,
                )
                for k, v in values.items()
            ]
    return tuple(out)


def territory_codes(territory: Territory) -> dict[GeoLevel, str]:
    """The codes of the dossier's territory at each level it gives, and France."""
    codes = {
        GeoLevel.COMMUNE: territory.commune,
        GeoLevel.EPCI: territory.epci,
        GeoLevel.DEPARTEMENT: territory.departement,
        GeoLevel.REGION: territory.region,
        GeoLevel.FRANCE: FRANCE_CODE,
    }
    return {level: code for level, code in codes.items() if code}


def observations(
    section: WatchSection, territory: Territory
) -> dict[tuple[str, GeoLevel], Observation]:
    """The value kept for each (indicator, level) of the dossier's territory.

    The dossier's own values come first (the latest year), then the
    illustrative dataset, then the national references.
    """
    codes = territory_codes(territory)
    chosen: dict[tuple[str, GeoLevel], Observation] = {}
    for pool in (section.observations, illustrative_observations(), reference_observations()):
        best: dict[tuple[str, GeoLevel], Observation] = {}
        for o in pool:
            if codes.get(o.level) != o.code:
                continue
            key = (o.indicator, o.level)
            if key not in best or o.year > best[key].year:
                best[key] = o
        for key, o in best.items():
            chosen.setdefault(key, o)
    return chosen


def _unit_group(unit: str) -> str:
    return unit if unit in ("%", "EUR", "count") else "other:" + unit


_GROUP_TITLES = {
    "%": N_("Parts et taux"),
    "EUR": N_("Revenus (euros par an)"),
    "count": N_("Effectifs"),
    "other:min": N_("Temps d'accès (minutes)"),
}


def territory_views(section: WatchSection, territory: Territory) -> list[View]:
    """The indicators of the territory and of every level, one view per unit.

    Each view: indicator, theme, then one column per level the dossier's
    territory has (its value), the year and the source of the territory's
    value, and whether any value shown is illustrative.
    """
    cat = catalogue(section)
    kept = observations(section, territory)
    levels = [lv for lv in GeoLevel if lv in territory_codes(territory)]
    groups: dict[str, list[dict[str, Any]]] = {}
    for ind in cat.values():
        values = {lv: kept.get((ind.key, lv)) for lv in levels}
        if not any(values.values()):
            continue
        first = next(o for o in values.values() if o is not None)
        row: dict[str, Any] = {
            "indicator": ind.key,
            "label": ind.label,
            "theme": ind.theme,
            **{lv.value: (o.value if o else math.nan) for lv, o in values.items()},
            "year": first.year,
            "illustrative": any(o.illustrative for o in values.values() if o),
            "source": first.source,
        }
        groups.setdefault(_unit_group(ind.unit), []).append(row)
    views = []
    for group, rows in groups.items():
        unit = group.removeprefix("other:")
        columns = (
            Column("label", N_("Indicateur")),
            Column("theme", N_("Thème"), "label"),
            *(Column(lv.value, lv.label, unit, digits=_digits(unit)) for lv in levels),
            Column("year", N_("Année"), "text"),
            Column("illustrative", N_("Donnée illustrative"), "bool"),
            Column("source", N_("Source")),
        )
        frame = pd.DataFrame(rows)
        frame["year"] = frame["year"].astype(str)
        title = _GROUP_TITLES.get(group, unit)
        views.append(View(columns, frame, title=title))
    return views


def _digits(unit: str) -> int | None:
    return 1 if unit == "%" else 0 if unit in ("EUR", "count") else None


_GAP_COLUMNS = [
    "indicator",
    "label",
    "unit",
    "worse",
    "level",
    "territory",
    "year",
    "value",
    "ref_level",
    "ref_name",
    "ref_year",
    "ref_value",
    "gap",
    "relative",
    "unfavourable",
    "beyond",
    "illustrative",
    "source",
    "ref_source",
]


def gap_table(
    section: WatchSection, territory: Territory, *, threshold: float | None = None
) -> pd.DataFrame:
    """Each indicator of the territory studied against each reference chosen.

    Parameters:
        threshold: relative gap from which an unfavourable gap is « beyond »
            (the section's setting when None).

    Returns:
        One row per (indicator, reference) where both values exist: the
        columns of ``_GAP_COLUMNS``; ``relative`` is NaN when the reference
        is 0; ``unfavourable`` is NA for a context indicator.
    """
    limit = section.settings.threshold if threshold is None else threshold
    level = section.settings.level
    cat = catalogue(section)
    kept = observations(section, territory)
    rows = []
    for ind in cat.values():
        here = kept.get((ind.key, level))
        if here is None:
            continue
        for ref_level in section.settings.references:
            if ref_level is level:
                continue
            ref = kept.get((ind.key, ref_level))
            if ref is None:
                continue
            gap = here.value - ref.value
            relative = gap / abs(ref.value) if ref.value else math.nan
            if ind.worse is Worse.NONE:
                unfavourable: bool | None = None
            else:
                unfavourable = gap > 0 if ind.worse is Worse.HIGHER else gap < 0
            beyond = (
                bool(unfavourable) and not math.isnan(relative) and abs(relative) >= limit - 1e-12
            )
            rows.append(
                {
                    "indicator": ind.key,
                    "label": ind.label,
                    "unit": ind.unit,
                    "worse": ind.worse.value,
                    "level": level.value,
                    "territory": here.name or here.code,
                    "year": here.year,
                    "value": here.value,
                    "ref_level": ref_level.value,
                    "ref_name": ref.name or ref.code,
                    "ref_year": ref.year,
                    "ref_value": ref.value,
                    "gap": gap,
                    "relative": relative,
                    "unfavourable": unfavourable,
                    "beyond": beyond,
                    "illustrative": here.illustrative or ref.illustrative,
                    "source": here.source,
                    "ref_source": ref.source,
                }
            )
    frame = pd.DataFrame(rows, columns=_GAP_COLUMNS)
    frame["unfavourable"] = frame["unfavourable"].astype("object")
    return frame


def gaps_view(gaps: pd.DataFrame) -> list[View]:
    """The gaps of the indicators with a direction, one view per unit (values keep their unit).

    Context indicators (population, households) are left out: their gap reads nothing.
    """
    views = []
    gaps = gaps[gaps["worse"] != Worse.NONE.value]
    for group, part in gaps.groupby(gaps["unit"].map(_unit_group), sort=False):
        unit = str(group).removeprefix("other:")
        gap_unit, scale = ("%", 1.0) if unit == "%" else (unit, 1.0)
        frame = part.reset_index(drop=True).copy()
        frame["gap"] = frame["gap"] * scale
        frame["ref_level_label"] = frame["ref_level"].map(lambda v: GeoLevel(v).label)
        frame["worse_label"] = frame["worse"].map(lambda v: Worse(v).label)
        frame["reading"] = [_reading(r) for r in frame.itertuples()]
        columns = (
            Column("label", N_("Indicateur")),
            Column("value", N_("Territoire"), unit, digits=_digits(unit)),
            Column("ref_level_label", N_("Référence"), "label"),
            Column("ref_value", N_("Valeur de référence"), unit, digits=_digits(unit)),
            Column(
                "gap",
                N_("Écart absolu"),
                gap_unit,
                digits=_digits(unit),
                help=N_("territoire − référence (en points pour une part)"),
            ),
            Column(
                "relative",
                N_("Écart relatif"),
                "%",
                help=N_("(territoire − référence) / |référence|"),
            ),
            Column("worse_label", N_("Sens"), "label"),
            Column("reading", N_("Lecture"), "label"),
            Column("illustrative", N_("Donnée illustrative"), "bool"),
        )
        views.append(View(columns, frame, title=_GROUP_TITLES.get(str(group), unit)))
    return views


_MORE_FAVOURABLE = N_("plus favorable")
_LESS_FAVOURABLE = N_("moins favorable")
_BEYOND = N_("moins favorable, au-delà du seuil")
_CONTEXT = N_("contexte")


def _reading(row: Any) -> str:
    if row.unfavourable is None or (
        isinstance(row.unfavourable, float) and math.isnan(row.unfavourable)
    ):
        return _CONTEXT
    if row.beyond:
        return _BEYOND
    return _LESS_FAVOURABLE if row.unfavourable else _MORE_FAVOURABLE


def relative_gaps_view(gaps: pd.DataFrame) -> View:
    """Relative gaps of every indicator with a direction (the chart's table)."""
    part = gaps[gaps["worse"] != Worse.NONE.value].reset_index(drop=True).copy()
    part["ref_level_label"] = part["ref_level"].map(lambda v: GeoLevel(v).label)
    # An unfavourable gap is drawn to the right whatever the direction of the indicator.
    part["oriented"] = [
        r if w == Worse.HIGHER.value else -r
        for r, w in zip(part["relative"], part["worse"], strict=True)
    ]
    part["reading"] = [_reading(r) for r in part.itertuples()]
    return View(
        (
            Column("label", N_("Indicateur")),
            Column("ref_level_label", N_("Référence"), "label"),
            Column("relative", N_("Écart relatif"), "%"),
            Column(
                "oriented",
                N_("Écart orienté (positif = moins favorable)"),
                "%",
                help=N_(
                    "l'écart relatif, de signe inversé quand un indicateur est défavorable vers le bas"
                ),
            ),
            Column("reading", N_("Lecture"), "label"),
        ),
        part,
        title=N_("Écarts relatifs du territoire"),
    )


@dataclass(frozen=True)
class CandidateNeed:
    """A need suggested by an unfavourable gap beyond the threshold.

    Attributes:
        indicator: the indicator's key.
        label: its French label.
        ref_level: the reference it was compared to.
        rule: French template of the rule that produced it.
        evidence: French template of the figures that produced it.
        params: raw values of both templates.
        illustrative: True when a value used is illustrative.
    """

    indicator: str
    label: str
    ref_level: GeoLevel
    rule: str
    evidence: str
    params: Mapping[str, Any] = field(default_factory=dict)
    illustrative: bool = False

    def to_need(self, need_id: str, tr: Translator, *, title: str = "") -> Need:
        """The need to keep in the dossier, its rule and figures written in the reader's language."""
        words = ("label", "reference", "direction")
        shown = _shown(self.params, tr)
        rule = tr.fill(self.rule, shown, words)
        evidence = tr.fill(self.evidence, shown, words)
        return Need(
            id=need_id,
            title=title or tr(N_("Besoin lié à : {label}"), label=tr(self.label)),
            origin=NeedOrigin.TERRITORY,
            indicator=self.indicator,
            rule=rule,
            evidence=evidence,
        )


_RULE = N_(
    "écart relatif {relative} à la référence « {reference} », au-delà du seuil de {threshold}, "
    "sur un indicateur où {direction}"
)
_EVIDENCE = N_(
    "{label} : {territory} {value} ({year}) contre {ref_name} {ref_value} ({ref_year}), écart {gap}"
)


def _shown(params: Mapping[str, Any], tr: Translator) -> dict[str, Any]:
    """Evidence values written by their unit (the template's other values stay raw)."""
    from essdiag.figures import format_value

    unit = params["unit"]
    out = dict(params)
    for k in ("value", "ref_value", "gap"):
        out[k] = format_value(params[k], unit, tr, _digits(unit))
    for k in ("relative", "threshold"):
        out[k] = tr.percent(params[k], 1)
    return out


def candidate_needs(gaps: pd.DataFrame, threshold: float) -> list[CandidateNeed]:
    """One candidate need per indicator and reference whose gap is unfavourable and beyond.

    Example:
        >>> g = pd.DataFrame([{"indicator": "x", "label": "X", "unit": "%", "worse": "higher",
        ...     "territory": "A", "year": 2021, "value": 0.2, "ref_level": "france",
        ...     "ref_name": "France", "ref_year": 2022, "ref_value": 0.16, "gap": 0.04,
        ...     "relative": 0.25, "beyond": True, "illustrative": False}])
        >>> from essdiag.i18n import translator
        >>> need = candidate_needs(g, 0.1)[0].to_need("B01", translator("fr"))
        >>> need.rule.replace("\xa0", " ")
        'écart relatif 25,0 % à la référence « France », au-delà du seuil de 10,0 %, sur un indicateur où plus haut = moins favorable'
        >>> need.evidence.replace("\xa0", " ")
        'X : A 20,0 % (2021) contre France 16,0 % (2022), écart 4,0 %'
    """
    out = []
    for r in gaps[gaps["beyond"].astype(bool)].itertuples():
        ref_level = GeoLevel(r.ref_level)
        params = {
            "label": r.label,
            "unit": r.unit,
            "territory": r.territory,
            "value": float(r.value),
            "year": int(r.year),
            "ref_name": r.ref_name,
            "ref_value": float(r.ref_value),
            "ref_year": int(r.ref_year),
            "gap": float(r.gap),
            "relative": float(r.relative),
            "threshold": float(threshold),
            "reference": ref_level.label,
            "direction": Worse(r.worse).label,
        }
        out.append(
            CandidateNeed(
                indicator=r.indicator,
                label=r.label,
                ref_level=ref_level,
                rule=_RULE,
                evidence=_EVIDENCE,
                params=params,
                illustrative=bool(r.illustrative),
            )
        )
    return out


def gap_figure(gaps: pd.DataFrame, threshold: float) -> Figure:
    """How many indicators of the territory are unfavourable beyond the threshold."""
    with_direction = gaps[gaps["worse"] != Worse.NONE.value]
    beyond = gaps[gaps["beyond"].astype(bool)]
    n = int(beyond["indicator"].nunique())
    compared = int(with_direction["indicator"].nunique())
    tone: Tone = "good" if n == 0 else "watch" if n <= 2 else "alert"
    return Figure.of(
        N_("Indicateurs défavorables au-delà du seuil"),
        n if compared else None,
        "count",
        N_(
            "nombre d'indicateurs dont l'écart à une référence est défavorable et |écart relatif| ≥ seuil"
        ),
        [
            Input.of(N_("Indicateurs comparés"), compared, "count"),
            Input.of(N_("Seuil d'écart relatif"), threshold, "%"),
        ],
        reason=None
        if compared
        else N_("aucun indicateur du territoire n'a de valeur de référence"),
        references=[GAP_REFERENCE],
        reading=N_("{n} indicateur(s) sur {compared} appellent l'attention") if compared else None,
        reading_params={"n": n, "compared": compared},
        tone=tone if compared else None,
    )


def needs_view(needs: Sequence[Need]) -> View:
    """The needs retained."""
    frame = pd.DataFrame(
        [
            {
                "id": n.id,
                "title": n.title,
                "origin": n.origin,
                "public": n.public,
                "rule": n.rule,
                "evidence": n.evidence,
            }
            for n in needs
        ],
        columns=["id", "title", "origin", "public", "rule", "evidence"],
    )
    return View(
        (
            Column("id", N_("Identifiant")),
            Column("title", N_("Besoin")),
            Column("origin", N_("Origine"), choices=NeedOrigin),
            Column("public", N_("Public concerné")),
            Column("rule", N_("Règle")),
            Column("evidence", N_("Chiffres")),
        ),
        frame,
        title=N_("Besoins retenus"),
    )


def known_codes(items: Iterable[Observation]) -> set[tuple[str, str]]:
    """(level, code) of the territories some observations describe."""
    return {(o.level.value, o.code) for o in items}
