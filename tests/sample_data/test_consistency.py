"""The sample cases tell one story: funding register, budget and accounts agree.

Checked with the library's own check (:mod:`essdiag.budget.funding_check`):
on each case, the grant lines of the budget agree with the funding register
and the grant accounts of the closed year's FEC with the register, except
the deviations the case's ``ledger.toml`` lists as planted (``[[planted]]``,
the stories of its README) — and those are reported, exactly. The 2026
actuals differ from the budget by the deliberate deviations of the README
and by noise only (plain Python over the files).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from essdiag.budget.funding_check import (
    grant_accounts_against_register,
    grant_lines_against_register,
)
from essdiag.budget.template import read_budget
from essdiag.errors import Issue
from essdiag.ledger.fec import read_fec
from essdiag.periods import FiscalYear
from essdiag.samples import load_sample
from sample_data.simulation.spec import load_case
from tests.sample_data.plain_files import CASE, CASES, SAMPLE, budget_csv, cents, fec, signed

PLANTED: list[dict[str, Any]] = list(load_case(CASE).planted)


def _found(issues: list[Issue], amount: str) -> set[tuple[str, int, float, float]]:
    return {
        (i.params["account"], i.params["year"], i.params[amount], i.params["register"])
        for i in issues
    }


def _planted(check: str, amount: str) -> set[tuple[str, int, float, float]]:
    return {
        (p["account"], p["year"], float(p[amount]), float(p["register"]))
        for p in PLANTED
        if p["check"] == check
    }


def test_the_budget_agrees_with_the_register_but_for_the_planted_departement_cut() -> None:
    dossier = load_sample("recyclerie")
    issues = grant_lines_against_register(dossier.budget, dossier.funding, 2026)
    assert [i.code for i in issues] == ["grant_budget_differs"]
    assert _found(issues, "budget") == _planted("budget", "budget")
    assert _planted("budget", "budget") == {("741310", 2026, 95_000.0, 85_500.0)}


def test_the_2025_accounts_agree_with_the_register_but_for_the_aide_au_poste() -> None:
    dossier = load_sample("recyclerie")
    result = read_fec((CASE / "FEC_2025.txt").read_bytes(), file="FEC_2025.txt")
    assert result.ledger is not None
    issues = grant_accounts_against_register(
        result.ledger, dossier.funding, FiscalYear(label_year=2025)
    )
    assert [i.code for i in issues] == ["grant_accounts_differ"]
    assert _found(issues, "accounts") == _planted("accounts", "accounts")


@pytest.mark.parametrize("case", [c for c in CASES if c != "recyclerie"])
def test_cases_without_budget_or_accounts_have_nothing_to_disagree_on(case: str) -> None:
    dossier = load_sample(case)
    assert not dossier.budget.lines
    assert grant_lines_against_register(dossier.budget, dossier.funding, 2026) == []
    assert not (SAMPLE / case / "ledger.toml").exists()


def test_the_dossier_budget_is_the_shipped_template() -> None:
    budget = load_sample("recyclerie").budget
    read, issues = read_budget(
        (CASE / "budget_2026.xlsx").read_bytes(),
        file="budget_2026.xlsx",
        fiscal_year=FiscalYear(label_year=2026),
    )
    assert issues == []
    assert read is not None
    assert (budget.fiscal_year, budget.start_month, budget.lines) == (
        read.fiscal_year,
        read.start_month,
        read.lines,
    )
    assert [c.key for c in budget.comments] == ["615500"]


def test_the_treasury_opens_on_the_2025_closing_cash() -> None:
    dossier = load_sample("recyclerie")
    cash = sum(signed(r) for r in fec(CASE / "FEC_2025.txt") if r["CompteNum"][:2] in {"51", "53"})
    assert round(dossier.treasury.opening_cash * 100) == cash
    [accounts] = dossier.funding.accounts
    assert (accounts.year, round(accounts.cash * 100)) == (2025, cash)


# -- the 2026 actuals against the budget ---------------------------------------------------


def _ytd_budget_and_actual(accounts: tuple[str, ...]) -> tuple[int, int]:
    budget = sum(sum(cents(v) for v in row[5:15]) for row in budget_csv()[1:] if row[0] in accounts)
    actual = sum(
        signed(row)
        for row in fec(CASE / "FEC_2026_01-10.txt")
        if row["JournalCode"] != "AN" and row["CompteNum"] in accounts
    )
    return budget, abs(actual)


@pytest.mark.parametrize(
    ("accounts", "low", "high"),
    [
        (("606110", "606120"), 0.14, 0.22),  # energy +18 %
        (("741310",), -0.101, -0.099),  # Département grant cut by 10 %
        (("707100",), 0.04, 0.08),  # shop sales +6 %
        (("615500",), 0.30, 0.80),  # truck repair in June
        (("741110",), -0.07, -0.02),  # aide au poste, posts filled at 96 %
        (("613200",), -0.001, 0.001),  # rent: no deviation
    ],
)
def test_deliberate_2026_deviations(accounts: tuple[str, ...], low: float, high: float) -> None:
    budget, actual = _ytd_budget_and_actual(accounts)
    assert budget > 0
    assert low <= actual / budget - 1 <= high


DELIBERATE = {"606110", "606120", "741310", "707100", "615500", "741110", "641110"}


def test_the_deliberate_deviations_are_the_specs() -> None:
    case = load_case(CASE)
    assert set(case.factors) | set(case.additions) == DELIBERATE


def test_other_2026_lines_only_carry_noise() -> None:
    budget: dict[str, int] = defaultdict(int)
    for row in budget_csv()[1:]:
        budget[row[0]] += sum(cents(v) for v in row[5:15])
    actual: dict[str, int] = defaultdict(int)
    for row in fec(CASE / "FEC_2026_01-10.txt"):
        if row["JournalCode"] != "AN" and row["CompteNum"][0] in "67":
            actual[row["CompteNum"]] += signed(row)
    for account, planned in budget.items():
        if account in DELIBERATE or planned == 0 or account[0] not in "67":
            continue
        done = actual[account] if account[0] == "6" else -actual[account]
        assert abs(done / planned - 1) < 0.06, account
    unplanned = {a for a, v in actual.items() if v and budget.get(a, 0) == 0}
    assert not unplanned
