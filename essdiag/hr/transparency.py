"""EU pay-transparency indicators (directive (EU) 2023/970, art. 9 and 10).

Where it sits: canonical workforce frame → :func:`transparency_figures` (mean
and median gaps on base and on variable pay, share of each sex receiving
variable pay) and :func:`category_gaps` (the gap by category of workers, with
the 5 % alert that calls for a joint pay assessment) → the « Égalité » tab and
the exports. Floats: ratios.

The gap (art. 3) is the difference between men's and women's average pay
levels as a share of men's: (men − women) / men, positive when men are paid
more. Pay levels are compared in full-time equivalent (÷ FTE), which is the
hourly comparison when hours are proportional to FTE. Categories are the four
CSP of the register (the directive lets the employer define equal-value
categories; the CSP is the register's nearest grouping).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from essdiag.figures import Column, Figure, Input, View
from essdiag.hr.section import Category
from essdiag.i18n import N_
from essdiag.params import param

__all__ = ["as_shown", "category_gaps", "gap", "transparency_figures"]

REFERENCE = N_("Directive (UE) 2023/970 du 10 mai 2023, art. 3, 9 et 10")


def gap(men: float | None, women: float | None) -> float | None:
    """(men − women) / men; None when men's level is missing or zero.

    Example:
        >>> gap(30000.0, 27000.0)
        0.1
    """
    if men is None or women is None or pd.isna(men) or pd.isna(women) or men == 0:
        return None
    return (men - women) / men


def as_shown(value: float | None, decimals: int = 3) -> float | None:
    """A value that rounds to zero at the decimals shown, as zero (never « −0,0 % »).

    A gap is shown as a percentage with one decimal, so three decimals of the
    fraction: −0,00004 would read « −0,0 % » and favour nobody. The sign is
    chosen after rounding to what the reader sees.

    Example:
        >>> as_shown(-0.00004), as_shown(-0.0006), as_shown(None)
        (0.0, -0.0006, None)
    """
    if value is None or pd.isna(value):
        return value
    return 0.0 if round(value, decimals) == 0 else value


def _favours(value: float | None) -> str | None:
    """Whom a gap (as shown) favours: positive gaps favour men."""
    if value is None:
        return None
    if value > 0:
        return N_("en faveur des hommes")
    if value < 0:
        return N_("en faveur des femmes")
    return N_("égalité")


def _levels(frame: pd.DataFrame, column: str, how: str) -> tuple[float | None, float | None]:
    values = frame[column] / frame["fte"]
    out = []
    for sex in ("H", "F"):
        part = values[frame["sex"] == sex]
        out.append(None if part.empty else float(part.mean() if how == "mean" else part.median()))
    return out[0], out[1]


def _why_no_gap(men: float | None, women: float | None, how: str) -> str:
    """Why a gap cannot be computed: a sex missing, or men's level zero (it is the divisor)."""
    if men is None or women is None:
        return N_("il faut au moins une femme et un homme dans le registre")
    if how == "median":
        return N_(
            "la médiane des hommes est nulle (la moitié d'entre eux au moins n'en perçoit pas) : "
            "l'écart, rapporté au niveau des hommes, n'est pas défini"
        )
    return N_("aucun homme n'en perçoit : l'écart, rapporté au niveau des hommes, n'est pas défini")


def transparency_figures(frame: pd.DataFrame) -> dict[str, Figure]:
    """Mean and median gaps on base pay and on variable pay, and who receives variable pay.

    A gap that rounds to 0,0 % is shown as 0,0 % and read « égalité »; a gap
    that cannot be computed says why (no man or no woman, or men's level zero).
    """
    figures: dict[str, Figure] = {}
    specs = (
        ("mean_base", "base_pay", "mean", N_("Écart moyen de rémunération de base")),
        ("median_base", "base_pay", "median", N_("Écart médian de rémunération de base")),
        ("mean_variable", "variable_pay", "mean", N_("Écart moyen des composantes variables")),
        ("median_variable", "variable_pay", "median", N_("Écart médian des composantes variables")),
    )
    for key, column, how, label in specs:
        men, women = _levels(frame, column, how) if not frame.empty else (None, None)
        value = as_shown(gap(men, women))
        figures[key] = Figure.of(
            label,
            value,
            "%",
            N_("(niveau des hommes − niveau des femmes) / niveau des hommes, en ETP"),
            [
                Input.of(N_("niveau des hommes (ETP)"), men, "EUR"),
                Input.of(N_("niveau des femmes (ETP)"), women, "EUR"),
            ],
            reason=None if value is not None else _why_no_gap(men, women, how),
            references=[REFERENCE],
            reading=_favours(value),
            tone="neutral",
        )
    for sex, label in (("F", N_("Part des femmes percevant du variable")),
                       ("H", N_("Part des hommes percevant du variable"))):  # fmt: skip
        part = frame[frame["sex"] == sex] if not frame.empty else frame
        n = len(part)
        paid = int((part["variable_pay"] > 0).sum()) if n else 0
        figures[f"variable_share_{sex}"] = Figure.of(
            label,
            paid / n if n else None,
            "%",
            N_("personnes percevant du variable / personnes"),
            [
                Input.of(N_("personnes percevant du variable"), paid, "count"),
                Input.of(N_("personnes"), n, "count"),
            ],
            reason=None if n else N_("aucune personne de ce sexe dans le registre"),
            references=[REFERENCE],
        )
    return figures


def category_gaps(frame: pd.DataFrame, on: date) -> View:
    """The gap by category of workers on base and on variable pay, with the 5 % alert (art. 10)."""
    alert = param("eu_pay_gap_alert", on)
    limit = float(alert.value)
    rows = []
    for cat in Category:
        part = frame[frame["category"] == cat.value] if not frame.empty else frame
        base_m, base_w = _levels(part, "base_pay", "mean") if len(part) else (None, None)
        var_m, var_w = _levels(part, "variable_pay", "mean") if len(part) else (None, None)
        base = as_shown(gap(base_m, base_w))
        variable = as_shown(gap(var_m, var_w))
        rows.append(
            {
                "category": cat.label,
                "women": int((part["sex"] == "F").sum()) if len(part) else 0,
                "men": int((part["sex"] == "H").sum()) if len(part) else 0,
                "base_gap": base,
                "variable_gap": variable,
                "alert": bool(
                    (base is not None and abs(base) >= limit)
                    or (variable is not None and abs(variable) >= limit)
                ),
            }
        )
    return View(
        (
            Column("category", N_("Catégorie de travailleurs"), "label"),
            Column("women", N_("Femmes"), "count"),
            Column("men", N_("Hommes"), "count"),
            Column("base_gap", N_("Écart moyen, rémunération de base"), "%"),
            Column("variable_gap", N_("Écart moyen, composantes variables"), "%"),
            Column("alert", N_("Écart d'au moins 5 % (évaluation conjointe)"), "bool"),
        ),
        pd.DataFrame(rows),
        title=N_("Transparence salariale : écarts par catégorie"),
    )
