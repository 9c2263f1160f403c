"""A case's ledger spec: ``sample_data/<case>/ledger.toml`` read into frozen dataclasses.

Where it sits: first step of the simulation. The TOML file says what the
years look like (chart of accounts, third parties, journals, one entry per
charge or income account with its amount, season, noise and payment habits,
payroll, assets, loan, opening balances, the deliberate deviations of year 2
and what the library's consistency check must find); :func:`load_case` reads
it and rejects an unknown table or an unknown key of a ``[[lines]]`` entry,
so a typo fails loudly instead of changing the files. Amounts are euros
unless the key ends in ``_cents``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "AccountSpec",
    "Asset",
    "BudgetSpec",
    "Case",
    "Instalment",
    "Payroll",
    "load_case",
]

Instalment = tuple[int, int, float, int]
"""(month, day, share of the year's grant, days until the money arrives)."""

Split = tuple[tuple[str, float], ...]
"""Analytic split of an account: (code, share) pairs; cents go to the first code."""

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TABLES = frozenset(
    {
        "seed", "dates", "journals", "accounts", "suppliers", "clients", "individuals",
        "funders", "seasons", "analytic_codes", "analytic_of", "lines", "payroll", "assets",
        "investment", "loan", "opening", "shop", "noise", "deviations", "planted", "budget",
        "files",
    }
)  # fmt: skip
"""The top-level keys of ``ledger.toml``."""


@dataclass(frozen=True)
class AccountSpec:
    """One charge or income account of the plan, and how it is posted (a ``[[lines]]`` entry).

    ``kind`` says how entries are generated: ``supplier`` (AC invoice then BQ
    payment), ``client`` (VE invoice then BQ receipt), ``receipt`` (BQ credit),
    ``bank`` (BQ debit), ``grant`` (OD on 441 then BQ receipt), ``yearend`` (OD
    on 31 December against ``counterpart``), ``cvn`` (86/87 pair) or ``shop``.
    ``amount`` is the year-1 actual target in euros; the year-2 budget is
    ``budget`` or ``amount × growth`` rounded to the euro.
    """

    account: str
    kind: str
    amount: int
    growth: float = 1.02
    budget: int | None = None
    season: tuple[float, ...] = (1.0,) * 12
    sigma: float = 0.0
    parties: tuple[str, ...] = ()
    per_month: tuple[int, int] = (1, 1)
    lag: tuple[int, int] = (20, 40)
    day: int = 0
    analytic: Split = (("STRUCT", 1.0),)
    funder: str = ""
    label: str = ""
    fnp: int = 0
    fnp_invoiced: tuple[int, int] = (1, 1)
    counterpart: str = ""
    schedule: tuple[Instalment, ...] = ()
    budget_schedule: tuple[Instalment, ...] = ()
    actual_schedule: tuple[Instalment, ...] = ()

    def budget_year_2(self) -> int:
        """The year-2 budget in euros."""
        if self.budget is not None:
            return self.budget
        return round(self.amount * self.growth)

    def instalments(self, *, year_2: bool, actual: bool) -> tuple[Instalment, ...]:
        """The grant's instalments in year 1, or in year 2 (budget or actual)."""
        if not year_2:
            return self.schedule
        if actual and self.actual_schedule:
            return self.actual_schedule
        return self.budget_schedule or self.schedule

    def weights(self, *, year_2: bool, actual: bool) -> tuple[float, ...]:
        """Monthly weights of this account: its season, or its grant instalments."""
        if self.kind != "grant":
            return self.season
        weights = [0.0] * 12
        for month, _day, share, _lag in self.instalments(year_2=year_2, actual=actual):
            weights[month - 1] += share
        return tuple(weights)


@dataclass(frozen=True)
class Payroll:
    """The monthly payroll model: gross salaries by year (cents) and rates ``(permanent, insertion)``."""

    permanent_gross_month_cents: dict[int, int]
    insertion_gross_month_cents: dict[int, int]
    mutuelle_month_cents: dict[int, int]
    income_tax_rates: tuple[float, float]
    noise: tuple[float, float]
    employer_rates: dict[str, tuple[float, float]]
    employee_rates: dict[str, tuple[float, float]]
    payments: dict[str, tuple[int, str]]


@dataclass(frozen=True)
class Asset:
    """A fixed asset, its depreciation account and the allowance of years 1 and 2 (euros)."""

    asset: str
    depreciation: str
    allowance: tuple[int, int]


@dataclass(frozen=True)
class BudgetSpec:
    """How the year-2 budget files are written."""

    balancing_account: str
    notes: tuple[str, ...]
    headings: dict[str, str]
    workbook: dict[str, Any]


@dataclass(frozen=True)
class Case:
    """Everything ``ledger.toml`` says about a case (see the comments of that file)."""

    folder: Path
    seed: int
    dates: dict[str, Any]
    journals: dict[str, str]
    accounts: dict[str, str]
    parties: dict[str, str]
    individuals: tuple[str, ...]
    lines: tuple[AccountSpec, ...]
    analytic_codes: dict[str, str]
    analytic_of: dict[str, Split]
    payroll: Payroll
    assets: tuple[Asset, ...]
    investment: dict[str, Any]
    loan: dict[str, Any]
    opening: dict[str, Any]
    shop: dict[str, Any]
    noise: tuple[float, float]
    factors: dict[str, float]
    additions: dict[str, tuple[int, int]]
    budget: BudgetSpec
    files: dict[str, str]
    planted: tuple[dict[str, Any], ...] = field(default=())

    @property
    def year_1(self) -> int:
        """The closed year (full actuals)."""
        return int(self.dates["year_1"])

    @property
    def year_2(self) -> int:
        """The budgeted year, with actuals up to the cut-off."""
        return int(self.dates["year_2"])

    @property
    def cvn_pairs(self) -> dict[str, str]:
        """Voluntary contributions in kind: each 86 account and its 87 counterpart."""
        return {s.account: s.counterpart for s in self.lines if s.kind == "cvn"}

    def line(self, account: str) -> AccountSpec | None:
        """The ``[[lines]]`` entry of an account (None for payroll, loan, depreciation)."""
        return next((s for s in self.lines if s.account == account), None)


def _season(value: Any, seasons: dict[str, tuple[float, ...]]) -> tuple[float, ...]:
    """A profile name, twelve weights or named months (``{ jan = 1, sep = 1 }``)."""
    if isinstance(value, str):
        return seasons[value]
    if isinstance(value, dict):
        unknown = set(value) - set(MONTHS)
        if unknown:
            raise ValueError(f"unknown months: {sorted(unknown)}")
        return tuple(float(value.get(k, 0.0)) for k in MONTHS)
    if len(value) != 12:
        raise ValueError(f"a season has twelve weights, not {len(value)}")
    return tuple(value)


def _schedule(items: list[dict[str, Any]]) -> tuple[Instalment, ...]:
    return tuple((i["month"], i["day"], i["share"], i["lag"]) for i in items)


def _split(shares: dict[str, float]) -> Split:
    return tuple(shares.items())


def _account_spec(
    raw: dict[str, Any],
    seasons: dict[str, tuple[float, ...]],
    individuals: tuple[str, ...],
    deviations: dict[str, dict[str, Any]],
) -> AccountSpec:
    data = dict(raw)
    if "season" in data:
        data["season"] = _season(data["season"], seasons)
    else:
        data["season"] = seasons["flat"]
    parties: list[str] = []
    for party in data.get("parties", []):
        parties += individuals if party == "individuals" else [party]
    data["parties"] = tuple(parties)
    for key in ("per_month", "lag"):
        if key in data:
            data[key] = tuple(data[key])
    if "analytic" in data:
        data["analytic"] = _split(data["analytic"])
    if "fnp_invoiced" in data:
        data["fnp_invoiced"] = (data["fnp_invoiced"]["month"], data["fnp_invoiced"]["day"])
    for key in ("schedule", "budget_schedule"):
        if key in data:
            data[key] = _schedule(data[key])
    shifted = deviations.get(data["account"], {}).get("schedule")
    if shifted:
        data["actual_schedule"] = _schedule(shifted)
    return AccountSpec(**data)


def _payroll(raw: dict[str, Any]) -> Payroll:
    def by_year(table: dict[str, int]) -> dict[int, int]:
        return {int(year): cents for year, cents in table.items()}

    def pairs(table: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
        return {account: (rates[0], rates[1]) for account, rates in table.items()}

    return Payroll(
        permanent_gross_month_cents=by_year(raw["permanent_gross_month_cents"]),
        insertion_gross_month_cents=by_year(raw["insertion_gross_month_cents"]),
        mutuelle_month_cents=by_year(raw["mutuelle_month_cents"]),
        income_tax_rates=(raw["income_tax_rates"][0], raw["income_tax_rates"][1]),
        noise=(raw["noise"][0], raw["noise"][1]),
        employer_rates=pairs(raw["employer_rates"]),
        employee_rates=pairs(raw["employee_rates"]),
        payments={a: (p["day"], p["label"]) for a, p in raw["payments"].items()},
    )


def load_case(folder: Path) -> Case:
    """The spec of the case in ``folder`` (its ``ledger.toml``)."""
    raw = tomllib.loads((folder / "ledger.toml").read_text("utf-8"))
    unknown = set(raw) - TABLES
    if unknown:
        raise ValueError(f"{folder.name}/ledger.toml: unknown tables {sorted(unknown)}")
    seasons = {name: tuple(weights) for name, weights in raw["seasons"].items()}
    individuals = tuple(raw["individuals"])
    deviations = {d["account"]: d for d in raw["deviations"]}
    shop = dict(raw["shop"])
    shop["weekdays"] = {WEEKDAYS.index(day): w for day, w in shop["weekdays"].items()}
    return Case(
        folder=folder,
        seed=raw["seed"],
        dates=raw["dates"],
        journals=raw["journals"],
        accounts=raw["accounts"],
        parties={**raw["suppliers"], **raw["clients"], **raw["individuals"], **raw["funders"]},
        individuals=individuals,
        lines=tuple(_account_spec(s, seasons, individuals, deviations) for s in raw["lines"]),
        analytic_codes=raw["analytic_codes"],
        analytic_of={a: _split(s) for a, s in raw["analytic_of"].items()},
        payroll=_payroll(raw["payroll"]),
        assets=tuple(
            Asset(a["asset"], a["depreciation"], (a["allowance"][0], a["allowance"][1]))
            for a in raw["assets"]
        ),
        investment=raw["investment"],
        loan=raw["loan"],
        opening=raw["opening"],
        shop=shop,
        noise=(raw["noise"]["year_1"], raw["noise"]["year_2"]),
        factors={d["account"]: d["factor"] for d in raw["deviations"] if "factor" in d},
        additions={
            d["account"]: (d["month"], round(d["add"] * 100))
            for d in raw["deviations"]
            if "add" in d
        },
        budget=BudgetSpec(
            balancing_account=raw["budget"]["balancing_account"],
            notes=tuple(raw["budget"]["notes"]),
            headings=raw["budget"]["headings"],
            workbook=raw["budget"]["workbook"],
        ),
        files=raw["files"],
        planted=tuple(raw.get("planted", ())),
    )
