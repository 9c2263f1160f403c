"""The CERFA 15059 "compte rendu financier" table: forecast vs actual by heading.

The form (Cerfa n° 15059*02, compte rendu financier de l'action subventionnée,
arrêté du 11 octobre 2006 modifié) reports, for the funded action, the
forecast and the actual of each heading of charges (60–68, then 86) and of
income (70–78 with 74 broken down by funder, then 87), and asks to explain
significant gaps between forecast and actual.

Where it sits: :func:`~essdiag.budget.variance.attribute_actuals` → filter on
one project (analytic code) → :func:`cerfa15059_table` →
:func:`essdiag.budget.views.cerfa15059_view` → the screen and the exports in
:mod:`essdiag.report.cerfa15059`. Amounts are added up in cents and rounded
to the cent once per row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from essdiag.budget.section import Materiality, VarianceComment
from essdiag.budget.section.headings import CHARGE_HEADINGS, HEADINGS, INCOME_HEADINGS
from essdiag.budget.variance import comment_texts, flag_material
from essdiag.i18n import N_
from essdiag.periods import Period

__all__ = ["CERFA_COLUMNS", "cerfa15059_table", "comment_level", "explanation_key", "scope_key"]

CERFA_COLUMNS = (
    "section",
    "code",
    "label",
    "budget",
    "actual",
    "variance",
    "variance_pct",
    "flagged",
    "explanation",
    "total",
)


def comment_level(analytic: str | None) -> str:
    """The ``level`` under which files of the first version kept this report's explanations.

    Read still (an explanation written then is shown); new explanations are
    kept with the variance screen's (level ``heading`` or ``funder``, the
    report's scope): one explanation per gap.
    """
    return f"cerfa15059:{analytic or '*'}"


def explanation_key(code: str) -> tuple[str, str]:
    """The (level, key) under which a row's explanation is kept: a heading, or a funder.

    Example:
        >>> explanation_key("60"), explanation_key("74:Région")
        (('heading', '60'), ('funder', 'Région'))
    """
    if code.startswith("74:"):
        return "funder", code[3:]
    return "heading", code


def scope_key(analytic: str | None, funder: str | None) -> str:
    """The scope of a report for one action or for a funder's actions (``""`` for all)."""
    if analytic:
        return f"action:{analytic}"
    if funder:
        return f"funder:{funder}"
    return ""


def cerfa15059_table(  # noqa: PLR0915 - one row of the form per statement
    attributed: pd.DataFrame,
    period: Period,
    *,
    analytic: str | None = None,
    funder: str | None = None,
    materiality: Materiality | None = None,
    comments: list[VarianceComment] | None = None,
    version: str = "",
) -> pd.DataFrame:
    """Forecast vs actual by CERFA heading for one project (analytic code) or the whole structure.

    With ``funder`` (and no ``analytic``), the report covers the projects
    that funder finances: the analytic codes of its grant lines (the whole
    structure when its grants carry no code).

    Returns:
        Rows in the form's order: charges 60…68, total charges, 86,
        total; income 70…78 (74 detailed by funder), total income, 87,
        total. Columns :data:`CERFA_COLUMNS`; ``variance`` = actual −
        forecast; ``flagged`` marks the gaps to explain (materiality
        thresholds); ``explanation`` comes from the dossier's comments: the
        ones the variance screen keeps for that heading (or funder), period,
        scope and budget ``version`` (:func:`explanation_key`), else one
        written by the first version of this report.

    Example:
        >>> from essdiag.budget.section import BudgetLine, BudgetSection
        >>> from essdiag.budget.variance import attribute_actuals
        >>> from essdiag.periods import FiscalYear
        >>> fy = FiscalYear(label_year=2026)
        >>> s = BudgetSection(lines=[BudgetLine(account="606", months=[100.0] * 12),
        ...     BudgetLine(account="74", funder="Région", months=[100.0] * 12)])
        >>> empty = pd.DataFrame({"month": [], "account": [], "analytic": [], "amount_cents": []})
        >>> t = cerfa15059_table(attribute_actuals(s, fy, empty), Period.of(fy, "year"))
        >>> t.loc[t["code"] == "74:Région", ["budget", "actual"]].values.tolist()
        [[1200.0, 0.0]]
    """
    materiality = materiality or Materiality()
    part = attributed[attributed["month"].isin(period.months)]
    if analytic is None and funder:
        codes = set(attributed.loc[attributed["funder"] == funder, "analytic"]) - {""}
        if codes:
            part = part[part["analytic"].isin(codes)]
    if analytic is not None:
        part = part[part["analytic"] == analytic]
    cents = ["budget_cents", "actual_cents"]
    sums = part.groupby("heading")[cents].sum()
    grants = part[part["heading"] == "74"].groupby("funder")[cents].sum()
    legacy = comment_level(analytic or (f"financeur:{funder}" if funder else None))
    old = {(c.key, c.period): c.text for c in comments or [] if c.level == legacy}
    scope = scope_key(analytic, funder)
    shared = {
        level: comment_texts(comments or [], level, period.key, scope, version)
        for level in ("heading", "funder")
    }

    def note(code: str) -> str:
        level, key = explanation_key(code)
        return shared[level].get(key) or old.get((code, period.key), "")

    rows: list[dict[str, object]] = []

    def add(
        section: str, code: str, label: str, budget_c: float, actual_c: float, *, total: bool
    ) -> None:
        budget = round(budget_c) / 100
        actual = round(actual_c) / 100
        variance = (round(actual_c) - round(budget_c)) / 100
        pct = variance / abs(budget) if abs(budget) > 0 else float("nan")
        rows.append(
            {
                "section": section,
                "code": code,
                "label": label,
                "budget": budget,
                "actual": actual,
                "variance": variance,
                "variance_pct": pct,
                "flagged": (not total) and flag_material(variance, pct, materiality),
                "explanation": note(code),
                "total": total,
            }
        )

    def value(head: str, col: str) -> float:
        return float(sums[col].get(head, 0.0)) if head in sums.index else 0.0

    charge_b = charge_a = 0.0
    for head, label in {**CHARGE_HEADINGS, "69": HEADINGS["69"]}.items():
        b, a = value(head, "budget_cents"), value(head, "actual_cents")
        charge_b, charge_a = charge_b + b, charge_a + a
        add("charges", head, label, b, a, total=False)
    add("charges", "TC", N_("Total des charges"), charge_b, charge_a, total=True)
    b86, a86 = value("86", "budget_cents"), value("86", "actual_cents")
    add("charges", "86", HEADINGS["86"], b86, a86, total=False)
    add(
        "charges",
        "TCC",
        N_("Total (charges + contributions en nature)"),
        charge_b + b86,
        charge_a + a86,
        total=True,
    )
    income_b = income_a = 0.0
    for head, label in {**INCOME_HEADINGS, "79": HEADINGS["79"]}.items():
        b, a = value(head, "budget_cents"), value(head, "actual_cents")
        income_b, income_a = income_b + b, income_a + a
        add("produits", head, label, b, a, total=False)
        if head == "74":
            for name, rec in grants.iterrows():
                if str(name):
                    add(
                        "produits",
                        f"74:{name}",
                        f"   {name}",
                        float(rec["budget_cents"]),
                        float(rec["actual_cents"]),
                        total=False,
                    )
    add("produits", "TP", N_("Total des produits"), income_b, income_a, total=True)
    b87, a87 = value("87", "budget_cents"), value("87", "actual_cents")
    add("produits", "87", HEADINGS["87"], b87, a87, total=False)
    add(
        "produits",
        "TPC",
        N_("Total (produits + contributions en nature)"),
        income_b + b87,
        income_a + a87,
        total=True,
    )
    out = pd.DataFrame(rows, columns=list(CERFA_COLUMNS))
    for c in ("section", "code", "label", "explanation"):
        out[c] = out[c].astype("str")
    for c in ("budget", "actual", "variance", "variance_pct"):
        out[c] = out[c].astype("float64")
    out["flagged"] = out["flagged"].astype(bool)
    out["total"] = out["total"].astype(bool)
    # Empty detail lines are left out (the form lists only what is used).
    empty = (out["budget"] == 0) & (out["actual"] == 0) & ~out["total"]
    return out[~np.asarray(empty)].reset_index(drop=True)
