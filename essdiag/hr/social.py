"""Social indicators: turnover, absenteeism, work accidents, access to training.

Where it sits: canonical workforce frame + :class:`~essdiag.hr.section.SocialInputs`
→ :func:`social_figures` and :func:`training_access_view` → the « Social et
QVT » tab and the exports (bilan social, CSE). Floats: rates.

Formulas (the usual ones of the bilan social and of ANACT):

* turnover = ((entries + exits) / 2) / headcount at the start of the period;
* absenteeism = calendar days of absence / (Σ FTE × calendar days of the period);
* accident frequency rate = accidents with leave × 1,000,000 / hours worked;
  severity rate = days lost × 1,000 / hours worked; hours worked default to
  Σ FTE × 1,607 h (the legal annual duration of a full-time post);
* access to training = people with at least one hour of training / people.

In an insertion workshop the turnover of the CDDI is the purpose of the
contract (paths of a few months), so the figure is also given for the
permanent staff alone.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from essdiag.figures import Column, Figure, Input, View
from essdiag.hr.section import Category, Contract, SocialInputs
from essdiag.i18n import N_
from essdiag.params import param

__all__ = ["social_figures", "training_access_view", "turnover"]

REFERENCE = N_("Bilan social (Code du travail L2312-28, D2312-…) ; ANACT")


def turnover(frame: pd.DataFrame, start: date, end: date) -> tuple[float | None, int, int, int]:
    """Turnover rate, entries, exits and headcount at the start of the period.

    Example:
        >>> from essdiag.hr.workforce import empty_workforce
        >>> turnover(empty_workforce(), date(2025, 1, 1), date(2025, 12, 31))
        (None, 0, 0, 0)
    """
    if frame.empty:
        return None, 0, 0, 0
    entries = int(frame["entry_date"].map(lambda d: d is not None and start <= d <= end).sum())
    exits = int(frame["exit_date"].map(lambda d: d is not None and start <= d <= end).sum())
    at_start = int(
        (
            frame["entry_date"].map(lambda d: d is None or d < start)
            & frame["exit_date"].map(lambda d: d is None or d >= start)
        ).sum()
    )
    rate = (entries + exits) / 2 / at_start if at_start else None
    return rate, entries, exits, at_start


def social_figures(
    frame: pd.DataFrame, inputs: SocialInputs, start: date, end: date
) -> dict[str, Figure]:
    """Turnover (all and permanent staff), absenteeism, accident frequency and severity, training."""
    rate, entries, exits, at_start = turnover(frame, start, end)
    permanent = (
        frame[~frame["contract"].isin([Contract.CDDI.value, Contract.PEC.value])]
        if not frame.empty
        else frame
    )
    p_rate, p_entries, p_exits, p_start = turnover(permanent, start, end)
    days = (end - start).days + 1
    fte = float(frame["fte"].sum()) if not frame.empty else 0.0
    absence = float(frame["absence_days"].sum()) if not frame.empty else 0.0
    annual = param("hr_annual_hours_full_time", end)
    hours = inputs.hours_worked or fte * float(annual.value) * days / 365
    trained = int((frame["training_hours"] > 0).sum()) if not frame.empty else 0
    n = len(frame)

    def turnover_figure(
        label: str, value: float | None, e: int, x: int, s: int, *, excluded: str = ""
    ) -> Figure:
        left_out = [Input.of(N_("contrats exclus"), excluded, "text")] if excluded else []
        return Figure.of(
            label,
            value,
            "%",
            N_("((entrées + sorties) / 2) / effectif au début de la période"),
            [
                *left_out,
                Input.of(N_("entrées"), e, "count"),
                Input.of(N_("sorties"), x, "count"),
                Input.of(N_("effectif au début"), s, "count"),
            ],
            reason=None if value is not None else N_("personne présente au début de la période"),
            references=[REFERENCE],
        )

    hours_input = (
        Input.of(N_("heures travaillées (saisies)"), inputs.hours_worked, "count")
        if inputs.hours_worked
        else Input.of(N_("heures travaillées (ETP × 1 607 h)"), round(hours), "count")
    )
    return {
        "turnover": turnover_figure(N_("Taux de rotation"), rate, entries, exits, at_start),
        "turnover_permanent": turnover_figure(
            N_("Taux de rotation des permanents"),
            p_rate,
            p_entries,
            p_exits,
            p_start,
            excluded=f"{Contract.CDDI.value.upper()}, {Contract.PEC.value.upper()}",
        ),
        "absenteeism": Figure.of(
            N_("Taux d'absentéisme"),
            absence / (fte * days) if fte else None,
            "%",
            N_("jours d'absence / (Σ ETP × jours de la période)"),
            [
                Input.of(N_("jours d'absence"), absence, "count"),
                Input.of(N_("Σ ETP"), round(fte, 2), "count"),
                Input.of(N_("jours de la période"), days, "count"),
            ],
            reason=None if fte else N_("registre vide"),
            references=[REFERENCE],
        ),
        "frequency": Figure.of(
            N_("Taux de fréquence des accidents du travail"),
            inputs.accidents_with_leave * 1_000_000 / hours if hours else None,
            "ratio",
            N_("accidents avec arrêt × 1 000 000 / heures travaillées"),
            [
                Input.of(N_("accidents avec arrêt"), inputs.accidents_with_leave, "count"),
                hours_input,
                Input.from_param(annual),
            ],
            reason=None if hours else N_("aucune heure travaillée"),
            references=[REFERENCE],
            digits=1,
        ),
        "severity": Figure.of(
            N_("Taux de gravité des accidents du travail"),
            inputs.days_lost * 1_000 / hours if hours else None,
            "ratio",
            N_("jours perdus × 1 000 / heures travaillées"),
            [Input.of(N_("jours perdus"), inputs.days_lost, "count"), hours_input],
            reason=None if hours else N_("aucune heure travaillée"),
            references=[REFERENCE],
        ),
        "training": Figure.of(
            N_("Accès à la formation"),
            trained / n if n else None,
            "%",
            N_("personnes formées / personnes"),
            [
                Input.of(N_("personnes formées"), trained, "count"),
                Input.of(N_("personnes"), n, "count"),
            ],
            reason=None if n else N_("registre vide"),
            references=[REFERENCE],
        ),
    }


def training_access_view(frame: pd.DataFrame) -> View:
    """Access to training and hours by sex and category."""
    rows = []
    for cat in Category:
        for sex, word in (("F", N_("Femmes")), ("H", N_("Hommes"))):
            part = (
                frame[(frame["category"] == cat.value) & (frame["sex"] == sex)]
                if not frame.empty
                else frame
            )
            n = len(part)
            trained = int((part["training_hours"] > 0).sum()) if n else 0
            rows.append(
                {
                    "category": cat.label,
                    "sex": word,
                    "people": n,
                    "trained": trained,
                    "share": trained / n if n else None,
                    "hours": float(part["training_hours"].mean()) if n else None,
                }
            )
    return View(
        (
            Column("category", N_("Catégorie"), "label"),
            Column("sex", N_("Sexe"), "label"),
            Column("people", N_("Personnes"), "count"),
            Column("trained", N_("Formées"), "count"),
            Column("share", N_("Part formée"), "%"),
            Column("hours", N_("Heures par personne"), "count", digits=1),
        ),
        pd.DataFrame(rows),
        title=N_("Accès à la formation par sexe et catégorie"),
    )
