"""The sample cases tell one story: funding register, budget and accounts agree.

Checked with the library's own check (:mod:`essdiag.budget.funding_check`):
on each case, the grant lines of the budget agree with the funding register
and the grant accounts of the closed year's FEC with the register, except
the deviations the case's ``ledger.toml`` lists as planted (``[[planted]]``,
the stories of its README) — and those are reported, exactly. The 2026
actuals differ from the budget by the deliberate deviations of the README
and by noise only (plain Python over the files). The SCIC's accounts also
agree with its other sections: the HR register's payroll, the impact
section's volunteer hours, the compliance section's ESUS charges.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from essdiag.budget.funding_check import (
    grant_accounts_against_register,
    grant_lines_against_register,
)
from essdiag.budget.template import read_budget
from essdiag.compliance.engine import compliance_report
from essdiag.compliance.findings import Verdict
from essdiag.errors import Issue
from essdiag.finance.health import from_balances, from_year_accounts
from essdiag.ledger import account_balances
from essdiag.ledger.fec import read_fec
from essdiag.periods import FiscalYear
from essdiag.samples import load_sample
from sample_data.simulation.spec import load_case
from tests.sample_data.plain_files import (
    CASE,
    CASES,
    LEDGER_CASES,
    SAMPLE,
    SCIC,
    budget_csv,
    by_account,
    cents,
    fec,
    signed,
)

SOCIAL_CODES = ("PROD", "ACCOMP", "SOBRIETE", "EPARGNE")
"""The SCIC's social-utility activities (dossier/compliance.json, social_utility_codes)."""


def _found(issues: list[Issue], amount: str) -> set[tuple[str, int, float, float]]:
    return {
        (
            str(i.params["account"]),
            int(str(i.params["year"])),
            float(str(i.params[amount])),
            float(str(i.params["register"])),
        )
        for i in issues
    }


def _planted(folder: Path, check: str, amount: str) -> set[tuple[str, int, float, float]]:
    return {
        (p["account"], p["year"], float(p[amount]), float(p["register"]))
        for p in load_case(folder).planted
        if p["check"] == check
    }


def _ledger(folder: Path, name: str) -> Any:
    result = read_fec((folder / name).read_bytes(), file=name)
    assert result.issues == []
    assert result.ledger is not None
    return result.ledger


def test_the_budget_agrees_with_the_register_but_for_the_planted_departement_cut() -> None:
    dossier = load_sample("recyclerie")
    issues = grant_lines_against_register(dossier.budget, dossier.funding, 2026)
    assert [i.code for i in issues] == ["grant_budget_differs"]
    assert _found(issues, "budget") == _planted(CASE, "budget", "budget")
    assert _planted(CASE, "budget", "budget") == {("741310", 2026, 95_000.0, 85_500.0)}


def test_the_2025_accounts_agree_with_the_register_but_for_the_aide_au_poste() -> None:
    dossier = load_sample("recyclerie")
    issues = grant_accounts_against_register(
        _ledger(CASE, "FEC_2025.txt"), dossier.funding, FiscalYear(label_year=2025)
    )
    assert [i.code for i in issues] == ["grant_accounts_differ"]
    assert _found(issues, "accounts") == _planted(CASE, "accounts", "accounts")


def test_the_scic_budget_and_2025_accounts_agree_with_its_register_grant_by_grant() -> None:
    """The SCIC plants nothing: the check finds nothing, though the grants are there."""
    dossier = load_sample("scic-energie")
    assert load_case(SCIC).planted == ()
    assert grant_lines_against_register(dossier.budget, dossier.funding, 2026) == []
    ledger = _ledger(SCIC, "FEC_2025.txt")
    assert (
        grant_accounts_against_register(ledger, dossier.funding, FiscalYear(label_year=2025)) == []
    )
    # what the check compared: EPCI 20 000 € and Région 8 000 € on each side
    booked = by_account(fec(SCIC / "FEC_2025.txt"))
    assert (booked["741410"], booked["741210"]) == (-20_000_00, -8_000_00)
    grants = {s.account: s.amount(2026) for s in dossier.funding.sources if s.account[:2] == "74"}
    assert grants == {"741410": 20_000.0, "741210": 8_000.0}


@pytest.mark.parametrize("case", [c for c in CASES if c not in LEDGER_CASES])
def test_cases_without_budget_or_accounts_have_nothing_to_disagree_on(case: str) -> None:
    dossier = load_sample(case)
    assert not dossier.budget.lines
    assert grant_lines_against_register(dossier.budget, dossier.funding, 2026) == []
    assert not (SAMPLE / case / "ledger.toml").exists()


@pytest.mark.parametrize(
    ("case", "unbalanced", "comments"),
    [("recyclerie", [], ["615500"]), ("scic-energie", ["budget_unbalanced"], ["615500"])],
)
def test_the_dossier_budget_is_the_shipped_template(
    case: str, unbalanced: list[str], comments: list[str]
) -> None:
    """The SCIC's template shows its forecast result, so the reader says it is not balanced."""
    budget = load_sample(case).budget
    read, issues = read_budget(
        (SAMPLE / case / "budget_2026.xlsx").read_bytes(),
        file="budget_2026.xlsx",
        fiscal_year=FiscalYear(label_year=2026),
    )
    assert [i.code for i in issues] == unbalanced
    assert read is not None
    assert (budget.fiscal_year, budget.start_month, budget.lines) == (
        read.fiscal_year,
        read.start_month,
        read.lines,
    )
    assert [c.key for c in budget.comments] == comments


@pytest.mark.parametrize("case", LEDGER_CASES)
def test_the_treasury_opens_on_the_2025_closing_cash(case: str) -> None:
    dossier = load_sample(case)
    rows = fec(SAMPLE / case / "FEC_2025.txt")
    cash = sum(signed(r) for r in rows if r["CompteNum"][:2] in {"51", "53"})
    assert round(dossier.treasury.opening_cash * 100) == cash
    accounts = [a for a in dossier.funding.accounts if a.year == 2025]
    assert [round(a.cash * 100) for a in accounts] == [cash]


def test_the_scic_hand_entered_balance_sheets_are_its_accounts() -> None:
    """2025 is the FEC's closing trial balance; 2024 its opening entry (the 2024 closing)."""
    dossier = load_sample("scic-energie")
    by_year = {a.year: from_year_accounts(a) for a in dossier.funding.accounts}
    ledger = _ledger(SCIC, "FEC_2025.txt")
    fy = FiscalYear(label_year=2025)
    assert by_year[2025] == from_balances(account_balances(ledger, fy.start, fy.end))
    opening = ledger[ledger["opening"]]
    trial = opening[["account"]].assign(
        balance_cents=opening["debit_cents"] - opening["credit_cents"]
    )
    closing_2024 = from_balances(trial)
    for name in ("equity", "provisions", "long_term_debt", "fixed_assets_net", "cash", "result"):
        assert getattr(by_year[2024], name) == getattr(closing_2024, name), name


# -- the SCIC against its other sections ---------------------------------------------------


def test_the_scic_payroll_is_its_hr_register() -> None:
    """641100 over 2025 is the register's base + variable pay, but for monthly rounding."""
    text = (SCIC / "effectif_2025.csv").read_text("utf-8-sig")
    people = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    base = sum(int(p["salaire_base_annuel"]) for p in people)
    variable = sum(int(p["variable_annuel"]) for p in people)
    assert (len(people), base, variable) == (6, 179_500, 4_800)
    assert sum(float(p["etp"].replace(",", ".")) for p in people) == pytest.approx(5.2)
    paid = by_account(fec(SCIC / "FEC_2025.txt"))["641100"]
    # 12 × 14 958,33 € (179 500 / 12 to the cent) + 4 800 € of variable pay in December
    assert paid == 12 * 14_958_33 + 4_800_00 == (base + variable) * 100 - 4


def test_the_scic_volunteer_time_is_the_impact_sections_hours() -> None:
    dossier = load_sample("scic-energie")
    hours = next(i for i in dossier.impact.indicators if i.id == "benevolat")
    declared = {p.period: p.value for p in hours.actuals}
    # 1 800 h × 11,88 € (hourly SMIC from 1 November 2024, in force on 31 December 2025)
    assert by_account(fec(SCIC / "FEC_2025.txt"))["864000"] == round(declared["2025"] * 1188)


def test_the_scic_meets_the_esus_charges_criterion_from_its_accounts_by_analytic_code() -> None:
    """(124 000 + 133 700 + S₂₀₂₅) / (171 000 + 186 500 + T₂₀₂₅) reads 71,85 %, as declared.

    T = operating charges of 2025 (60 to 65 and 681) from the FEC rows, S their
    part on the social-utility codes; 2023 and 2024 as dossier/compliance.json declares.
    """
    total = social = 0
    for row in fec(SCIC / "FEC_2025.txt"):
        account = row["CompteNum"]
        if row["JournalCode"] != "AN" and (
            account[:2] in {"60", "61", "62", "63", "64", "65"} or account.startswith("681")
        ):
            total += signed(row)
            social += signed(row) if row["CodeAnalytique"] in SOCIAL_CODES else 0
    assert (total, social) == (457_722_02, 328_007_35)  # README: charges d'exploitation 2025
    dossier = load_sample("scic-energie")
    declared = {c.year: c for c in dossier.compliance.esus.declared_charges}
    assert set(dossier.compliance.esus.social_utility_codes) == set(SOCIAL_CODES)
    ratio = (
        declared[2023].social_utility_charges * 100
        + declared[2024].social_utility_charges * 100
        + social
    ) / (declared[2023].operating_charges * 100 + declared[2024].operating_charges * 100 + total)
    assert f"{ratio:.4f}" == f"{404_000 / 562_300:.4f}" == "0.7185"
    report, issues = compliance_report(
        dossier, on=date(2026, 12, 1), ledgers={2025: _ledger(SCIC, "FEC_2025.txt")}
    )
    assert issues == []
    charges = report.get("esus.charges")
    assert charges.verdict is Verdict.CONFORM
    assert charges.figure is not None and charges.figure.value == pytest.approx(ratio)
    assert report.charges[0].year == 2025
    assert report.charges[0].source == "grand livre importé"


# -- the 2026 actuals against the budget ---------------------------------------------------


def _ytd(folder: Path, accounts: tuple[str, ...]) -> tuple[int, int]:
    budget = sum(
        sum(cents(v) for v in row[5:15]) for row in budget_csv(folder)[1:] if row[0] in accounts
    )
    actual = sum(
        signed(row)
        for row in fec(folder / "FEC_2026_01-10.txt")
        if row["JournalCode"] != "AN" and row["CompteNum"] in accounts
    )
    return budget, abs(actual)


@pytest.mark.parametrize(
    ("folder", "accounts", "low", "high"),
    [
        (CASE, ("606110", "606120"), 0.14, 0.22),  # energy +18 %
        (CASE, ("741310",), -0.101, -0.099),  # Département grant cut by 10 %
        (CASE, ("707100",), 0.04, 0.08),  # shop sales +6 %
        (CASE, ("615500",), 0.30, 0.80),  # truck repair in June
        (CASE, ("741110",), -0.07, -0.02),  # aide au poste, posts filled at 96 %
        (CASE, ("613200",), -0.001, 0.001),  # rent: no deviation
        (SCIC, ("701100", "701200"), 0.05, 0.09),  # sunny summer: May–August +14 %
        (SCIC, ("615500",), 1.5, 2.5),  # inverter replaced in July, +9 400 €
        (SCIC, ("701300",), -0.03, 0.03),  # the wind turbines did not get the sun
        (SCIC, ("641100",), -0.001, 0.001),  # salaries: the register's
    ],
)
def test_deliberate_2026_deviations(
    folder: Path, accounts: tuple[str, ...], low: float, high: float
) -> None:
    budget, actual = _ytd(folder, accounts)
    assert budget > 0
    assert low <= actual / budget - 1 <= high


def test_the_sunny_summer_is_in_the_summer_months_only() -> None:
    budget: dict[int, int] = defaultdict(int)
    for line in budget_csv(SCIC)[1:]:
        if line[0] == "701100":
            for month, value in enumerate(line[5:17], start=1):
                budget[month] += cents(value)
    actual: dict[int, int] = defaultdict(int)
    for row in fec(SCIC / "FEC_2026_01-10.txt"):
        if row["CompteNum"] == "701100" and row["JournalCode"] != "AN":
            actual[int(row["EcritureDate"][4:6])] -= signed(row)
    gaps = {m: actual[m] / budget[m] - 1 for m in range(1, 11)}
    assert all(0.08 < gaps[m] < 0.20 for m in (5, 6, 7, 8)), gaps  # +14 % and noise
    assert all(abs(gaps[m]) < 0.06 for m in (1, 2, 3, 4, 9, 10)), gaps


def test_the_regions_investment_grant_is_notified_but_not_paid_at_the_cutoff() -> None:
    rows = fec(SCIC / "FEC_2026_01-10.txt")
    region = [r for r in rows if r["CompteNum"] == "441000" and r["CompAuxNum"] == "SUBREG"]
    assert sum(signed(r) for r in region) == 50_000_00  # receivable still due on 31 October
    notified = [r for r in region if r["PieceRef"] == "CONV-SUBREG-INV-2026"]
    assert [(r["EcritureDate"], signed(r), r["EcritureLet"]) for r in notified] == [
        ("20260310", 50_000_00, "")  # notified in March, never lettered with a payment
    ]
    grant = next(s for s in load_sample("scic-energie").funding.sources if s.account == "131200")
    assert grant.amount(2026) == 50_000
    assert -by_account(rows)["131200"] == 50_000_00


@pytest.mark.parametrize("folder", [CASE, SCIC])
def test_the_deliberate_deviations_are_the_specs(folder: Path) -> None:
    case = load_case(folder)
    expected = {
        CASE: {"606110", "606120", "741310", "707100", "615500", "741110", "641110"},
        SCIC: {"701100", "701200", "615500"},
    }[folder]
    assert set(case.factors) | set(case.additions) == expected


@pytest.mark.parametrize(("folder", "tolerance"), [(CASE, 0.06), (SCIC, 0.07)])
def test_other_2026_lines_only_carry_noise(folder: Path, tolerance: float) -> None:
    """Within a few per cent of the budget (the SCIC's small tool purchases: +6,2 %)."""
    case = load_case(folder)
    deliberate = set(case.factors) | set(case.additions) | {"641110"}
    budget: dict[str, int] = defaultdict(int)
    for line in budget_csv(folder)[1:]:
        budget[line[0]] += sum(cents(v) for v in line[5:15])
    actual: dict[str, int] = defaultdict(int)
    for row in fec(folder / "FEC_2026_01-10.txt"):
        if row["JournalCode"] != "AN" and row["CompteNum"][0] in "67":
            actual[row["CompteNum"]] += signed(row)
    for account, planned in budget.items():
        if account in deliberate or planned == 0 or account[0] not in "67":
            continue
        done = actual[account] if account[0] == "6" else -actual[account]
        assert abs(done / planned - 1) < tolerance, account
    unplanned = {a for a, v in actual.items() if v and budget.get(a, 0) == 0}
    assert not unplanned


def test_the_scic_gaps_beyond_both_thresholds_are_the_readmes() -> None:
    """README « Seuils » : above 5 000 € and 5 % of the budget, month by month and to date.

    The thresholds are the SCIC's (dossier/budget.json, materiality); budget from
    budget_2026.csv, actuals from FEC_2026_01-10.txt (à-nouveaux left out).
    """
    materiality = load_sample("scic-energie").budget.materiality
    assert (materiality.absolute, materiality.relative, materiality.both) == (5_000, 0.05, True)
    budget: dict[tuple[str, int], int] = defaultdict(int)
    for line in budget_csv(SCIC)[1:]:
        if line[0][0] in "67":
            for month, value in enumerate(line[5:15], start=1):
                budget[line[0], month] += cents(value)
    actual: dict[tuple[str, int], int] = defaultdict(int)
    for row in fec(SCIC / "FEC_2026_01-10.txt"):
        account = row["CompteNum"]
        if row["JournalCode"] != "AN" and account[0] in "67":
            actual[account, int(row["EcritureDate"][4:6])] += signed(row) * (
                1 if account[0] == "6" else -1
            )

    def beyond(planned: int, done: int) -> bool:
        gap = abs(done - planned)
        return gap > 5_000_00 and gap > 0.05 * abs(planned)

    keys = set(budget) | set(actual)
    monthly = {k for k in keys if beyond(budget[k], actual[k])}
    assert monthly == {("701100", 6), ("615500", 7)}
    assert actual["701100", 6] - budget["701100", 6] == pytest.approx(5_003_00, abs=50)  # +5 003 €
    to_date = {
        account
        for account in {k[0] for k in keys}
        if beyond(
            sum(budget[account, m] for m in range(1, 11)),
            sum(actual[account, m] for m in range(1, 11)),
        )
    }
    assert to_date == {"701100", "615500"}
