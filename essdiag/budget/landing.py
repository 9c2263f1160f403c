"""Landing forecast (atterrissage): where the year will end, by three methods side by side.

With actuals through month k of the fiscal year (A = actual to date, B =
annual budget, B_k = budget to date, R = B − B_k the remaining budget):

* **budget** — actual to date + remaining budget: A + R;
* **run-rate** — the pace so far continues: A × 12 / k;
* **seasonality** — last year's monthly profile: A ÷ s_k, where s_k is the
  share of last year's actual made in the same first k months (per heading);
  when s_k is unknown or ≤ 0 the run-rate is used for that line.

A line with no actual yet whose budget falls later in the year (year-end
depreciation 68, interest 76: nothing expected to date, B_k = 0) would vanish
from the run-rate and the seasonality (A = 0): those methods use its
remaining budget R instead, and the line says so (``runrate_note``,
``seasonal_note``).

Each method is computed per budget line (see
:func:`~essdiag.budget.variance.attribute_actuals`) by :func:`line_landing`,
then summed to the level asked (:func:`landing_forecast`); the year-end result
(:func:`landing_results`) is summed from the lines' unrounded values and
rounded once, so it is the same whatever the level shown. A landing is a
projection: this module computes in float euros (the actuals' cents divided
by 100).

References:
    The three methods are the usual ones of management control ("reste à
    faire budgété", extrapolation linéaire, saisonnalité N−1); see e.g. the
    CNAR / France Active guides on the "suivi budgétaire" of associations.
"""

from __future__ import annotations

import math
from typing import Final

import numpy as np
import pandas as pd

from essdiag.budget.variance import Level, level_keys
from essdiag.figures import Figure, Input, Tone
from essdiag.i18n import N_, LabelledEnum, Money, MonthKey
from essdiag.periods import FiscalYear

__all__ = [
    "FORMULAS",
    "Method",
    "Note",
    "cumulative_series",
    "heading_seasonality",
    "landing_forecast",
    "landing_results",
    "line_figures",
    "line_landing",
]


class Method(LabelledEnum):
    """Landing methods; the value is the column of :func:`landing_forecast` they fill."""

    BUDGET = "landing_budget", N_("Réalisé + budget restant")
    RUNRATE = "landing_runrate", N_("Rythme constaté")
    SEASONAL = "landing_seasonal", N_("Saisonnalité N−1")


class Note(LabelledEnum):
    """Why a line's landing by a method is not that method's own formula."""

    NONE = "", N_("formule de la méthode")
    REMAINING = "remaining", N_("pas encore de réalisé, budget prévu plus tard : budget restant")
    RUNRATE = "runrate", N_("part N−1 inconnue pour cette rubrique : rythme constaté")


FORMULAS: Final[dict[Method, str]] = {
    Method.BUDGET: N_("réalisé à date + (budget annuel − budget à date)"),
    Method.RUNRATE: N_("réalisé à date × 12 / mois écoulés"),
    Method.SEASONAL: N_("réalisé à date ÷ part de l'année N−1 faite à la même date (par rubrique)"),
}
"""The formula of each method for one line."""

_RESULT_FORMULAS: Final[dict[Method, str]] = {
    Method.BUDGET: N_(
        "produits − charges, chaque ligne projetée par : réalisé à date + (budget annuel − "
        "budget à date)"
    ),
    Method.RUNRATE: N_(
        "produits − charges, chaque ligne projetée par : réalisé à date × 12 / mois écoulés "
        "(budget restant pour une ligne sans réalisé encore, prévue plus tard)"
    ),
    Method.SEASONAL: N_(
        "produits − charges, chaque ligne projetée par : réalisé à date ÷ part de l'année N−1 "
        "faite à la même date (par rubrique ; budget restant pour une ligne sans réalisé "
        "encore, prévue plus tard)"
    ),
}
"""The working of each method's result, as the screen and the exports show it."""

_KEYS: Final = ["line", "account", "analytic", "kind", "heading", "funder", "label"]


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


def line_landing(
    attributed: pd.DataFrame,
    fiscal_year: FiscalYear,
    through: str,
    *,
    seasonality: pd.DataFrame | None = None,
    kinds: tuple[str, ...] = ("charge", "income"),
) -> pd.DataFrame:
    """The landing of every budget line (and unbudgeted account) by the three methods.

    Returns:
        One row per line: ``line``, ``account``, ``analytic``, ``kind``,
        ``heading``, ``funder``, ``label``, ``budget_year`` (B),
        ``budget_to_date`` (B_k), ``remaining`` (R), ``actual_to_date`` (A),
        ``months`` (k), ``share`` (s_k, NaN when unknown), the three landings
        (unrounded euros) and ``runrate_note`` / ``seasonal_note``
        (:class:`Note` values) where a line did not use its method's formula.

    Example:
        >>> from essdiag.budget.section import BudgetLine, BudgetSection
        >>> from essdiag.budget.variance import attribute_actuals
        >>> fy = FiscalYear(label_year=2026)
        >>> s = BudgetSection(lines=[BudgetLine(account="606", months=[100.0] * 12),
        ...     BudgetLine(account="681", months=[0.0] * 11 + [900.0])])
        >>> act = pd.DataFrame({"month": ["2026-01", "2026-02", "2026-03"],
        ...     "account": ["606"] * 3, "analytic": [""] * 3, "amount_cents": [12000] * 3})
        >>> t = line_landing(attribute_actuals(s, fy, act), fy, "2026-03")
        >>> t[["account", "landing_budget", "landing_runrate", "runrate_note"]].values.tolist()
        [['606', 1260.0, 1440.0, ''], ['681', 900.0, 900.0, 'remaining']]
    """
    months = fiscal_year.month_keys()
    if through not in months:
        raise ValueError(f"month {through!r} is not in fiscal year {fiscal_year.label_year}")
    k = months.index(through) + 1
    part = attributed[attributed["kind"].isin(kinds)]
    to_date = part["month"].isin(set(months[:k]))
    per_month = pd.DataFrame(
        {
            **{c: part[c] for c in _KEYS},
            "budget_year": part["budget_cents"].astype("float64"),
            "budget_to_date": part["budget_cents"].where(to_date, 0).astype("float64"),
            "actual_to_date": part["actual_cents"].where(to_date, 0.0).astype("float64"),
        }
    )
    lines = per_month.groupby(_KEYS, sort=False)[
        ["budget_year", "budget_to_date", "actual_to_date"]
    ].sum()
    lines = (lines / 100).reset_index()
    a = lines["actual_to_date"].to_numpy(dtype=float)
    b = lines["budget_year"].to_numpy(dtype=float)
    bk = lines["budget_to_date"].to_numpy(dtype=float)
    remaining = b - bk
    later = (np.abs(a) < 0.005) & (np.abs(bk) < 0.005) & (np.abs(remaining) >= 0.005)
    runrate = np.where(later, remaining, a * 12.0 / k)
    share = np.full(len(lines), np.nan)
    if seasonality is not None and k in seasonality.columns:
        share = lines["heading"].map(seasonality[k]).to_numpy(dtype=float)
    usable = np.isfinite(share) & (share > 0)
    seasonal = np.where(usable, a / np.where(usable, share, 1.0), runrate)
    seasonal = np.where(later, remaining, seasonal)
    lines["remaining"] = remaining
    lines["months"] = k
    lines["share"] = share
    lines["landing_budget"] = a + remaining
    lines["landing_runrate"] = runrate
    lines["landing_seasonal"] = seasonal
    lines["runrate_note"] = np.where(later, str(Note.REMAINING), str(Note.NONE))
    lines["seasonal_note"] = np.where(
        later,
        str(Note.REMAINING),
        np.where(~usable & (np.abs(a) >= 0.005), str(Note.RUNRATE), str(Note.NONE)),
    )
    return lines


def landing_forecast(
    attributed: pd.DataFrame,
    fiscal_year: FiscalYear,
    through: str,
    level: Level | str = Level.HEADING,
    *,
    seasonality: pd.DataFrame | None = None,
    kinds: tuple[str, ...] = ("charge", "income"),
    lines: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Year-end landing by the three methods, per line of a level.

    Parameters:
        attributed: :func:`~essdiag.budget.variance.attribute_actuals`.
        through: last month with actuals ("YYYY-MM").
        seasonality: :func:`heading_seasonality` of last year (the seasonal
            method falls back to the run-rate where it is missing).
        lines: :func:`line_landing` when already computed.

    Returns:
        One row per (kind, key): ``budget_year``, ``budget_to_date``,
        ``remaining``, ``actual_to_date``, ``landing_budget``,
        ``landing_runrate``, ``landing_seasonal`` (unrounded euros: a view
        rounds them when it shows them), ``seasonal_fallback`` (True when the
        run-rate replaced the seasonality for part of the row) and
        ``remaining_lines`` (lines projected at their remaining budget).

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
    if lines is None:
        lines = line_landing(attributed, fiscal_year, through, seasonality=seasonality, kinds=kinds)
    part = lines
    if level == "funder":
        part = part[part["funder"] != ""]
    key, label = level_keys(level, part)
    work = part.assign(
        key=key,
        key_label=label,
        seasonal_fallback=part["seasonal_note"] == str(Note.RUNRATE),
        remaining_lines=(part["runrate_note"] == str(Note.REMAINING)).astype("int64"),
    )
    cols = [
        "budget_year",
        "budget_to_date",
        "remaining",
        "actual_to_date",
        "landing_budget",
        "landing_runrate",
        "landing_seasonal",
    ]
    out = work.groupby(["kind", "key"], sort=True).agg(
        label=("key_label", "first"),
        seasonal_fallback=("seasonal_fallback", "any"),
        remaining_lines=("remaining_lines", "sum"),
        **{c: (c, "sum") for c in cols},
    )
    out = out.reset_index()
    out["label"] = out["label"].where(out["label"] != "", out["key"])
    return out


def _budget_reading(result: float) -> tuple[str, Tone]:
    if result >= 0.5:
        return N_("excédent de {amount} prévu"), "neutral"
    if result <= -0.5:
        return N_("déficit de {amount} prévu"), "watch"
    return N_("budget à l'équilibre"), "good"


def _landing_reading(landing: float, budget: float) -> tuple[str, Tone]:
    """Favourable when the year ends above the budgeted result, unfavourable below."""
    if landing - budget >= 0.5:
        return N_("favorable : {amount} au-dessus du résultat budgété"), "good"
    if landing - budget <= -0.5:
        return N_("défavorable : {amount} en dessous du résultat budgété"), "alert"
    return N_("conforme au résultat budgété"), "neutral"


def _euros(value: float) -> Money:
    """A projection rounded once, to the cent, for a message."""
    return Money.of_cents(round(value * 100))


def _sum(lines: pd.DataFrame, col: str, kind: str) -> float:
    return math.fsum(lines.loc[lines["kind"] == kind, col].to_numpy(dtype=float))


def _cents(value: float) -> float:
    """Euros rounded once to the cent (half away from zero)."""
    return math.copysign(math.floor(abs(value) * 100 + 0.5), value) / 100


def landing_results(
    lines: pd.DataFrame,
    through: str,
    *,
    seasonality_known: bool = True,
    scope: str | None = None,
    scope_params: dict[str, object] | None = None,
) -> dict[str, Figure]:
    """Year-end result (income − charges) for the budget and each landing method, with working.

    ``lines`` is :func:`line_landing` (a :func:`landing_forecast` at any
    level gives the same totals): each total is summed from the unrounded
    values of the lines and rounded once. Keys: ``budget_year`` then the
    :class:`Method` values. Each landing reads favourable or unfavourable
    against the budgeted result (by whole euros); a zero gap is neither.
    Without last year's actuals (``seasonality_known`` false) the seasonal
    method has no answer: its figure says why instead of repeating the
    run-rate. ``scope`` names the fiscal year and who it covers.

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
    scope_params = scope_params or {}

    def remaining_of(col: str) -> float:
        note_col = {"landing_runrate": "runrate_note", "landing_seasonal": "seasonal_note"}.get(col)
        if note_col is None or note_col not in lines:
            return 0.0
        later = lines[lines[note_col] == str(Note.REMAINING)]
        return math.fsum(
            np.where(later["kind"] == "income", 1.0, -1.0) * later["remaining"].to_numpy(float)
        )

    def inputs(col: str) -> list[Input]:
        found = [
            Input.of(N_("Produits projetés"), _cents(_sum(lines, col, "income")), "EUR"),
            Input.of(N_("Charges projetées"), _cents(_sum(lines, col, "charge")), "EUR"),
            Input.of(N_("Réalisé jusqu'au mois"), MonthKey(through)),
        ]
        later = remaining_of(col)
        if later:
            found.append(
                Input.of(
                    N_("dont lignes sans réalisé encore, projetées à leur budget restant (net)"),
                    _cents(later),
                    "EUR",
                )
            )
        return found

    budget = _cents(_sum(lines, "budget_year", "income") - _sum(lines, "budget_year", "charge"))
    reading, tone = _budget_reading(budget)
    out: dict[str, Figure] = {
        "budget_year": Figure.of(
            N_("Résultat budgété de l'exercice"),
            budget,
            "EUR",
            N_("produits (70–79) − charges (60–69) du budget annuel"),
            inputs("budget_year")[:2],
            references=(N_("Budget annuel de l'exercice, toutes lignes de charges et produits"),),
            reading=reading,
            reading_params={"amount": _euros(abs(budget))},
            tone=tone,
            scope=scope,
            scope_params=scope_params,
        )
    }
    for method in Method:
        col = str(method)
        missing = method is Method.SEASONAL and not seasonality_known
        value = _cents(_sum(lines, col, "income") - _sum(lines, col, "charge"))
        reading, tone = _landing_reading(value, budget)
        out[col] = Figure.of(
            method.label,
            None if missing else value,
            "EUR",
            _RESULT_FORMULAS[method],
            [*inputs(col), Input.of(N_("Résultat budgété de l'exercice"), budget, "EUR")],
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
            reading_params={"amount": _euros(abs(value - budget))},
            tone=tone,
            scope=scope,
            scope_params=scope_params,
        )
    return out


def line_figures(row: pd.Series | dict[str, object]) -> dict[str, Figure]:
    """The landing of one line by each method, with its own formula and inputs.

    ``row`` is a row of :func:`line_landing` or of :func:`landing_forecast`
    (a key of a level: then its inputs are the sums of its lines).
    """
    get = row.get if isinstance(row, dict) else row.__getitem__

    def value(name: str) -> float:
        raw = get(name)
        return float(raw) if raw is not None else math.nan  # type: ignore[arg-type]

    a, b, bk = value("actual_to_date"), value("budget_year"), value("budget_to_date")
    k = int(value("months")) if "months" in row else None
    share = value("share") if "share" in row else math.nan
    out: dict[str, Figure] = {}
    for method in Method:
        note_name = {"landing_runrate": "runrate_note", "landing_seasonal": "seasonal_note"}.get(
            str(method)
        )
        note = Note(str(get(note_name))) if note_name and note_name in row else Note.NONE
        items = [
            Input.of(N_("Réalisé à date"), _cents(a), "EUR"),
            Input.of(N_("Budget annuel"), _cents(b), "EUR"),
            Input.of(N_("Budget à date"), _cents(bk), "EUR"),
            Input.of(N_("Budget restant"), _cents(b - bk), "EUR"),
        ]
        if k is not None and method is not Method.BUDGET:
            items.append(Input.of(N_("Mois écoulés"), k, "count"))
        if method is Method.SEASONAL and math.isfinite(share):
            items.append(Input.of(N_("Part de l'année N−1 faite à la même date"), share, "%"))
        formula = FORMULAS[method] if note is Note.NONE else note.label
        out[str(method)] = Figure.of(
            method.label,
            _cents(value(str(method))),
            "EUR",
            formula,
            items,
            reading=None if note is Note.NONE else note.label,
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
