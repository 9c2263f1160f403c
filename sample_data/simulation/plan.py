"""Month-by-month plans in cents: year-1 actual targets, the year-2 budget, then the actuals.

Where it sits: between the spec (:mod:`.spec`) and the postings. The plan of
a year phases each account's annual amount over its season (largest
remainder, so the months add up exactly); payroll, loan interest and
depreciation come from their models. Year 2's plan is the budget, balanced
on the spec's balancing account. The actuals are the plan with monthly
noise, plus year 2's deliberate deviations (a factor, on some months or all; an
amount added in one month; grant instalments moved).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sample_data.simulation.amounts import noisy, phase
from sample_data.simulation.days import in_month
from sample_data.simulation.spec import Case, Loan

__all__ = [
    "Actuals",
    "actual_months",
    "depreciation_total",
    "is_charge",
    "loan_schedule",
    "payroll_entry",
    "plan_months",
]


def is_charge(account: str) -> bool:
    """Charges and uses of contributions in kind (6, 86) are positive debits."""
    return account.startswith(("6", "86"))


def payroll_entry(
    case: Case, perm: int, ins: int, mutuelle: int
) -> tuple[dict[str, int], dict[str, int]]:
    """Debits and credits of a month's payroll from gross salaries (cents)."""
    rates = case.payroll
    debits = {"641100": perm, "641110": ins}
    for account, (rp, ri) in rates.employer_rates.items():
        debits[account] = round(perm * rp + ins * ri)
    debits["645200"] = mutuelle
    employee = {acc: round(perm * rp + ins * ri) for acc, (rp, ri) in rates.employee_rates.items()}
    pas = round(perm * rates.income_tax_rates[0] + ins * rates.income_tax_rates[1])
    credits = {
        "431000": employee["431000"] + debits["645100"] + debits["633300"],
        "437300": employee["437300"] + debits["645300"],
        "437200": 2 * mutuelle,
        "437400": employee["437400"] + debits["645800"],
        "442100": pas,
    }
    credits["421000"] = perm + ins - sum(employee.values()) - mutuelle - pas
    return debits, credits


def payroll_months(
    case: Case, perm: Sequence[int], ins: Sequence[int], mutuelle: int
) -> dict[str, list[int]]:
    """Charge accounts of the payroll, month by month."""
    out: dict[str, list[int]] = defaultdict(lambda: [0] * 12)
    for m in range(12):
        debits, _ = payroll_entry(case, perm[m], ins[m], mutuelle)
        for account, amount in debits.items():
            out[account][m] = amount
    return dict(out)


def loan_schedule(loan: Loan) -> list[tuple[dt.date, int, int]]:
    """(date, capital, interest) of each remaining instalment of a loan, in cents.

    An annuity loan pays a constant instalment (capital + interest); a
    ``constant`` loan repays the same capital each time, plus the interest on
    what remains due.
    """
    capital = loan.capital_cents
    count = loan.payments
    r = loan.annual_rate / loan.per_year
    payment = round(capital * r / (1 - (1 + r) ** -count))
    share = round(capital / count)
    step = 12 // loan.per_year
    first = loan.first.year * 12 + loan.first.month - 1
    out = []
    for i in range(count):
        year, month = divmod(first + i * step, 12)
        interest = round(capital * r)
        if i == count - 1:
            principal = capital
        elif loan.method == "annuity":
            principal = payment - interest
        else:
            principal = share
        capital -= principal
        out.append((in_month(year, month + 1, loan.first.day), principal, interest))
    return out


def depreciation_total(case: Case, year: int) -> int:
    """Depreciation allowance of the year, cents."""
    column = 0 if year == case.year_1 else 1
    return sum(asset.allowance[column] for asset in case.assets) * 100


def plan_months(case: Case, year: int) -> dict[str, list[int]]:
    """Monthly plan in cents: year-1 actual targets, or the year-2 budget (balanced)."""
    year_2 = year == case.year_2
    months: dict[str, list[int]] = {}
    for spec in case.lines:
        euros = spec.budget_year_2() if year_2 else spec.amount
        months[spec.account] = phase(euros * 100, spec.weights(year_2=year_2, actual=False))
    pay = case.payroll
    perm = pay.permanent_months(year)
    ins = [pay.insertion_gross_month_cents[year]] * 12
    months.update(payroll_months(case, perm, ins, pay.mutuelle_month_cents[year]))
    for loan in case.loans:
        interest = months.setdefault(loan.interest_account, [0] * 12)
        for date, _capital, amount in loan_schedule(loan):
            if date.year == year:
                interest[date.month - 1] += amount
    months["681100"] = [0] * 11 + [depreciation_total(case, year)]
    for charge, income in case.cvn_pairs.items():
        months[income] = list(months[charge])
    if year_2:
        _balance_budget(case, months)
    return {k: months[k] for k in sorted(months)}


def _balance_budget(case: Case, months: dict[str, list[int]]) -> None:
    """Set the balancing line so that total charges equal total income (when the spec has one)."""
    account = case.budget.balancing_account
    if not account:
        return
    charges = sum(sum(v) for k, v in months.items() if is_charge(k))
    income = sum(sum(v) for k, v in months.items() if not is_charge(k))
    income -= sum(months[account])
    gap = charges - income
    if gap <= 0:
        raise ValueError("the year-2 budget no longer needs its balancing grant")
    spec = case.line(account)
    if spec is None:
        raise ValueError(f"the balancing account {account} has no [[lines]] entry")
    months[account] = phase(gap, spec.weights(year_2=True, actual=False))


@dataclass
class Actuals:
    """What really happened in a year, month by month (cents)."""

    months: dict[str, list[int]]
    perm: list[int]
    ins: list[int]
    mutuelle: int


def actual_months(case: Case, year: int, rng: np.random.Generator) -> Actuals:
    """The actuals: the plan with monthly noise, plus the year-2 deviations."""
    year_2 = year == case.year_2
    plan = plan_months(case, year)
    scale = case.noise[1] if year_2 else case.noise[0]
    factors = case.factors if year_2 else {}
    months: dict[str, list[int]] = {}
    for spec in case.lines:
        base = plan[spec.account]
        if spec.kind == "grant" and year_2:
            base = phase(spec.budget_year_2() * 100, spec.weights(year_2=True, actual=True))
        if spec.account in factors:
            chosen = case.factor_months.get(spec.account, ())
            base = [
                round(m * factors[spec.account]) if not chosen or k + 1 in chosen else m
                for k, m in enumerate(base)
            ]
        months[spec.account] = noisy(base, spec.sigma * scale, rng)
    pay = case.payroll
    perm = noisy(pay.permanent_months(year), pay.noise[0], rng)
    factor = factors.get("641110", 1.0)
    ins = noisy([round(pay.insertion_gross_month_cents[year] * factor)] * 12, pay.noise[1], rng)
    if year_2:
        for account, (month, cents) in case.additions.items():
            months[account][month - 1] += cents
    return Actuals(months, perm, ins, pay.mutuelle_month_cents[year])
