"""Pay policy: the full-time pay scale, its spread, and the ESUS pay caps.

Where it sits: canonical workforce frame → :func:`pay_figures` (median,
highest/lowest ratio), :func:`pay_distribution` (people by band of annual
SMIC) and :func:`esus_caps` (the two caps of the ESUS agreement with the
margin left) → the « Rémunérations » tab, the exports and the compliance
domain (which receives the frame as an argument). Floats: averages and ratios.

Each person's pay is their gross pay over the period, base + variable,
converted to full time: (base + variable) ÷ FTE.

ESUS caps (Code du travail L3332-17-1, 3°; décret n° 2015-719): the mean of the
five highest full-time annual pays is at most 7 × the annual full-time SMIC
(or the branch minimum when higher), the highest at most 10 ×. The annual
SMIC over the period is the sum, month by month, of the monthly SMIC
(35 h) in force on the first day of each month (``smic_monthly``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd

from essdiag.figures import Column, Figure, Input, View
from essdiag.hr.section import Category, Sex
from essdiag.hr.workforce import fte_pay
from essdiag.i18n import N_, Money, Quotient
from essdiag.params import param

__all__ = ["annual_smic", "esus_caps", "pay_distribution", "pay_figures"]

SMIC_BANDS: tuple[tuple[float, str], ...] = (
    (1.1, N_("moins de 1,1 SMIC")),
    (1.5, N_("1,1 à 1,5 SMIC")),
    (2.0, N_("1,5 à 2 SMIC")),
    (3.0, N_("2 à 3 SMIC")),
    (float("inf"), N_("3 SMIC et plus")),
)


def annual_smic(start: date, end: date) -> tuple[float, list[Input]]:
    """The full-time SMIC over a period of whole months, and the monthly values used.

    Example:
        >>> value, _ = annual_smic(date(2025, 1, 1), date(2025, 12, 31))
        >>> round(value, 2)  # 12 × 1 801,80 €
        21621.6
    """
    total = Decimal(0)
    used: dict[date, Input] = {}
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        p = param("smic_monthly", date(year, month, 1))
        total += p.value
        used.setdefault(p.effective, Input.from_param(p))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return float(total), list(used.values())


def pay_figures(frame: pd.DataFrame) -> dict[str, Figure]:
    """Median full-time pay, the highest over the lowest, and the highest and lowest themselves."""
    pay = fte_pay(frame) if not frame.empty else pd.Series(dtype=float)
    reason = None if len(pay) else N_("registre vide")
    high = float(pay.max()) if len(pay) else None
    low = float(pay.min()) if len(pay) else None
    ratio = high / low if high is not None and low else None
    return {
        "median": Figure.of(
            N_("Rémunération médiane (ETP)"),
            float(pay.median()) if len(pay) else None,
            "EUR",
            N_("médiane de (base + variable) ÷ ETP"),
            [Input.of(N_("personnes"), len(pay), "count")],
            reason=reason,
            digits=0,
        ),
        "ratio": Figure.of(
            N_("Écart entre la plus haute et la plus basse rémunération"),
            ratio,
            "ratio",
            N_("plus haute rémunération ETP / plus basse rémunération ETP"),
            [
                Input.of(N_("plus haute (ETP)"), high, "EUR"),
                Input.of(N_("plus basse (ETP)"), low, "EUR"),
            ],
            reason=reason or (None if ratio else N_("rémunération nulle")),
            reading=N_("la plus haute rémunération vaut {ratio} fois la plus basse")
            if ratio
            else None,
            reading_params={"ratio": Quotient(str(ratio)) if ratio else None},
            tone="neutral",
        ),
    }


def pay_distribution(frame: pd.DataFrame, smic: float) -> View:
    """People by band of full-time pay, in multiples of the annual SMIC, by sex."""
    pay = fte_pay(frame) if not frame.empty else pd.Series(dtype=float)
    multiple = pay / smic
    rows = []
    low = 0.0
    for high, label in SMIC_BANDS:
        mask = (multiple >= low) & (multiple < high)
        rows.append(
            {
                "band": label,
                "women": int((frame["sex"][mask] == "F").sum()) if len(frame) else 0,
                "men": int((frame["sex"][mask] == "H").sum()) if len(frame) else 0,
            }
        )
        low = high
    table = pd.DataFrame(rows)
    table["total"] = table["women"] + table["men"]
    return View(
        (
            Column("band", N_("Rémunération ETP"), "label"),
            Column("women", N_("Femmes"), "count"),
            Column("men", N_("Hommes"), "count"),
            Column("total", N_("Total"), "count"),
        ),
        table,
        title=N_("Répartition des rémunérations en équivalent temps plein"),
    )


def pay_scale_view(frame: pd.DataFrame) -> View:
    """Every person's full-time pay, highest first (anonymous ids), for the scale chart."""
    table = pd.DataFrame(
        {
            "id": frame["id"],
            "sex": frame["sex"],
            "category": frame["category"],
            "fte": frame["fte"],
            "paid": frame["base_pay"] + frame["variable_pay"],
            "fte_pay": fte_pay(frame) if not frame.empty else pd.Series(dtype=float),
        }
    ).sort_values(["fte_pay", "id"], ascending=[False, True])
    return View(
        (
            Column("id", N_("Identifiant")),
            Column("sex", N_("Sexe"), choices=Sex),
            Column("category", N_("Catégorie"), choices=Category),
            Column("fte", N_("ETP"), "count", digits=2),
            Column("paid", N_("Versé sur la période"), "EUR", digits=2),
            Column("fte_pay", N_("Rémunération ETP"), "EUR", digits=2),
        ),
        table.reset_index(drop=True),
        title=N_("Échelle des rémunérations"),
    )


def esus_caps(
    frame: pd.DataFrame, start: date, end: date, *, branch_minimum: float | None = None
) -> dict[str, Figure]:
    """The two ESUS caps, each with the margin left (cap − value; negative when over).

    A value exactly at the cap is within it (« n'excède pas »).
    """
    smic, smic_inputs = annual_smic(start, end)
    reference = max(smic, branch_minimum or 0.0)
    base_inputs = [
        *smic_inputs,
        Input.of(N_("SMIC annuel temps plein sur la période"), smic, "EUR"),
    ]
    if branch_minimum:
        base_inputs.append(Input.of(N_("minimum conventionnel annuel"), branch_minimum, "EUR"))
    pay = fte_pay(frame).sort_values(ascending=False) if not frame.empty else pd.Series(dtype=float)
    top5 = pay.head(5)
    figures: dict[str, Figure] = {}
    specs = (
        (
            "top5",
            "esus_top5_pay_multiple",
            N_("Moyenne des 5 plus hautes rémunérations (ETP)"),
            float(top5.mean()) if len(top5) else None,
            len(top5),
        ),
        (
            "top",
            "esus_top_pay_multiple",
            N_("Plus haute rémunération (ETP)"),
            float(pay.iloc[0]) if len(pay) else None,
            min(len(pay), 1),
        ),
    )
    for key, name, label, value, n in specs:
        multiple = param(name, end)
        cap = float(multiple.value * Decimal(str(round(reference, 2))))
        # money is compared to the cent: a mean of 151 351,20 € is at the cap, not above it
        margin = round(cap - round(value, 2), 2) if value is not None else None
        within = margin is not None and margin >= 0
        figures[key] = Figure.of(
            label,
            value,
            "EUR",
            N_("comparée au plafond = multiple × max(SMIC annuel, minimum conventionnel)"),
            [
                *base_inputs,
                Input.from_param(multiple),
                Input.of(N_("plafond"), cap, "EUR"),
                Input.of(N_("rémunérations retenues"), n, "count"),
            ],
            reason=None if value is not None else N_("registre vide"),
            references=[N_("Code du travail L3332-17-1, 3° ; décret n° 2015-719")],
            reading=N_("dans le plafond de {cap} : marge de {margin}")
            if within
            else N_("au-dessus du plafond de {cap} de {excess}"),
            reading_params={
                "cap": Money(str(round(cap, 2))),
                "margin": Money(str(margin or 0)),
                "excess": Money(str(-(margin or 0))),
            },
            tone="good" if within else "alert",
            digits=0,
        )
        figures[f"{key}_margin"] = Figure.of(
            N_("Marge sous le plafond"),
            margin,
            "EUR",
            N_("plafond − rémunération"),
            [Input.of(N_("plafond"), cap, "EUR"), Input.of(label, value, "EUR")],
            reason=None if value is not None else N_("registre vide"),
            digits=0,
        )
    return figures
