"""The dossier's own data the rules read: charges from the accounts, pays from the workforce.

Where it sits: layer 2 of :mod:`essdiag.compliance`. It reads the canonical
ledger of :mod:`essdiag.ledger` (the accounts every domain may read) and a
workforce DataFrame handed in by the caller (the HR domain's canonical frame:
``id``, ``fte``, ``base_pay``, ``variable_pay``; this module never imports the
HR computations). Amounts read from the accounts stay integer cents until a
figure shows them; pays are floats (euros per year, converted to full time).

* :func:`operating_charges` — operating charges of a fiscal year (accounts 60
  to 65 and 681, the « charges d'exploitation » of the PCG/ANC 2018-06 income
  statement), and the part booked on the analytic codes of the social-utility
  activities;
* :func:`fte_pays` — each person's annual pay converted to full time,
  (base + variable) / FTE, for the ESUS caps.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date

import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.errors import Issue, Severity
from essdiag.i18n import N_
from essdiag.ledger import monthly_activity
from essdiag.periods import FiscalYear

__all__ = [
    "OPERATING_PREFIXES",
    "WORKFORCE_COLUMNS",
    "YearCharges",
    "closed_years",
    "fte_pays",
    "operating_charges",
    "top_mean",
]

OPERATING_PREFIXES: tuple[str, ...] = ("60", "61", "62", "63", "64", "65", "681")
"""Accounts of operating charges (PCG art. 946-60 to 946-68; ANC 2018-06): 60–65 and 681."""

WORKFORCE_COLUMNS: tuple[str, ...] = ("id", "fte", "base_pay", "variable_pay")
"""Columns of the HR canonical workforce frame this module reads."""


class YearCharges(BaseModel):
    """Operating charges of one closed fiscal year, and those of the social-utility activities.

    Attributes:
        year: label year of the fiscal year.
        total_cents: operating charges, integer cents.
        social_cents: the part on the social-utility analytic codes (None when
            the accounts cannot say: no analytic code, no code chosen).
        source: where the figures come from (French words of the library).
        reason: why ``social_cents`` is missing, when it is.
    """

    model_config = ConfigDict(frozen=True)

    year: int
    total_cents: int
    social_cents: int | None
    source: str
    reason: str | None = None


def closed_years(on: date, start_month: int, count: int) -> list[int]:
    """The label years of the ``count`` last fiscal years closed before ``on``, latest first.

    Example:
        >>> closed_years(date(2026, 12, 1), 1, 3)
        [2025, 2024, 2023]
        >>> closed_years(date(2027, 1, 1), 1, 1), closed_years(date(2026, 12, 31), 1, 1)
        ([2026], [2025])
    """
    current = FiscalYear.containing(on, start_month)
    latest = current.label_year if current.end < on else current.label_year - 1
    return [latest - k for k in range(count)]


def _is_operating(accounts: pd.Series) -> pd.Series:
    text = accounts.astype("str")
    mask = pd.Series(False, index=accounts.index)
    for prefix in OPERATING_PREFIXES:
        mask |= text.str.startswith(prefix)
    return mask


def operating_charges(
    ledger: pd.DataFrame, fiscal_year: FiscalYear, codes: Iterable[str]
) -> YearCharges:
    """Operating charges of a fiscal year from its canonical ledger, split by analytic code.

    Parameters:
        ledger: the canonical ledger of the year (opening entries are left out).
        fiscal_year: the year (its first and last days bound the entries).
        codes: analytic codes of the social-utility activities (compared
            without regard to case or surrounding spaces).

    Notes:
        total = Σ (debit − credit) over accounts 60–65 and 681 of the year;
        social part = the same sum over lines whose analytic code is one of
        ``codes``. Lines without a code count in the total only.

    Example:
        >>> led = pd.DataFrame({
        ...     "journal": ["AC"] * 3, "entry": ["1", "1", "1"],
        ...     "date": pd.to_datetime(["2025-03-01"] * 3),
        ...     "account": ["606100", "641100", "401000"], "account_label": [""] * 3,
        ...     "label": [""] * 3, "debit_cents": [1000, 3000, 0],
        ...     "credit_cents": [0, 0, 4000], "analytic": ["ACI", "STRUCT", None],
        ...     "opening": [False] * 3})
        >>> c = operating_charges(led, FiscalYear(label_year=2025), ["aci"])
        >>> c.total_cents, c.social_cents
        (4000, 1000)
    """
    activity = monthly_activity(ledger, fiscal_year.start, fiscal_year.end)
    part = activity[_is_operating(activity["account"])]
    total = int(part["amount_cents"].sum())
    wanted = {c.strip().upper() for c in codes if c.strip()}
    coded = part["analytic"].astype("str").str.strip().str.upper()
    if not (coded != "").any():
        return YearCharges(
            year=fiscal_year.label_year,
            total_cents=total,
            social_cents=None,
            source=N_("grand livre importé"),
            reason=N_("les écritures de cet exercice n'ont pas de code analytique"),
        )
    if not wanted:
        return YearCharges(
            year=fiscal_year.label_year,
            total_cents=total,
            social_cents=None,
            source=N_("grand livre importé"),
            reason=N_("aucun code analytique d'activité d'utilité sociale n'est choisi"),
        )
    social = int(part.loc[coded.isin(wanted), "amount_cents"].sum())
    return YearCharges(
        year=fiscal_year.label_year,
        total_cents=total,
        social_cents=social,
        source=N_("grand livre importé"),
    )


def fte_pays(
    workforce: pd.DataFrame, *, file: str | None = None
) -> tuple[list[float], list[Issue]]:
    """Each person's annual pay converted to full time: (base_pay + variable_pay) / fte.

    Rows whose FTE is missing, zero or above 1, or whose pay is missing or
    negative, are set aside with an issue naming the row; the others are kept.

    Notes:
        The ESUS caps compare « les sommes versées, y compris les primes … au
        titre de l'année pour un emploi à temps complet » (Code du travail
        L3332-17-1, I, 3°): what was paid over the year divided by the FTE.

    Example:
        >>> w = pd.DataFrame({"id": ["a", "b"], "fte": [0.5, 1.0],
        ...                   "base_pay": [20000.0, 30000.0], "variable_pay": [1000.0, 0.0]})
        >>> fte_pays(w)[0]
        [42000.0, 30000.0]
    """
    missing = [c for c in WORKFORCE_COLUMNS if c not in workforce.columns]
    if missing:
        return [], [
            Issue(
                code="compliance_workforce_columns",
                template=N_("L'effectif ne contient pas les colonnes attendues : {columns}."),
                params={"columns": ", ".join(missing)},
                file=file,
            )
        ]
    pays: list[float] = []
    issues: list[Issue] = []
    for row, (who, fte, base, variable) in enumerate(
        workforce[list(WORKFORCE_COLUMNS)].itertuples(index=False), start=1
    ):
        values = [_number(fte), _number(base), _number(variable)]
        f, b, v = values
        if f is None or not 0 < f <= 1:
            issues.append(_row_issue(row, who, N_("l'ETP doit être compris entre 0 et 1"), file))
            continue
        if b is None or b < 0 or (v is not None and v < 0):
            issues.append(_row_issue(row, who, N_("la rémunération doit être positive"), file))
            continue
        pays.append((b + (v or 0.0)) / f)
    return pays, issues


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) else None
    return None


def _row_issue(row: int, who: object, reason: str, file: str | None) -> Issue:
    return Issue(
        code="compliance_workforce_row",
        template=N_("Ligne {line} de l'effectif ({who}) mise de côté : {reason}."),
        params={"line": row, "who": "" if who is None else str(who), "reason": reason},
        severity=Severity.WARNING,
        file=file,
        line=row,
    )


def top_mean(pays: Sequence[float], n: int) -> float | None:
    """Mean of the ``n`` highest pays (of all of them when there are fewer); None when empty.

    Example:
        >>> top_mean([10, 50, 40, 30, 20, 60], 5)
        40.0
    """
    if not pays:
        return None
    top = sorted(pays, reverse=True)[:n]
    return math.fsum(top) / len(top)
