"""Budget against actuals: variance for any period and level, materiality, comments.

Where it sits: budget section → :func:`~essdiag.budget.model.budget_frame`;
ledger → :func:`~essdiag.ledger.monthly_activity`; both →
:func:`attribute_actuals` (actuals put on the budget's lines) →
:func:`variance_table` for a :class:`Period` and a level.

Sign rule (DOMAIN.md): every amount is positive when normal (charges on
class 6, income on class 7). Variance = actual − budget. For income an actual
above budget is favourable; for charges an actual below budget is favourable.

Money is added up in cents: the budget as whole cents of its months, the
actuals as the ledger's integer cents. Only an actual spread over several
lines (rule 2 below) carries a fraction of a cent on each line; totals are
rounded to the cent once, at the end, so the variance of a line is exactly
its actual minus its budget.

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
from typing import Final

import numpy as np
import pandas as pd

from essdiag.budget.choices import Level, PeriodChoice
from essdiag.budget.model import Budget, budget_frame, budget_lines
from essdiag.budget.section import Materiality, VarianceComment
from essdiag.budget.section.headings import HEADINGS, kind_of
from essdiag.figures import Figure, Input
from essdiag.i18n import N_
from essdiag.periods import FiscalYear, Period

__all__ = [
    "TABLE_COLUMNS",
    "Level",
    "PeriodChoice",
    "attribute_actuals",
    "comment_texts",
    "flag_material",
    "flagged_figure",
    "is_favourable",
    "level_keys",
    "variance_table",
]


NO_CODE: Final = N_("(sans code)")

TABLE_COLUMNS: Final = (
    "kind",
    "key",
    "label",
    "budget",
    "actual",
    "variance",
    "variance_pct",
    "favourable",
    "flagged",
    "comment",
)
"""Columns of :func:`variance_table`, in order (the command line's CSV)."""


def _longest_prefix(accounts: list[str], keys: list[str]) -> dict[str, str | None]:
    """For each account, the key that is its longest prefix (or None)."""
    by_len = sorted(set(keys), key=len, reverse=True)
    out: dict[str, str | None] = {}
    for account in accounts:
        out[account] = next((k for k in by_len if account.startswith(k)), None)
    return out


def attribute_actuals(
    section: Budget, fiscal_year: FiscalYear, actuals: pd.DataFrame
) -> pd.DataFrame:
    """Actuals put on the budget's lines, month by month (see the module docstring).

    Parameters:
        section: a budget version, or the budget section (its reference
            version of ``fiscal_year``).
        actuals: :func:`essdiag.ledger.monthly_activity` (``month``,
            ``account``, ``analytic``, ``amount_cents``).

    Returns:
        The lines of :func:`~essdiag.budget.model.budget_frame` (``line`` ≥ 0)
        plus unbudgeted pseudo-lines (``line`` = −1), one row per line × month
        of the fiscal year, with ``budget_cents`` (int64) and ``actual_cents``
        (float64: whole cents, but for the share of an actual spread over
        several lines), and the same in euros, ``budget`` and ``actual``, for
        the projections. Σ actual_cents = Σ actuals of the fiscal year.
    """
    months = fiscal_year.month_keys()
    budget_lines_ = budget_lines(section, fiscal_year)
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
            "line": pd.Series(range(len(budget_lines_)), dtype="int64"),
            "account": pd.Series([ln.account for ln in budget_lines_], dtype="str"),
            "analytic": pd.Series([ln.analytic for ln in budget_lines_], dtype="str"),
            "total": pd.Series([abs(ln.total) for ln in budget_lines_], dtype="float64"),
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
    matched["actual_cents"] = matched["amount_cents"] * matched["share"]
    on_lines = matched.groupby(["line", "month"], sort=False)["actual_cents"].sum().reset_index()
    on_lines["line"] = on_lines["line"].astype("int64")
    out = bud.merge(on_lines, on=["line", "month"], how="left")
    out["actual_cents"] = out["actual_cents"].fillna(0.0)
    out = out.rename(columns={"amount": "budget", "amount_cents": "budget_cents"})
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
                "kind": [str(kind_of(str(a))) for a in rows["account"]],
                "analytic": rows["analytic"].astype("str"),
                "funder": "",
                "label": "",
                "month": rows["month"].astype("str"),
                "budget": 0.0,
                "budget_cents": 0,
                "actual_cents": rows["amount_cents"].to_numpy(dtype="float64"),
            }
        )
        out = pd.concat([out, extra], ignore_index=True)
    out["line"] = out["line"].astype("int64")
    out["budget_cents"] = out["budget_cents"].astype("int64")
    out["actual_cents"] = out["actual_cents"].astype("float64")
    out["actual"] = out["actual_cents"] / 100
    return out


def is_favourable(kind: str, variance: float) -> bool | None:
    """Favourable or not, by the sign rule of DOMAIN.md; None for a nil gap and other kinds.

    Example:
        >>> is_favourable("income", 10.0), is_favourable("charge", 10.0), is_favourable("charge", 0)
        (True, False, None)
    """
    if abs(variance) < 0.005:
        return None
    if kind in ("income", "in_kind_source"):
        return variance > 0
    if kind in ("charge", "in_kind_use"):
        return variance < 0
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


def level_keys(level: Level | str, frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The key and label of each row of a line frame at a level of detail.

    Heading: the two-digit heading and its CERFA label; account: the account
    and the line's label; analytic: the code (« (sans code) » when none);
    funder: the funder.
    """
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
    level: Level | str,
    *,
    materiality: Materiality | None = None,
    comments: list[VarianceComment] | None = None,
    kinds: tuple[str, ...] = ("charge", "income"),
    scope: str = "",
    version: str = "",
) -> pd.DataFrame:
    """Budget, actual and variance per line of a level over a period (columns :data:`TABLE_COLUMNS`).

    Parameters:
        attributed: :func:`attribute_actuals`.
        period: months to add up.
        level: account, heading, analytic or funder (funder keeps only lines
            with a funder).
        materiality: thresholds (defaults of :class:`Materiality`).
        comments: explanations kept in the dossier; those of this level,
            period, ``scope`` and budget ``version`` (or written before
            budgets had versions) are shown (:func:`comment_for`).
        kinds: which kinds of lines (charges and income by default; 86/87
            contributions in kind are left out).

    Returns:
        One row per (kind, key): ``kind``, ``key``, ``label``, ``budget``,
        ``actual`` (euros, added up in cents and rounded to the cent once),
        ``variance`` = actual − budget (exact), ``variance_pct`` =
        variance / |budget| (NaN when the budget is 0), ``favourable``
        (bool, or NA for other kinds), ``flagged`` and ``comment``;
        flagged lines first, then by |variance| descending.

    Example:
        >>> from essdiag.budget.section import BudgetLine, BudgetSection
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
    key, label = level_keys(level, part)
    work = pd.DataFrame(
        {
            "kind": part["kind"].astype("str"),
            "key": key,
            "label": label,
            "budget_cents": part["budget_cents"].astype("int64"),
            "actual_cents": part["actual_cents"].astype("float64"),
        }
    )
    grouped = work.groupby(["kind", "key"], sort=True).agg(
        label=("label", "first"),
        budget_cents=("budget_cents", "sum"),
        actual_cents=("actual_cents", "sum"),
    )
    out = grouped.reset_index()
    budget_cents = out["budget_cents"].to_numpy(dtype=np.int64)
    actual_cents = np.rint(out["actual_cents"].to_numpy(dtype=np.float64)).astype(np.int64)
    out = out.drop(columns=["budget_cents", "actual_cents"])
    out["budget"] = budget_cents / 100
    out["actual"] = actual_cents / 100
    out["variance"] = (actual_cents - budget_cents) / 100
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
    notes = {
        kind: comment_texts(comments or [], str(level), period.key, scope, version, kind=kind)
        for kind in set(out["kind"])
    }
    out["comment"] = pd.Series(
        [notes[kind].get(str(k), "") for kind, k in zip(out["kind"], out["key"], strict=True)],
        dtype="str",
    )
    # Accounts without a label in the budget: show the key.
    out["label"] = out["label"].where(out["label"] != "", out["key"])
    out = out.assign(_abs=out["variance"].abs()).sort_values(
        ["flagged", "_abs"], ascending=[False, False], kind="stable"
    )
    return out[list(TABLE_COLUMNS)].reset_index(drop=True)


def comment_texts(
    comments: list[VarianceComment],
    level: str,
    period: str,
    scope: str,
    version: str,
    *,
    kind: str | None = None,
) -> dict[str, str]:
    """Key → explanation of the gaps of one level, period, scope and budget version.

    One explanation per gap: a comment of that version wins over one written
    before budgets had versions (``version`` ""). With ``kind``, only the
    comments of that kind of line (or of any kind, ``kind`` "") count: an
    analytic code carries a charge gap and an income gap, each with its own.

    Example:
        >>> c = [VarianceComment(level="heading", key="60", period="2026", text="ancien"),
        ...      VarianceComment(level="heading", key="60", period="2026", text="v1",
        ...                      version="2026-1")]
        >>> comment_texts(c, "heading", "2026", "", "2026-1"), comment_texts(c, "heading", "2026", "", "2026-0")
        ({'60': 'v1'}, {'60': 'ancien'})
    """
    found: dict[str, str] = {}
    for c in comments:
        if (c.level, c.period, c.scope) != (level, period, scope):
            continue
        if kind is not None and c.kind not in ("", kind):
            continue
        if c.version == version or (not c.version and c.key not in found):
            found[c.key] = c.text
    return found


def flagged_figure(table: pd.DataFrame, materiality: Materiality) -> Figure:
    """How many lines of a variance table need an explanation, with the rule that flags them.

    The working says how a variance is computed and flagged, so the screen
    shows it under « Comment est-ce calculé ? » instead of writing it.

    Example:
        >>> from essdiag.i18n import translator
        >>> t = pd.DataFrame({"flagged": [True, False]})
        >>> print(flagged_figure(t, Materiality()).read(translator("fr")).replace("\u202f", " "))
        1 ligne(s) dont l'écart dépasse les seuils (5 000 € et 10 %).
    """
    n = int(table["flagged"].sum()) if len(table) else 0
    both = materiality.both
    params = {"a": round(materiality.absolute), "r": round(materiality.relative * 100, 1)}
    if n == 0:
        reading = (
            N_("Aucun écart ne dépasse les seuils ({a} € et {r} %).")
            if both
            else N_("Aucun écart ne dépasse les seuils ({a} € ou {r} %).")
        )
    else:
        reading = (
            N_("{n} ligne(s) dont l'écart dépasse les seuils ({a} € et {r} %).")
            if both
            else N_("{n} ligne(s) dont l'écart dépasse les seuils ({a} € ou {r} %).")
        )
    return Figure.of(
        N_("Lignes à expliquer"),
        n,
        "count",
        N_("lignes où |écart| ≥ seuil absolu et |écart| / |budget| ≥ seuil relatif")
        if both
        else N_("lignes où |écart| ≥ seuil absolu ou |écart| / |budget| ≥ seuil relatif"),
        [
            Input.of(N_("Seuil absolu"), materiality.absolute, "EUR", N_("seuils du dossier")),
            Input.of(N_("Seuil relatif"), materiality.relative, "%", N_("seuils du dossier")),
        ],
        references=(
            N_(
                "Écart = réalisé − budget ; en % du budget. Pour un produit, un réalisé au-dessus "
                "du budget est favorable ; pour une charge, un réalisé en dessous est favorable."
            ),
            N_(
                "Réalisé : écritures de l'exercice hors à-nouveaux (AN/RAN), comptes 60–69 "
                "(débit − crédit) et 70–79 (crédit − débit)."
            ),
            N_(
                "Un compte du FEC est rattaché à la ligne du budget dont le compte est son plus "
                "long préfixe ; sans code analytique, il est réparti entre les lignes de ce compte "
                "au prorata de leur budget annuel."
            ),
        ),
        reading=reading,
        reading_params={"n": n, **params},
        tone="good" if n == 0 else "watch",
    )
