"""What the SROI screen, the report and the command show: figures with their working, views.

Where it sits: reads the frozen results of :mod:`essdiag.impact.sroi`
(:class:`~essdiag.impact.sroi.SroiResult`, tornado bars, break-even values)
and lays them out as :class:`~essdiag.figures.Figure` (value, formula,
inputs, reading) and :class:`~essdiag.figures.View` tables shared by the
screen, the charts of :mod:`essdiag.charts.impact` and the exports.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from essdiag.figures import Column, Figure, Input, View
from essdiag.i18n import N_
from essdiag.impact.section import SroiCase
from essdiag.impact.sroi import FIELD_LABELS, BreakEven, SroiResult, TornadoBar

__all__ = [
    "SROI_REFERENCE",
    "break_even_view",
    "inputs_view",
    "outcomes_view",
    "sroi_figures",
    "tornado_view",
    "years_view",
]

SROI_REFERENCE = N_(
    "Cabinet Office / SROI Network, A guide to Social Return on Investment (2009, 2e éd. 2012)"
)
GREEN_BOOK = N_("HM Treasury, The Green Book (2022) : taux d'actualisation de 3,5 %")


def _inputs_input(result: SroiResult) -> Input:
    return Input.of(
        N_("Ressources mobilisées (année 0, non actualisées)"),
        result.inputs_value,
        "EUR",
        N_("analyse SROI"),
    )


def sroi_figures(result: SroiResult) -> dict[str, Figure]:
    """Present value, SROI ratio, net ratio, payback and inputs, each with its working.

    Example:
        >>> from datetime import date
        >>> from essdiag.impact.section import SroiCase, SroiInput, SroiOutcome
        >>> from essdiag.impact.sroi import evaluate
        >>> case = SroiCase(discount_rate=0, inputs=[SroiInput(stakeholder="x", value=100)],
        ...     outcomes=[SroiOutcome(name="a", stakeholder="b", quantity=1, proxy=250, proxy_source="s")])
        >>> f = sroi_figures(evaluate(case, on=date(2026, 1, 1)))
        >>> f["ratio"].shown(), f["ratio"].read()
        ('2,50', 'chaque euro mobilisé crée 2,5 € de valeur sociale')
    """
    pv_inputs = [
        Input.of(o.name, o.present_value, "EUR", N_("valeur actuelle de l'effet"))
        for o in result.outcomes
    ]
    rate = Input.of(N_("Taux d'actualisation"), result.discount_rate, "%", GREEN_BOOK)
    inputs = _inputs_input(result)
    smic = [Input.from_param(result.smic)] if result.smic is not None else []
    no_inputs = None if result.inputs_value > 0 else N_("aucune ressource mobilisée n'est saisie")
    ratio = result.sroi_ratio
    reading, tone = (
        (N_("chaque euro mobilisé crée {ratio} € de valeur sociale"), "good")
        if ratio is not None and ratio >= 1
        else (N_("la valeur créée reste inférieure aux ressources mobilisées"), "alert")
    )
    pv = Figure.of(
        N_("Valeur actuelle des effets"),
        result.present_value,
        "EUR",
        N_("Σ effets Σₜ valeur de l'année t / (1 + taux)ᵗ"),
        [*pv_inputs, rate],
        references=[SROI_REFERENCE],
        digits=0,
    )
    return {
        "present_value": pv,
        "inputs": Figure.of(
            N_("Ressources mobilisées"),
            result.inputs_value,
            "EUR",
            N_("Σ valeurs des ressources + heures × taux horaire (SMIC horaire par défaut)"),
            [
                *(
                    Input.of(f"{i.stakeholder} — {i.description}".rstrip(" —"), i.value, "EUR")
                    for i in result.inputs
                ),
                *smic,
            ],
            references=[SROI_REFERENCE],
            digits=0,
        ),
        "ratio": Figure.of(
            N_("Ratio SROI"),
            ratio,
            "ratio",
            N_("valeur actuelle des effets / ressources mobilisées"),
            [Input.of(N_("Valeur actuelle des effets"), result.present_value, "EUR"), inputs],
            reason=no_inputs,
            references=[SROI_REFERENCE],
            reading=reading,
            reading_params={"ratio": round(ratio, 2) if ratio is not None else None},
            tone=tone,  # type: ignore[arg-type]
        ),
        "net_ratio": Figure.of(
            N_("Ratio SROI net"),
            result.net_sroi_ratio,
            "ratio",
            N_("(valeur actuelle des effets − ressources mobilisées) / ressources mobilisées"),
            [Input.of(N_("Valeur actuelle des effets"), result.present_value, "EUR"), inputs],
            reason=no_inputs,
            references=[SROI_REFERENCE],
        ),
        "npv": Figure.of(
            N_("Valeur actuelle nette"),
            result.net_present_value,
            "EUR",
            N_("valeur actuelle des effets − ressources mobilisées"),
            [Input.of(N_("Valeur actuelle des effets"), result.present_value, "EUR"), inputs],
            references=[SROI_REFERENCE],
            digits=0,
        ),
        "payback": Figure.of(
            N_("Délai de retour"),
            result.payback_months,
            "mois",
            N_("ressources mobilisées / (impact de l'année 1 / 12)"),
            [inputs, Input.of(N_("Impact de l'année 1 (tous effets)"), result.year1_impact, "EUR")],
            reason=None if result.year1_impact > 0 else N_("aucun impact en année 1"),
            references=[SROI_REFERENCE],
            digits=1,
        ),
        "undiscounted": Figure.of(
            N_("Valeur totale non actualisée"),
            result.total_undiscounted_value,
            "EUR",
            N_("Σ effets Σₜ valeur de l'année t"),
            [Input.of(o.name, o.undiscounted, "EUR") for o in result.outcomes],
            references=[SROI_REFERENCE],
            digits=0,
        ),
    }


_OUTCOME_COLUMNS = (
    Column("name", N_("Effet")),
    Column("stakeholder", N_("Partie prenante")),
    Column("quantity", N_("Quantité"), "count"),
    Column("proxy", N_("Proxy (€)"), "EUR"),
    Column("proxy_source", N_("Source du proxy")),
    Column("deadweight", N_("Aubaine"), "%"),
    Column("displacement", N_("Déplacement"), "%"),
    Column("attribution", N_("Attribution"), "%"),
    Column("drop_off", N_("Dégressivité"), "%"),
    Column("duration_years", N_("Durée (ans)"), "count"),
    Column("impact", N_("Impact année 1"), "EUR", digits=0),
    Column("present_value", N_("Valeur actuelle"), "EUR", digits=0),
    Column("share", N_("Part de la valeur"), "%"),
)


def outcomes_view(case: SroiCase, result: SroiResult) -> View:
    """One row per outcome: its assumptions, year-1 impact, present value and share."""
    total = result.present_value
    frame = pd.DataFrame(
        [
            {
                **o.model_dump(),
                "impact": r.impact,
                "present_value": r.present_value,
                "share": r.present_value / total if total > 0 else None,
            }
            for o, r in zip(case.outcomes, result.outcomes, strict=True)
        ],
        columns=[c.key for c in _OUTCOME_COLUMNS],
    )
    return View(_OUTCOME_COLUMNS, frame, title=N_("Effets valorisés"))


def inputs_view(result: SroiResult) -> View:
    """One row per input: its hours and rate (time) and its value."""
    frame = pd.DataFrame(
        [
            {
                "stakeholder": i.stakeholder,
                "description": i.description,
                "hours": i.hours,
                "hourly_rate": i.hourly_rate,
                "rate_is_smic": i.rate_is_smic if i.hours is not None else None,
                "value": i.value,
            }
            for i in result.inputs
        ],
        columns=["stakeholder", "description", "hours", "hourly_rate", "rate_is_smic", "value"],
    )
    return View(
        (
            Column("stakeholder", N_("Partie prenante")),
            Column("description", N_("Description")),
            Column("hours", N_("Heures"), "count"),
            Column("hourly_rate", N_("Taux horaire"), "EUR/h"),
            Column("rate_is_smic", N_("SMIC par défaut"), "bool"),
            Column("value", N_("Valeur"), "EUR", digits=0),
        ),
        frame,
        title=N_("Ressources mobilisées"),
    )


def years_view(result: SroiResult) -> View:
    """Value of each outcome in each year, undiscounted and discounted (the projection)."""
    rows = []
    for o in result.outcomes:
        for t, v in enumerate(o.year_values, start=1):
            rows.append(
                {
                    "name": o.name,
                    "year": t,
                    "value": v,
                    "discounted": v / (1 + result.discount_rate) ** t,
                }
            )
    frame = pd.DataFrame(rows, columns=["name", "year", "value", "discounted"])
    return View(
        (
            Column("name", N_("Effet")),
            Column("year", N_("Année"), "count"),
            Column("value", N_("Valeur de l'année"), "EUR", digits=0),
            Column("discounted", N_("Valeur actualisée"), "EUR", digits=0),
        ),
        frame,
        title=N_("Projection des effets par année"),
    )


_UNIT_WORDS = {"quantity": "", "duration_years": N_("ans"), "proxy": "€", "inputs": "€"}


def _shown(field: str, value: float | None) -> float | None:
    """A value as the tables show it: rates in percentage points, the rest as they are."""
    if value is None:
        return None
    return round(value * 100, 9) if field not in _UNIT_WORDS else value


def _unit_word(field: str) -> str:
    return _UNIT_WORDS.get(field, "%")


def tornado_view(bars: Sequence[TornadoBar], ratio: float | None) -> View:
    """The tornado as a table: assumption, its value down and up, the ratio at each, the swing.

    Assumptions of different units share the value columns: rates are in
    percentage points (25 for 25 %) and the unit column says which.
    """
    frame = pd.DataFrame(
        [
            {
                "assumption": FIELD_LABELS[b.field],
                "outcome": b.outcome or "",
                "unit": _unit_word(b.field),
                "current": _shown(b.field, b.current),
                "low": _shown(b.field, b.low),
                "high": _shown(b.field, b.high),
                "ratio_low": b.ratio_low,
                "ratio_high": b.ratio_high,
                "swing": b.swing,
                "base": ratio,
                "field": b.field,
            }
            for b in bars
        ],
        columns=[
            "assumption",
            "outcome",
            "unit",
            "current",
            "low",
            "high",
            "ratio_low",
            "ratio_high",
            "swing",
            "base",
            "field",
        ],
    )
    return View(
        (
            Column("assumption", N_("Hypothèse"), "label"),
            Column("outcome", N_("Effet")),
            Column("current", N_("Valeur retenue"), "count"),
            Column("low", N_("Valeur basse"), "count"),
            Column("high", N_("Valeur haute"), "count"),
            Column("unit", N_("Unité"), "label"),
            Column("ratio_low", N_("Ratio (valeur basse)"), "ratio"),
            Column("ratio_high", N_("Ratio (valeur haute)"), "ratio"),
            Column("swing", N_("Amplitude"), "ratio"),
        ),
        frame,
        title=N_("Sensibilité du ratio SROI (tornade)"),
    )


def break_even_view(points: Sequence[BreakEven]) -> View:
    """For each assumption, its value, the value bringing the ratio to 1, or why there is none.

    Rates are in percentage points, as in :func:`tornado_view`.
    """
    frame = pd.DataFrame(
        [
            {
                "assumption": FIELD_LABELS[p.field],
                "outcome": p.outcome or "",
                "unit": _unit_word(p.field),
                "current": _shown(p.field, p.current),
                "value": _shown(p.field, p.value),
                "reason": p.reason or "",
                "field": p.field,
            }
            for p in points
        ],
        columns=["assumption", "outcome", "unit", "current", "value", "reason", "field"],
    )
    return View(
        (
            Column("outcome", N_("Effet")),
            Column("assumption", N_("Hypothèse"), "label"),
            Column("current", N_("Valeur retenue"), "count"),
            Column("value", N_("Valeur qui ramène le ratio à 1"), "count"),
            Column("unit", N_("Unité"), "label"),
            Column("reason", N_("Pourquoi aucune valeur"), "label"),
        ),
        frame,
        title=N_("Points morts du ratio SROI"),
    )
