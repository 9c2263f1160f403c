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

References:
    The three methods are the usual ones of management control ("reste à
    faire budgété", extrapolation linéaire, saisonnalité N−1); see e.g. the
    CNAR / France Active guides on the "suivi budgétaire" of associations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from essdiag.budget.variance import Level, _key_label
from essdiag.figures import Figure, Input
from essdiag.i18n import N_
from essdiag.periods import FiscalYear

__all__ = [
    "METHODS",
    "cumulative_series",
    "heading_seasonality",
    "landing_forecast",
    "landing_results",
]

METHODS: dict[str, str] = {
    "landing_budget": N_("Réalisé + budget restant"),
    "landing_runrate": N_("Rythme constaté"),
    "landing_seasonal": N_("Saisonnalité N−1"),
}
"""Landing methods with their French names."""


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
    level: Level = "heading",
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
    key, label = _key_label(level, lines)
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


def landing_results(
    landing: pd.DataFrame, through: str, *, seasonality_known: bool = True
) -> dict[str, Figure]:
    """Year-end result (income − charges) for the budget and each landing method, with working.

    Without last year's actuals (``seasonality_known`` false) the seasonal
    method has no answer: its figure says why instead of repeating the run-rate.

    Example:
        >>> t = pd.DataFrame({"kind": ["charge", "income"], "budget_year": [100.0, 110.0],
        ...     "landing_budget": [90.0, 110.0], "landing_runrate": [80.0, 100.0],
        ...     "landing_seasonal": [95.0, 100.0]})
        >>> {k: f.value for k, f in landing_results(t, "2026-06").items()}
        {'budget_year': 10.0, 'landing_budget': 20.0, 'landing_runrate': 20.0, 'landing_seasonal': 5.0}
    """
    names = {"budget_year": N_("Résultat budgété"), **METHODS}
    out: dict[str, Figure] = {}
    for col, name in names.items():
        income = float(landing.loc[landing["kind"] == "income", col].sum())
        charges = float(landing.loc[landing["kind"] == "charge", col].sum())
        missing = col == "landing_seasonal" and not seasonality_known
        out[col] = Figure.of(
            name,
            None if missing else round(income - charges, 2),
            "EUR",
            N_("produits (70–79) − charges (60–69)"),
            [
                Input.of(N_("Produits"), round(income, 2), "EUR"),
                Input.of(N_("Charges"), round(charges, 2), "EUR"),
                Input.of(N_("Réalisé jusqu'au mois"), through),
            ],
            reason=N_("pas de réalisé de l'exercice précédent : saisonnalité non calculable")
            if missing
            else None,
            references=(N_("Atterrissage : réalisé à date + méthode de projection choisie"),),
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
    ``landing``, cumulative euros.
    """
    months = fiscal_year.month_keys()
    k = months.index(through) + 1
    part = attributed[attributed["kind"].isin(("charge", "income"))]
    sign = np.where(part["kind"] == "income", 1.0, -1.0)
    if measure == "charges":
        sign = np.where(part["kind"] == "charge", 1.0, 0.0)
    elif measure == "income":
        sign = np.where(part["kind"] == "income", 1.0, 0.0)
    work = pd.DataFrame(
        {
            "month": part["month"],
            "budget": part["budget"].to_numpy() * sign,
            "actual": part["actual"].to_numpy() * sign,
        }
    )
    monthly = work.groupby("month")[["budget", "actual"]].sum().reindex(months, fill_value=0.0)
    budget = monthly["budget"].to_numpy(dtype=float)
    actual = monthly["actual"].to_numpy(dtype=float)
    landing = np.where(np.arange(12) < k, actual, budget)
    actual_cum = np.cumsum(actual)
    actual_cum = np.where(np.arange(12) < k, actual_cum, np.nan)
    return pd.DataFrame(
        {
            "month": pd.Series(months, dtype="str"),
            "budget": np.round(np.cumsum(budget), 2),
            "actual": np.round(actual_cum, 2),
            "landing": np.round(np.cumsum(landing), 2),
        }
    )
