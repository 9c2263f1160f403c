"""Budget against actuals: variance for any period and level, materiality, comments.

Where it sits: budget section → :func:`~essdiag.budget.model.budget_frame`;
ledger → :func:`~essdiag.ledger.monthly_activity`; both →
:func:`attribute_actuals` (actuals put on the budget's lines) →
:func:`variance_table` for a :class:`Period` and a level.

Sign rule (DOMAIN.md): every amount is positive when normal (charges on
class 6, income on class 7). Variance = actual − budget. For income an actual
above budget is favourable; for charges an actual below budget is favourable.

Attribution of actuals to budget lines:

1. an actual account goes to the budget key with the longest common prefix
   among the budget's accounts (actual ``606110`` → budget ``6061`` or
   ``60``); with no such key it stays on its own account, unbudgeted;
2. when several budget lines share that key (analytic codes, funders), an
   actual that carries an analytic code of one of them goes to it; otherwise
   it is spread over them in proportion to their annual budget (a
   budget-based allocation key, said in the page's working).
"""

from __future__ import annotations

import math
from typing import Final, Literal

import numpy as np
import pandas as pd

from essdiag.budget.model import budget_frame
from essdiag.budget.section import BudgetSection, Materiality, VarianceComment
from essdiag.budget.section.headings import HEADINGS, kind_of
from essdiag.i18n import N_
from essdiag.periods import FiscalYear, Period

__all__ = [
    "LEVELS",
    "Level",
    "attribute_actuals",
    "flag_material",
    "is_favourable",
    "variance_table",
]

Level = Literal["account", "heading", "analytic", "funder"]
LEVELS: Final[dict[str, str]] = {
    "heading": N_("Rubrique (60 … 78)"),
    "account": N_("Compte"),
    "analytic": N_("Code analytique"),
    "funder": N_("Financeur"),
}
"""Levels of detail with their French names."""

NO_CODE: Final = N_("(sans code)")


def _longest_prefix(accounts: list[str], keys: list[str]) -> dict[str, str | None]:
    """For each account, the key that is its longest prefix (or None)."""
    by_len = sorted(set(keys), key=len, reverse=True)
    out: dict[str, str | None] = {}
    for account in accounts:
        out[account] = next((k for k in by_len if account.startswith(k)), None)
    return out


def attribute_actuals(
    section: BudgetSection, fiscal_year: FiscalYear, actuals: pd.DataFrame
) -> pd.DataFrame:
    """Actuals put on the budget's lines, month by month (see the module docstring).

    Parameters:
        actuals: :func:`essdiag.ledger.monthly_activity` (``month``,
            ``account``, ``analytic``, ``amount_cents``).

    Returns:
        The lines of :func:`~essdiag.budget.model.budget_frame` (``line`` ≥ 0)
        plus unbudgeted pseudo-lines (``line`` = −1), with ``month``,
        ``budget`` and ``actual`` in euros: one row per line × month of the
        fiscal year. Σ actual = Σ actuals of the fiscal year.
    """
    months = fiscal_year.month_keys()
    bud = budget_frame(section, fiscal_year)
    actuals = pd.DataFrame(
        {
            "month": actuals["month"].astype("str"),
            "account": actuals["account"].astype("str"),
            "analytic": actuals["analytic"].fillna("").astype("str"),
            "amount_cents": actuals["amount_cents"].astype("int64"),
        }
    )
    act = actuals[actuals["month"].isin(months)]
    act = act.groupby(["account", "analytic"], sort=True)[["amount_cents"]].sum().reset_index()
    monthly = actuals[actuals["month"].isin(months)]
    lines = pd.DataFrame(
        {
            "line": pd.Series(range(len(section.lines)), dtype="int64"),
            "account": pd.Series([ln.account for ln in section.lines], dtype="str"),
            "analytic": pd.Series([ln.analytic for ln in section.lines], dtype="str"),
            "total": pd.Series([abs(ln.total) for ln in section.lines], dtype="float64"),
        }
    )
    keys = _longest_prefix(sorted(set(act["account"].astype("str"))), list(lines["account"]))
    # Weight of each budget line within its key, per actual (account, analytic).
    shares: list[tuple[str, str, int, float]] = []
    for account, analytic in zip(act["account"], act["analytic"], strict=True):
        key = keys[str(account)]
        if key is None:
            continue
        cands = lines[lines["account"] == key]
        exact = cands[cands["analytic"] == analytic] if analytic else cands.iloc[0:0]
        chosen = exact if len(exact) else cands
        weights = chosen["total"].to_numpy(dtype=float)
        if weights.sum() <= 0:
            weights = np.ones(len(chosen))
        for line, w in zip(chosen["line"], weights / weights.sum(), strict=True):
            shares.append((str(account), str(analytic), int(line), float(w)))
    share = pd.DataFrame(shares, columns=["account", "analytic", "line", "share"])
    share["account"] = share["account"].astype("str")
    share["analytic"] = share["analytic"].astype("str")
    m = monthly.merge(share, on=["account", "analytic"], how="left")
    matched = m[m["line"].notna()].copy()
    matched["actual"] = matched["amount_cents"] / 100 * matched["share"]
    on_lines = matched.groupby(["line", "month"], sort=False)["actual"].sum().reset_index()
    on_lines["line"] = on_lines["line"].astype("int64")
    out = bud.merge(on_lines, on=["line", "month"], how="left")
    out["actual"] = out["actual"].fillna(0.0)
    out = out.rename(columns={"amount": "budget"})
    # Unbudgeted actuals keep their own account as key.
    un = m[m["line"].isna()]
    if len(un):
        rows = un.groupby(["account", "analytic", "month"], sort=True)["amount_cents"].sum()
        rows = rows.reset_index()
        extra = pd.DataFrame(
            {
                "line": -1,
                "account": rows["account"].astype("str"),
                "heading": rows["account"].astype("str").str.slice(0, 2),
                "kind": [kind_of(str(a)) for a in rows["account"]],
                "analytic": rows["analytic"].astype("str"),
                "funder": "",
                "label": "",
                "month": rows["month"].astype("str"),
                "budget": 0.0,
                "actual": rows["amount_cents"].to_numpy() / 100,
            }
        )
        out = pd.concat([out, extra], ignore_index=True)
    out["line"] = out["line"].astype("int64")
    return out


def is_favourable(kind: str, variance: float) -> bool | None:
    """Favourable or not, by the sign rule of DOMAIN.md; None for other kinds.

    Example:
        >>> is_favourable("income", 10.0), is_favourable("charge", 10.0)
        (True, False)
    """
    if kind in ("income", "in_kind_source"):
        return variance >= 0
    if kind in ("charge", "in_kind_use"):
        return variance <= 0
    return None


def flag_material(variance: float, ratio: float, materiality: Materiality) -> bool:
    """True when a variance needs an explanation.

    Notes:
        |variance| ≥ absolute threshold and/or |variance / budget| ≥ relative
        threshold (``materiality.both`` says which); a line with no budget and
        an actual has an infinite ratio.

    Example:
        >>> flag_material(6000.0, 0.2, Materiality(absolute=5000, relative=0.1))
        True
        >>> flag_material(6000.0, 0.05, Materiality(absolute=5000, relative=0.1))
        False
    """
    over_abs = abs(variance) >= materiality.absolute
    over_rel = (math.isnan(ratio) and variance != 0) or abs(ratio) >= materiality.relative
    if abs(variance) < 0.005:
        return False
    return (over_abs and over_rel) if materiality.both else (over_abs or over_rel)


def _key_label(level: str, frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    if level == "heading":
        key = frame["heading"]
        label = key.map(lambda h: HEADINGS.get(str(h), str(h)))
    elif level == "account":
        key = frame["account"]
        label = frame["label"]
    elif level == "analytic":
        key = frame["analytic"].where(frame["analytic"] != "", NO_CODE)
        label = key
    else:
        key = frame["funder"]
        label = key
    return key.astype("str"), label.astype("str")


def variance_table(
    attributed: pd.DataFrame,
    period: Period,
    level: Level,
    *,
    materiality: Materiality | None = None,
    comments: list[VarianceComment] | None = None,
    kinds: tuple[str, ...] = ("charge", "income"),
) -> pd.DataFrame:
    """Budget, actual and variance per line of a level over a period.

    Parameters:
        attributed: :func:`attribute_actuals`.
        period: months to add up.
        level: account, heading, analytic or funder (funder keeps only lines
            with a funder).
        materiality: thresholds (defaults of :class:`Materiality`).
        comments: explanations kept in the dossier.
        kinds: which kinds of lines (charges and income by default; 86/87
            contributions in kind are left out).

    Returns:
        One row per (kind, key): ``kind``, ``key``, ``label``, ``budget``,
        ``actual``, ``variance`` = actual − budget, ``variance_pct`` =
        variance / |budget| (NaN when the budget is 0), ``favourable``
        (bool, or NA for other kinds), ``flagged`` and ``comment``;
        flagged lines first, then by |variance| descending.

    Example:
        >>> from essdiag.budget.section import BudgetLine
        >>> fy = FiscalYear(label_year=2026)
        >>> s = BudgetSection(lines=[BudgetLine(account="606", months=[100.0] * 12)])
        >>> act = pd.DataFrame({"month": ["2026-01"], "account": ["606"], "analytic": [""],
        ...                     "amount_cents": [15000]})
        >>> t = variance_table(attribute_actuals(s, fy, act), Period.of(fy, "month", "2026-01"),
        ...                    "heading", materiality=Materiality(absolute=10, relative=0.1))
        >>> t[["key", "budget", "actual", "variance", "favourable", "flagged"]].values.tolist()
        [['60', 100.0, 150.0, 50.0, False, True]]
    """
    materiality = materiality or Materiality()
    part = attributed[attributed["month"].isin(period.months) & attributed["kind"].isin(kinds)]
    if level == "funder":
        part = part[part["funder"] != ""]
    key, label = _key_label(level, part)
    work = pd.DataFrame(
        {
            "kind": part["kind"].astype("str"),
            "key": key,
            "label": label,
            "budget": part["budget"].astype("float64"),
            "actual": part["actual"].astype("float64"),
        }
    )
    grouped = work.groupby(["kind", "key"], sort=True).agg(
        label=("label", "first"), budget=("budget", "sum"), actual=("actual", "sum")
    )
    out = grouped.reset_index()
    out["budget"] = out["budget"].round(2)
    out["actual"] = out["actual"].round(2)
    out["variance"] = (out["actual"] - out["budget"]).round(2)
    budget_abs = out["budget"].abs()
    out["variance_pct"] = np.where(
        budget_abs > 0, out["variance"] / budget_abs.where(budget_abs > 0, 1.0), np.nan
    )
    out["favourable"] = pd.array(
        [is_favourable(k, v) for k, v in zip(out["kind"], out["variance"], strict=True)],
        dtype="boolean",
    )
    out["flagged"] = [
        flag_material(v, r, materiality)
        for v, r in zip(out["variance"], out["variance_pct"], strict=True)
    ]
    notes = {(c.level, c.key, c.period): c.text for c in comments or []}
    out["comment"] = pd.Series(
        [notes.get((level, str(k), period.key), "") for k in out["key"]], dtype="str"
    )
    # Accounts without a label in the budget: show the key.
    out["label"] = out["label"].where(out["label"] != "", out["key"])
    out = out.assign(_abs=out["variance"].abs()).sort_values(
        ["flagged", "_abs"], ascending=[False, False], kind="stable"
    )
    return out.drop(columns="_abs").reset_index(drop=True)
