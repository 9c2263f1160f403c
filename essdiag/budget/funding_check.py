"""Do the budget's grants, the funding register and the accounts tell the same story?

Where it sits: a budget computation (layer 2) over three sources a director
keeps apart: the grant lines of the budget (heading 74, by funder), the
funding register (:class:`~essdiag.funding.section.FundingSection`, amounts by
year) and the grant accounts of the ledger (74…). Each function takes them
as arguments and returns :class:`~essdiag.errors.Issue` warnings, one per
grant on which they disagree, with the raw amounts in ``params`` (euros).

A register entry counts as a grant when it is booked on a 74 account (its
``account``); the register keeps the account, so grants are matched on it
first, then on the funder's name (a budget line on a heading or a short
account, a register entry booked elsewhere). Amounts within
:data:`TOLERANCE_CENTS` agree: a register is often kept in whole euros while
a balanced budget ends in cents.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from essdiag.budget.section import BudgetLine, BudgetSection
from essdiag.errors import Issue, Severity
from essdiag.funding.section import FundingSection
from essdiag.i18n import N_, Money
from essdiag.periods import FiscalYear

__all__ = [
    "GRANT_HEADING",
    "TOLERANCE_CENTS",
    "grant_accounts_against_register",
    "grant_lines_against_register",
]

GRANT_HEADING = "74"
"""Operating grants (subventions d'exploitation) in the plan comptable associatif."""

TOLERANCE_CENTS = 100
"""Gaps under one euro are rounding, not disagreement."""


@dataclass(frozen=True)
class _Grant:
    """One grant amount of one side: where it is booked, who pays, how much (cents)."""

    account: str
    funder: str
    cents: int


def _funder_key(funder: str) -> str:
    return " ".join(funder.split()).casefold()


def _register_grants(funding: FundingSection, year: int) -> list[_Grant]:
    """The register's grants of ``year``: its entries booked on a 74 account."""
    return [
        _Grant(source.account, source.funder or source.name, round(source.amount(year) * 100))
        for source in funding.sources
        if source.account.startswith(GRANT_HEADING) and source.amount(year) > 0
    ]


def _budget_grants(lines: list[BudgetLine]) -> list[_Grant]:
    """The budget's grant lines (heading 74), one per line."""
    return [
        _Grant(line.account, line.funder, sum(round(m * 100) for m in line.months))
        for line in lines
        if line.head == GRANT_HEADING
    ]


@dataclass(frozen=True)
class _Match:
    """Grants of both sides taken as one: on the same account, or from the same funder."""

    account: str
    funders: str
    ours: int | None
    register: int | None


def _group(grants: Iterable[_Grant], key: str) -> dict[str, list[_Grant]]:
    groups: dict[str, list[_Grant]] = defaultdict(list)
    for grant in grants:
        groups[grant.account if key == "account" else _funder_key(grant.funder)].append(grant)
    return groups


def _describe(grants: list[_Grant]) -> tuple[str, str]:
    accounts = ", ".join(dict.fromkeys(g.account for g in grants if g.account))
    funders = ", ".join(dict.fromkeys(g.funder for g in grants if g.funder))
    return accounts, funders


def _match(ours: list[_Grant], register: list[_Grant]) -> list[_Match]:
    """Pair the grants of both sides: by detailed account first, then by funder."""
    found: list[_Match] = []
    left_ours, left_register = list(ours), list(register)
    for key in ("account", "funder"):
        mine = _group((g for g in left_ours if key == "funder" or len(g.account) > 2), key)
        theirs = _group(left_register, key)
        for shared in sorted(set(mine) & set(theirs)):
            account, funders = _describe(mine[shared] + theirs[shared])
            found.append(
                _Match(
                    account,
                    funders,
                    sum(g.cents for g in mine[shared]),
                    sum(g.cents for g in theirs[shared]),
                )
            )
            left_ours = [g for g in left_ours if g not in mine[shared]]
            left_register = [g for g in left_register if g not in theirs[shared]]
    for grants, side in ((left_ours, "ours"), (left_register, "register")):
        for group in _group(grants, "account").values():
            account, funders = _describe(group)
            total = sum(g.cents for g in group)
            found.append(
                _Match(
                    account,
                    funders,
                    total if side == "ours" else None,
                    total if side == "register" else None,
                )
            )
    return found


def _euros(cents: int) -> Money:
    """An amount for a message: the reader's translator writes it as money."""
    return Money.of_cents(cents)


@dataclass(frozen=True)
class _Wording:
    """How one check reports: the name of its amount, and a (code, template, field) per case."""

    amount: str
    only_ours: tuple[str, str, str]
    only_register: tuple[str, str, str]
    differs: tuple[str, str, str]


_BUDGET = _Wording(
    amount="budget",
    only_ours=(
        "grant_not_in_register",
        N_(
            "Budget {year} : la subvention « {funder} » (compte {account}, {budget}) "
            "n'est pas au registre des financements."
        ),
        "budget.lines",
    ),
    only_register=(
        "grant_not_in_budget",
        N_(
            "Registre des financements : la subvention « {funder} » (compte {account}, "
            "{register} en {year}) n'a pas de ligne au budget."
        ),
        "funding.sources",
    ),
    differs=(
        "grant_budget_differs",
        N_(
            "Budget {year} : la subvention « {funder} » (compte {account}) est de {budget} "
            "au budget et de {register} au registre des financements (écart {gap})."
        ),
        "budget.lines",
    ),
)

_ACCOUNTS = _Wording(
    amount="accounts",
    only_ours=(
        "grant_account_not_in_register",
        N_(
            "Comptes {year} : le compte {account} porte {accounts} de subventions "
            "qu'aucune ressource du registre des financements ne porte."
        ),
        "funding.sources",
    ),
    only_register=(
        "grant_not_booked",
        N_(
            "Registre des financements : la subvention « {funder} » (compte {account}, "
            "{register} en {year}) n'est pas comptabilisée."
        ),
        "funding.sources",
    ),
    differs=(
        "grant_accounts_differ",
        N_(
            "Comptes {year} : le compte {account} (« {funder} ») porte {accounts} de "
            "subventions, le registre des financements {register} (écart {gap})."
        ),
        "funding.sources",
    ),
)


def _issues(
    matches: Iterable[_Match], year: int, wording: _Wording, tolerance_cents: int
) -> list[Issue]:
    """One warning per match whose sides disagree by ``tolerance_cents`` or more."""
    issues = []
    for match in matches:
        params: dict[str, object] = {
            "year": year,
            "account": match.account,
            "funder": match.funders,
        }
        if match.ours is not None:
            params[wording.amount] = _euros(match.ours)
        if match.register is not None:
            params["register"] = _euros(match.register)
        if match.register is None:
            code, template, field = wording.only_ours
        elif match.ours is None:
            code, template, field = wording.only_register
        elif abs(match.ours - match.register) >= tolerance_cents:
            code, template, field = wording.differs
            params["gap"] = _euros(match.ours - match.register)
        else:
            continue
        issues.append(
            Issue(
                code=code,
                template=template,
                params=params,
                severity=Severity.WARNING,
                field=field,
            )
        )
    return issues


def grant_lines_against_register(
    budget: BudgetSection,
    funding: FundingSection,
    year: int,
    *,
    tolerance_cents: int = TOLERANCE_CENTS,
) -> list[Issue]:
    """Each grant of the budget whose annual amount differs from the register's for ``year``.

    The budget is the reference version of ``year`` (the last adopted by the
    board). Also reported: a grant line with no register entry
    (``grant_not_in_register``), and a register grant of ``year`` with no
    budget line (``grant_not_in_budget``). An empty budget, or a budget of
    another year, says nothing about ``year``. Amounts are
    :class:`~essdiag.i18n.Money` in the params.

    Example:
        >>> from essdiag.budget.section import BudgetLine
        >>> from essdiag.funding.section import FundingSource, YearAmount
        >>> budget = BudgetSection(fiscal_year=2026, lines=[BudgetLine(
        ...     account="741310", funder="Département", months=[7_916.67] * 11 + [7_916.63])])
        >>> funding = FundingSection(sources=[FundingSource(
        ...     id="dep", name="Insertion", funder="Département", funder_type="departement",
        ...     account="741310", amounts=[YearAmount(year=2026, amount=85_500)])])
        >>> [(i.code, float(i.params["budget"]), float(i.params["register"]), i.message)
        ...  for i in grant_lines_against_register(budget, funding, 2026)][0][:3]
        ('grant_budget_differs', 95000.0, 85500.0)
    """
    lines = budget.lines_for(year)
    if not lines:
        return []
    matches = _match(_budget_grants(lines), _register_grants(funding, year))
    return _issues(matches, year, _BUDGET, tolerance_cents)


def _booked_grants(ledger: pd.DataFrame, fiscal_year: FiscalYear) -> list[_Grant]:
    """Grants booked in the fiscal year: credit − debit of each 74 account, openings left out."""
    dates = ledger["date"].dt.date
    rows = ledger[
        ~ledger["opening"].astype(bool)
        & ledger["account"].str.startswith(GRANT_HEADING)
        & (dates >= fiscal_year.start)
        & (dates <= fiscal_year.end)
    ]
    net = (rows["credit_cents"] - rows["debit_cents"]).groupby(rows["account"]).sum()
    return [_Grant(str(account), "", int(cents)) for account, cents in net.items() if cents]


def grant_accounts_against_register(
    ledger: pd.DataFrame,
    funding: FundingSection,
    fiscal_year: FiscalYear,
    *,
    tolerance_cents: int = TOLERANCE_CENTS,
) -> list[Issue]:
    """Each grant account of a closed year whose booked amount differs from the register's.

    ``ledger`` is the canonical ledger (:mod:`essdiag.ledger`); the register's
    amounts are those of the fiscal year's label year. Also reported: a 74
    account booked with no register entry on it (``grant_account_not_in_register``),
    and a register grant of the year that is not booked (``grant_not_booked``).
    Meant for a closed year: an interim ledger has not booked every instalment yet.
    """
    year = fiscal_year.label_year
    matches = _match(_booked_grants(ledger, fiscal_year), _register_grants(funding, year))
    return _issues(matches, year, _ACCOUNTS, tolerance_cents)
