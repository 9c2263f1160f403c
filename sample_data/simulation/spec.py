"""A case's ledger spec: ``sample_data/<case>/ledger.toml`` read into frozen dataclasses.

Where it sits: first step of the simulation. The TOML file says what the
years look like (chart of accounts, third parties, journals, one entry per
charge or income account with its amount, season, noise, payment habits, VAT
rate and analytic codes, payroll, assets, loans, opening balances, the
deliberate deviations of year 2 and what the library's consistency check must
find; a company adds its VAT return, its dated entries of capital and
investment, the allocation of its surplus to reserves and the analytic column
of its FEC); :func:`load_case` reads
it and rejects an unknown table or an unknown key of a ``[[lines]]`` entry,
so a typo fails loudly instead of changing the files. Amounts are euros
unless the key ends in ``_cents``.
"""

from __future__ import annotations

import datetime as dt
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
    "Loan",
    "Payroll",
    "Vat",
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
        "investment", "loan", "loans", "opening", "shop", "noise", "deviations", "planted",
        "budget", "files", "vat", "allocation", "fec", "entries",
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
    ``budget`` or ``amount × growth`` rounded to the euro. ``vat`` is the VAT
    rate of its invoices (supplier and client kinds; 0 for a body outside VAT).
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
    vat: float = 0.0

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
    """The monthly payroll model: gross salaries by year (cents) and rates ``(permanent, insertion)``.

    ``variable_cents`` is the yearly variable pay (bonuses) of the permanent
    staff, paid with the salaries of ``variable_month``; a case without
    employees in insertion gives them 0.
    """

    permanent_gross_month_cents: dict[int, int]
    insertion_gross_month_cents: dict[int, int]
    mutuelle_month_cents: dict[int, int]
    income_tax_rates: tuple[float, float]
    noise: tuple[float, float]
    employer_rates: dict[str, tuple[float, float]]
    employee_rates: dict[str, tuple[float, float]]
    payments: dict[str, tuple[int, str]]
    variable_cents: dict[int, int] = field(default_factory=dict)
    variable_month: int = 12

    def permanent_months(self, year: int) -> list[int]:
        """Gross salaries of the permanent staff, month by month, variable pay included."""
        months = [self.permanent_gross_month_cents[year]] * 12
        months[self.variable_month - 1] += self.variable_cents.get(year, 0)
        return months


@dataclass(frozen=True)
class Loan:
    """A loan: outstanding capital, rate and instalments (``annuity`` or ``constant`` capital).

    ``capital_cents`` is what remains due on 1 January of year 1 or, for a
    loan paid out later (``drawn``, the day the money arrives), its principal.
    ``payments`` instalments fall every ``12 / per_year`` months from
    ``first`` (year and month; the day is moved to a business day);
    ``drawn_label`` names the payout entry.
    """

    account: str
    interest_account: str
    label: str
    capital_cents: int
    annual_rate: float
    payments: int
    first: dt.date
    per_year: int = 12
    method: str = "annuity"
    drawn: dt.date | None = None
    drawn_label: str = ""


@dataclass(frozen=True)
class Vat:
    """The VAT accounts of a body that charges VAT, and the day of its monthly return's payment."""

    collected: str
    deductible: str
    deductible_assets: str
    payable: str
    credit: str
    day: int
    label: str


@dataclass(frozen=True)
class Asset:
    """A fixed asset, its depreciation account and the allowance of years 1 and 2 (euros)."""

    asset: str
    depreciation: str
    allowance: tuple[int, int]


@dataclass(frozen=True)
class BudgetSpec:
    """How the year-2 budget files are written.

    ``balancing_account`` is the income line that balances the budget (total
    charges = total income); empty for a budget that shows its result.
    """

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
    loans: tuple[Loan, ...] = ()
    factor_months: dict[str, tuple[int, ...]] = field(default_factory=dict)
    vat: Vat | None = None
    allocation: dict[str, float] = field(default_factory=lambda: {"110000": 1.0})
    analytic_column: str = ""
    entries: tuple[dict[str, Any], ...] = ()

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

    def split_of(self, account: str) -> Split:
        """The analytic split of a charge or income account: its line's, its 86 pair's, or the table's."""
        spec = self.line(account)
        if spec is not None:
            return spec.analytic
        for charge, income in self.cvn_pairs.items():
            if account == income:
                pair = self.line(charge)
                assert pair is not None
                return pair.analytic
        return self.analytic_of[account]


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
        variable_cents=by_year(raw.get("variable_cents", {})),
        variable_month=raw.get("variable_month", 12),
        permanent_gross_month_cents=by_year(raw["permanent_gross_month_cents"]),
        insertion_gross_month_cents=by_year(raw["insertion_gross_month_cents"]),
        mutuelle_month_cents=by_year(raw["mutuelle_month_cents"]),
        income_tax_rates=(raw["income_tax_rates"][0], raw["income_tax_rates"][1]),
        noise=(raw["noise"][0], raw["noise"][1]),
        employer_rates=pairs(raw["employer_rates"]),
        employee_rates=pairs(raw["employee_rates"]),
        payments={a: (p["day"], p["label"]) for a, p in raw["payments"].items()},
    )


def _loans(raw: dict[str, Any], year_1: int) -> tuple[Loan, ...]:
    """The ``[[loans]]`` of a case, or its one ``[loan]`` (monthly annuity on 164000/661100)."""
    loans = [Loan(**item) for item in raw.get("loans", [])]  # an unknown key is a TypeError
    if "loan" in raw:
        one = raw["loan"]
        loans.insert(
            0,
            Loan(
                account="164000",
                interest_account="661100",
                label=one["label"],
                capital_cents=one["capital_cents"],
                annual_rate=one["annual_rate"],
                payments=one["payments"],
                first=dt.date(year_1, 1, one["day"]),
            ),
        )
    for loan in loans:
        if loan.method not in ("annuity", "constant") or 12 % loan.per_year:
            raise ValueError(f"loan {loan.label!r}: unknown method or instalments a year")
    return tuple(loans)


def load_case(folder: Path) -> Case:
    """The spec of the case in ``folder`` (its ``ledger.toml``).

    Tables a case may leave out: ``shop``, ``investment``, ``loan`` / ``loans``,
    ``individuals``, ``vat``, ``allocation``, ``fec``, ``entries``,
    ``deviations`` and ``planted``.
    """
    raw = tomllib.loads((folder / "ledger.toml").read_text("utf-8"))
    unknown = set(raw) - TABLES
    if unknown:
        raise ValueError(f"{folder.name}/ledger.toml: unknown tables {sorted(unknown)}")
    seasons = {name: tuple(weights) for name, weights in raw["seasons"].items()}
    individuals = tuple(raw.get("individuals", ()))
    raw_deviations = raw.get("deviations", [])
    deviations = {d["account"]: d for d in raw_deviations}
    shop = dict(raw.get("shop", {}))
    if shop:
        shop["weekdays"] = {WEEKDAYS.index(day): w for day, w in shop["weekdays"].items()}
    opening = {"invoices_not_received": [], "grant_receipts": {}, **raw["opening"]}
    return Case(
        folder=folder,
        seed=raw["seed"],
        dates=raw["dates"],
        journals=raw["journals"],
        accounts=raw["accounts"],
        parties={
            **raw.get("suppliers", {}),
            **raw.get("clients", {}),
            **raw.get("individuals", {}),
            **raw.get("funders", {}),
        },
        individuals=individuals,
        lines=tuple(_account_spec(s, seasons, individuals, deviations) for s in raw["lines"]),
        analytic_codes=raw["analytic_codes"],
        analytic_of={a: _split(s) for a, s in raw["analytic_of"].items()},
        payroll=_payroll(raw["payroll"]),
        assets=tuple(
            Asset(a["asset"], a["depreciation"], (a["allowance"][0], a["allowance"][1]))
            for a in raw["assets"]
        ),
        investment=raw.get("investment", {}),
        loan=raw.get("loan", {}),
        opening=opening,
        shop=shop,
        noise=(raw["noise"]["year_1"], raw["noise"]["year_2"]),
        factors={d["account"]: d["factor"] for d in raw_deviations if "factor" in d},
        additions={
            d["account"]: (d["month"], round(d["add"] * 100)) for d in raw_deviations if "add" in d
        },
        budget=BudgetSpec(
            balancing_account=raw["budget"].get("balancing_account", ""),
            notes=tuple(raw["budget"]["notes"]),
            headings=raw["budget"]["headings"],
            workbook=raw["budget"]["workbook"],
        ),
        files=raw["files"],
        planted=tuple(raw.get("planted", ())),
        loans=_loans(raw, raw["dates"]["year_1"]),
        factor_months={d["account"]: tuple(d["months"]) for d in raw_deviations if "months" in d},
        vat=Vat(**raw["vat"]) if "vat" in raw else None,
        allocation=dict(raw.get("allocation", {"110000": 1.0})),
        analytic_column=raw.get("fec", {}).get("analytic_column", ""),
        entries=tuple(raw.get("entries", ())),
    )
