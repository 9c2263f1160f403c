"""The budget's grants against the funding register and the accounts (``essdiag.budget.funding_check``)."""

from __future__ import annotations

import pandas as pd
import pytest

from essdiag.budget.funding_check import (
    grant_accounts_against_register,
    grant_lines_against_register,
)
from essdiag.budget.section import BudgetLine, BudgetSection
from essdiag.errors import Severity
from essdiag.funding.section import FundingSection, FundingSource, YearAmount
from essdiag.periods import FiscalYear


def _line(account: str, total: float, funder: str = "", analytic: str = "") -> BudgetLine:
    months = [round(total / 12, 2)] * 11
    months.append(round(total - sum(months), 2))
    return BudgetLine(account=account, funder=funder, analytic=analytic, months=months)


def _source(
    id: str, account: str, funder: str, amounts: dict[int, float], funder_type: str = "region"
) -> FundingSource:
    return FundingSource(
        id=id,
        name=f"Subvention {funder}",
        funder=funder,
        funder_type=funder_type,
        account=account,
        amounts=[YearAmount(year=y, amount=a) for y, a in amounts.items()],
    )


def _budget(*lines: BudgetLine, year: int | None = 2026) -> BudgetSection:
    return BudgetSection(fiscal_year=year, lines=list(lines))


REGISTER = FundingSection(
    sources=[
        _source("region", "741210", "Région", {2025: 40_000, 2026: 40_000}),
        _source("dep", "741310", "Département", {2026: 85_500}, "departement"),
        _source("fondation", "748110", "Fondation", {2026: 38_319}, "foundation"),
        _source("boutique", "707100", "Clients", {2026: 255_440}, "sales"),
        _source("fdi", "741120", "État", {2025: 15_000}, "etat"),
    ]
)


def test_a_budget_that_agrees_to_the_euro_says_nothing() -> None:
    budget = _budget(
        _line("741210", 20_000, "Région", "ACI"),
        _line("741210", 20_000, "Région", "RECY"),
        _line("741310", 85_500, "Département"),
        _line("748110", 38_318.80, "Fondation"),  # the register keeps whole euros
        _line("707100", 250_000),  # not a grant
        _line("606110", 30_000),
    )
    assert grant_lines_against_register(budget, REGISTER, 2026) == []


def test_a_grant_that_differs_is_reported_with_raw_amounts() -> None:
    budget = _budget(
        _line("741210", 40_000, "Région"),
        _line("741310", 95_000, "Département"),
        _line("748110", 38_319, "Fondation"),
    )
    [issue] = grant_lines_against_register(budget, REGISTER, 2026)
    assert issue.code == "grant_budget_differs"
    assert issue.severity is Severity.WARNING
    assert issue.params == {
        "year": 2026,
        "account": "741310",
        "funder": "Département",
        "budget": 95_000.0,
        "register": 85_500.0,
        "gap": 9_500.0,
    }
    assert issue.message == (
        "Budget 2026 : la subvention « Département » (compte 741310) est de 95\u202f000,00\xa0€ "
        "au budget et de 85\u202f500,00\xa0€ au registre des financements (écart "
        "9\u202f500,00\xa0€)."
    )


def test_a_line_without_register_entry_and_an_entry_without_line_are_both_reported() -> None:
    budget = _budget(
        _line("741210", 40_000, "Région"),
        _line("748110", 38_319, "Fondation"),
        _line("741510", 12_000, "Commune"),
    )
    issues = grant_lines_against_register(budget, REGISTER, 2026)
    assert [(i.code, i.params["account"]) for i in issues] == [
        ("grant_not_in_register", "741510"),
        ("grant_not_in_budget", "741310"),
    ]
    assert issues[0].params["budget"] == 12_000.0
    assert issues[1].params["register"] == 85_500.0


def test_a_grant_on_a_heading_is_matched_by_its_funder() -> None:
    budget = _budget(
        _line("74", 40_000, "région"),
        _line("741310", 85_500, "Département"),
        _line("748110", 38_319, "Fondation"),
    )
    assert grant_lines_against_register(budget, REGISTER, 2026) == []


def test_several_funders_on_one_account_are_compared_together() -> None:
    register = FundingSection(
        sources=[
            _source("a", "741510", "Commune A", {2026: 5_000}, "commune"),
            _source("b", "741510", "Commune B", {2026: 7_000}, "commune"),
        ]
    )
    agree = _budget(_line("741510", 12_000, "Communes"))
    assert grant_lines_against_register(agree, register, 2026) == []
    [issue] = grant_lines_against_register(_budget(_line("741510", 10_000, "A")), register, 2026)
    assert (issue.params["funder"], issue.params["gap"]) == ("A, Commune A, Commune B", -2_000.0)


@pytest.mark.parametrize("budget", [BudgetSection(), _budget(_line("741210", 1, "R"), year=2025)])
def test_no_budget_or_another_years_budget_says_nothing(budget: BudgetSection) -> None:
    assert grant_lines_against_register(budget, REGISTER, 2026) == []


def _ledger(rows: list[tuple[str, str, int, int, bool]]) -> pd.DataFrame:
    """A canonical-enough ledger: (date, account, debit cents, credit cents, opening)."""
    return pd.DataFrame(
        {
            "date": pd.to_datetime([r[0] for r in rows]),
            "account": pd.Series([r[1] for r in rows], dtype="str"),
            "debit_cents": pd.Series([r[2] for r in rows], dtype="int64"),
            "credit_cents": pd.Series([r[3] for r in rows], dtype="int64"),
            "opening": pd.Series([r[4] for r in rows], dtype="bool"),
        }
    )


def test_the_accounts_of_a_closed_year_against_the_register() -> None:
    ledger = _ledger(
        [
            ("2025-01-01", "441000", 1_900_000, 0, True),
            ("2025-04-15", "741210", 0, 2_000_000, False),
            ("2025-12-31", "741210", 0, 2_000_000, False),
            ("2025-05-20", "741120", 0, 1_500_000, False),
            ("2025-06-30", "741510", 0, 600_000, False),
            ("2025-07-01", "741510", 100_000, 0, False),  # a correction
            ("2026-01-15", "741120", 0, 900_000, False),  # another year
            ("2025-03-01", "707100", 0, 12_345, False),
        ]
    )
    issues = grant_accounts_against_register(ledger, REGISTER, FiscalYear(label_year=2025))
    assert [(i.code, i.params["account"], i.params.get("accounts")) for i in issues] == [
        ("grant_account_not_in_register", "741510", 5_000.0)
    ]
    short = ledger[ledger["account"] != "741120"]
    [issue] = grant_accounts_against_register(
        short[short["account"] != "741510"], REGISTER, FiscalYear(label_year=2025)
    )
    assert (issue.code, issue.params["register"]) == ("grant_not_booked", 15_000.0)
    less = _ledger(
        [
            ("2025-04-15", "741210", 0, 3_000_000, False),
            ("2025-05-20", "741120", 0, 1_500_000, False),
        ]
    )
    [issue] = grant_accounts_against_register(less, REGISTER, FiscalYear(label_year=2025))
    assert (issue.code, issue.params["accounts"], issue.params["gap"]) == (
        "grant_accounts_differ",
        30_000.0,
        -10_000.0,
    )
