"""Landing forecast (atterrissage): where the year will end, by three methods side by side.

With actuals through month k of the fiscal year (A = actual to date, B =
annual budget, B_k = budget to date):

* **budget** — actual to date + remaining budget: A + (B − B_k);
* **run-rate** — the pace so far continues: A × 12 / k;
* **seasonality** — last year's monthly profile: A / s_k, where s_k is the
  share of last year's actual made in the same first k months (per heading);
  when s_k ≤ 0 the run-rate is used for that line.

Each method is computed per budget line (see
:func:`~essdiag.budget.variance.attribute_actuals`) and summed to the level
asked; the year-end result is income − charges (classes 70–79 and 60–69).

A landing is a projection: this module computes in float euros (the actuals'
cents divided by 100) and rounds its results to the cent.

References:
    The three methods are the usual ones of management control ("reste à
    faire budgété", extrapolation linéaire, saisonnalité N−1); see e.g. the
    CNAR / France Active guides on the "suivi budgétaire" of associations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from essdiag.budget.variance import Level, level_keys
from essdiag.figures import Figure, Input, Tone
from essdiag.i18n import N_, LabelledEnum
from essdiag.periods import FiscalYear

__all__ = [
    "Method",
    "cumulative_series",
    "heading_seasonality",
    "landing_forecast",
    "landing_results",
]


class Method(LabelledEnum):
    """Landing methods; the value is the column of :func:`landing_forecast` they fill."""

    BUDGET = "landing_budget", N_("Réalisé + budget restant")
    RUNRATE = "landing_runrate", N_("Rythme constaté")
    SEASONAL = "landing_seasonal", N_("Saisonnalité N−1")


_FORMULAS: dict[Method, str] = {
    Method.BUDGET: N_(
        "produits − charges, chaque ligne projetée par : réalisé à date + (budget annuel − "
        "budget à date)"
    ),
    Method.RUNRATE: N_(
        "produits − charges, chaque ligne projetée par : réalisé à date × 12 / mois écoulés"
    ),
    Method.SEASONAL: N_(
        "produits − charges, chaque ligne projetée par : réalisé à date ÷ part de l'année N−1 "
        "faite à la même date (par rubrique)"
    ),
}
"""The working of each method, as the screen and the exports show it."""


def heading_seasonality(last_year_actuals: pd.DataFrame, last_year: FiscalYear) -> pd.DataFrame:
    """Cumulative share of last year's actual by heading and month position.

    Returns a frame indexed by heading with columns 1 … 12: the share of the
    year's actual made in the first k months (NaN when last year's total ≤ 0).
    """
    months = last_year.month_keys()
    pos = {m: i for i, m in enumerate(months)}
    part = last_year_actuals[last_year_actuals["month"].isin(months)]
    work = pd.DataFrame(
        {
            "heading": part["account"].astype("str").str.slice(0, 2),
            "pos": part["month"].map(pos).astype("int64"),
            "amount": part["amount_cents"].astype("float64"),
        }
    )
    table = work.pivot_table(
        index="heading", columns="pos", values="amount", aggfunc="sum", fill_value=0.0
    )
    table = table.reindex(columns=range(12), fill_value=0.0)
    cum = table.cumsum(axis=1)
    total = cum[11]
    shares = cum.div(total.where(total > 0), axis=0)
    shares.columns = list(range(1, 13))
    return shares


def landing_forecast(
    attributed: pd.DataFrame,
    fiscal_year: FiscalYear,
    through: str,
    level: Level | str = Level.HEADING,
    *,
    seasonality: pd.DataFrame | None = None,
    kinds: tuple[str, ...] = ("charge", "income"),
) -> pd.DataFrame:
    """Year-end landing by the three methods, per line of a level.

    Parameters:
        attributed: :func:`~essdiag.budget.variance.attribute_actuals`.
        through: last month with actuals ("YYYY-MM").
        seasonality: :func:`heading_seasonality` of last year (the seasonal
            method falls back to the run-rate where it is missing).

    Returns:
        One row per (kind, key): ``budget_year``, ``budget_to_date``,
        ``actual_to_date``, ``landing_budget``, ``landing_runrate``,
        ``landing_seasonal`` (euros) and ``seasonal_fallback`` (True when the
        run-rate replaced the seasonality for part of the line).

    Example:
        >>> from essdiag.budget.section import BudgetLine, BudgetSection
        >>> from essdiag.budget.variance import attribute_actuals
        >>> fy = FiscalYear(label_year=2026)
        >>> s = BudgetSection(lines=[BudgetLine(account="606", months=[100.0] * 12)])
        >>> act = pd.DataFrame({"month": ["2026-01", "2026-02", "2026-03"],
        ...     "account": ["606"] * 3, "analytic": [""] * 3, "amount_cents": [12000] * 3})
        >>> t = landing_forecast(attribute_actuals(s, fy, act), fy, "2026-03")
        >>> t[["landing_budget", "landing_runrate", "landing_seasonal"]].values.tolist()
        [[1260.0, 1440.0, 1440.0]]
    """
    months = fiscal_year.month_keys()
    if through not in months:
        raise ValueError(f"month {through!r} is not in fiscal year {fiscal_year.label_year}")
    k = months.index(through) + 1
    done = set(months[:k])
    part = attributed[attributed["kind"].isin(kinds)]
    if level == "funder":
        part = part[part["funder"] != ""]
    to_date = part["month"].isin(done)
    per_line = pd.DataFrame(
        {
            "line": part["line"],
            "account": part["account"],
            "analytic": part["analytic"],
            "kind": part["kind"],
            "heading": part["heading"],
            "funder": part["funder"],
            "label": part["label"],
            "budget_year": part["budget"],
            "budget_to_date": part["budget"].where(to_date, 0.0),
            "actual_to_date": part["actual"].where(to_date, 0.0),
        }
    )
    lines = per_line.groupby(
        ["line", "account", "analytic", "kind", "heading", "funder", "label"], sort=False
    )[["budget_year", "budget_to_date", "actual_to_date"]].sum()
    lines = lines.reset_index()
    a = lines["actual_to_date"].to_numpy(dtype=float)
    b = lines["budget_year"].to_numpy(dtype=float)
    bk = lines["budget_to_date"].to_numpy(dtype=float)
    lines["landing_budget"] = a + (b - bk)
    runrate = a * 12.0 / k
    lines["landing_runrate"] = runrate
    share = np.full(len(lines), np.nan)
    if seasonality is not None and k in seasonality.columns:
        share = lines["heading"].map(seasonality[k]).to_numpy(dtype=float)
    usable = np.isfinite(share) & (share > 0)
    lines["landing_seasonal"] = np.where(usable, a / np.where(usable, share, 1.0), runrate)
    lines["seasonal_fallback"] = ~usable & (a != 0)
    key, label = level_keys(level, lines)
    lines["key"] = key
    lines["key_label"] = label
    cols = [
        "budget_year",
        "budget_to_date",
        "actual_to_date",
        "landing_budget",
        "landing_runrate",
        "landing_seasonal",
    ]
    out = lines.groupby(["kind", "key"], sort=True).agg(
        label=("key_label", "first"),
        seasonal_fallback=("seasonal_fallback", "any"),
        **{c: (c, "sum") for c in cols},
    )
    out = out.reset_index()
    out[cols] = out[cols].round(2)
    out["label"] = out["label"].where(out["label"] != "", out["key"])
    return out


def _budget_reading(result: float) -> tuple[str, Tone]:
    if result >= 0.5:
        return N_("excédent de {amount} € prévu"), "neutral"
    if result <= -0.5:
        return N_("déficit de {amount} € prévu"), "watch"
    return N_("budget à l'équilibre"), "good"


def _landing_reading(landing: float, budget: float) -> tuple[str, Tone]:
    """Favourable when the year ends above the budgeted result, unfavourable below."""
    if landing - budget >= 0.5:
        return N_("favorable : {amount} € au-dessus du résultat budgété"), "good"
    if landing - budget <= -0.5:
        return N_("défavorable : {amount} € en dessous du résultat budgété"), "alert"
    return N_("conforme au résultat budgété"), "neutral"


def landing_results(
    landing: pd.DataFrame, through: str, *, seasonality_known: bool = True
) -> dict[str, Figure]:
    """Year-end result (income − charges) for the budget and each landing method, with working.

    Keys: ``budget_year`` then the :class:`Method` values. Each landing reads
    favourable or unfavourable against the budgeted result (by whole euros).
    Without last year's actuals (``seasonality_known`` false) the seasonal
    method has no answer: its figure says why instead of repeating the run-rate.

    Example:
        >>> t = pd.DataFrame({"kind": ["charge", "income"], "budget_year": [100.0, 110.0],
        ...     "landing_budget": [90.0, 110.0], "landing_runrate": [80.0, 100.0],
        ...     "landing_seasonal": [95.0, 100.0]})
        >>> r = landing_results(t, "2026-06")
        >>> {k: f.value for k, f in r.items()}
        {'budget_year': 10.0, 'landing_budget': 20.0, 'landing_runrate': 20.0, 'landing_seasonal': 5.0}
        >>> r["landing_seasonal"].tone, r["landing_budget"].tone
        ('alert', 'good')
    """

    def side(col: str, kind: str) -> float:
        return float(landing.loc[landing["kind"] == kind, col].sum())

    def inputs(col: str) -> list[Input]:
        return [
            Input.of(N_("Produits"), round(side(col, "income"), 2), "EUR"),
            Input.of(N_("Charges"), round(side(col, "charge"), 2), "EUR"),
            Input.of(N_("Réalisé jusqu'au mois"), through),
        ]

    budget = round(side("budget_year", "income") - side("budget_year", "charge"), 2)
    reading, tone = _budget_reading(budget)
    out: dict[str, Figure] = {
        "budget_year": Figure.of(
            N_("Résultat budgété"),
            budget,
            "EUR",
            N_("produits (70–79) − charges (60–69)"),
            inputs("budget_year"),
            references=(N_("Budget annuel de l'exercice, toutes lignes de charges et produits"),),
            reading=reading,
            reading_params={"amount": round(abs(budget))},
            tone=tone,
        )
    }
    for method in Method:
        col = str(method)
        missing = method is Method.SEASONAL and not seasonality_known
        value = round(side(col, "income") - side(col, "charge"), 2)
        reading, tone = _landing_reading(value, budget)
        out[col] = Figure.of(
            method.label,
            None if missing else value,
            "EUR",
            _FORMULAS[method],
            [*inputs(col), Input.of(N_("Résultat budgété"), budget, "EUR")],
            reason=N_("pas de réalisé de l'exercice précédent : saisonnalité non calculable")
            if missing
            else None,
            references=(
                N_("Atterrissage : réalisé à date + méthode de projection choisie"),
                N_(
                    "Méthodes usuelles du contrôle de gestion (reste à faire budgété, "
                    "extrapolation linéaire, saisonnalité N−1) ; guides CNAR / France Active "
                    "du suivi budgétaire des associations"
                ),
            ),
            reading=reading,
            reading_params={"amount": round(abs(value - budget))},
            tone=tone,
        )
    return out


def cumulative_series(
    attributed: pd.DataFrame,
    fiscal_year: FiscalYear,
    through: str,
    measure: str = "result",
) -> pd.DataFrame:
    """Cumulative budget, actual and landing (actual + remaining budget) month by month.

    ``measure``: ``result`` (income − charges), ``charges`` or ``income``.
    Returns ``month``, ``budget``, ``actual`` (NaN after ``through``) and
    ``landing``, cumulative euros, added up in cents (the budget's and the
    actuals' as :func:`~essdiag.budget.variance.attribute_actuals` gives them)
    and rounded to the cent.
    """
    months = fiscal_year.month_keys()
    k = months.index(through) + 1
    part = attributed[attributed["kind"].isin(("charge", "income"))]
    sign = np.where(part["kind"] == "income", 1, -1)
    if measure == "charges":
        sign = np.where(part["kind"] == "charge", 1, 0)
    elif measure == "income":
        sign = np.where(part["kind"] == "income", 1, 0)
    work = pd.DataFrame(
        {
            "month": part["month"],
            "budget": part["budget_cents"].to_numpy(dtype=np.int64) * sign,
            "actual": part["actual_cents"].to_numpy(dtype=np.float64) * sign,
        }
    )
    monthly = work.groupby("month")[["budget", "actual"]].sum().reindex(months, fill_value=0)
    budget = monthly["budget"].to_numpy(dtype=np.float64)
    actual = monthly["actual"].to_numpy(dtype=np.float64)
    done = np.arange(12) < k
    landing = np.where(done, actual, budget)
    actual_cum = np.where(done, np.rint(np.cumsum(actual)), np.nan)
    return pd.DataFrame(
        {
            "month": pd.Series(months, dtype="str"),
            "budget": np.rint(np.cumsum(budget)) / 100,
            "actual": actual_cum / 100,
            "landing": np.rint(np.cumsum(landing)) / 100,
        }
    )
